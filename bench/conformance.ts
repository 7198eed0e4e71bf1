/**
 * The conformance cases of `pnpm bench` (issue 13's targets), each a ratio within one run:
 *
 * - covering-paths: `machinePaths` against xstate/graph's `getShortestPaths` on the counters
 *   machine at 10⁴ snapshots, in turn in one process (`peers/covering-paths.ts`), with the
 *   total steps of the covering paths beside the number of reachable transitions;
 * - trace: the whole `plumbline conform MODEL --store counters --trace FILE` process on
 *   recorded traces of the counters store (every line with its observed state) of 10⁵ and
 *   10⁶ lines, in turn: lines a second, and peak memory of the one against the other.
 */
import { createWriteStream } from 'node:fs'
import path from 'node:path'
import { once } from 'node:events'
import { runProcess } from './lib/processes.js'
import { grouped, median, ratio, seconds, table } from './lib/statistics.js'
import { COUNTER_TOP } from './peers/scale-models.js'

export interface Context {
  root: string
  scratch: string
  cli: string
  runs: number
}

/** What a case prints: its table, and its lines of the targets. */
export interface CaseResult {
  text: string
  targets: string[]
}

/** The covering-paths case: its table, and its target lines. */
export async function coveringPathsCase({ root, runs }: Context): Promise<CaseResult> {
  const peer = path.join(root, 'bench/peers/covering-paths.ts')
  // Rounds in turn inside the one process: at least 5, so the median is not one noisy round.
  const run = await runProcess(process.execPath, ['--import', 'jiti/register', peer, '4', String(Math.max(5, runs))], {
    cwd: root,
  })
  const line = run.stdout.trim().split('\n').at(-1)
  if (run.exitCode !== 0 || line === undefined) throw new Error(`covering-paths failed: ${run.stderr}`)
  const result = JSON.parse(line) as {
    oursMs: number
    theirsMs: number
    bareMs: number
    snapshots: number
    transitions: number
    paths: number
    steps: number
    shortestPaths: number
  }
  const text = [
    `Covering paths: 4 counters in 0..${COUNTER_TOP - 1}, an XState machine's context (${grouped(result.snapshots)} snapshots, ${grouped(result.transitions)} reachable transitions)`,
    table(
      ['peer', 'time', 'paths', 'steps'],
      [
        ['machinePaths', seconds(result.oursMs), grouped(result.paths), grouped(result.steps)],
        ['getShortestPaths', seconds(result.theirsMs), grouped(result.shortestPaths), ''],
        ['bare transitions', seconds(result.bareMs), '', grouped(result.snapshots * 4)],
      ],
    ),
  ].join('\n')
  const speedup = result.theirsMs / result.oursMs
  return {
    text,
    targets: [
      `  covering paths at ${grouped(result.snapshots)} snapshots:`,
      `    getShortestPaths / machinePaths: ${ratio(speedup)} (target ≥ 5×: ${speedup >= 5 ? 'met' : 'NOT met'})`,
      `    getShortestPaths / bare transition function, the most a planner on XState's transitions could reach: ${ratio(result.theirsMs / result.bareMs)} (reported)`,
      `    total steps / reachable transitions: ${grouped(result.steps)} / ${grouped(result.transitions)} = ${ratio(result.steps / result.transitions)} (reported)`,
    ],
  }
}

const TRACE_LENGTHS = [100_000, 1_000_000] as const

/** The trace case: its table, and its target lines. */
export async function traceCase({ root, scratch, cli, runs }: Context): Promise<CaseResult> {
  const model = path.join(root, 'bench/models/counters-walk.ts')
  const files = new Map<number, string>()
  for (const lines of TRACE_LENGTHS) {
    const file = path.join(scratch, `counters-walk-${lines}.jsonl`)
    await writeWalk(file, lines)
    files.set(lines, file)
  }
  const measure = async (lines: number) => {
    const run = await runProcess(
      process.execPath,
      [cli, 'conform', model, '--store', 'counters', '--trace', files.get(lines)!, '--format', 'json'],
      { cwd: root },
    )
    if (run.exitCode !== 0 || !run.stderr.includes(`${grouped(lines)} steps checked, conforming`))
      throw new Error(`conform --trace of ${lines} lines failed (exit ${run.exitCode}): ${run.stderr}`)
    return run
  }
  await measure(TRACE_LENGTHS[0]) // not counted: jiti caches the transpiled model on disk
  const samples = new Map<number, { ms: number[]; peakKb: number[] }>(
    TRACE_LENGTHS.map((lines) => [lines, { ms: [], peakKb: [] }]),
  )
  for (let round = 0; round < runs; round++)
    for (const lines of TRACE_LENGTHS) {
      const run = await measure(lines)
      samples.get(lines)!.ms.push(run.wallMs)
      if (run.peakKb !== undefined) samples.get(lines)!.peakKb.push(run.peakKb)
    }
  const medians = TRACE_LENGTHS.map((lines) => {
    const { ms, peakKb } = samples.get(lines)!
    return { lines, ms: median(ms), peakKb: peakKb.length === 0 ? undefined : median(peakKb) }
  })
  const text = [
    `Trace checking: the counters store (bench/models/counters-walk.ts: 4 counters in 0..9, up and down), every line with its observed state, the whole plumbline conform --trace process`,
    table(
      ['lines', 'time', 'lines/s', 'peak memory'],
      medians.map((m) => [
        grouped(m.lines),
        seconds(m.ms),
        grouped((m.lines / m.ms) * 1000),
        m.peakKb === undefined ? 'n/a' : `${grouped(m.peakKb / 1024)} MB`,
      ]),
    ),
  ].join('\n')
  const [shorter, longer] = medians as [(typeof medians)[0], (typeof medians)[0]]
  const rate = (longer.lines / longer.ms) * 1000
  // Start-up and loading the model are the same for both: what the extra lines cost.
  const marginal = ((longer.lines - shorter.lines) / (longer.ms - shorter.ms)) * 1000
  const targets = [
    `  trace checking, ${grouped(longer.lines)} lines:`,
    `    lines/s, the whole process: ${grouped(rate)} (target ≥ 200,000: ${rate >= 200_000 ? 'met' : 'NOT met'})`,
    `    lines/s beyond start-up, (10⁶ − 10⁵ lines) / (time of 10⁶ − time of 10⁵): ${grouped(marginal)} (reported)`,
  ]
  if (shorter.peakKb !== undefined && longer.peakKb !== undefined) {
    const growth = longer.peakKb / shorter.peakKb
    targets.push(
      `    peak memory at 10⁶ lines / at 10⁵: ${ratio(growth)} (target ≤ 1.2×: ${growth <= 1.2 ? 'met' : 'NOT met'})`,
    )
  }
  return { text, targets }
}

/** A random walk of the counters (a fixed seed: every run checks the same trace), each line with the state after it. */
async function writeWalk(file: string, lines: number): Promise<void> {
  const out = createWriteStream(file)
  const counters = [0, 0, 0, 0]
  let seed = 13
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed >>> 16
  }
  let chunk = ''
  for (let line = 0; line < lines; line++) {
    const index = next() % counters.length
    const value = counters[index]!
    const up = value === 0 || (value < COUNTER_TOP - 1 && next() % 2 === 0)
    counters[index] = value + (up ? 1 : -1)
    chunk += `${JSON.stringify({ op: up ? 'increment' : 'decrement', params: { index }, state: { counters } })}\n`
    if (chunk.length >= 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
}
