/**
 * Which states the latest check found unreachable or deadlocked: read from its
 * diagnostics (rules `state/unreachable` and `state/deadlock`, at the element path of the
 * state node, `machines.<id>.states.<a>.states.<b>`).
 */
import { elementPath, type Diagnostic, type FindingSource } from '@plumbline/core'

export type StateMark = 'unreachable' | 'deadlock'

const MARK_OF_RULE: Readonly<Partial<Record<FindingSource, StateMark>>> = {
  'state/unreachable': 'unreachable',
  'state/deadlock': 'deadlock',
}

/** Element path of a state node, from the machine's id and the node's path of keys. */
export function stateElement(machineId: string, path: readonly string[]): string {
  return elementPath(['machines', machineId, ...path.flatMap((key) => ['states', key])])
}

/** Marks by element path. */
export function stateMarks(diagnostics: readonly Diagnostic[]): Map<string, StateMark> {
  const marks = new Map<string, StateMark>()
  for (const { rule, element } of diagnostics) {
    const mark = MARK_OF_RULE[rule]
    if (mark !== undefined) marks.set(element, mark)
  }
  return marks
}
