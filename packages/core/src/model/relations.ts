/**
 * The model's static relations: those it declares (in `relations`, then each element's own), then one for every flow step (and every
 * contract no step uses) that declares none between the same two elements, so flows never
 * need repeating; a step back along a relation already known is its answer, and implies none. `relationsAmong` rolls them up to the elements a view shows (Structurizr's
 * implied relationships): each end becomes its nearest shown ancestor, a relation inside
 * one shown element disappears, and two relations between the same pair are drawn once.
 */
import { nearestShown } from './hierarchy.js'
import type { Model } from './model.js'

export interface Relation {
  from: string
  to: string
  /** The declared description, else the contract's name or the step's message. */
  description: string | undefined
  technology: string | undefined
  /** Where it comes from: `relations[2]`, a flow step, or a contract no step uses. */
  source: 'declared' | 'flow' | 'contract'
}

/** Every relation of the model, at the level it is written; one per (from, to) pair. */
export function relationsOf(model: Model): Relation[] {
  const byPair = new Map<string, Relation>()
  const add = (relation: Relation): void => {
    const key = JSON.stringify([relation.from, relation.to])
    if (!byPair.has(key)) byPair.set(key, relation)
  }
  const declared = [
    ...model.relations,
    ...Object.entries(model.components).flatMap(([from, component]) =>
      (component.relations ?? []).map((relation) => ({ ...relation, from })),
    ),
  ]
  for (const relation of declared)
    add({
      from: relation.from,
      to: relation.to,
      description: relation.description,
      technology: relation.technology,
      source: 'declared',
    })
  for (const flow of Object.values(model.flows))
    for (const step of flow.steps) {
      // A step back along a relation already known is its answer (a response), not a dependency of its own.
      if (byPair.has(JSON.stringify([step.to, step.from]))) continue
      add({
        from: step.from,
        to: step.to,
        description: step.contract ?? step.message,
        technology: undefined,
        source: 'flow',
      })
    }
  const used = new Set(Object.values(model.flows).flatMap((flow) => flow.steps.map((step) => step.contract)))
  for (const [id, contract] of Object.entries(model.contracts))
    if (!used.has(id))
      add({ from: contract.from, to: contract.to, description: id, technology: undefined, source: 'contract' })
  return [...byPair.values()]
}

/**
 * The relations between the elements of `shown`, rolled up: each end moved to its nearest
 * shown ancestor (a relation with an end under none of them is left out), none from an
 * element to itself, one per pair — the first met, so a declared relation's words win.
 */
export function relationsAmong(model: Model, shown: ReadonlySet<string>): Relation[] {
  const byPair = new Map<string, Relation>()
  for (const relation of relationsOf(model)) {
    const from = nearestShown(model, relation.from, shown)
    const to = nearestShown(model, relation.to, shown)
    if (from === undefined || to === undefined || from === to) continue
    const key = JSON.stringify([from, to])
    if (!byPair.has(key)) byPair.set(key, { ...relation, from, to })
  }
  return [...byPair.values()]
}
