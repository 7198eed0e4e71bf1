/**
 * Which visited snapshots can still finish: backward reachability from the finished ones
 * over every step taken between distinct snapshots (reversed into compact arrays).
 */
import type { GrowableUint32Array } from '../engine/growable.js'

/** `canFinish[i]` is 1 when some path leads from snapshot i to a finished snapshot. */
export function snapshotsThatCanFinish(
  states: number,
  steps: { from: GrowableUint32Array; to: GrowableUint32Array },
  finished: readonly number[],
): Uint8Array {
  const count = steps.from.length
  // Reverse edges, grouped by target: predecessors of i are sources[start[i] .. start[i + 1]).
  const start = new Uint32Array(states + 1)
  for (let i = 0; i < count; i++) start[steps.to.at(i) + 1]!++
  for (let i = 0; i < states; i++) start[i + 1]! += start[i]!
  const fill = start.slice(0, states)
  const sources = new Uint32Array(count)
  for (let i = 0; i < count; i++) sources[fill[steps.to.at(i)]!++] = steps.from.at(i)

  const canFinish = new Uint8Array(states)
  const pending = new Uint32Array(states)
  let tail = 0
  for (const index of finished) {
    canFinish[index] = 1
    pending[tail++] = index
  }
  for (let head = 0; head < tail; head++) {
    const target = pending[head]!
    for (let i = start[target]!; i < start[target + 1]!; i++) {
      const source = sources[i]!
      if (canFinish[source] === 1) continue
      canFinish[source] = 1
      pending[tail++] = source
    }
  }
  return canFinish
}
