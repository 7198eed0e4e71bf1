/**
 * The open decisions of a model, as questions: every open finding of a rule that asks one
 * (its `question`), and every open pack question. Rules set to `off` ask nothing.
 */
import { severityOf, type SeveritySettings } from '../check/severity.js'
import type { Finding, Question } from '../diagnostics/types.js'
import type { Model } from '../model/model.js'
import { rulesById } from '../rules/catalogue.js'
import { isPackSource } from './packs/types.js'

export function questionsFrom(open: readonly Finding[], model: Model, severities: SeveritySettings): Question[] {
  const questions: Question[] = []
  for (const finding of open) {
    const { rule: source, element } = finding
    if (isPackSource(source)) {
      questions.push({ question: finding.message, element, source })
      continue
    }
    const rule = rulesById.get(source)
    if (rule?.question !== undefined && severityOf(source, severities) !== undefined)
      questions.push({ question: rule.question(finding, model), element, source })
  }
  return questions
}
