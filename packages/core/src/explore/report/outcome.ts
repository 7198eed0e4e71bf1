/**
 * What an exploration reports once it is over: its statistics (the JSON report's
 * `exploration` entries), and `explore/incomplete` when a bound stopped it.
 */
import type { Finding } from '../../diagnostics/types.js'
import type { PathSegment } from '../../model/element-path.js'
import { exploreIncomplete } from '../../rules/explore/incomplete.js'
import type { ExplorationRun } from '../engine/breadth-first.js'
import { collisionProbability } from '../fingerprint/fingerprint.js'
import type { ExplorationBounds, ExplorationStats } from '../types.js'

export interface ExplorationOutcome {
  stats: ExplorationStats
  findings: Finding[]
}

/**
 * `failed`: some step could not be taken (its code threw), so some states may be missing.
 * `liveness`: the element declares liveness properties, checked only where the search is complete.
 */
export function statsOf(element: string, run: ExplorationRun, failed: boolean, liveness = false): ExplorationStats {
  const complete = run.bound === undefined && !failed
  return {
    element,
    states: run.states,
    transitions: run.transitions,
    complete,
    ms: Math.round(run.ms),
    depth: run.depth,
    ...(run.bound === undefined ? {} : { bound: run.bound }),
    collisionProbability: collisionProbability(run.states),
    ...(liveness ? { liveness: complete ? ('checked' as const) : ('unchecked' as const) } : {}),
  }
}

/** `advice`: what to do about it, where the search suggests the space may be unbounded (`unbounded.ts`). */
export function incompleteFinding(
  path: readonly PathSegment[],
  run: ExplorationRun,
  bounds: ExplorationBounds,
  advice?: string,
  /** The element declares liveness properties, which an incomplete search leaves unchecked. */
  liveness = false,
): Finding | undefined {
  if (run.bound === undefined) return undefined
  const limit =
    run.bound === 'states'
      ? `the bound of ${bounds.maxStates} states`
      : run.bound === 'depth'
        ? `the bound of ${bounds.maxDepth} steps deep`
        : run.bound === 'time'
          ? `the time bound of ${bounds.timeoutMs} ms`
          : `the memory bound of ${bounds.maxMemoryMb} MB`
  return exploreIncomplete.finding(
    path,
    `exploration stopped at ${limit}, after ${run.states} states and ${run.transitions} transitions to depth ${run.depth}: states beyond it are not checked${liveness ? ', nor is liveness' : ''}${advice === undefined ? '' : `; ${advice}`}`,
  )
}
