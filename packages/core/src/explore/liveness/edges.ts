/**
 * Every step the search took, kept for liveness (`check-liveness.ts`) in compressed sparse
 * rows: the engine expands states in the order of their index, so the steps arrive grouped
 * by source, and a state's steps are `targets[offsets[s] .. offsets[s + 1])`.
 *
 * Cost: 4 bytes a step for its target and 2 for its action (4 past 65,535 actions), 6 bytes
 * a transition, plus 4 bytes a state for its offset; arrays grown by half.
 */

export class StepEdges {
  /** Steps recorded. */
  length = 0
  /** States whose steps are all recorded (sources 0 .. sources - 1). */
  private sources = 0
  private offsetsArray = new Uint32Array(1024)
  private targetsArray = new Uint32Array(1024)
  private actionsArray: Uint16Array | Uint32Array

  constructor(actionCount: number) {
    this.actionsArray = actionCount <= 0xffff ? new Uint16Array(1024) : new Uint32Array(1024)
  }

  /** A step from `from` to `to` by `action`; sources come in increasing order. */
  add(from: number, to: number, action: number): void {
    if (from >= this.sources) this.closeUpTo(from)
    if (this.length === this.targetsArray.length) this.growSteps()
    this.targetsArray[this.length] = to
    this.actionsArray[this.length] = action
    this.length++
  }

  /** Called once the search is over: states without steps after the last source get empty rows. */
  finish(states: number): void {
    this.closeUpTo(states)
    this.offsetsArray[states] = this.length
  }

  get offsets(): Uint32Array {
    return this.offsetsArray
  }

  get targets(): Uint32Array {
    return this.targetsArray
  }

  get actions(): Uint16Array | Uint32Array {
    return this.actionsArray
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.offsetsArray.byteLength + this.targetsArray.byteLength + this.actionsArray.byteLength
  }

  /** Sources `sources .. state` start at the current length (those before `state` have no more steps). */
  private closeUpTo(state: number): void {
    if (state + 1 >= this.offsetsArray.length) {
      const offsets = new Uint32Array(Math.max(state + 2, Math.ceil(this.offsetsArray.length * 1.5)))
      offsets.set(this.offsetsArray)
      this.offsetsArray = offsets
    }
    for (let source = this.sources; source <= state; source++) this.offsetsArray[source] = this.length
    this.sources = state + 1
  }

  private growSteps(): void {
    const length = Math.ceil(this.targetsArray.length * 1.5)
    const targets = new Uint32Array(length)
    targets.set(this.targetsArray)
    this.targetsArray = targets
    const actions = this.actionsArray instanceof Uint16Array ? new Uint16Array(length) : new Uint32Array(length)
    actions.set(this.actionsArray)
    this.actionsArray = actions
  }
}
