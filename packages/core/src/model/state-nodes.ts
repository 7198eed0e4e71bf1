/**
 * The state nodes of a machine with their element paths (`machines.m.states.a.states.b`,
 * the config's nesting; the root is `machines.m`), read from XState's own state node tree.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate'
import type { PathSegment } from './element-path.js'

export interface PlacedStateNode {
  node: AnyStateNode
  /** Segments of the node's element path. */
  path: PathSegment[]
}

/** Every state node of the machine, root first, children in the order the config declares them. */
export function stateNodesOf(machineId: string, machine: AnyStateMachine): PlacedStateNode[] {
  const placed: PlacedStateNode[] = []
  const visit = (node: AnyStateNode, path: PathSegment[]): void => {
    placed.push({ node, path })
    for (const [key, child] of Object.entries(node.states)) visit(child, [...path, 'states', key])
  }
  visit(machine.root, ['machines', machineId])
  return placed
}

/** The node's place in words: `state "active.idle"`, or `the machine` for the root. */
export function describeStateNode(node: AnyStateNode): string {
  return node.path.length === 0 ? 'the machine' : `state ${JSON.stringify(node.path.join('.'))}`
}

/** The state node at a path below the machine's element (`['states', 'a', 'states', 'b']`). */
export function stateNodeAt(machine: AnyStateMachine, below: readonly PathSegment[]): AnyStateNode | undefined {
  let node: AnyStateNode | undefined = machine.root
  for (let index = 0; node !== undefined && index < below.length; index += 2) {
    const key = below[index + 1]
    if (below[index] !== 'states' || typeof key !== 'string' || !Object.hasOwn(node.states, key)) return undefined
    node = node.states[key]
  }
  return node
}
