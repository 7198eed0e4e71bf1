/** Questions about a model that several diagrams ask, answered once. */
import { effectiveZone, type FlowStep, type Model } from '@plumbline/core'

/** Zone names from the least to the most trusted; equal trust keeps the declared order. */
export function zonesByTrust(model: Model): string[] {
  return Object.keys(model.zones).sort((a, b) => (model.zones[a]?.trust ?? 0) - (model.zones[b]?.trust ?? 0))
}

/** The component's zone (its own, else its parent's), where it names one the model declares. */
export function zoneOf(model: Model, component: string): string | undefined {
  const zone = effectiveZone(model, component)
  return zone !== undefined && zone in model.zones ? zone : undefined
}

/**
 * The declared components, then any a flow step or a contract names without declaring it
 * (a finding of the check, but still drawn, under the name it is given).
 */
export function componentsOf(model: Model): string[] {
  const named = [
    ...Object.values(model.flows).flatMap((flow) => flow.steps.flatMap((step) => [step.from, step.to])),
    ...Object.values(model.contracts).flatMap((contract) => [contract.from, contract.to]),
  ]
  return [...new Set([...Object.keys(model.components), ...named])]
}

/** The contract's name, else the message; the machine event it sends after an arrow. */
export function stepLabel(step: FlowStep): string {
  const label = step.contract ?? step.message ?? ''
  return step.event === undefined ? label : `${label} ⇒ ${step.event}`
}
