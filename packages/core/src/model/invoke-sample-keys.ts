/**
 * Sample keys for an invoked actor's completion and failure in the words of the machine:
 * `creditCheck.done`, `creditCheck.error`, named by the invoke's `id`, else its `src` (every
 * invoke of that source without an id), each also under its state's path
 * (`Verifying.checkCredit.done`) to pick one where a source is invoked in several states. XState's
 * own event types (`xstate.done.actor.0.m.Verifying`) name invokes the config never numbered,
 * so no user can guess them; they keep working as keys too.
 */
import type { AnyStateMachine } from 'xstate'
import { invokesOf } from './invokes.js'

const OUTCOMES = { done: 'xstate.done.actor.', error: 'xstate.error.actor.' } as const

/** Every key a user may write for an invoke's events, to the XState event types it stands for. */
export function invokeSampleKeys(machine: AnyStateMachine): Map<string, string[]> {
  const keys = new Map<string, string[]>()
  const add = (key: string, type: string) => {
    const types = keys.get(key) ?? []
    if (!types.includes(type)) keys.set(key, [...types, type])
  }
  const visit = (node: AnyStateMachine['root']): void => {
    for (const invoke of invokesOf(node)) {
      const names = node.path.length === 0 ? [invoke.name] : [invoke.name, `${node.path.join('.')}.${invoke.name}`]
      for (const name of names)
        for (const [outcome, prefix] of Object.entries(OUTCOMES)) add(`${name}.${outcome}`, `${prefix}${invoke.id}`)
    }
    for (const child of Object.values(node.states)) visit(child)
  }
  visit(machine.root)
  return keys
}

/**
 * The samples keyed by XState's event types: a key that is one of the machine's event
 * descriptors stays as it is, an invoke's key (`creditCheck.done`) becomes the types it stands
 * for (samples given under several keys for one type are all taken), any other stays for
 * validation to report.
 */
export function resolveSampleKeys(
  machine: AnyStateMachine,
  samples: Readonly<Record<string, readonly unknown[]>>,
): Record<string, unknown[]> {
  const descriptors = new Set(machine.root.events as string[])
  const invokeKeys = invokeSampleKeys(machine)
  const resolved: Record<string, unknown[]> = {}
  for (const [key, payloads] of Object.entries(samples)) {
    const types = descriptors.has(key) ? [key] : (invokeKeys.get(key) ?? [key])
    for (const type of types)
      resolved[type] = [...(Object.hasOwn(resolved, type) ? (resolved[type] ?? []) : []), ...payloads]
  }
  return resolved
}

/** The key a user writes for the samples of XState's event `type` (an invoke's done or error), where it has one. */
export function sampleKeyOf(machine: AnyStateMachine, type: string): string | undefined {
  for (const [key, types] of invokeSampleKeys(machine)) if (types.includes(type)) return key
  return undefined
}
