/**
 * Elements nest (`partOf`): a system holds containers, a container components. These are the
 * questions the rules and the views ask of that tree. They hold on any model: a `partOf` that
 * names no element, or that goes round in a cycle, is `model/invalid` (`references.ts`), and
 * here simply ends the walk, so nothing loops.
 */
import type { Model } from './model.js'
import { own } from './own.js'
import type { ComponentKind } from './types.js'

/** The element's parent, where it names one the model declares. */
export function parentOf(model: Model, element: string): string | undefined {
  const parent = own(model.components, element)?.partOf
  return parent !== undefined && own(model.components, parent) !== undefined ? parent : undefined
}

/** The element's ancestors, nearest first; a cycle stops before it repeats. */
export function ancestorsOf(model: Model, element: string): string[] {
  const ancestors: string[] = []
  const seen = new Set([element])
  for (let parent = parentOf(model, element); parent !== undefined; parent = parentOf(model, parent)) {
    if (seen.has(parent)) break
    seen.add(parent)
    ancestors.push(parent)
  }
  return ancestors
}

/** The elements directly part of `parent` (undefined: the top level), in declaration order. */
export function childrenOf(model: Model, parent: string | undefined): string[] {
  return Object.keys(model.components).filter((element) => parentOf(model, element) === parent)
}

/** True where the element has parts: its parts carry its zones and its failure modes. */
export function hasParts(model: Model, element: string): boolean {
  return Object.keys(model.components).some((other) => parentOf(model, other) === element)
}

/** True where any element is part of another: the model is drawn at several zoom levels. */
export function isNested(model: Model): boolean {
  return Object.keys(model.components).some((element) => parentOf(model, element) !== undefined)
}

/** The element's zone: its own, else the nearest ancestor's. */
export function effectiveZone(model: Model, element: string): string | undefined {
  for (const id of [element, ...ancestorsOf(model, element)]) {
    const zone = own(model.components, id)?.zone
    if (zone !== undefined) return zone
  }
  return undefined
}

/** `actor` is the older spelling of `person`: rules and views read both as one kind. */
export function kindOf(model: Model, element: string): ComponentKind | undefined {
  const kind = own(model.components, element)?.kind
  return kind === 'actor' ? 'person' : kind
}

/** The element itself or the nearest of its ancestors in `shown`; undefined where none is. */
export function nearestShown(model: Model, element: string, shown: ReadonlySet<string>): string | undefined {
  if (shown.has(element)) return element
  return ancestorsOf(model, element).find((ancestor) => shown.has(ancestor))
}
