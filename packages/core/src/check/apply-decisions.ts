/**
 * Decisions that answer findings: a finding whose (rule, element) an answer of a decision
 * names becomes a recorded decision; an answer that names no finding is itself a finding
 * (`decision/stale`), each answer of a list on its own. An answer naming a pack's source
 * alone answers every question of that pack (a finding answered by name wins over it).
 */
import type { DecidedFinding, Finding } from '../diagnostics/types.js'
import { answersOf, type WrittenAnswer } from '../model/decision-answers.js'
import { elementPath } from '../model/element-path.js'
import type { Model } from '../model/model.js'
import { decisionStale } from '../rules/decision/stale.js'

export interface DecisionOutcome {
  open: Finding[]
  decided: DecidedFinding[]
}

interface Answering {
  id: string
  answer: WrittenAnswer
  used: boolean
}

export function applyDecisions(model: Model, findings: readonly Finding[]): DecisionOutcome {
  const answering = new Map<string, Answering>()
  for (const [id, decision] of Object.entries(model.decisions))
    for (const answer of answersOf(id, decision)) {
      const key = findingKey(answer.rule, answer.element)
      if (!answering.has(key)) answering.set(key, { id, answer, used: false })
    }

  const open: Finding[] = []
  const decided: DecidedFinding[] = []
  for (const finding of findings) {
    const element = elementPath(finding.path)
    const by = answering.get(findingKey(finding.rule, element)) ?? answering.get(findingKey(finding.rule))
    const decision = by && model.decisions[by.id]
    if (by === undefined || decision === undefined) {
      open.push(finding)
      continue
    }
    by.used = true
    decided.push({
      rule: finding.rule,
      element,
      message: finding.message,
      decision: by.id,
      text: decision.decision,
      because: decision.because,
    })
  }
  for (const { id, answer, used } of answering.values())
    if (!used)
      open.push(
        decisionStale.finding(
          answer.path,
          answer.element === undefined
            ? `decision ${JSON.stringify(id)} answers every question of ${answer.rule}, but it asks none here`
            : `decision ${JSON.stringify(id)} answers ${answer.rule} at ${JSON.stringify(answer.element)}, but there is no such finding`,
        ),
      )
  return { open, decided }
}

/** A finding's key; without an element, the key of a whole pack's answer. */
function findingKey(rule: string, element?: string): string {
  return element === undefined ? `${rule}\u0000*` : `${rule}\u0000=${element}`
}
