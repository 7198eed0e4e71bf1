/**
 * The visited set, in typed arrays (TLC's layout): each state is a 64-bit fingerprint in an
 * open-addressing table, and, by its index (states are numbered in the order they are
 * found), the index of its parent and the action that reached it. States themselves are
 * not kept: a trace is rebuilt by replaying its actions from the initial state.
 *
 * Cost per state: 8 bytes a slot at a load between 3/8 and 3/4 (11–21 bytes), plus 4 for
 * the parent and 2 for the action (4 past 65,535 actions), in arrays grown by half: at most
 * 30 bytes (33 past 65,535 actions), and 4 bytes a slot more (5–11 a state) when the caller
 * asks for the index of states already known.
 */

const INITIAL_CAPACITY = 1 << 12
const MAX_LOAD = 0.75
/** What `lookup` answers for a known state whose index is not kept. */
export const KNOWN = -2
/** Parent of the initial state. */
export const NO_PARENT = 0xffffffff

export class VisitedStates {
  /** Number of states added. */
  size = 0
  /** After `add` found a state known: its index, or `KNOWN`. */
  known = KNOWN
  private capacity = INITIAL_CAPACITY
  private mask = INITIAL_CAPACITY - 1
  private limit = INITIAL_CAPACITY * MAX_LOAD
  /** Two words a slot, the fingerprint's halves; (0, 0) marks an empty slot. */
  private slots = new Int32Array(INITIAL_CAPACITY * 2)
  /** The state index of each slot, kept only when asked for. */
  private slotStates: Uint32Array | undefined
  private parents = new Uint32Array(INITIAL_CAPACITY)
  private actions: Uint16Array | Uint32Array

  constructor(actionCount: number, options: { indexKnown: boolean }) {
    this.actions = actionCount <= 0xffff ? new Uint16Array(INITIAL_CAPACITY) : new Uint32Array(INITIAL_CAPACITY)
    if (options.indexKnown) this.slotStates = new Uint32Array(INITIAL_CAPACITY)
  }

  /**
   * Adds a state by its fingerprint. Returns its new index when it was not known; otherwise
   * -1, and `known` holds the known state's index (`KNOWN` when indices are not kept).
   */
  add(high: number, low: number, parent: number, action: number): number {
    if (high === 0 && low === 0) low = 1
    const slots = this.slots
    const mask = this.mask
    let slot = low & mask
    for (;;) {
      const at = slot << 1
      const slotHigh = slots[at]!
      const slotLow = slots[at + 1]!
      if (slotHigh === 0 && slotLow === 0) break
      if (slotHigh === high && slotLow === low) {
        this.known = this.slotStates === undefined ? KNOWN : this.slotStates[slot]!
        return -1
      }
      slot = (slot + 1) & mask
    }
    const index = this.size++
    slots[slot << 1] = high
    slots[(slot << 1) + 1] = low
    if (this.slotStates !== undefined) this.slotStates[slot] = index
    if (index === this.parents.length) this.growRecords()
    this.parents[index] = parent
    this.actions[index] = action
    if (this.size > this.limit) this.growTable()
    return index
  }

  parentOf(index: number): number {
    return this.parents[index]!
  }

  actionOf(index: number): number {
    return this.actions[index]!
  }

  /** Bytes held by the typed arrays: what the visited set costs. */
  get bytes(): number {
    return (
      this.slots.byteLength + (this.slotStates?.byteLength ?? 0) + this.parents.byteLength + this.actions.byteLength
    )
  }

  /**
   * Looks a state up without adding it: its index when known, `KNOWN` when known and
   * indices of known states are not kept, -1 when not known.
   */
  lookup(high: number, low: number): number {
    if (high === 0 && low === 0) low = 1
    const slots = this.slots
    const mask = this.mask
    for (let slot = low & mask; ; slot = (slot + 1) & mask) {
      const slotHigh = slots[slot << 1]!
      const slotLow = slots[(slot << 1) + 1]!
      if (slotHigh === high && slotLow === low) return this.slotStates === undefined ? KNOWN : this.slotStates[slot]!
      if (slotHigh === 0 && slotLow === 0) return -1
    }
  }

  private growRecords(): void {
    const length = Math.ceil(this.parents.length * 1.5)
    const parents = new Uint32Array(length)
    parents.set(this.parents)
    this.parents = parents
    const actions = this.actions instanceof Uint16Array ? new Uint16Array(length) : new Uint32Array(length)
    actions.set(this.actions)
    this.actions = actions
  }

  private growTable(): void {
    const old = this.slots
    const oldStates = this.slotStates
    const oldCapacity = this.capacity
    this.capacity *= 2
    this.mask = this.capacity - 1
    this.limit = this.capacity * MAX_LOAD
    const slots = new Int32Array(this.capacity * 2)
    const states = oldStates === undefined ? undefined : new Uint32Array(this.capacity)
    const mask = this.mask
    for (let from = 0; from < oldCapacity; from++) {
      const high = old[from << 1]!
      const low = old[(from << 1) + 1]!
      if (high === 0 && low === 0) continue
      let slot = low & mask
      while (slots[slot << 1] !== 0 || slots[(slot << 1) + 1] !== 0) slot = (slot + 1) & mask
      slots[slot << 1] = high
      slots[(slot << 1) + 1] = low
      if (states !== undefined) states[slot] = oldStates![from]!
    }
    this.slots = slots
    this.slotStates = states
  }
}
