/**
 * Where a machine's conformance finding is reported: the state the event was sent in
 * (`machines.vault.states.open`, nested as `machines.order.states.paying.states.charging`), an
 * element the model has; an event is not one (`machines.vault.events.DONE` names nothing a
 * reader could find). In parallel regions it is the state that holds them, or the machine.
 */
import type { PathSegment } from '../model/element-path.js'

/** `value`: the snapshot's state value, `"open"` or `{ paying: "charging" }`. */
export function machineStatePath(machineId: string, value: unknown): PathSegment[] {
  const segments: PathSegment[] = ['machines', machineId]
  let at = value
  while (typeof at === 'object' && at !== null) {
    const keys = Object.keys(at)
    const [only] = keys
    if (keys.length !== 1 || only === undefined) return segments
    segments.push('states', only)
    at = (at as Record<string, unknown>)[only]
  }
  if (typeof at === 'string') segments.push('states', at)
  return segments
}
