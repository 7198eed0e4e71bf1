/**
 * The transitions of an XState v5 state node, as a reader of the diagram names them:
 * the event type, `after 5s` for delays, `<actor> done` / `<actor> failed` for invoked
 * actors (named as findings name them: `invokesOf`), `done` for a state's own completion,
 * `always` for eventless transitions, and the guard in brackets.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate'
import { invokesOf } from '@plumbline/core'

export interface DrawnTransition {
  source: AnyStateNode
  /** `undefined` for a transition without a target: it stays in the state (and runs its actions). */
  target: AnyStateNode | undefined
  label: string
}

interface TransitionDefinition {
  eventType: string
  target?: readonly AnyStateNode[] | undefined
  guard?: unknown
  delay?: unknown
}

export function transitionsOf(node: AnyStateNode): DrawnTransition[] {
  const drawn: DrawnTransition[] = []
  // Each event's branches in XState's priority order: an anonymous guard is named by its place among them.
  const branchLists: TransitionDefinition[][] = [...node.transitions.values(), node.always ?? []]
  for (const branches of branchLists)
    branches.forEach((definition, index) => {
      const event = eventLabel(node, definition.eventType, definition.delay)
      const guard = definition.guard === undefined ? '' : ` [${guardLabel(definition.guard, index + 1)}]`
      const label = `${event}${guard}`
      if (definition.target === undefined || definition.target.length === 0)
        drawn.push({ source: node, target: undefined, label })
      else for (const target of definition.target) drawn.push({ source: node, target, label })
    })
  return drawn
}

/**
 * An event of a trace as the machine's diagram names it (`charge done`, `after 5s`), found
 * on the state node that handles it; an event no node handles, as it is.
 */
export function traceEventLabel(machine: AnyStateMachine, eventType: string): string {
  const nodes = [machine.root]
  for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
    const handled = node.transitions.get(eventType)?.[0]
    if (handled !== undefined) return eventLabel(node, eventType, (handled as TransitionDefinition).delay)
    nodes.push(...Object.values(node.states))
  }
  return eventType
}

/** An event type as the diagram names it. */
function eventLabel(node: AnyStateNode, eventType: string, delay?: unknown): string {
  if (eventType === '') return 'always'
  if (delay !== undefined) return `after ${delayLabel(node.machine, delay)}`
  const actor = /^xstate\.(done|error)\.actor\.(.*)$/su.exec(eventType)
  if (actor) return `${invokedName(node, actor[2] ?? '')} ${actor[1] === 'done' ? 'done' : 'failed'}`
  if (eventType.startsWith('xstate.done.state.')) return 'done'
  return eventType
}

/**
 * A named delay shows its name and, where the machine fixes it, its length: `lockout (15min)`;
 * one without an implementation is taken at once by XState, and the label says so.
 */
function delayLabel(machine: AnyStateMachine, delay: unknown): string {
  if (typeof delay === 'string') {
    const delays = machine.implementations.delays as Record<string, unknown>
    if (!Object.hasOwn(delays, delay)) return `${delay} (no duration: taken at once)`
    const length = delays[delay]
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

/** The invoked actor as the user knows it (its id, else its source), never XState's made-up id. */
function invokedName(node: AnyStateNode, invokeId: string): string {
  return invokesOf(node).find((invoke) => invoke.id === invokeId)?.name ?? invokeId
}

/**
 * Named guards by name; `and`/`or`/`not` with their operands; inline functions by their
 * name, and anonymous ones (JavaScript names `guard: () => …` "guard") by their branch's
 * position, so that two branches never read the same.
 */
function guardLabel(guard: unknown, position: number): string {
  if (typeof guard === 'string') return guard
  if (typeof guard === 'function') {
    const operands = (guard as { guards?: unknown }).guards
    if (Array.isArray(operands))
      return `${guard.name}(${operands.map((operand) => guardLabel(operand, position)).join(', ')})`
    return guard.name === '' || guard.name === 'guard' ? `guard ${position}` : guard.name
  }
  if (typeof guard === 'object' && guard !== null && typeof (guard as { type?: unknown }).type === 'string')
    return (guard as { type: string }).type
  return `guard ${position}`
}
