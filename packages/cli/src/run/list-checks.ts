/**
 * What a model asks to be checked, one item per check a CI test tab would show: each flow,
 * machine and store, and each invariant, `never` constraint, effect and liveness property. Findings belong to
 * the item whose element encloses theirs; everything else belongs to the model as a whole.
 */
import { elementPath, type Model } from '@plumbline/core'

export type CheckKind = 'flow' | 'machine' | 'store' | 'invariant' | 'constraint' | 'effect' | 'liveness'

export interface CheckItem {
  kind: CheckKind
  element: string
}

const PREDICATES = [
  ['invariants', 'invariant'],
  ['never', 'constraint'],
  ['effects', 'effect'],
  ['liveness', 'liveness'],
] as const

export function listChecks(model: Model): CheckItem[] {
  const items: CheckItem[] = []
  for (const id of Object.keys(model.flows)) items.push({ kind: 'flow', element: elementPath(['flows', id]) })
  for (const [id, machine] of Object.entries(model.machines)) {
    items.push({ kind: 'machine', element: elementPath(['machines', id]) })
    items.push(...predicates(['machines', id], machine))
  }
  for (const [id, store] of Object.entries(model.stores)) {
    items.push({ kind: 'store', element: elementPath(['stores', id]) })
    items.push(...predicates(['stores', id], store))
  }
  return items
}

function predicates(
  owner: readonly string[],
  definition: Partial<Record<(typeof PREDICATES)[number][0], object>>,
): CheckItem[] {
  return PREDICATES.flatMap(([section, kind]) =>
    Object.keys(definition[section] ?? {}).map((name) => ({ kind, element: elementPath([...owner, section, name]) })),
  )
}

/** The item a finding at `element` belongs to: the one whose element encloses it most closely. */
export function owningCheck(element: string, items: readonly CheckItem[]): CheckItem | undefined {
  let owner: CheckItem | undefined
  for (const item of items)
    if (encloses(item.element, element) && (owner === undefined || item.element.length > owner.element.length))
      owner = item
  return owner
}

function encloses(outer: string, inner: string): boolean {
  return inner === outer || (inner.startsWith(outer) && (inner[outer.length] === '.' || inner[outer.length] === '['))
}
