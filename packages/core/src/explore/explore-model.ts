/**
 * The exploration phase of a check: every machine, then every store, each explored on its
 * own (a failure in one does not stop the others). Findings come in that order, each
 * exploration's in the order they were met.
 */
import type { Finding } from '../diagnostics/types.js'
import type { Model } from '../model/model.js'
import { exploreMachine } from './machine/explore-machine.js'
import { exploreStore } from './store/explore-store.js'
import type { ExplorationBounds, ExplorationStats, ProgressListener } from './types.js'

export interface ModelExploration {
  findings: Finding[]
  stats: ExplorationStats[]
}

export function exploreModel(model: Model, options: { bounds: ExplorationBounds; onProgress?: ProgressListener | undefined }): ModelExploration {
  const findings: Finding[] = []
  const stats: ExplorationStats[] = []
  const outcomes = [
    ...Object.entries(model.machines).map(([id, machine]) => exploreMachine(id, machine, options)),
    ...Object.entries(model.stores).map(([id, store]) => exploreStore(id, store, options)),
  ]
  for (const outcome of outcomes) {
    if (outcome === undefined) continue
    findings.push(...outcome.findings)
    stats.push(outcome.stats)
  }
  return { findings, stats }
}
