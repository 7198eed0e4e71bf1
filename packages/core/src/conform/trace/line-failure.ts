/** How a trace line fails, bound to what every failure of that line carries: its number, the state before it and its step. */
import { elementPath, type PathSegment } from '../../model/element-path.js'
import type { RuleId } from '../../rules/catalogue.js'
import type { Rule } from '../../rules/types.js'
import type { TraceFailure } from './types.js'

export type FailLine = (
  rule: Rule<RuleId>,
  path: readonly PathSegment[],
  message: string,
  more?: Partial<TraceFailure>,
) => TraceFailure

export function failLine(line: number, before: unknown, step: TraceFailure['step']): FailLine {
  return (rule, path, message, more = {}) => ({
    line,
    rule: rule.id,
    element: elementPath(path),
    message,
    before,
    step,
    ...more,
  })
}
