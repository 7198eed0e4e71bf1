/**
 * Transitions that change nothing: no target, no actions, no `reenter` (`KNOCK: {}`). XState
 * leaves them out of a node's events (`ownEvents`) and never sends them, yet they are not
 * meaningless everywhere: in a state below one whose transition for the same event does
 * something, such a transition blocks that handler there, which is a decision. Read from the
 * machine's config, not from a search.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate'
import { isUserEventType, matchesEventDescriptor } from '../../model/event-descriptors.js'
import { stateNodesBelow } from './state-nodes.js'

interface TransitionLike {
  target?: unknown
  actions: readonly unknown[]
  reenter?: boolean
}

export interface InertTransitions {
  /** Event types every transition of which changes nothing, with the state nodes that have one, in document order. */
  inert: Map<string, AnyStateNode[]>
  /** For each event type, the state nodes whose inert transition for it blocks an enclosing state's transition that does something. */
  shadowing: Map<string, AnyStateNode[]>
}

export function inertTransitions(machine: AnyStateMachine): InertTransitions {
  const nodes = [machine.root, ...stateNodesBelow(machine.root)]
  // Descriptors with a transition that does something, by node.
  const active = new Map<AnyStateNode, string[]>()
  for (const node of nodes) active.set(node, node.ownEvents as string[])
  const everywhere = [...new Set(nodes.flatMap((node) => active.get(node) ?? []))]
  const inert = new Map<string, AnyStateNode[]>()
  const shadowing = new Map<string, AnyStateNode[]>()
  for (const node of nodes)
    for (const [type, transitions] of node.transitions as Map<string, readonly TransitionLike[]>) {
      if (!isUserEventType(type) || !transitions.every(changesNothing)) continue
      if (!everywhere.some((descriptor) => matchesEventDescriptor(type, descriptor))) add(inert, type, node)
      else if (enclosingHandles(node, type, active)) add(shadowing, type, node)
    }
  return { inert, shadowing }
}

function changesNothing(transition: TransitionLike): boolean {
  return transition.target === undefined && transition.actions.length === 0 && !transition.reenter
}

function enclosingHandles(node: AnyStateNode, type: string, active: Map<AnyStateNode, string[]>): boolean {
  for (let parent = node.parent; parent !== undefined; parent = parent.parent)
    if (active.get(parent)?.some((descriptor) => matchesEventDescriptor(type, descriptor))) return true
  return false
}

function add(map: Map<string, AnyStateNode[]>, type: string, node: AnyStateNode): void {
  const nodes = map.get(type)
  if (nodes === undefined) map.set(type, [node])
  else nodes.push(node)
}
