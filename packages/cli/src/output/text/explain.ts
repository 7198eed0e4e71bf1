/** `plumbline explain`: a rule's documentation, or what a checklist pack asks and what answers it. */
import { packSource } from '@plumbline/core'
import type { ChecklistPack, Evidence, NamePattern, Rule } from '@plumbline/core'
import type { Style } from '../../style.js'

export function explainRule(rule: Rule, style: Style): string {
  const lines = [
    `${style('bold', rule.id)}  ${style('dim', `default severity: ${rule.severity}`)}`,
    '',
    rule.summary,
    '',
    rule.explanation,
    '',
  ]
  if (rule.question) lines.push('Open findings of this rule are also questions (plumbline questions).')
  lines.push(
    'Where the model is right as it is, record a decision that answers the finding:',
    `  decisions: { someId: { decision: '…', because: '…', answers: { rule: '${rule.id}', element: '<element, as plumbline check prints it>' } } }`,
    `Set its severity for a run: plumbline check --rule ${rule.id}=off|info|warn|error`,
  )
  return `${lines.join('\n')}\n`
}

export function explainPack(pack: ChecklistPack, style: Style): string {
  const source = packSource(pack)
  const lines = [
    `${style('bold', source)}  ${style('dim', 'checklist pack')}`,
    '',
    pack.description,
    `Asked about each entity with a field named like ${orList(pack.entitiesWithField.map(patternText))}; {entity} is its name.`,
    '',
  ]
  for (const question of pack.questions) {
    const evidence = [
      ...question.answeredBy.map(evidenceText),
      ...(question.sameAs ? [evidenceText({ decision: question.sameAs })] : []),
    ]
    lines.push(
      `${style('yellow', '?')} ${question.question}`,
      `  at ${question.element}, answered by ${evidence.length === 0 ? 'a decision only' : 'any of:'}`,
      ...evidence.map((text) => `  - ${text}`),
    )
    if (question.sameAs)
      lines.push(
        `  While ${question.sameAs.rule} asks it (at ${question.sameAs.element}), it is asked once, in that rule's words.`,
      )
    lines.push('')
  }
  lines.push(
    'Answer a question in the model, or with a decision (answers may list several):',
    `  decisions: { someId: { decision: '…', because: '…', answers: { rule: '${source}', element: '<element, as plumbline questions prints it>' } } }`,
    `Answer every question of the pack at once: answers: { rule: '${source}' }`,
    `Its questions are questions only; make them findings, or switch the pack off: plumbline check --rule ${source}=off|info|warn|error`,
  )
  return `${lines.join('\n')}\n`
}

function evidenceText(evidence: Evidence): string {
  if ('field' in evidence) return `a field named like ${patternText(evidence.field)}`
  if ('uniquenessOf' in evidence)
    return `a uniqueness decision on the entity (unique: [...] or 'none'); or its identity has a field named like ${patternText(evidence.uniquenessOf)}`
  if ('state' in evidence) return `a machine state named like ${patternText(evidence.state)}`
  if ('action' in evidence)
    return `a flow, contract, store operation or machine event named like ${patternText(evidence.action)}`
  if ('zonesWithAuth' in evidence) return 'trust zones, with auth stated on a contract or flow step'
  if ('decision' in evidence) return `a decision answering ${evidence.decision.rule} at ${evidence.decision.element}`
  return `all of: ${evidence.allOf.map(evidenceText).join(' | ')}`
}

function patternText(pattern: NamePattern): string {
  return typeof pattern === 'string' ? JSON.stringify(pattern) : String(pattern)
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}
