/**
 * The exploration phase of a check: every machine, then every store, each explored on its
 * own (a failure in one does not stop the others). Findings come in that order, each
 * exploration's in the order they were met. The machine explorer (and with it xstate) is
 * loaded only for models that have machines: a tenth of a second of start-up otherwise.
 */
import type { Finding } from '../diagnostics/types.js'
import type { Model } from '../model/model.js'
import type { MachineModel } from '../model/types.js'
import type { ExploreOptions } from './breadth-first.js'
import type { ExplorationOutcome } from './outcome.js'
import { exploreStore } from './store/explore-store.js'
import type { ExplorationStats } from './types.js'

export interface ModelExploration {
  findings: Finding[]
  stats: ExplorationStats[]
}

export async function exploreModel(model: Model, options: Omit<ExploreOptions, 'element'>): Promise<ModelExploration> {
  const findings: Finding[] = []
  const stats: ExplorationStats[] = []
  const machines = Object.entries(model.machines)
  const outcomes = [
    ...(machines.length === 0 ? [] : await exploreMachines(machines, options)),
    ...Object.entries(model.stores).map(([id, store]) => exploreStore(id, store, options)),
  ]
  for (const outcome of outcomes) {
    if (outcome === undefined) continue
    findings.push(...outcome.findings)
    stats.push(outcome.stats)
  }
  return { findings, stats }
}

async function exploreMachines(
  machines: [string, MachineModel][],
  options: Omit<ExploreOptions, 'element'>,
): Promise<ExplorationOutcome[]> {
  const { exploreMachine } = await import('./machine/explore-machine.js')
  return machines.map(([id, machine]) => exploreMachine(id, machine, options))
}
