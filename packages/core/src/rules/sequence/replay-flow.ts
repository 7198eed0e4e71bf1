/**
 * Replays a flow's events on its machine with XState's own pure functions
 * (`initialTransition`, `transition`), never running actions or invoked actors. Event
 * payloads come from the machine's declared samples, so a flow is feasible when some choice
 * of samples accepts every event in order: the replay keeps the set of snapshots the steps
 * so far can reach.
 */
import {
  getNextTransitions,
  initialTransition,
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type StateValue,
} from 'xstate'
import { isUserEventType, machineAcceptsEvent } from '../../model/event-descriptors.js'
import { withStandIns } from '../../model/machine-stand-ins.js'
import type { MachineModel } from '../../model/types.js'

export type Replay =
  | { outcome: 'feasible' }
  /** The step's event is not accepted in any snapshot the earlier steps can reach. */
  | { outcome: 'refused'; step: number; event: string; states: string[]; accepted: string[]; done: boolean }
  /** The machine has no transition for the event anywhere. */
  | { outcome: 'unknown-event'; step: number; event: string; known: string[] }
  /** The machine threw: while starting (`step` undefined) or while taking a step's event. */
  | { outcome: 'threw'; step: number | undefined; error: string }

export interface FlowEvent {
  /** The step's index in the flow. */
  step: number
  type: string
}

/** `machineId`: the machine's id in the model, for its stand-ins (a flow is no finding of a missing implementation). */
export function replayFlow(machineId: string, model: MachineModel, events: readonly FlowEvent[]): Replay {
  const machine = withStandIns(machineId, model.machine)
  const known = knownEventTypes(machine)
  let snapshots: AnyMachineSnapshot[]
  try {
    snapshots = [initialTransition(machine, model.input)[0] as AnyMachineSnapshot]
  } catch (error) {
    return { outcome: 'threw', step: undefined, error: oneLine(error) }
  }
  for (const { step, type } of events) {
    if (!machineAcceptsEvent(machine, type)) return { outcome: 'unknown-event', step, event: type, known }
    const variants = payloadsOf(model, type).map((payload) => ({ ...payload, type }))
    const next = new Map<string, AnyMachineSnapshot>()
    try {
      for (const snapshot of snapshots)
        for (const event of variants)
          if (snapshot.status === 'active' && snapshot.can(event)) {
            const [after] = transition(machine, snapshot, event)
            next.set(snapshotKey(after as AnyMachineSnapshot, next.size), after as AnyMachineSnapshot)
          }
    } catch (error) {
      return { outcome: 'threw', step, error: oneLine(error) }
    }
    if (next.size === 0)
      return {
        outcome: 'refused',
        step,
        event: type,
        states: unique(snapshots.map((snapshot) => stateText(snapshot.value))),
        accepted: acceptedEvents(model, snapshots),
        done: snapshots.every((snapshot) => snapshot.status !== 'active'),
      }
    snapshots = [...next.values()]
  }
  return { outcome: 'feasible' }
}

/** The event types the user can send the machine, in the order the config declares them. */
function knownEventTypes(machine: AnyStateMachine): string[] {
  return unique(machine.root.events.filter(isUserEventType))
}

function payloadsOf(model: MachineModel, type: string): Array<Record<string, unknown>> {
  const samples = (model.events as Record<string, Array<Record<string, unknown>>> | undefined)?.[type]
  return samples !== undefined && Object.hasOwn(model.events ?? {}, type) && samples.length > 0 ? samples : [{}]
}

/** Event types some snapshot accepts, with some payload sample: what the flow could send instead. */
function acceptedEvents(model: MachineModel, snapshots: readonly AnyMachineSnapshot[]): string[] {
  const accepted: string[] = []
  for (const snapshot of snapshots) {
    if (snapshot.status !== 'active') continue
    for (const { eventType } of getNextTransitions(snapshot)) {
      if (!isUserEventType(eventType) || accepted.includes(eventType)) continue
      if (payloadsOf(model, eventType).some((payload) => safeCan(snapshot, { ...payload, type: eventType })))
        accepted.push(eventType)
    }
  }
  return accepted
}

function safeCan(snapshot: AnyMachineSnapshot, event: { type: string }): boolean {
  try {
    return snapshot.can(event)
  } catch {
    return false
  }
}

/** Snapshots with the same value and context are one; a context that cannot be keyed is kept apart. */
function snapshotKey(snapshot: AnyMachineSnapshot, fallback: number): string {
  try {
    return JSON.stringify([snapshot.value, snapshot.context, snapshot.status])
  } catch {
    return `#${fallback}`
  }
}

/** `cart.empty`; parallel regions as `payment.pending, shipping.idle`. */
function stateText(value: StateValue): string {
  return leaves(value).join(', ')
}

function leaves(value: StateValue): string[] {
  if (typeof value === 'string') return [value]
  return Object.entries(value).flatMap(([key, inner]) => {
    const below = inner === undefined ? [] : leaves(inner)
    return below.length === 0 ? [key] : below.map((leaf) => `${key}.${leaf}`)
  })
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}

/** The error's message on one line: XState puts the cause on the lines after its own. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.trim().replace(/\s*\n\s*/g, ' ')
}
