/**
 * A machine with stand-ins for what its `setup()` lacks: a duration for every delay it names
 * without one, inert logic for every actor it invokes by a source it does not provide. Both
 * are `model/invalid` already (machine-implementations.ts); explored or replayed without them,
 * XState would take the delayed transition at once or fail entering the state, and every
 * finding past that (a deadlock where the machine never starts, events never taken) would
 * follow from the one mistake. With them, the machine is explored as its author meant it:
 * the environment sends the delay's and the actor's events, as for any other.
 */
import { fromPromise, type AnyStateMachine } from 'xstate'
import { stateNodesOf } from './state-nodes.js'

/** Never settles; it is never started either (the exploration's actor scope starts nothing). */
const inertLogic = fromPromise(() => new Promise<never>(() => {}))

export function withStandIns(id: string, machine: AnyStateMachine): AnyStateMachine {
  const { delays = {}, actors = {} } = machine.implementations as {
    delays?: Record<string, unknown>
    actors?: Record<string, unknown>
  }
  const missingDelays: Record<string, number> = {}
  const missingActors: Record<string, typeof inertLogic> = {}
  for (const { node } of stateNodesOf(id, machine)) {
    for (const { delay } of node.after)
      if (typeof delay === 'string' && !Object.hasOwn(delays, delay)) missingDelays[delay] = 1
    for (const { src } of node.invoke)
      if (typeof src === 'string' && !Object.hasOwn(actors, src)) missingActors[src] = inertLogic
  }
  if (Object.keys(missingDelays).length === 0 && Object.keys(missingActors).length === 0) return machine
  return machine.provide({ delays: missingDelays, actors: missingActors } as Parameters<AnyStateMachine['provide']>[0])
}
