/**
 * `pnpm bench`: the scale models at about 10⁴, 10⁵ and 10⁶ states, each explored by
 * Plumbline and by its peers in the same run, in turn (A B C A B C …), medians reported:
 *
 * - plumbline: the whole `plumbline check` process, as a user runs it (start-up, loading
 *   the model with jiti, the report), timed from outside;
 * - engine: `checkSystem` in process, the same engine without the command around it;
 * - naive: breadth-first with JSON.stringify keys in a Set, in process;
 * - graph: `getAdjacencyMap` from xstate/graph (machines; not past 10⁵: it takes minutes);
 * - bare: the machine's own transition function over the same steps, nothing else (it
 *   also times the engine in turn with itself, in its process, for the fairest ratio);
 * - spin: SPIN's `pan -DSAFETY -DBFS -DNOREDUCE` on the same model in Promela (where spin
 *   and a C compiler are installed); for liveness, `pan -a -f` (weak fairness) on its LTL;
 * - safety: for the liveness model, the engine on the same model without its liveness property;
 * - unreduced: for the symmetric users, the engine on the same model without `symmetric`.
 *
 * Then the conformance cases (`conformance.ts`): covering paths against xstate/graph's
 * `getShortestPaths`, and recorded traces checked a line at a time.
 *
 * Options: --runs N (default 3), --quick (one run, up to 10⁵), --only family,case,…
 * (families: counters-store, counters-machine, filter-lock; cases: covering-paths, trace).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { coveringPathsCase, traceCase, type CaseResult, type Context } from './conformance.js'
import { canMeasureMemory, runProcess, type ProcessRun } from './lib/processes.js'
import { grouped, median, ratio, seconds, table } from './lib/statistics.js'
import { COUNTER_TOP, type Family, type PeerResult } from './peers/scale-models.js'
import { countersLivenessPromela, countersPromela, filterLockPromela } from './promela.js'
import { usersTop } from './models/users.js'
import { simulationCase } from './simulation.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')
const scratch = path.join(root, 'bench/.tmp')
const cli = path.join(root, 'packages/cli/bin/plumbline.js')
const MAX_STATES = '5000000'

type PeerName = 'plumbline' | 'engine' | 'naive' | 'graph' | 'bare' | 'spin' | 'safety' | 'unreduced'

interface Scale {
  family: Family
  /** What `size` means, for the table. */
  describe: (size: number) => string
  sizes: number[]
  peers: PeerName[]
  /** Peers left out above a size, with the reason. */
  limits?: Partial<Record<PeerName, { size: number; reason: string }>>
  promela: (size: number) => string
  modelFile: (size: number) => string
  /** How SPIN checks it: `pan`'s compile flags and arguments (safety, breadth-first, by default). */
  spin?: { compile: string[]; run: string[] }
}

const SCALES: Scale[] = [
  {
    family: 'counters-store',
    describe: (k) => `${k} counters in 0..${COUNTER_TOP - 1}, a store`,
    sizes: [4, 5, 6],
    peers: ['plumbline', 'engine', 'naive', 'spin'],
    promela: (k) => countersPromela(k, COUNTER_TOP),
    modelFile: (k) =>
      modelFile('countersStore', 'counters-store.js', `stores: { counters: countersStore(${k}, ${COUNTER_TOP}) }`),
  },
  {
    family: 'counters-machine',
    describe: (k) => `${k} counters in 0..${COUNTER_TOP - 1}, an XState machine's context`,
    sizes: [4, 5, 6],
    peers: ['plumbline', 'engine', 'bare', 'graph', 'naive', 'spin'],
    limits: { graph: { size: 5, reason: 'getAdjacencyMap takes minutes and gigabytes at 10⁶' } },
    promela: (k) => countersPromela(k, COUNTER_TOP),
    modelFile: (k) =>
      modelFile(
        'countersMachine',
        'counters-machine.js',
        `machines: { counters: countersMachine(${k}, ${COUNTER_TOP}) }`,
      ),
  },
  {
    family: 'counters-liveness',
    describe: (k) => `${k} counters in 0..${COUNTER_TOP - 1}, a store, with "every counter eventually at its top"`,
    sizes: [5],
    peers: ['engine', 'safety', 'spin'],
    promela: (k) => countersLivenessPromela(k, COUNTER_TOP),
    modelFile: (k) =>
      modelFile(
        'countersLiveness',
        'counters-store.js',
        `stores: { counters: countersLiveness(${k}, ${COUNTER_TOP}) }`,
      ),
    spin: { compile: ['-DNOREDUCE'], run: ['-a', '-f'] },
  },
  {
    family: 'users-symmetric',
    describe: (k) =>
      `${k} interchangeable users at levels 0..${usersTop(k)}, a store with symmetric ids (unreduced: without)`,
    sizes: [3, 4, 5],
    peers: ['engine', 'unreduced'],
    promela: () => '',
    modelFile: (k) => modelFile('users', 'users.js', `stores: { users: users(${k}, true) }`),
  },
  {
    family: 'filter-lock',
    describe: (n) => `Peterson's filter lock, ${n} processes, a store`,
    sizes: [4, 5, 6],
    peers: ['plumbline', 'engine', 'naive', 'spin'],
    promela: filterLockPromela,
    modelFile: (n) => modelFile('filterLock', 'filter-lock.js', `stores: { lock: filterLock(${n}) }`),
  },
]

