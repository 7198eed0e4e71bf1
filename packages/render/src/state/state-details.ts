/**
 * What `--detail` adds to a state: its entry and exit actions (by name), its tags and its
 * description, one line each, in that order.
 */
import type { AnyStateNode } from 'xstate'

export function stateDetails(node: AnyStateNode): string[] {
  const lines: string[] = []
  const entry = node.entry.map((action) => actionName(action, 'entry'))
  const exit = node.exit.map((action) => actionName(action, 'exit'))
  if (entry.length > 0) lines.push(`entry / ${entry.join(', ')}`)
  if (exit.length > 0) lines.push(`exit / ${exit.join(', ')}`)
  if (node.tags.length > 0) lines.push(`tags: ${node.tags.join(', ')}`)
  if (node.description !== undefined && node.description !== '') lines.push(node.description)
  return lines
}

/**
 * A named action by its name, XState's own (`assign`, `raise`, …) by theirs, an inline
 * function by its name; JavaScript names `entry: () => …` "entry", which says nothing.
 */
function actionName(action: unknown, property: string): string {
  if (typeof action === 'string') return action
  if (typeof action === 'object' && action !== null && typeof (action as { type?: unknown }).type === 'string')
    return (action as { type: string }).type
  if (typeof action === 'function') {
    const type = (action as { type?: unknown }).type
    if (typeof type === 'string') return type.replace(/^xstate\./u, '')
    if (action.name !== '' && action.name !== property) return action.name
  }
  return 'an inline action'
}
