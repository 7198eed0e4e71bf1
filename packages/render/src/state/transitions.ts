/**
 * The transitions of an XState v5 state node, as a reader of the diagram names them:
 * the event type, `after 5s` for delays, `<actor> done` / `<actor> error` for invoked
 * actors, `done` for a state's own completion, `always` for eventless transitions, and
 * the guard's name in brackets.
 */
import type { AnyStateNode } from 'xstate'

export interface DrawnTransition {
  source: AnyStateNode
  /** The source itself for a transition without a target (it stays in the state). */
  target: AnyStateNode
  label: string
}

export function transitionsOf(node: AnyStateNode): DrawnTransition[] {
  const drawn: DrawnTransition[] = []
  const definitions = [...[...node.transitions.values()].flat(), ...(node.always ?? [])]
  for (const definition of definitions) {
    const event = eventLabel(node, definition.eventType, 'delay' in definition ? definition.delay : undefined)
    const guard = definition.guard === undefined ? '' : ` [${guardLabel(definition.guard)}]`
    for (const target of definition.target ?? [node]) drawn.push({ source: node, target, label: `${event}${guard}` })
  }
  return drawn
}

function eventLabel(node: AnyStateNode, eventType: string, delay: unknown): string {
  if (eventType === '') return 'always'
  if (delay !== undefined) return `after ${delayLabel(node, delay)}`
  const actor = /^xstate\.(done|error)\.actor\.(.*)$/su.exec(eventType)
  if (actor) return `${invokedName(node, actor[2] ?? '')} ${actor[1] === 'done' ? 'done' : 'error'}`
  if (eventType.startsWith('xstate.done.state.')) return 'done'
  return eventType
}

/** A named delay shows its name and, where the machine fixes it, its length: `lockout (15min)`. */
function delayLabel(node: AnyStateNode, delay: unknown): string {
  if (typeof delay === 'string') {
    const length = (node.machine.implementations.delays as Record<string, unknown>)[delay]
    return typeof length === 'number' ? `${delay} (${duration(length)})` : delay
  }
  if (typeof delay !== 'number') return 'a computed delay'
  return duration(delay)
}

function duration(delay: number): string {
  if (delay >= 3_600_000 && delay % 3_600_000 === 0) return `${delay / 3_600_000}h`
  if (delay >= 60_000 && delay % 60_000 === 0) return `${delay / 60_000}min`
  if (delay >= 1000 && delay % 1000 === 0) return `${delay / 1000}s`
  return `${delay}ms`
}

/** The invoked actor's logic name where it is given by name, else its invoke id. */
function invokedName(node: AnyStateNode, invokeId: string): string {
  const invoke = node.invoke.find((definition) => definition.id === invokeId)
  return typeof invoke?.src === 'string' ? invoke.src : invokeId
}

/** Named guards by name; `and`/`or`/`not` with their operands; inline functions by their name. */
function guardLabel(guard: unknown): string {
  if (typeof guard === 'string') return guard
  if (typeof guard === 'function') {
    const operands = (guard as { guards?: unknown }).guards
    if (Array.isArray(operands)) return `${guard.name}(${operands.map(guardLabel).join(', ')})`
    return guard.name === '' ? 'guard' : guard.name
  }
  if (typeof guard === 'object' && guard !== null && typeof (guard as { type?: unknown }).type === 'string')
    return (guard as { type: string }).type
  return 'guard'
}
