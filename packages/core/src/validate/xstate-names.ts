/**
 * Names XState cannot hold: it builds a machine's state nodes into plain objects by
 * assignment, so a state named `__proto__` sets a prototype instead (the state is lost and
 * the machine breaks once explored). Read from the machine's config, where the user's key
 * still is.
 */
import type { PathSegment } from '../model/element-path.js'
import { hasLiteralPrototype } from './literal-prototypes.js'
import { isPlainObject, isStateMachine } from '../model/recognise.js'

const RESERVED = '__proto__'

export const XSTATE_RESERVED_MESSAGE = `XState cannot hold a state named "${RESERVED}" (it keeps state nodes in plain objects): rename the state`

/** The element paths of states named `__proto__` in the machines of a system as written. */
export function xstateReservedPaths(system: Readonly<Record<string, unknown>>): PathSegment[][] {
  const machines = system.machines
  if (!isPlainObject(machines)) return []
  const found: PathSegment[][] = []
  for (const [id, entry] of Object.entries(machines)) {
    const machine = isPlainObject(entry) ? entry.machine : entry
    if (isStateMachine(machine)) visit(machine.config, ['machines', id], found)
  }
  return found
}

function visit(config: unknown, path: PathSegment[], found: PathSegment[][]): void {
  if (!isPlainObject(config) || typeof config.states !== 'object' || config.states === null) return
  // `"__proto__": { … }` written in the literal: the state is the prototype, not a key.
  if (hasLiteralPrototype(config.states)) found.push([...path, 'states', RESERVED])
  else if (!isPlainObject(config.states)) return
  for (const [key, child] of Object.entries(config.states)) {
    const childPath = [...path, 'states', key]
    if (key === RESERVED) found.push(childPath)
    else visit(child, childPath, found)
  }
}
