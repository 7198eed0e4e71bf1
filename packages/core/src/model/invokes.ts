/** A state node's invoked actors, as a user knows them: named by the config's id, else its source. */
import type { AnyStateNode } from 'xstate'
import type { PathSegment } from './element-path.js'

export interface Invoke {
  /** XState's id for the actor: the config's, or one XState made up (`0.machine.state`). */
  id: string
  /** The invoke's key in element paths: its id where the config gives one, else its index. */
  key: PathSegment
  /** As the user knows it: the id, else the source's name. */
  name: string
}

/** The node's invokes, in the config's order. */
export function invokesOf(node: AnyStateNode): Invoke[] {
  const configs = [node.config.invoke ?? []].flat() as Array<{ id?: string; src?: unknown }>
  return node.invoke.map((definition, index) => {
    const config = configs[index] ?? {}
    return {
      id: definition.id,
      key: config.id ?? index,
      name: config.id ?? (typeof config.src === 'string' ? config.src : `invoke[${index}]`),
    }
  })
}
