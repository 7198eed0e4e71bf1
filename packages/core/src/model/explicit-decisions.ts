/**
 * The decisions a model states explicitly, with where each is written: its `decisions`
 * entries, and the choices not to do something that nothing else would show (`auth: 'none'`,
 * `unique: 'none'`, the out-of-scope list). For the documents' decisions table.
 */
import { answersOf } from './decision-answers.js'
import { elementPath } from './element-path.js'
import type { Model } from './model.js'
import type { DecisionAnswer } from './types.js'

export interface ExplicitDecision {
  /** Where it is written: `decisions.noVerification`, `contracts.signUp.auth`, `entities.User.unique`, `outOfScope[0]`. */
  element: string
  /** The decision in words. */
  decision: string
  /** Its reason, where the model gives one (`decisions` entries always do). */
  because: string | undefined
  /** The findings or questions it answers (element undefined: every question of a pack); empty where it names none. */
  answers: DecisionAnswer[]
}

/** In the model's order: decisions, then contracts, flow steps, entities, and what is out of scope. */
export function explicitDecisions(model: Model): ExplicitDecision[] {
  const list: ExplicitDecision[] = []
  const stated = (path: Array<string | number>, decision: string): void => {
    list.push({ element: elementPath(path), decision, because: undefined, answers: [] })
  }
  for (const [id, definition] of Object.entries(model.decisions))
    list.push({
      element: elementPath(['decisions', id]),
      decision: definition.decision,
      because: definition.because,
      answers: answersOf(id, definition).map(({ rule, element }) =>
        element === undefined ? { rule } : { rule, element },
      ),
    })
  for (const [id, contract] of Object.entries(model.contracts))
    if (contract.auth === 'none') stated(['contracts', id, 'auth'], `Anyone may call ${id} (auth: 'none')`)
  for (const [id, flow] of Object.entries(model.flows))
    flow.steps.forEach((step, index) => {
      if (step.auth === 'none')
        stated(
          ['flows', id, 'steps', index, 'auth'],
          `Anyone may make step ${index + 1} of ${id}, ${step.from} → ${step.to} (auth: 'none')`,
        )
    })
  for (const [name, entity] of Object.entries(model.entities))
    if (entity.unique === 'none')
      stated(['entities', name, 'unique'], `Nothing about a ${name} is unique but its identity (unique: 'none')`)
  model.outOfScope.forEach((item, index) => {
    stated(['outOfScope', index], `Out of scope: ${item}`)
  })
  return list
}
