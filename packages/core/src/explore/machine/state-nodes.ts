/** A machine's state nodes as the findings name them. */
import type { AnyStateMachine, AnyStateNode } from 'xstate'
import type { PathSegment } from '../../model/element-path.js'

/**
 * Every state node below `node` (the machine's root: all of them), in document order.
 * History pseudo-states are left out: no snapshot is ever in one.
 */
export function stateNodesBelow(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) =>
    child.type === 'history' ? [] : [child, ...stateNodesBelow(child)],
  )
}

export function hasHistory(machine: AnyStateMachine): boolean {
  const visit = (node: AnyStateNode): boolean =>
    Object.values(node.states).some((child) => child.type === 'history' || visit(child))
  return visit(machine.root)
}

/** `machines.<id>.states.<a>.states.<b>`: the config's nesting. */
export function nodePath(machineId: string, node: AnyStateNode): PathSegment[] {
  return ['machines', machineId, ...node.path.flatMap((key) => ['states', key])]
}

/** As messages name a state: `"a.b"`. */
export function nodeName(node: AnyStateNode): string {
  return JSON.stringify(node.path.join('.'))
}

/** The leaves of a configuration: the states it is in that have no substate in it. */
export function leavesOf(nodes: readonly AnyStateNode[]): AnyStateNode[] {
  return nodes.filter((node) => node.type === 'atomic' || node.type === 'final')
}

/**
 * The leaves a stuck configuration is blamed on: those not final (a parallel region that
 * finished is waiting for the others, not stuck), or all of them where every leaf is final.
 */
export function stuckLeaves(leaves: readonly AnyStateNode[]): readonly AnyStateNode[] {
  const open = leaves.filter((node) => node.type !== 'final')
  return open.length > 0 ? open : leaves
}

/** Whether the machine can finish (reach status done): its root has a final child, or is parallel with regions that all do. */
export function canFinish(node: AnyStateNode): boolean {
  const children = Object.values(node.states)
  if (node.type === 'parallel') return children.length > 0 && children.every(canFinish)
  return children.some((child) => child.type === 'final')
}
