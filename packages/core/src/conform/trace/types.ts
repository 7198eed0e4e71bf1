/** What checking a recorded trace against the model finds. */
import type { TraceStep } from '../../diagnostics/types.js'
import type { StateDifference } from '../../diagnostics/types.js'
import type { RuleId } from '../../rules/catalogue.js'

/** The first line of a trace that does not conform, and why. */
export interface TraceFailure {
  /** 1-based line number in the trace file. */
  line: number
  /** `conform/trace-disabled`, `conform/trace-mismatch`, or the rule of the predicate that failed (`invariant/violated`, …). */
  rule: RuleId
  element: string
  message: string
  /** The model's state before the line: a store's state, or `{ value, context }` for a machine. */
  before: unknown
  /** The line's step: the operation and its params, or the event's type and payload. */
  step: Pick<TraceStep, 'action' | 'params'>
  /** The model's state after the step, where the model could take it. */
  after?: unknown
  /** For `conform/trace-mismatch`: where the observed state differs from the model's. */
  differences?: StateDifference[]
}

/** Checks a trace's lines one at a time, in order, keeping the model's state between them. */
export interface TraceChecker {
  /**
   * Undefined when the line conforms (the model then stands after its step), else why it
   * does not. Throws `TraceLineError` for a line that is not a step at all.
   */
  check(text: string, line: number): TraceFailure | undefined
  /** The first line that conforms yet is worth a warning (a store's params outside their domains). */
  readonly outsideDomainNote?: TraceFailure | undefined
}

export interface TraceOutcome {
  /** Lines read (blank ones included), up to and with the first that does not conform. */
  lines: number
  /** Steps checked: the lines that are not blank. */
  steps: number
  /** Absent when every line conforms. */
  failure?: TraceFailure
  /** The first line, up to the failure, whose params are outside their domains (conform/trace-outside-domain). */
  outsideDomain?: TraceFailure
}
