/** The decisions the model records, the questions it leaves open, and what it rules out. */
import type { Model, Question } from '@plumbline/core'
import { markdownCode, markdownRow, markdownText } from '../escape/markdown.js'
import { bulletList } from './markdown-blocks.js'

export function decisionsTable(model: Model): string {
  const decisions = Object.entries(model.decisions)
  if (decisions.length === 0) return markdownText('No decisions recorded.')
  return [
    markdownRow(['Decision', 'Reason', 'Answers']),
    markdownRow(['---', '---', '---']),
    ...decisions.map(([id, { decision, because, answers }]) =>
      markdownRow([
        `${markdownCode(id)}: ${markdownText(decision)}`,
        markdownText(because),
        answers === undefined ? '—' : `${markdownCode(answers.rule)} at ${markdownCode(answers.element)}`,
      ]),
    ),
  ].join('\n')
}

export function openQuestions(questions: readonly Question[]): string {
  if (questions.length === 0) return markdownText('None: every decision the rules ask for is made.')
  return bulletList(questions.map(({ question, element }) => `${markdownText(question)} (${markdownCode(element)})`))
}

export function outOfScope(model: Model): string | undefined {
  return model.outOfScope.length === 0 ? undefined : bulletList(model.outOfScope.map(markdownText))
}
