/**
 * Coverage (TLC's): for each operation of a store or event type of a machine, in how many
 * visited states it was enabled and how many steps of it were taken. Counted on every step
 * the search takes, a few typed-array writes each.
 */
import type { FairnessNames } from '../liveness/track-liveness.js'
import type { CoverageEntry } from '../types.js'

export class CoverageCounter {
  private readonly enabled: Uint32Array
  private readonly taken: Float64Array
  /** The last state each name was counted enabled in: states are expanded in order, so once each. */
  private readonly lastState: Int32Array

  private readonly names: readonly string[]
  private readonly nameOf: Uint32Array

  /** Counted by name: a store's operations, a machine's event types (as fairness names them). */
  constructor({ names, nameOf }: FairnessNames) {
    this.names = names
    this.nameOf = nameOf
    this.enabled = new Uint32Array(names.length)
    this.taken = new Float64Array(names.length)
    this.lastState = new Int32Array(names.length).fill(-1)
  }

  step(from: number, action: number): void {
    const name = this.nameOf[action]!
    this.taken[name]!++
    if (this.lastState[name] !== from) {
      this.lastState[name] = from
      this.enabled[name]!++
    }
  }

  /** Whether a step of the name was taken anywhere. */
  wasTaken(name: number): boolean {
    return this.taken[name]! > 0
  }

  entries(): CoverageEntry[] {
    return this.names.map((name, index) => ({ name, enabled: this.enabled[index]!, taken: this.taken[index]! }))
  }
}
