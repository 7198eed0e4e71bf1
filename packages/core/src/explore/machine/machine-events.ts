/**
 * The events an exploration sends a machine: every event type it accepts (the event
 * descriptors of all its state nodes, nested ones included) and every type the model
 * declares samples for, each with each declared payload, or bare (`{ type }`) without
 * samples. Delayed transitions (`xstate.after.<delay>.<state id>`) and invoked actors'
 * completions and failures (`xstate.done.actor.<id>`, `xstate.error.actor.<id>`) are
 * descriptors like any other: the environment sends them, so timeouts and failures are
 * explored. A compound state's own completion (`xstate.done.state.<id>`) is not: XState
 * raises it itself when a final child is reached, and sending it would fake that.
 */
import type { AnyEventObject, AnyStateMachine, AnyStateNode } from 'xstate'
import { machineAcceptsEvent } from '../../model/event-descriptors.js'
import { own } from '../../model/own.js'

interface MachineEvent {
  type: string
  /** The payload, as traces show it: the event without its `type`. */
  payload: Record<string, unknown>
  event: AnyEventObject
  /** Index of the type in `MachineEvents.types`. */
  typeIndex: number
}

export interface MachineEvents {
  /** In order: the actions of the exploration. */
  events: MachineEvent[]
  /** The distinct event types, in order. */
  types: string[]
  /** Which events are worth sending to a snapshot whose configuration is these state nodes. */
  candidatesFor(nodes: readonly AnyStateNode[]): Uint32Array
}

const RAISED_BY_XSTATE = 'xstate.done.state.'
const ENVIRONMENT = 'xstate.'

export function machineEvents(
  machine: AnyStateMachine,
  samples: Readonly<Record<string, readonly Record<string, unknown>[]>>,
): MachineEvents {
  const descriptors = machine.root.events as string[]
  // Samples of a type no descriptor matches are never taken (and reported as model/invalid).
  const sampled = Object.keys(samples).filter((type) => machineAcceptsEvent(machine, type))
  const types = [...new Set([...descriptors.filter((type) => !type.startsWith(RAISED_BY_XSTATE)), ...sampled])]
  const events = types.flatMap((type, typeIndex) =>
    (own(samples, type) ?? [{}]).map((payload) => ({ type, payload, event: { ...payload, type }, typeIndex })),
  )
  const ownEvents = new Map<AnyStateNode, readonly string[]>()
  const byConfiguration = new Map<string, Uint32Array>()
  return {
    events,
    types,
    candidatesFor(nodes) {
      const key = nodes.map((node) => node.id).join('\u0000')
      let candidates = byConfiguration.get(key)
      if (candidates === undefined) {
        const accepted = new Set<string>()
        for (const node of nodes) {
          let nodeEvents = ownEvents.get(node)
          if (nodeEvents === undefined) {
            nodeEvents = node.ownEvents as string[]
            ownEvents.set(node, nodeEvents)
          }
          for (const descriptor of nodeEvents) accepted.add(descriptor)
        }
        // A wildcard accepts any event the application sends, but not the environment's:
        // XState would take an unhandled actor error for the machine's own failure.
        const wildcard = [...accepted].some((descriptor) => descriptor.includes('*'))
        candidates = Uint32Array.from(
          events.flatMap(({ type }, index) =>
            accepted.has(type) || (wildcard && !type.startsWith(ENVIRONMENT)) ? [index] : [],
          ),
        )
        byConfiguration.set(key, candidates)
      }
      return candidates
    },
  }
}
