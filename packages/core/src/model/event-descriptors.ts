/**
 * XState's event descriptors: an exact type, `*`, or a prefix wildcard `a.b.*`. Matched as
 * XState's own `matchesEventDescriptor` does (it is not exported).
 */
import type { AnyStateMachine } from 'xstate'

/** Whether an event of this type is one the descriptor stands for. */
export function matchesEventDescriptor(eventType: string, descriptor: string): boolean {
  if (descriptor === eventType || descriptor === '*') return true
  if (!descriptor.endsWith('.*')) return false
  const prefix = descriptor.split('.').slice(0, -1)
  const tokens = eventType.split('.')
  return prefix.every((token, index) => tokens[index] === token)
}

/** Whether some transition of the machine is for this event type: one of its descriptors matches it. */
export function machineAcceptsEvent(machine: AnyStateMachine, eventType: string): boolean {
  return (machine.root.events as string[]).some((descriptor) => matchesEventDescriptor(eventType, descriptor))
}

/** Event types a user names: not wildcards, not eventless, not XState's own `xstate.*` events. */
export function isUserEventType(descriptor: string): boolean {
  return descriptor !== '' && !descriptor.includes('*') && !descriptor.startsWith('xstate.')
}
