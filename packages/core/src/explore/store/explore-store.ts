/** Explores one store exhaustively (within the bounds) and reports what it finds. */
import { elementPath } from '../../model/element-path.js'
import { findNonPlainData } from '../../model/plain-data.js'
import type { StoreDefinition } from '../../model/types.js'
import { exploreBreadthFirst, type ExploreOptions } from '../breadth-first.js'
import { incompleteFinding, statsOf, type ExplorationOutcome } from '../outcome.js'
import { withTraces } from '../trace.js'
import { storeActions } from './store-actions.js'
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
  const { system, pristine } = prepared
  const element = elementPath(['stores', id])
  const run = exploreBreadthFirst(system, { ...options, element })
  const findings = withTraces(system.recorder.findings, run.visited, system, pristine)
  const incomplete = incompleteFinding(element, run, options.bounds)
  if (incomplete) findings.push(incomplete)
  return { stats: statsOf(element, run, system.failed), findings }
}

/** The store as a transition system, as exploration runs it; undefined where `exploreStore` explores nothing. */
export function storeSystem(
  id: string,
  store: StoreDefinition,
): { system: StoreSystem; pristine: unknown } | undefined {
  const actions = storeActions(store)
  if (actions === undefined || findNonPlainData(store.initial) !== undefined) return undefined
  // Copies: a function that changes states in place must change neither the model nor the traces.
  const pristine = structuredClone(store.initial)
  return { system: new StoreSystem(id, store, actions, structuredClone(pristine), pristine), pristine }
}
