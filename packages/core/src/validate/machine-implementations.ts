/**
 * Names a machine uses without an implementation in its `setup()`: a delay (XState then
 * fires the delayed transition at once) and an invoked actor (nothing to start: entering
 * the state stops the machine with an error). The exploration cannot see either: in it,
 * delays are events of the environment, and invoked actors are never started.
 */
import type { AnyStateMachine } from 'xstate'
import type { PathSegment } from '../model/element-path.js'
import { stateNodesOf } from '../model/state-nodes.js'
import { unknownName } from '../model/suggest.js'

export function checkMachineImplementations(
  id: string,
  machine: AnyStateMachine,
  invalid: (path: PathSegment[], message: string) => void,
): void {
  const { delays = {}, actors = {} } = machine.implementations as {
    delays?: Record<string, unknown>
    actors?: Record<string, unknown>
  }
  const owner = `machine ${JSON.stringify(id)}`
  for (const { node, path } of stateNodesOf(id, machine)) {
    for (const { delay } of node.after) {
      if (typeof delay === 'string' && !Object.hasOwn(delays, delay))
        invalid(
          [...path, 'after', delay],
          `${unknownName('delay', delay, Object.keys(delays), owner)}: XState would take the transition at once; give the delay a duration in setup({ delays })`,
        )
    }
    // `invoke[i]` whether the config wrote one invocation or a list, as `failure/unhandled` names them.
    node.invoke.forEach(({ src }, index) => {
      if (typeof src === 'string' && !Object.hasOwn(actors, src))
        invalid(
          [...path, 'invoke', index],
          `${unknownName('actor', src, Object.keys(actors), owner)}: entering the state would stop the machine with an error; give it the actor's logic in setup({ actors })`,
        )
    })
  }
}
