/** The decisions the model records, the questions it leaves open, and what it rules out. */
import { explicitDecisions, parseElementPath, type Model, type Question } from '@plumbline/core'
import { markdownCode, markdownRow, markdownText } from '../escape/markdown.js'
import { bulletList } from './markdown-blocks.js'

/**
 * Every decision the model states: its \`decisions\` entries, and the ones written in place
 * (\`auth: 'none'\`, \`unique: 'none'\`). Out-of-scope items have their own section.
 */
export function decisionsTable(model: Model): string {
  const decisions = explicitDecisions(model).filter(({ element }) => !element.startsWith('outOfScope'))
  if (decisions.length === 0) return markdownText('No decisions recorded.')
  return [
    markdownRow(['Decision', 'Reason', 'Answers']),
    markdownRow(['---', '---', '---']),
    ...decisions.map(({ element, decision, because, answers }) =>
      markdownRow([
        `${markdownCode(decisionName(element))}: ${markdownText(decision)}`,
        because === undefined ? '—' : markdownText(because),
        answers.length === 0 ? '—' : answers.map(answerText).join('; '),
      ]),
    ),
  ].join('\n')
}

function answerText({ rule, element }: { rule: string; element?: string }): string {
  return element === undefined
    ? `${markdownCode(rule)}, every question`
    : `${markdownCode(rule)} at ${markdownCode(element)}`
}

/** A \`decisions\` entry is named by its id; a decision written in place, by where it is written. */
function decisionName(element: string): string {
  const [section, id] = parseElementPath(element) ?? []
  return section === 'decisions' && typeof id === 'string' ? id : element
}

export function openQuestions(questions: readonly Question[]): string {
  if (questions.length === 0) return markdownText('None: every decision the rules ask for is made.')
  return bulletList(questions.map(({ question, element }) => `${markdownText(question)} (${markdownCode(element)})`))
}

export function outOfScope(model: Model): string | undefined {
  return model.outOfScope.length === 0 ? undefined : bulletList(model.outOfScope.map(markdownText))
}
