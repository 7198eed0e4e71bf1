/**
 * Where a running exploration is, as a few integers that a watchdog on another thread can
 * read (the array may be a view of shared memory): which exploration, the state being
 * expanded, the action being tried, and how far the search has come. The engine writes it
 * as it goes (one store a step), so when a step of the model's code never returns, the
 * watchdog knows which step it is, stops the thread, and a second run stops just before it.
 */
export const BEAT = {
  /** The exploration's ordinal in the model (machines, then stores, in order); -1 between explorations. */
  exploration: 0,
  /** The state being expanded; -1 while the initial state is being made. */
  state: 1,
  /** The action being tried from it; -1 while the state itself is being checked. */
  action: 2,
  states: 3,
  transitions: 4,
  depth: 5,
} as const

export const BEAT_LENGTH = 6

export function newHeartbeat(): Int32Array {
  return new Int32Array(BEAT_LENGTH)
}

/**
 * A step a previous run of the same model never finished: the next run stops just before it.
 * `time`: the exploration's time bound passed during it (explore/incomplete); `step`: the step
 * alone ran past the limit on one call into the model's code (explore/error, with its trace);
 * `memory`: the thread ran out of the memory bound during it (explore/incomplete).
 */
export interface Interruption {
  /** The exploration's ordinal (`BEAT.exploration`). */
  exploration: number
  state: number
  action: number
  reason: 'time' | 'step' | 'memory'
  /** The step limit that passed, in milliseconds, for the message (the other bounds are in `ExplorationBounds`). */
  limitMs: number
}

/** Where a search stops early, from an interruption of its exploration. */
export type StopAt = Omit<Interruption, 'exploration'>