function modelFile(factory: string, module: string, section: string): string {
  return `import { defineSystem } from '@plumbline/core'
import { ${factory} } from '../models/${module}'

export default defineSystem({ name: 'bench', ${section} })
`
}

interface Sample {
  states: number
  ms: number
  peakKb: number | undefined
  /** The engine, timed by the bare peer in its own process, in turn with the bare loop. */
  engineMs?: number
}

const spinAvailable = hasCommand('spin') && hasCommand('gcc')

async function measure(scale: Scale, size: number, peer: PeerName): Promise<Sample> {
  const tag = `${scale.family}-${size}`
  if (peer === 'plumbline') {
    const run = await runProcess(
      process.execPath,
      [cli, 'check', path.join(scratch, `${tag}.ts`), '--format', 'json', '--max-states', MAX_STATES],
      { cwd: root },
    )
    const [stats] = JSON.parse(run.stdout).models[0].exploration
    if (!stats?.complete)
      throw new Error(`plumbline did not explore ${tag} to the end: ${run.stdout.slice(0, 500)}${run.stderr}`)
    return { states: stats.states, ms: run.wallMs, peakKb: run.peakKb }
  }
  if (peer === 'spin') {
    const run = await runProcess('./pan', scale.spin?.run ?? ['-E'], { cwd: path.join(scratch, 'spin', tag) })
    const states = /(\d+) states, stored/.exec(run.stdout)
    // A liveness run must agree with ours: the property holds.
    if (scale.spin !== undefined && !/errors: 0\b/.test(run.stdout))
      throw new Error(`pan found a violation: ${run.stdout}`)
    const memory = /([\d.]+)\s+total actual memory usage/.exec(run.stdout)
    if (!states) throw new Error(`pan: ${run.stdout}${run.stderr}`)
    return {
      states: Number(states[1]),
      ms: run.wallMs,
      peakKb: run.peakKb ?? (memory ? Number(memory[1]) * 1024 : undefined),
    }
  }
  const file = path.join(
    root,
    'bench/peers',
    `${peer === 'bare' ? 'bare-transition' : peer === 'safety' || peer === 'unreduced' ? 'engine' : peer}.ts`,
  )
  // The safety peer: the same counters without the liveness property; unreduced: the users without symmetry.
  const family = peer === 'safety' ? 'counters-store' : peer === 'unreduced' ? 'users-plain' : scale.family
  const run = await runProcess(process.execPath, ['--import', 'jiti/register', file, family, String(size)], {
    cwd: root,
  })
  const result = parsePeer(run, `${peer} ${tag}`)
  return {
    states: result.states,
    ms: result.ms,
    peakKb: run.peakKb ?? result.maxRssKb,
    ...(result.engineMs === undefined ? {} : { engineMs: result.engineMs }),
  }
}

function parsePeer(run: ProcessRun, what: string): PeerResult {
  const line = run.stdout.trim().split('\n').at(-1)
  if (run.exitCode !== 0 || line === undefined || line === '')
    throw new Error(`${what} failed (exit ${run.exitCode}): ${run.stderr}`)
  return JSON.parse(line) as PeerResult
}

