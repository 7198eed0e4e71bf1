/**
 * Diagnostics are data: what was found, where, and (for behavioural findings) the trace
 * that shows it. Wording lives in the rules; presenting lives in the CLI and render.
 */

import type { PackSource } from '../questions/packs/types.js'
import type { RuleId } from '../rules/catalogue.js'
import type { FindingOf, Severity, SourceLocation } from './shapes.js'

export type {
  Severity,
  SeveritySetting,
  SourceLocation,
  StateDifference,
  TraceStep,
} from './shapes.js'

/** What reports a finding: a rule of the catalogue, or a checklist pack (`pack:accounts`). */
export type FindingSource = RuleId | PackSource

/** What a check reports, before severity (the rule's default or the user's setting) is applied. */
export type Finding = FindingOf<FindingSource>

/** A finding with its severity, and where in the model file its element is written. */
export interface Diagnostic extends Omit<Finding, 'path'> {
  severity: Severity
  /** Element path in the model, e.g. `flows.signUp.steps[2].to`. */
  element: string
  location?: SourceLocation
}

/** A finding answered by an explicit decision in the model: recorded, not reported. */
export interface DecidedFinding {
  rule: FindingSource
  element: string
  message: string
  /** The id of the decision in `decisions`. */
  decision: string
  /** The decision's text and reason. */
  text: string
  because: string
}

/** An open decision, phrased as a question for the people who own the model. */
export interface Question {
  /** Plain words: "Should User.email be unique?" */
  question: string
  /** Where the answer would be written, e.g. `entities.User`. */
  element: string
  /** What raised it: a rule id (`identity/uniqueness-undecided`) or a pack (`pack:accounts`). */
  source: FindingSource
  /** Packs that ask the same thing, in the rule's words here (`["pack:accounts"]`); absent when none does. */
  alsoFrom?: string[]
}
