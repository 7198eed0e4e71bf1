/**
 * The participants of a flow's sequence diagram, grouped by trust zone: zones from the
 * least to the most trusted (as a request travels inward), components in the order the
 * model declares them, and components outside any declared zone last.
 */
import type { FlowDefinition, Model } from '@plumbline/core'
import { componentsOf, zoneOf, zonesByTrust } from '../model-reading.js'

export interface ZoneGroup {
  /** The zone's name; undefined for components outside any declared zone. */
  zone: string | undefined
  components: string[]
}

export function participantGroups(model: Model, flow: FlowDefinition): ZoneGroup[] {
  const used = new Set(flow.steps.flatMap((step) => [step.from, step.to]))
  const ordered = componentsOf(model).filter((id) => used.has(id))
  const groups: ZoneGroup[] = zonesByTrust(model).map((zone) => ({
    zone,
    components: ordered.filter((id) => zoneOf(model, id) === zone),
  }))
  const zoneless = ordered.filter((id) => zoneOf(model, id) === undefined)
  return [...groups, { zone: undefined, components: zoneless }].filter((group) => group.components.length > 0)
}
