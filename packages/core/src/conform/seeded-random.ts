/**
 * A small seeded generator (mulberry32): the same seed gives the same random sequences on
 * every machine, so a failing `--random` run is replayed exactly with `--seed`.
 */
export class SeededRandom {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A whole number in 0..bound-1. */
  below(bound: number): number {
    return Math.floor(this.next() * bound)
  }

  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A seed for a run not given one: printed with the results, so the run can be replayed. */
export function freshSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff)
}
