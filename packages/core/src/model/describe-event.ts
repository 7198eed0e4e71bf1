/**
 * XState's own event types in the words of the machine: a delay firing
 * (`xstate.after.someDelay.m.a`: "after someDelay in state "a""), an invoked actor done or
 * failed (`xstate.done.actor.0.m.a`: "fetchUser done (invoked in state "a")"). Its ids name
 * state nodes and number invokes the config never numbered; findings and traces name the
 * state, the invoke's id or source and the delay instead, and the element where each is written.
 */
import type { AnyStateMachine } from 'xstate'
import type { PathSegment } from './element-path.js'
import { invokesOf } from './invokes.js'
import { describeStateNode, stateNodesOf } from './state-nodes.js'

export interface EventDescription {
  /** The event in words: `fetchUser failed (invoked in state "a")`. */
  words: string
  /** Where its transition is written: `machines.m.states.a.invoke.fetchUser.onDone`, `…invoke[0].onError`, `…after.someDelay`. */
  path: PathSegment[]
}

/** The environment's events of a machine, by event type; user events are not in it. */
export function describeEnvironmentEvents(machineId: string, machine: AnyStateMachine): Map<string, EventDescription> {
  const described = new Map<string, EventDescription>()
  for (const { node, path } of stateNodesOf(machineId, machine)) {
    const where = describeStateNode(node)
    for (const invoke of invokesOf(node)) {
      const at = [...path, 'invoke', invoke.key]
      const invoked = where === 'the machine' ? 'invoked by the machine' : `invoked in ${where}`
      described.set(`xstate.done.actor.${invoke.id}`, {
        words: `${invoke.name} done (${invoked})`,
        path: [...at, 'onDone'],
      })
      described.set(`xstate.error.actor.${invoke.id}`, {
        words: `${invoke.name} failed (${invoked})`,
        path: [...at, 'onError'],
      })
    }
    for (const { delay, eventType } of node.after) {
      const wait = typeof delay === 'number' ? `${delay} ms` : String(delay)
      described.set(eventType, { words: `after ${wait} in ${where}`, path: [...path, 'after', String(delay)] })
    }
  }
  return described
}
