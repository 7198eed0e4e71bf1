/**
 * The state a history state enters when it has nothing to remember: its `target`, else
 * its parent's initial state (a parallel parent: the parent itself), as XState resolves it.
 */
import type { AnyStateNode } from 'xstate'

export function historyDefault(history: AnyStateNode): AnyStateNode | undefined {
  const parent = history.parent
  if (parent === undefined) return undefined
  const target = [(history.config as { target?: unknown }).target ?? []].flat()[0]
  if (target === undefined) return parent.type === 'parallel' ? parent : parent.initial?.target?.[0]
  if (typeof target !== 'string') return undefined
  if (target.startsWith('#')) return stateById(history, target.slice(1))
  let node: AnyStateNode | undefined = parent
  for (const key of target.split('.')) node = node?.states[key]
  return node
}

function stateById(node: AnyStateNode, id: string): AnyStateNode | undefined {
  try {
    return node.machine.getStateNodeById(id)
  } catch {
    return undefined
  }
}
