/**
 * The simulation case of `pnpm bench` (issue 18's target): the whole `plumbline check
 * --max-states 1 --simulate N --depth 1000` process on the counters store and the counters
 * machine (`models/counters-simulated.ts`), steps a second as each exploration's
 * `simulation` reports them (its own clock: the behaviours, not the start-up).
 */
import path from 'node:path'
import type { CaseResult, Context } from './conformance.js'
import { runProcess } from './lib/processes.js'
import { grouped, median, table } from './lib/statistics.js'

const BEHAVIOURS = 2000
const DEPTH = 1000

interface Simulated {
  element: string
  simulation: { steps: number; ms: number }
}

export async function simulationCase({ root, cli, runs }: Context): Promise<CaseResult> {
  const model = path.join(root, 'bench/models/counters-simulated.ts')
  const args = [cli, 'check', model, '--max-states', '1', '--simulate', String(BEHAVIOURS), '--depth', String(DEPTH)]
  const samples = new Map<string, { steps: number; ms: number[] }>()
  for (let round = 0; round < runs; round++) {
    const run = await runProcess(process.execPath, [...args, '--seed', String(round + 1), '--format', 'json'], {
      cwd: root,
    })
    const report = JSON.parse(run.stdout) as { models: { exploration: Simulated[] }[] }
    for (const { element, simulation } of report.models[0]?.exploration ?? []) {
      const sample = samples.get(element) ?? { steps: simulation.steps, ms: [] }
      sample.ms.push(simulation.ms)
      samples.set(element, sample)
    }
  }
  const rows = [...samples].map(([element, { steps, ms }]) => ({ element, steps, ms: median(ms) }))
  const perSecond = (row: { steps: number; ms: number }) => (row.steps / Math.max(row.ms, 1)) * 1000
  const store = rows.find(({ element }) => element.startsWith('stores.'))
  const text = [
    `Simulation: ${grouped(BEHAVIOURS)} random behaviours of up to ${grouped(DEPTH)} steps after a search stopped at 1 state, the counters store (up and down) and the counters machine (4 counters in 0..9), one plumbline check process`,
    table(
      ['element', 'steps', 'time', 'steps/s'],
      rows.map((row) => [row.element, grouped(row.steps), `${grouped(row.ms)} ms`, grouped(perSecond(row))]),
    ),
  ].join('\n')
  const targets =
    store === undefined
      ? []
      : [
          '  simulation:',
          `    steps a second on the counters store: ${grouped(perSecond(store))} (target ≥ 1,000,000: ${perSecond(store) >= 1_000_000 ? 'met' : 'NOT met'})`,
        ]
  return { text, targets }
}
