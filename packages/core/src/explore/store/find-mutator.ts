/**
 * Which of a store's functions changes its input in place: each is run on a private copy
 * of the state (and of the step, for effects), and the copies' fingerprints compared
 * before and after. Used only once a state was seen to change, to name the culprit.
 */
import type { PathSegment } from '../../model/element-path.js'
import type { EffectStep } from '../../model/types.js'
import { fingerprintInto } from '../fingerprint/fingerprint.js'
import { showAction, withParams, type StoreAction } from './store-actions.js'

export interface Named<F> {
  name: string
  check: F
}

export interface StoreFunctions {
  invariants: Named<(state: unknown) => unknown>[]
  nevers: Named<(state: unknown) => unknown>[]
  effects: Named<(step: EffectStep<unknown>) => unknown>[]
}

export interface Mutator {
  /** Below the store's element: `['operations', 'signUp', 'apply']`. */
  path: PathSegment[]
  /** In words: `apply of operation "signUp" with params {"email":"a"}`. */
  what: string
}

export function findMutator(
  functions: StoreFunctions,
  actions: readonly StoreAction[],
  state: unknown,
): Mutator | undefined {
  for (const { name, check } of functions.invariants)
    if (changes(state, check)) return { path: ['invariants', name], what: `invariant ${JSON.stringify(name)}` }
  for (const { name, check } of functions.nevers)
    if (changes(state, check)) return { path: ['never', name], what: `never ${JSON.stringify(name)}` }
  for (const action of actions) {
    const { operation, params, definition } = action
    const guard = definition.guard
    if (guard !== undefined && changes(state, (copy) => guard(copy, params)))
      return {
        path: ['operations', operation, 'guard'],
        what: `guard of operation ${JSON.stringify(operation)}${withParams(action)}`,
      }
    if (changes(state, (copy) => definition.apply(copy, params)))
      return {
        path: ['operations', operation, 'apply'],
        what: `apply of operation ${JSON.stringify(operation)}${withParams(action)}`,
      }
    const after = attempt(() => definition.apply(structuredClone(state), params))
    if (after === undefined) continue
    for (const { name, check } of functions.effects)
      if (changes({ before: state, after: after.value, operation, params }, check))
        return { path: ['effects', name], what: `effect ${JSON.stringify(name)} on ${showAction(action)}` }
  }
  return undefined
}

/** Whether `run` changes its copy of `input`. What it throws is not the question here. */
function changes<Input>(input: Input, run: (copy: Input) => unknown): boolean {
  const copy = structuredClone(input)
  const before = fingerprintOf(copy)
  attempt(() => run(copy))
  return fingerprintOf(copy) !== before
}

function attempt<T>(run: () => T): { value: T } | undefined {
  try {
    return { value: run() }
  } catch {
    return undefined
  }
}

function fingerprintOf(value: unknown): string {
  const out = new Int32Array(2)
  return fingerprintInto(value, 'plain', out) ? `${out[0]}:${out[1]}` : 'not plain data'
}
