import type { Finding, Severity } from '../diagnostics/types.js'
import type { Model } from '../model/model.js'

/**
 * A rule: its id, its default severity, its documentation, and (for structural rules) the
 * check itself. Behavioural rules (state/*, invariant/*, …) are reported by exploration
 * and have no `check` here. Rules are data: the catalogue is a list of these.
 */
export interface Rule {
  /** Stable id, `category/name`. */
  id: string
  /** The severity a finding gets unless the user sets another. */
  severity: Severity
  /** One line: what the rule reports. */
  summary: string
  /** A paragraph: why it matters and how to satisfy it, with a bad and a good model snippet. */
  explanation: string
  /**
   * Decision rules: a finding can be answered by a decision in the model, and an unanswered
   * one is also an open question, phrased by this function.
   */
  question?: (finding: Finding, model: Model) => string
  /** Structural rules: the findings of this rule in a valid model. */
  check?: (model: Model) => Finding[]
}
