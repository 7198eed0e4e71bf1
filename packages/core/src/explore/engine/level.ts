/**
 * Where the engine keeps the states of a level from the moment they are found until they
 * are expanded, one level later. By default an array (`ArrayLevel`); a system whose states
 * are plain data keeps them as words in a typed array instead (`store/plain-level.ts`).
 */
export interface Level<State> {
  readonly length: number
  add(state: State): void
  /** The states in the order they were added, each once; a state taken is let go by the level. */
  take(): State
  /**
   * True when the state last taken is still as it was added; false when it may not be. Left
   * out, the engine compares fingerprints, as it also does where this says false.
   */
  unchanged?(state: State): boolean
}

export class ArrayLevel<State> implements Level<State> {
  private readonly states: (State | undefined)[] = []
  private taken = 0

  get length(): number {
    return this.states.length
  }

  add(state: State): void {
    this.states.push(state)
  }

  take(): State {
    const state = this.states[this.taken]!
    // Let the state go once it is expanded, not with its whole level: less is live when V8 collects.
    this.states[this.taken++] = undefined
    return state
  }
}
