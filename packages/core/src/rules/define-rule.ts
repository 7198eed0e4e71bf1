/**
 * How a rule module is written: `defineRule({ id, severity, summary, explanation, … })`. The id
 * is spelt once, there, and kept as a literal type (the catalogue's `RuleId` is the union of
 * them); findings of the rule are made by the rule itself, so no other code spells it again.
 * A structural check reports through the `report` it is given, as an ESLint rule does through
 * `context.report`; code that reports a behavioural rule (exploration, conformance,
 * validation) makes its findings with the rule's `finding`.
 */
import type { FindingOf } from '../diagnostics/shapes.js'
import type { PathSegment } from '../model/element-path.js'
import type { Model } from '../model/model.js'
import type { Rule } from './types.js'

/** What a finding may carry besides where and what: the trace of a behavioural finding. */
type FindingTrace = Pick<FindingOf<string>, 'initial' | 'trace' | 'loop'>

/** Records one finding of the rule whose check was given it. */
export type Report = (path: readonly PathSegment[], message: string, extra?: FindingTrace) => void

export interface RuleDefinition<Id extends string> extends Omit<Rule<Id>, 'check'> {
  /** Structural rules: reports each finding of this rule in a valid model. */
  readonly check?: (model: Model, report: Report) => void
}

export interface DefinedRule<Id extends string> extends Rule<Id> {
  /** A finding of this rule. */
  readonly finding: (path: readonly PathSegment[], message: string, extra?: FindingTrace) => FindingOf<Id>
}

export function defineRule<const Id extends string>(definition: RuleDefinition<Id>): DefinedRule<Id> {
  const finding = (path: readonly PathSegment[], message: string, extra?: FindingTrace): FindingOf<Id> => ({
    rule: definition.id,
    path,
    message,
    ...extra,
  })
  const { check, ...rule } = definition
  if (check === undefined) return { ...rule, finding }
  return {
    ...rule,
    finding,
    check: (model) => {
      const findings: FindingOf<Id>[] = []
      check(model, (path, message, extra) => findings.push(finding(path, message, extra)))
      return findings
    },
  }
}
