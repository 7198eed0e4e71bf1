/**
 * The open decisions of a model, as questions: every open finding of a rule that asks one
 * (its `question`), and every open pack question. Rules and packs set to `off` ask nothing.
 * A pack question that a rule's open finding also asks (its `sameAs`) is asked once, in the
 * rule's words, with the pack as a second source.
 */
import { severityOf, type SeveritySettings } from '../check/severity.js'
import type { Finding, Question } from '../diagnostics/types.js'
import { elementPath } from '../model/element-path.js'
import type { Model } from '../model/model.js'
import { rulesById } from '../rules/catalogue.js'
import type { PackFinding } from './packs/ask.js'
import { isPackSource } from './packs/types.js'

export function questionsFrom(
  open: readonly (Finding | PackFinding)[],
  model: Model,
  severities: SeveritySettings,
): Question[] {
  const questions: Question[] = []
  const byFinding = new Map<string, Question>()
  for (const finding of open) {
    const { rule: source } = finding
    const rule = rulesById.get(source)
    if (rule?.question === undefined || severityOf(source, severities) === undefined) continue
    const element = elementPath(finding.path)
    const question: Question = { question: rule.question(finding, model), element, source }
    questions.push(question)
    byFinding.set(findingKey(source, element), question)
  }
  for (const finding of open) {
    const { rule: source } = finding
    if (!isPackSource(source) || severities[source] === 'off') continue
    const sameAs = 'sameAs' in finding ? finding.sameAs : undefined
    const same = sameAs && byFinding.get(findingKey(sameAs.rule, sameAs.element))
    if (same) same.alsoFrom = [...(same.alsoFrom ?? []), source]
    else questions.push({ question: finding.message, element: elementPath(finding.path), source })
  }
  return questions
}

/** Whether a pack's finding is asked in a rule's words (`alsoFrom`), so it is no diagnostic of its own either. */
export function askedByRule(finding: Finding | PackFinding, questions: readonly Question[]): boolean {
  const sameAs = 'sameAs' in finding ? finding.sameAs : undefined
  return (
    sameAs !== undefined &&
    questions.some(
      ({ source, element, alsoFrom }) =>
        source === sameAs.rule && element === sameAs.element && alsoFrom?.includes(finding.rule) === true,
    )
  )
}

function findingKey(rule: string, element: string): string {
  return `${rule}\u0000${element}`
}
