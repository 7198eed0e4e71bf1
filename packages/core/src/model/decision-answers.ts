/**
 * A decision's `answers`, one object or a list of them, as a list: each answer with the
 * element path where it is written (`decisions.x.answers`, or `decisions.x.answers[1]` in a
 * list), so that each is matched, reported stale or found invalid on its own.
 */
import type { PathSegment } from './element-path.js'
import type { DecisionAnswer, DecisionDefinition } from './types.js'

export interface WrittenAnswer extends DecisionAnswer {
  /** Where the answer is written. */
  path: PathSegment[]
}

export function answersOf(id: string, decision: DecisionDefinition): WrittenAnswer[] {
  const { answers } = decision
  if (answers === undefined) return []
  const at: PathSegment[] = ['decisions', id, 'answers']
  if (isAnswerList(answers)) return answers.map((answer, index) => ({ ...answer, path: [...at, index] }))
  return [{ ...answers, path: at }]
}

function isAnswerList(answers: NonNullable<DecisionDefinition['answers']>): answers is readonly DecisionAnswer[] {
  return Array.isArray(answers)
}
