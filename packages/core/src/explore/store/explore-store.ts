/** Explores one store exhaustively (within the bounds) and reports what it finds. */
import { elementPath } from '../../model/element-path.js'
import { findNonPlainData } from '../../model/plain-data.js'
import type { StoreDefinition } from '../../model/types.js'
import { exploreBreadthFirst, type ExplorationRun, type ExploreOptions } from '../engine/breadth-first.js'
import { roundMs, simulateAfter } from '../engine/simulate.js'
import { incompleteFinding, statsOf, type ExplorationOutcome } from '../report/outcome.js'
import { withTraces } from '../engine/trace.js'
import { growthAdvice, growthHint } from '../report/unbounded.js'
import { isPlainObject } from '../../model/recognise.js'
import { storeActions, type StoreAction } from './store-actions.js'
import { StoreSystem } from './store-system.js'

/**
 * Undefined when the store cannot be explored because the model is invalid there (its
 * initial state is not plain data, or an operation names a missing domain): those are
 * reported as `model/invalid` already.
 */
export function exploreStore(
  id: string,
  store: StoreDefinition,
  options: Omit<ExploreOptions, 'element'>,
): ExplorationOutcome | undefined {
  const prepared = storeSystem(id, store)
  if (prepared === undefined) return undefined
  const { system, pristine, actions } = prepared
  const path = ['stores', id]
  const element = elementPath(path)
  const run = exploreBreadthFirst(system, { ...options, element })
  const complete = run.bound === undefined && !system.failed
  if (complete) {
    system.liveness?.check(run.states)
    system.reportNeverEnabled()
  }
  const simulation = simulateAfter(system, system.recorder.findings, run, () => structuredClone(pristine), options)
  const findings = withTraces(system.recorder.findings, run.visited, system, pristine)
  const incomplete = incompleteFinding(
    path,
    run,
    options.bounds,
    unboundedAdvice(run, system, actions, pristine),
    system.liveness !== undefined,
  )
  if (incomplete) findings.push(incomplete)
  const explored = statsOf(element, run, system.failed, system.liveness !== undefined)
  const reduced = system.symmetry === undefined ? explored : { ...explored, symmetry: system.symmetry.domains }
  const stats = simulation === undefined ? reduced : { ...reduced, complete: false, simulation: roundMs(simulation) }
  return { stats: options.coverage ? { ...stats, coverage: system.coverage.entries() } : stats, findings }
}

/** The store as a transition system, as exploration runs it; undefined where `exploreStore` explores nothing. */
export function storeSystem(
  id: string,
  store: StoreDefinition,
): { system: StoreSystem; pristine: unknown; actions: readonly StoreAction[] } | undefined {
  const actions = storeActions(store)
  if (actions === undefined || findNonPlainData(store.initial) !== undefined) return undefined
  // Copies: a function that changes states in place must change neither the model nor the traces.
  const pristine = structuredClone(store.initial)
  return { system: new StoreSystem(id, store, actions, structuredClone(pristine), pristine), pristine, actions }
}

/** The hint for a store whose search was still going deeper: its top-level fields, its operations. */
function unboundedAdvice(
  run: ExplorationRun,
  system: StoreSystem,
  actions: readonly StoreAction[],
  pristine: unknown,
): string | undefined {
  const hint = growthHint(
    run,
    {
      replay: (state, action) => system.replay(state, action),
      fields: (state) => (isPlainObject(state) ? state : { state }),
      actionName: (action) => actions[action]?.operation ?? String(action),
    },
    structuredClone(pristine),
  )
  return hint && growthAdvice(hint, 'operations', run.bound === 'memory' || run.bound === 'time' ? run.bound : 'states')
}
