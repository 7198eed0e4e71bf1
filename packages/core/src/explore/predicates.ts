/**
 * Running the model's predicates (invariants, `never`, effects) on a state or a step, and
 * recording what each finds: a broken invariant, a `never` that holds, a broken effect, or
 * a predicate that throws (`explore/error` at the predicate).
 */
import type { PathSegment } from '../model/element-path.js'
import { describeThrown } from './describe.js'
import type { FindingRecorder, Sighting } from './engine/findings.js'
import { constraintViolated } from '../rules/constraint/violated.js'
import { effectViolated } from '../rules/effect/violated.js'
import { exploreError } from '../rules/explore/error.js'
import { invariantViolated } from '../rules/invariant/violated.js'

export type PredicateKind = 'invariants' | 'never' | 'effects'

const WORD: Record<PredicateKind, string> = { invariants: 'invariant', never: 'never', effects: 'effect' }

export interface PredicateContext {
  recorder: FindingRecorder
  /** Where the model keeps its predicates: `['stores', 'accounts']`. */
  owner: readonly PathSegment[]
  /** How a step is named in messages, for findings met on a step. */
  describeAction?: (action: number) => string
}

/** True when the predicate is fine (an invariant or effect holds, a `never` does not); else its finding is recorded. */
export function checkPredicate<Input>(
  context: PredicateContext,
  kind: PredicateKind,
  name: string,
  check: (input: Input) => unknown,
  input: Input,
  at: Sighting,
): boolean {
  let thrown: { error: unknown } | undefined
  try {
    const result = check(input)
    if (kind === 'never' ? !result : result) return true
  } catch (error) {
    thrown = { error }
  }
  const path = [...context.owner, kind, name]
  const what = `${WORD[kind]} ${JSON.stringify(name)}`
  const step =
    at.action === undefined || context.describeAction === undefined ? undefined : context.describeAction(at.action)
  if (thrown !== undefined)
    context.recorder.record(
      exploreError,
      path,
      `${what} threw${step === undefined ? '' : ` on ${step}`}: ${describeThrown(thrown.error)}`,
      at,
    )
  else if (kind === 'invariants') context.recorder.record(invariantViolated, path, `${what} does not hold`, at)
  else if (kind === 'never') context.recorder.record(constraintViolated, path, `${what} holds`, at)
  else context.recorder.record(effectViolated, path, `${what} does not hold for ${step}`, at)
  return false
}
