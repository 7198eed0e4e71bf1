/**
 * The exploration phase of a check: every machine, then every store, each explored on its
 * own (a failure in one does not stop the others). Findings come in that order, each
 * exploration's in the order they were met. The machine explorer (and with it xstate) is
 * loaded only for models that have machines: a tenth of a second of start-up otherwise.
 */
import type { Finding } from '../diagnostics/types.js'
import type { Model } from '../model/model.js'
import type { ExploreOptions } from './engine/breadth-first.js'
import { BEAT, type Interruption } from './engine/heartbeat.js'
import type { ExplorationOutcome } from './report/outcome.js'
import { exploreStore } from './store/explore-store.js'
import type { ExplorationStats } from './types.js'

export interface ModelExploration {
  findings: Finding[]
  stats: ExplorationStats[]
}

export interface ExploreModelOptions extends Omit<ExploreOptions, 'element' | 'stopAt'> {
  /** Steps a previous run of this model never finished: each exploration stops just before its own. */
  interruptions?: readonly Interruption[] | undefined
}

/** Each exploration's ordinal (`BEAT.exploration`) is its place in that order: machines, then stores. */
export async function exploreModel(model: Model, options: ExploreModelOptions): Promise<ModelExploration> {
  const findings: Finding[] = []
  const stats: ExplorationStats[] = []
  const machines = Object.entries(model.machines)
  const { interruptions, ...explore } = options
  const beat = options.heartbeat
  let ordinal = 0
  const optionsFor = (): Omit<ExploreOptions, 'element'> => {
    const exploration = ordinal++
    if (beat !== undefined) {
      beat[BEAT.exploration] = exploration
      beat[BEAT.state] = -1
      beat[BEAT.action] = -1
    }
    const interruption = interruptions?.find((candidate) => candidate.exploration === exploration)
    if (interruption === undefined) return explore
    const { exploration: _, ...stopAt } = interruption
    return { ...explore, stopAt }
  }
  const { exploreMachine } =
    machines.length === 0 ? { exploreMachine: undefined } : await import('./machine/explore-machine.js')
  const outcomes: (ExplorationOutcome | undefined)[] = []
  for (const [id, machine] of machines) outcomes.push(exploreMachine?.(id, machine, optionsFor()))
  for (const [id, store] of Object.entries(model.stores)) outcomes.push(exploreStore(id, store, optionsFor()))
  if (beat !== undefined) beat[BEAT.exploration] = -1
  for (const outcome of outcomes) {
    if (outcome === undefined) continue
    findings.push(...outcome.findings)
    stats.push(outcome.stats)
  }
  return { findings, stats }
}
