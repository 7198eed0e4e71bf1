/**
 * Trust zones as the boundary rules see them: the zone a component is in (its own, else its parent's), and whether a
 * call from one component to another enters a more trusted zone.
 */
import { effectiveZone } from './hierarchy.js'
import type { Model } from './model.js'
import { own } from './own.js'

interface PlacedComponent {
  zone: string
  trust: number
}

/** The component's zone and its trust; undefined when the component, its zone or the zone's declaration is missing. */
function placeOf(model: Model, component: string): PlacedComponent | undefined {
  const zone = effectiveZone(model, component)
  if (zone === undefined) return undefined
  const declared = own(model.zones, zone)
  return declared === undefined ? undefined : { zone, trust: declared.trust }
}

export interface Crossing {
  from: PlacedComponent
  to: PlacedComponent
}

/** The crossing when a call from `from` to `to` enters a more trusted zone; undefined otherwise or when either side is unplaced. */
export function inwardCrossing(model: Model, from: string, to: string): Crossing | undefined {
  const source = placeOf(model, from)
  const target = placeOf(model, to)
  if (source === undefined || target === undefined || target.trust <= source.trust) return undefined
  return { from: source, to: target }
}
