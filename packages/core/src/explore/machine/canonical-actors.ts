/**
 * Canonical names for the actors XState names itself. A child spawned without an `id` is
 * named by its session id, `x:<n>` from a counter global to XState, so every spawn is a new
 * name, a context holding the child's reference (which JSON writes as its id) a new
 * context, and a machine that spawns on one event and stops on another a machine with
 * endless snapshots. While a snapshot is fingerprinted or shown, each such child is named
 * `#0`, `#1`, … by its place among the snapshot's live children with such names (the
 * `children` record keeps them in the order they were spawned), and named back after: the
 * snapshot XState keeps working with is never changed. Two snapshots that differ only in the
 * names XState chose are one state. Children with an id of the model's own keep it.
 */
import type { AnyActorRef, AnyMachineSnapshot } from 'xstate'

interface NamedActor {
  id: string
  readonly sessionId: string
}

// The children renamed by the last `nameSpawnedActors`, reused so that the common case allocates nothing.
const renamed: NamedActor[] = []
const CANONICAL_NAMES: string[] = []

/**
 * Names the snapshot's children that have XState's generated names canonically, until
 * `restoreSpawnedActors`; returns how many it renamed (0 for a machine that spawns nothing).
 */
export function nameSpawnedActors(snapshot: AnyMachineSnapshot): number {
  const children = snapshot.children as Record<string, AnyActorRef | undefined>
  let count = 0
  for (const key in children) {
    const child = children[key] as unknown as NamedActor | undefined
    if (child === undefined || child.id !== child.sessionId) continue
    renamed[count] = child
    const name = CANONICAL_NAMES[count] ?? `#${count}`
    CANONICAL_NAMES[count] = name
    child.id = name
    count++
  }
  return count
}

/** Gives the children renamed by the last `nameSpawnedActors` their own names back. */
export function restoreSpawnedActors(count: number): void {
  for (let index = 0; index < count; index++) {
    const child = renamed[index]
    if (child !== undefined) child.id = child.sessionId
  }
  // Not kept alive by this module.
  renamed.length = 0
}