function prepare(scale: Scale, size: number): void {
  const tag = `${scale.family}-${size}`
  writeFileSync(path.join(scratch, `${tag}.ts`), scale.modelFile(size))
  if (!spinAvailable || !scale.peers.includes('spin')) return
  const dir = path.join(scratch, 'spin', tag)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'model.pml'), scale.promela(size))
  execFileSync('spin', ['-a', 'model.pml'], { cwd: dir, stdio: 'ignore' })
  execFileSync(
    'gcc',
    ['-O2', '-w', ...(scale.spin?.compile ?? ['-DSAFETY', '-DBFS', '-DNOREDUCE']), '-o', 'pan', 'pan.c'],
    {
      cwd: dir,
      stdio: 'ignore',
    },
  )
}

function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, quick: { type: 'boolean' }, only: { type: 'string' } },
  })
  const runs = values.quick ? 1 : Number(values.runs ?? 3)
  const only = values.only?.split(',')
  mkdirSync(scratch, { recursive: true })
  console.log(
    `Plumbline bench: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${runs} run${runs === 1 ? '' : 's'} each, medians`,
  )
  if (!spinAvailable)
    console.log('spin or gcc is not installed: the SPIN column is left out (Debian: apt-get install spin gcc)')
  if (!canMeasureMemory)
    console.log(
      '/usr/bin/time is not installed: peak memory is what each Node process reports of itself; none for the command',
    )

  const medians = new Map<string, Sample>()
  for (const scale of SCALES) {
    if (only && !only.includes(scale.family)) continue
    for (const size of scale.sizes) {
      if (values.quick && size > 5) continue
      prepare(scale, size)
      const peers = scale.peers.filter(
        (peer) =>
          (peer !== 'spin' || spinAvailable) && size <= (scale.limits?.[peer]?.size ?? Number.POSITIVE_INFINITY),
      )
      // A run of the command first, not counted: jiti caches the transpiled model on disk.
      if (peers.includes('plumbline')) await measure(scale, size, 'plumbline')
      const samples = new Map<PeerName, Sample[]>(peers.map((peer) => [peer, []]))
      for (let run = 0; run < runs; run++)
        for (const peer of peers) samples.get(peer)!.push(await measure(scale, size, peer))
      console.log(`\n${scale.describe(size)}`)
      const rows = peers.map((peer) => {
        const list = samples.get(peer)!
        const sample: Sample = {
          states: list[0]!.states,
          ms: median(list.map((s) => s.ms)),
          peakKb: list[0]!.peakKb === undefined ? undefined : median(list.map((s) => s.peakKb ?? 0)),
          ...(list[0]!.engineMs === undefined ? {} : { engineMs: median(list.map((s) => s.engineMs ?? 0)) }),
        }
        if (list.some((s) => s.states !== sample.states))
          throw new Error(`${peer}: the state count changed between runs`)
        medians.set(`${scale.family}/${size}/${peer}`, sample)
        return [
          peer,
          grouped(sample.states),
          seconds(sample.ms),
          grouped((sample.states / sample.ms) * 1000),
          sample.peakKb === undefined ? 'n/a' : `${grouped(sample.peakKb / 1024)} MB`,
        ]
      })
      console.log(table(['peer', 'states', 'time', 'states/s', 'peak memory'], rows))
      const skipped = Object.entries(scale.limits ?? {}).filter(([, limit]) => size > limit.size)
      for (const [peer, limit] of skipped) console.log(`(${peer} left out: ${limit.reason})`)
      // SPIN's liveness search counts the product with its never claim; symmetry is there to count fewer.
      const counts = new Set(
        rows
          .filter((row) => (scale.spin === undefined || row[0] !== 'spin') && row[0] !== 'unreduced')
          .map((row) => row[1]),
      )
      if (counts.size > 1) console.log('WARNING: the peers do not agree on the number of states')
    }
  }
  const cases: [string, (context: Context) => Promise<CaseResult>][] = [
    ['covering-paths', coveringPathsCase],
    ['trace', traceCase],
    ['simulation', simulationCase],
  ]
  const conformance: string[] = []
  for (const [name, run] of cases) {
    if (only && !only.includes(name)) continue
    const result = await run({ root, scratch, cli, runs })
    console.log(`\n${result.text}`)
    conformance.push(...result.targets)
  }
  console.log(`\n${[targets(medians), ...conformance].join('\n')}`)
}

