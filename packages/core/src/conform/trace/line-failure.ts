/** How a trace line fails, bound to what every failure of that line carries: its number, the state before it and its step. */
import type { RuleId } from '../../rules/catalogue.js'
import type { Rule } from '../../rules/types.js'
import type { TraceFailure } from './types.js'

export type FailLine = (
  rule: Rule<RuleId>,
  element: string,
  message: string,
  more?: Partial<TraceFailure>,
) => TraceFailure

export function failLine(line: number, before: unknown, step: TraceFailure['step']): FailLine {
  return (rule, element, message, more = {}) => ({ line, rule: rule.id, element, message, before, step, ...more })
}
