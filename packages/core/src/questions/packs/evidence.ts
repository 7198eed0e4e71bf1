/** Whether a piece of a pack's evidence holds in a model, for one entity. */
import { answersOf } from '../../model/decision-answers.js'
import { isUserEventType } from '../../model/event-descriptors.js'
import { declaresZones, type Model } from '../../model/model.js'
import { own } from '../../model/own.js'
import { stateNodesOf } from '../../model/state-nodes.js'
import { fillElement } from './template.js'
import type { Evidence, NamePattern } from './types.js'

export function holds(evidence: Evidence, model: Model, entityName: string): boolean {
  const entity = own(model.entities, entityName)
  if ('field' in evidence)
    return entity !== undefined && Object.keys(entity.schema.shape).some((field) => matches(evidence.field, field))
  if ('uniquenessOf' in evidence)
    return (
      entity !== undefined &&
      (entity.unique !== undefined || (entity.identity ?? []).some((field) => matches(evidence.uniquenessOf, field)))
    )
  if ('state' in evidence) return stateNames(model).some((name) => matches(evidence.state, name))
  if ('action' in evidence) return actionNames(model).some((name) => matches(evidence.action, name))
  if ('zonesWithAuth' in evidence) return declaresZones(model) && statesAuth(model)
  if ('decision' in evidence) {
    const { rule } = evidence.decision
    const element = fillElement(evidence.decision.element, entityName)
    return Object.entries(model.decisions).some(([id, decision]) =>
      answersOf(id, decision).some((answer) => answer.rule === rule && answer.element === element),
    )
  }
  return evidence.allOf.every((inner) => holds(inner, model, entityName))
}

/** A string matches names containing it, ignoring case; a RegExp is tested as written. */
export function matches(pattern: NamePattern, name: string): boolean {
  if (typeof pattern === 'string') return name.toLowerCase().includes(pattern.toLowerCase())
  pattern.lastIndex = 0
  return pattern.test(name)
}

function stateNames(model: Model): string[] {
  return Object.entries(model.machines).flatMap(([id, { machine }]) =>
    stateNodesOf(id, machine)
      .slice(1)
      .map(({ node }) => node.key),
  )
}

function actionNames(model: Model): string[] {
  return [
    ...Object.keys(model.flows),
    ...Object.keys(model.contracts),
    ...Object.values(model.stores).flatMap((store) => Object.keys(store.operations)),
    ...Object.values(model.machines).flatMap(({ machine }) => machine.root.events.filter(isUserEventType)),
  ]
}

function statesAuth(model: Model): boolean {
  return (
    Object.values(model.contracts).some((contract) => contract.auth !== undefined) ||
    Object.values(model.flows).some((flow) => flow.steps.some((step) => step.auth !== undefined))
  )
}
