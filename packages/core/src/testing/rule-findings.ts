/** For rule tests: a system validated into a model, one rule's findings on it, and their questions. */
import type { FindingOf } from '../diagnostics/shapes.js'
import { elementPath } from '../model/element-path.js'
import type { Model } from '../model/model.js'
import { validateSystem } from '../validate/validate-system.js'
import { answerableSources, resolvePacks } from '../questions/packs/index.js'
import { ruleIds } from '../rules/catalogue.js'
import type { Rule } from '../rules/types.js'
import { asReported, type ReportedFinding } from './reported.js'

/** The model of a system that must be valid: a test model with a mistake of its own would test nothing. */
export function modelOf(system: object): Model {
  const result = validateSystem(system, answerableSources(ruleIds, resolvePacks()))
  if (!result.success || result.findings.length > 0)
    throw new Error(`test model is invalid: ${JSON.stringify(result.findings)}`)
  return result.model
}

/** The rule's findings on the system, as the report shows them (`asReported`). */
export function findingsOf<Id extends string>(
  rule: Rule<Id>,
  system: Record<string, unknown>,
): ReportedFinding<FindingOf<Id>>[] {
  return asReported(rule.check?.(modelOf(system)) ?? [])
}

/** Each finding's element with the question the rule asks about it. */
export function questionsOf(rule: Rule, system: Record<string, unknown>): Array<[string, string | undefined]> {
  const model = modelOf(system)
  return (rule.check?.(model) ?? []).map((finding) => [elementPath(finding.path), rule.question?.(finding, model)])
}
