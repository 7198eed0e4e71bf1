/** The model's predicates on one step of a trace, as an exploration checks them (`explore/predicates.ts`). */
import type { PendingFinding } from '../../explore/engine/findings.js'
import { checkPredicate, type PredicateContext, type PredicateKind } from '../../explore/predicates.js'

export interface Predicate<Input> {
  kind: PredicateKind
  name: string
  check: (input: Input) => unknown
}

/** The finding of the first predicate that fails (or throws) on `input`, in order; undefined when all are fine. */
export function firstBroken<Input>(
  context: PredicateContext,
  predicates: readonly Predicate<Input>[],
  input: Input,
): Pick<PendingFinding, 'rule' | 'path' | 'message'> | undefined {
  for (const { kind, name, check } of predicates) {
    // `action` is there for an effect's message (`describeAction` names the line's step).
    if (checkPredicate(context, kind, name, check, input, { state: 0, action: 0 })) continue
    const finding = context.recorder.findings.at(-1)
    // The recorder keeps one finding per element; a trace stops at its first, so it starts empty again.
    context.recorder.forget(() => true)
    return finding
  }
  return undefined
}

export function predicatesOf<Input>(
  kind: PredicateKind,
  record: Readonly<Record<string, unknown>> | undefined,
): Predicate<Input>[] {
  return Object.entries(record ?? {}).map(([name, check]) => ({
    kind,
    name,
    check: check as (input: Input) => unknown,
  }))
}