/** The targets, as ratios between peers of the same run. */
function targets(medians: Map<string, Sample>): string {
  const get = (family: Family, size: number, peer: PeerName) => medians.get(`${family}/${size}/${peer}`)
  const lines: string[] = ['Targets (ratios of medians in this run)']
  const line = (text: string, value: number | undefined, goal: (value: number) => boolean, target: string) => {
    if (value === undefined || Number.isNaN(value)) return
    lines.push(`  ${text}: ${ratio(value)} (target ${target}: ${goal(value) ? 'met' : 'NOT met'})`)
  }
  for (const family of ['counters-store', 'filter-lock'] as const) {
    const size = family === 'counters-store' ? 6 : 6
    const ours = get(family, size, 'plumbline')
    const naive = get(family, size, 'naive')
    const spin = get(family, size, 'spin')
    if (!ours) continue
    lines.push(`  ${family} at ${grouped(ours.states)} states:`)
    line('  naive BFS in process / whole plumbline check', naive && naive.ms / ours.ms, (v) => v >= 2, '≥ 2×')
    line(
      '  plumbline check peak memory / SPIN peak memory',
      spin?.peakKb && ours.peakKb && ours.peakKb / spin.peakKb,
      (v) => v <= 1,
      '≤ 1×',
    )
    line('  plumbline check time / SPIN time', spin && ours.ms / spin.ms, () => true, 'reported')
  }
  const liveness = get('counters-liveness', 5, 'engine')
  const safety = get('counters-liveness', 5, 'safety')
  const spinLiveness = get('counters-liveness', 5, 'spin')
  if (liveness) {
    lines.push(`  counters-liveness at ${grouped(liveness.states)} states:`)
    line('  liveness check / safety check of the same model', safety && liveness.ms / safety.ms, (v) => v <= 2, '≤ 2×')
    line(
      '  liveness check / SPIN pan -a -f (same verdict)',
      spinLiveness && liveness.ms / spinLiveness.ms,
      () => true,
      'reported',
    )
  }
  for (const k of [3, 4, 5]) {
    const reduced = get('users-symmetric', k, 'engine')
    const unreduced = get('users-symmetric', k, 'unreduced')
    if (!reduced || !unreduced) continue
    const factorial = [1, 1, 2, 6, 24, 120][k]!
    const factor = unreduced.states / reduced.states
    lines.push(`  ${k} symmetric users (k! = ${factorial}):`)
    line('  states without / with symmetry', factor, () => true, `reported; k! = ${factorial}`)
    line(
      '  time without / with symmetry',
      unreduced.ms / reduced.ms,
      (v) => k !== 4 || v >= factor / 2,
      k === 4 ? '≥ half the states factor' : 'reported',
    )
  }
  const engine5 = get('counters-machine', 5, 'engine')
  const engine6 = get('counters-machine', 6, 'engine')
  const graph5 = get('counters-machine', 5, 'graph')
  const bare5 = get('counters-machine', 5, 'bare')
  if (engine5) {
    lines.push(`  counters-machine at ${grouped(engine5.states)} snapshots:`)
    line('  getAdjacencyMap / engine', graph5 && graph5.ms / engine5.ms, (v) => v >= 5, '≥ 5×')
    line(
      '  engine / bare transition function, in turn in one process',
      bare5?.engineMs && bare5.engineMs / bare5.ms,
      (v) => v <= 1.5,
      '≤ 1.5×',
    )
    line(
      '  engine / bare transition function, each in its own process',
      bare5 && engine5.ms / bare5.ms,
      () => true,
      'reported',
    )
    line('  engine at 10⁶ / engine at 10⁵', engine6 && engine6.ms / engine5.ms, (v) => v <= 12, '≤ 12×')
  }
  return lines.join('\n')
}

if (!existsSync(cli)) throw new Error('build first: pnpm build')
await main()
