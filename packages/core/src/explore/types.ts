/** What one exploration (of a store or a machine) reports beside its findings. */
export interface ExplorationStats {
  /** The explored element, e.g. `stores.accounts` or `machines.account`. */
  element: string
  /** Distinct reachable states visited. */
  states: number
  /** Enabled actions taken. */
  transitions: number
  /** False when a bound (states, depth, time) stopped the exploration: then nothing is proven. */
  complete: boolean
  /** Wall time in milliseconds. */
  ms: number
}

/** Bounds on one exploration; hitting any makes it incomplete. */
export interface ExplorationBounds {
  maxStates: number
  maxDepth: number
  /** Per exploration, in milliseconds. */
  timeoutMs: number
}

export const DEFAULT_BOUNDS: ExplorationBounds = {
  maxStates: 1_000_000,
  maxDepth: Number.POSITIVE_INFINITY,
  timeoutMs: Number.POSITIVE_INFINITY,
}
