/**
 * Where a transition's edge is drawn from and to. Mermaid (10 and 11) cannot lay out an
 * edge between a composite state and a state inside it (the edge vanishes or lands in the
 * wrong place; a self-loop on a nested composite fails: mermaid#4866), so such a transition
 * is drawn as what it does:
 * - a transition on a composite to a state inside it is taken from every state the
 *   composite can be in: one edge from each of its children (recursively, down to the
 *   branch that holds the target); the machine's own `on` is drawn this way, from each
 *   top-level state, so no made-up "any state" node is needed;
 * - a transition to a composite that holds its source re-enters it: drawn to the state
 *   the composite starts in, labelled "re-enters <composite>".
 */
import type { AnyStateNode } from 'xstate'

export interface EdgeEnds {
  from: AnyStateNode
  to: AnyStateNode
  /** Said after the transition's label, e.g. `re-enters startTrivia`. */
  note?: string
}

export function edgeEnds(from: AnyStateNode, to: AnyStateNode, nameOf: (node: AnyStateNode) => string): EdgeEnds[] {
  return resolve(from, to, undefined, nameOf)
}

function resolve(
  from: AnyStateNode,
  to: AnyStateNode,
  note: string | undefined,
  nameOf: (node: AnyStateNode) => string,
): EdgeEnds[] {
  const ends = (edge: EdgeEnds): EdgeEnds[] => [note === undefined ? edge : { ...edge, note }]
  if (from === to && isLeaf(from)) return ends({ from, to })
  if (!isLeaf(to) && (from === to || isAncestor(to, from)))
    return resolve(from, entryLeaf(to), `re-enters ${nameOf(to)}`, nameOf)
  if (isAncestor(from, to)) return statesOf(from).flatMap((child) => resolve(child, to, note, nameOf))
  return ends({ from, to })
}

/**
 * The states a composite can be in, one level down: not its history pseudo-states, and for
 * the machine itself not its final states (reaching one stops the machine).
 */
function statesOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).filter(
    (child) => child.type !== 'history' && !(node.parent === undefined && child.type === 'final'),
  )
}

/** The leaf a composite is entered at: its initial state, down to a leaf (a parallel state's first region). */
function entryLeaf(node: AnyStateNode): AnyStateNode {
  let current = node
  while (!isLeaf(current)) {
    const initial = current.type === 'parallel' ? undefined : current.initial?.target?.[0]
    const next = initial ?? statesOf(current)[0]
    if (next === undefined || next === current) return current
    current = next
  }
  return current
}

export function isLeaf(node: AnyStateNode): boolean {
  return Object.keys(node.states).length === 0
}

function isAncestor(ancestor: AnyStateNode, node: AnyStateNode): boolean {
  for (let parent = node.parent; parent !== undefined; parent = parent.parent) if (parent === ancestor) return true
  return false
}
