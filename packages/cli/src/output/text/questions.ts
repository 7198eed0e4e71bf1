/**
 * The human list of open questions: per model file, each question with where its answer is
 * written and what raised it, then how to answer one.
 */
import type { ModelQuestions, QuestionsReport } from '@plumbline/core'
import type { Style } from '../../style.js'
import { plural } from './plural.js'

export function formatQuestionsPretty(report: QuestionsReport, style: Style): string {
  const blocks = report.models.map((model) => formatModel(model, style))
  const count = report.models.reduce((sum, model) => sum + model.questions.length, 0)
  const summary = `${plural(count, 'open question')} in ${plural(report.models.length, 'model')}`
  const lines = [`${blocks.join('\n')}${blocks.length > 0 ? '\n' : ''}${style('bold', summary)}`]
  if (count > 0)
    lines.push(
      style('dim', 'Answer a question in the model, or record the decision with its reason:'),
      style(
        'dim',
        "  decisions: { someId: { decision: '…', because: '…', answers: { rule: '<source>', element: '<element>' } } }",
      ),
    )
  return `${lines.join('\n')}\n`
}

function formatModel(model: ModelQuestions, style: Style): string {
  const lines = [`${style('underline', model.file)} ${style('dim', `(${model.system})`)}`]
  if (model.questions.length === 0) lines.push(`  ${style('green', '✔')} no open questions`)
  for (const { question, element, source, alsoFrom } of model.questions)
    lines.push(
      `  ${style('yellow', '?')} ${question}`,
      `    ${style('bold', element || '(model)')}  ${style('dim', [source, ...(alsoFrom ?? [])].join(', '))}`,
    )
  return `${lines.join('\n')}\n`
}
