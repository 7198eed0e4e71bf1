import type { FindingOf, Severity } from '../diagnostics/shapes.js'
import type { Model } from '../model/model.js'

/**
 * A rule: its id, its default severity, its documentation, and (for structural rules) the
 * check itself. Behavioural rules (state/*, invariant/*, …) are reported by exploration
 * and have no `check` here. Rules are data: the catalogue is a list of these, each made by
 * `defineRule` (`define-rule.ts`).
 */
export interface Rule<Id extends string = string> {
  /** Stable id, `category/name`. */
  readonly id: Id
  /** The severity a finding gets unless the user sets another. */
  readonly severity: Severity
  /** One line: what the rule reports. */
  readonly summary: string
  /** A paragraph: why it matters and how to satisfy it, with a bad and a good model snippet. */
  readonly explanation: string
  /**
   * Decision rules: a finding can be answered by a decision in the model, and an unanswered
   * one is also an open question, phrased by this function.
   */
  readonly question?: (finding: FindingOf<string>, model: Model) => string
  /** Structural rules: the findings of this rule in a valid model. */
  readonly check?: (model: Model) => FindingOf<Id>[]
}
