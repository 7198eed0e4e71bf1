/**
 * Decisions that answer findings: a finding whose (rule, element) a decision names becomes
 * a recorded decision; a decision that names no finding is itself a finding (`decision/stale`).
 */
import type { DecidedFinding, Finding } from '../diagnostics/types.js'
import { elementPath } from '../model/element-path.js'
import type { Model } from '../model/model.js'

export interface DecisionOutcome {
  open: Finding[]
  decided: DecidedFinding[]
}

export function applyDecisions(model: Model, findings: readonly Finding[]): DecisionOutcome {
  const answering = new Map<string, string>()
  for (const [id, decision] of Object.entries(model.decisions))
    if (decision.answers) answering.set(findingKey(decision.answers.rule, decision.answers.element), id)

  const open: Finding[] = []
  const decided: DecidedFinding[] = []
  const used = new Set<string>()
  for (const finding of findings) {
    const id = answering.get(findingKey(finding.rule, finding.element))
    const decision = id === undefined ? undefined : model.decisions[id]
    if (id === undefined || decision === undefined) {
      open.push(finding)
      continue
    }
    used.add(id)
    decided.push({
      rule: finding.rule,
      element: finding.element,
      message: finding.message,
      decision: id,
      text: decision.decision,
      because: decision.because,
    })
  }
  for (const id of answering.values())
    if (!used.has(id)) {
      const answers = model.decisions[id]?.answers
      open.push({
        rule: 'decision/stale',
        element: elementPath(['decisions', id, 'answers']),
        message: `decision ${JSON.stringify(id)} answers ${answers?.rule} at ${JSON.stringify(answers?.element)}, but there is no such finding`,
      })
    }
  return { open, decided }
}

function findingKey(rule: string, element: string): string {
  return `${rule}\u0000${element}`
}
