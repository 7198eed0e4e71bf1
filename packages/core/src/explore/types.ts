/** What one exploration (of a store or a machine) reports beside its findings. */
export interface ExplorationStats {
  /** The explored element, e.g. `stores.accounts` or `machines.account`. */
  element: string
  /** Distinct reachable states visited. */
  states: number
  /** Enabled actions taken. */
  transitions: number
  /**
   * False when a bound (states, depth, time, memory) stopped the exploration, or a step could not be
   * taken because the model's code threw: then nothing is proven.
   */
  complete: boolean
  /** Wall time in milliseconds. */
  ms: number
  /** The greatest number of steps from the initial state to a visited state. */
  depth: number
  /** The bound that stopped the exploration, where one did. */
  bound?: ExplorationBound
  /**
   * The chance that two distinct states shared a 64-bit fingerprint, so that one of them
   * was taken for visited and not explored: about states² / 2⁶⁵.
   */
  collisionProbability: number
  /**
   * Where the element declares liveness properties: `checked` on a complete exploration,
   * `unchecked` on an incomplete one (a bound is not a proof: never reported as holding).
   */
  liveness?: 'checked' | 'unchecked'
  /** The symmetric domains whose permutations made equal states one (`symmetric([...])`), where any did. */
  symmetry?: string[]
  /** With `simulate`: the random behaviours run after the search (then `complete` is false: never a proof). */
  simulation?: { behaviours: number; steps: number; depth: number; seed: number; ms: number }
  /** With `coverage`: each operation (store) or event type (machine), in order. */
  coverage?: CoverageEntry[]
}

/** How often an operation (event type) was enabled and taken in an exploration. */
export interface CoverageEntry {
  /** The operation, or the event type. */
  name: string
  /** Visited states in which some step of it was enabled. */
  enabled: number
  /** Steps of it taken (each combination of params, each payload sample, counts). */
  taken: number
}

export type ExplorationBound = 'states' | 'depth' | 'time' | 'memory'

/** Bounds on one exploration; hitting any makes it incomplete. */
export interface ExplorationBounds {
  maxStates: number
  maxDepth: number
  /** Per exploration, in milliseconds. */
  timeoutMs: number
  /**
   * Megabytes the check may hold, measured by `ExploreOptions.memoryInUseMb` (the runner knows
   * what to measure: a worker thread's heap). Without that measure it bounds nothing.
   */
  maxMemoryMb: number
}

export const DEFAULT_BOUNDS: ExplorationBounds = {
  maxStates: 1_000_000,
  maxDepth: Number.POSITIVE_INFINITY,
  timeoutMs: Number.POSITIVE_INFINITY,
  maxMemoryMb: Number.POSITIVE_INFINITY,
}

/** A running exploration, as a progress line shows it. */
export interface ExplorationProgress {
  /** The element being explored, e.g. `stores.accounts`. */
  element: string
  states: number
  transitions: number
  /** The breadth-first level being expanded. */
  depth: number
  /** Since this exploration started. */
  ms: number
}

/** Called now and then (about every 100 ms) while an exploration runs. */
export type ProgressListener = (progress: ExplorationProgress) => void

/** Random behaviours after a search (`simulate.ts`). */
export interface SimulationOptions {
  /** Behaviours to run. */
  behaviours: number
  /** Steps in each, at most. */
  depth: number
  seed: number
}
