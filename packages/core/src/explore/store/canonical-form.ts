/**
 * The canonical fingerprint of a state under symmetry: one for every state of an orbit (the
 * states equal up to a permutation of the symmetric values), different for different orbits.
 * It is the least fingerprint of the state renamed by a set of candidate orderings of its
 * values that is itself orbit-invariant, found the way graph canonizers (nauty, bliss) find
 * theirs, by refining and individualizing colours:
 *
 * 1. Colour: every value that occurs in the state gets a colour from what the state says
 *    about it — each place it occurs (the path from the root, with the symmetric keys on the
 *    way written as their colours, and for a key the value under it) — and the colours are
 *    refined by what the state says about the values around it, as long as that tells more
 *    apart. Colours are computed from the state alone, so renaming the state renames them.
 * 2. Values of one colour that are interchangeable outright (swapping any two leaves the state
 *    as it was, e.g. two users with the same level) may be ordered any way: each order gives
 *    the same image.
 * 3. Where values of one colour are not (a ring of users, each pointing at the next), each in
 *    turn is told apart from the others and the colours refined again, down to a single order.
 *
 * The values are then ordered by colour and renamed to the set's values in the order the
 * domain declares them; values absent from the state do not matter. The candidate orders are
 * those of every state of the orbit renamed alike, so their least image is the orbit's.
 */
import { finalize, fingerprintInto, fingerprintRenamed, laneAOf, mix } from '../fingerprint/fingerprint.js'

// Seeds: of the colours of each set (mixed with its number), of places and of a told-apart value.
const SET_SEED = 0x3c6ef372
const AS_VALUE = 0x510e527f
const AS_KEY = 0x1f83d9ab
const IN_ARRAY = 0x5be0cd19
const TOLD_APART = 0x6a09e667
const ENTRY = 0x9e3779b1 | 0
const OBJECT_SEED = 0x082efa98
const ARRAY_SEED = 0x299f31d0
const MAX_NESTING = 256
/** Entries of the cache of canonical fingerprints (a power of 2): 1 MB. */
const CACHE_SIZE = 1 << 16

/** Thrown by the walk where the state is not plain data; `fingerprintInto` then says why. */
const NOT_PLAIN: unique symbol = Symbol('not plain')

export class CanonicalForm {
  /** Each symmetric value's number. */
  private readonly numbers = new Map<string, number>()
  private readonly values: string[] = []
  private readonly setOf: Int32Array
  private readonly colours: Int32Array
  private readonly signatures: Int32Array
  /** The walk in which a value last occurred, so that its signature starts from 0 in each. */
  private readonly seenIn: Int32Array
  private walks = 0
  /** Only the first walk of a state lists the values present: the others meet the same. */
  private listing = false
  /** The values that occur in the state (the first `presentCount`), sorted by set and colour in `sort`. */
  private readonly order: Int32Array
  private presentCount = 0
  /**
   * From the first walk, for step 2's shortcut: the objects each value is a key of, and
   * whether it occurs otherwise (as a string, or with a symmetric value under its key).
   */
  private readonly parents: object[][]
  private readonly parentCount: Int32Array
  private readonly entangled: Uint8Array
  /** Occurrences met so far in the walk: more after a subtree than before means one is in it. */
  private occurrences = 0
  /** Values of a colour that are interchangeable outright (step 2). */
  private readonly free: Uint8Array
  /** The next value of each set a leaf renames to. */
  private readonly nextSlot: Int32Array
  /** Each value's image in the renaming a fingerprint is taken under (`fingerprintRenamed`). */
  private readonly images: string[]
  private readonly least = new Int32Array(2)
  private readonly image = new Int32Array(2)
  private readonly plain = new Int32Array(2)
  private found = false
  /**
   * The canonical fingerprints of states met lately, by their own fingerprint (direct-mapped):
   * in a reduced search most states are met again as successors of other states (three in
   * four for 4 users in the bench), and their own fingerprint costs far less than a
   * canonical one.
   */
  private readonly cache = new Int32Array(4 * CACHE_SIZE)
  private readonly cached = new Uint8Array(CACHE_SIZE)

  constructor(
    private readonly sets: readonly (readonly string[])[],
    /** The state's own fingerprint, to compare a swapped state's with. */
    private readonly plainFingerprint: (state: unknown, out: Int32Array) => boolean,
  ) {
    const setOf: number[] = []
    sets.forEach((set, index) => {
      for (const value of set) {
        this.numbers.set(value, this.values.length)
        this.values.push(value)
        setOf.push(index)
      }
    })
    const count = this.values.length
    this.setOf = Int32Array.from(setOf)
    this.colours = new Int32Array(count)
    this.signatures = new Int32Array(count)
    this.seenIn = new Int32Array(count)
    this.order = new Int32Array(count)
    this.free = new Uint8Array(count)
    this.parents = Array.from({ length: count }, () => [])
    this.parentCount = new Int32Array(count)
    this.images = [...this.values]
    this.entangled = new Uint8Array(count)
    this.nextSlot = new Int32Array(sets.length)
  }

  /** The canonical fingerprint into `out`; false where the state is not plain data. */
  fingerprint(state: unknown, out: Int32Array): boolean {
    if (!this.plainFingerprint(state, this.plain)) return false
    const high = this.plain[0]!
    const low = this.plain[1]!
    const slot = (high ^ Math.imul(low, 0x9e3779b1)) & (CACHE_SIZE - 1)
    const at = 4 * slot
    if (this.cached[slot] === 1 && this.cache[at] === high && this.cache[at + 1] === low) {
      out[0] = this.cache[at + 2]!
      out[1] = this.cache[at + 3]!
      return true
    }
    if (!this.canonical(state, out)) return false
    this.cached[slot] = 1
    this.cache[at] = high
    this.cache[at + 1] = low
    this.cache[at + 2] = out[0]!
    this.cache[at + 3] = out[1]!
    return true
  }

  /** The canonical fingerprint of a state whose own is in `plain`. */
  private canonical(state: unknown, out: Int32Array): boolean {
    for (let value = 0; value < this.values.length; value++) {
      this.colours[value] = finalize(SET_SEED ^ this.setOf[value]!)
      this.free[value] = 0
      this.entangled[value] = 0
      this.parentCount[value] = 0
    }
    this.presentCount = 0
    this.listing = true
    const plain = this.colour(state)
    this.listing = false
    if (!plain) return fingerprintInto(state, 'plain', out)
    this.refineOnce()
    this.found = false
    if (this.sort() < this.presentCount) this.markInterchangeable(state)
    if (this.firstTied() === -1) this.leaf(state)
    else this.search(state)
    if (!this.found) return fingerprintInto(state, 'plain', out)
    out[0] = this.least[0]!
    out[1] = this.least[1]!
    return true
  }

  /** Step 3: refine to the end, then tell apart each value of the first cell still tied, in turn. */
  private search(state: unknown): void {
    let cells = this.sort()
    for (;;) {
      this.colour(state)
      this.refineOnce()
      const now = this.sort()
      if (now === cells) break
      cells = now
    }
    const tied = this.firstTied()
    if (tied === -1) {
      this.leaf(state)
      return
    }
    const members: number[] = []
    for (let index = tied; index < this.presentCount && this.sameCell(this.order[tied]!, this.order[index]!); index++)
      members.push(this.order[index]!)
    const saved = this.colours.slice()
    for (const value of members) {
      this.colours[value] = finalize(this.colours[value]! ^ TOLD_APART)
      this.search(state)
      this.colours.set(saved)
    }
  }

  /** One order: the image's fingerprint, kept where it is the least so far. */
  private leaf(state: unknown): void {
    this.sort()
    this.nextSlot.fill(0)
    for (let index = 0; index < this.presentCount; index++) {
      const value = this.order[index]!
      const set = this.setOf[value]!
      this.images[value] = this.sets[set]![this.nextSlot[set]!++]!
    }
    const renamed = fingerprintRenamed(state, this.numbers, this.images, this.image)
    for (let index = 0; index < this.presentCount; index++)
      this.images[this.order[index]!] = this.values[this.order[index]!]!
    if (!renamed) return
    const high = this.image[0]!
    const low = this.image[1]!
    if (!this.found || high < this.least[0]! || (high === this.least[0] && low < this.least[1]!)) {
      this.least[0] = high
      this.least[1] = low
      this.found = true
    }
  }

  /** Step 2: a cell whose every swap of neighbours leaves the state's fingerprint as it was is free. */
  private markInterchangeable(state: unknown): void {
    let start = 0
    while (start < this.presentCount) {
      let end = start + 1
      while (end < this.presentCount && this.sameCell(this.order[start]!, this.order[end]!)) end++
      if (end - start > 1 && this.interchangeable(state, start, end))
        for (let index = start; index < end; index++) this.free[this.order[index]!] = 1
      start = end
    }
  }

  private interchangeable(state: unknown, start: number, end: number): boolean {
    for (let index = start; index + 1 < end; index++) {
      if (this.sameEntries(this.order[index]!, this.order[index + 1]!)) continue
      const a = this.order[index]!
      const b = this.order[index + 1]!
      this.images[a] = this.values[b]!
      this.images[b] = this.values[a]!
      fingerprintRenamed(state, this.numbers, this.images, this.image)
      this.images[a] = this.values[a]!
      this.images[b] = this.values[b]!
      if (this.image[0] !== this.plain[0] || this.image[1] !== this.plain[1]) return false
    }
    return true
  }

  /**
   * The shortcut of step 2, without a walk: two values that occur only as keys, of the same
   * objects, with equal data under them and no symmetric value in it (two users at the same
   * level in `levels: Record<User, number>`), are swapped by swapping equal entries.
   */
  private sameEntries(a: number, b: number): boolean {
    if (this.entangled[a] === 1 || this.entangled[b] === 1) return false
    const count = this.parentCount[a]!
    if (count !== this.parentCount[b]) return false
    const parents = this.parents[a]!
    const keyA = this.values[a]!
    const keyB = this.values[b]!
    for (let index = 0; index < count; index++) {
      const entries = parents[index] as Record<string, unknown>
      if (!Object.hasOwn(entries, keyB) || !equalData(entries[keyA], entries[keyB])) return false
    }
    return true
  }

  /** Where the first cell of several values not interchangeable starts in `order`, or -1 (after `sort`). */
  private firstTied(): number {
    for (let index = 0; index + 1 < this.presentCount; index++) {
      const value = this.order[index]!
      if (this.free[value] === 0 && this.sameCell(value, this.order[index + 1]!)) return index
    }
    return -1
  }

  /**
   * Sorts the present values by set and colour (free cells by number: any order of them will
   * do), an order that depends on colours alone; says how many cells there are.
   */
  private sort(): number {
    const order = this.order
    for (let index = 1; index < this.presentCount; index++) {
      const value = order[index]!
      let at = index - 1
      while (at >= 0 && this.before(value, order[at]!)) {
        order[at + 1] = order[at]!
        at--
      }
      order[at + 1] = value
    }
    let cells = this.presentCount === 0 ? 0 : 1
    for (let index = 1; index < this.presentCount; index++)
      if (!this.sameCell(order[index - 1]!, order[index]!)) cells++
    return cells
  }

  private before(a: number, b: number): boolean {
    const set = this.setOf[a]! - this.setOf[b]!
    if (set !== 0) return set < 0
    const colour = this.colours[a]! - this.colours[b]!
    if (colour !== 0) return colour < 0
    return a < b
  }

  private sameCell(a: number, b: number): boolean {
    return this.setOf[a] === this.setOf[b] && this.colours[a] === this.colours[b]
  }

  /** New colours from the signatures of the last walk. */
  private refineOnce(): void {
    for (let index = 0; index < this.presentCount; index++) {
      const value = this.order[index]!
      this.colours[value] = finalize(mix(this.colours[value]!, this.signatures[value]!))
    }
  }

  /** Walks the state, summing up each place a value occurs in its signature; false where the state is not plain. */
  private colour(state: unknown): boolean {
    this.walks++
    try {
      this.walk(state, SET_SEED, 0)
      return true
    } catch (error) {
      if (error === NOT_PLAIN) return false
      throw error
    }
  }

  private occurs(value: number, place: number): void {
    this.occurrences++
    if (this.seenIn[value] !== this.walks) {
      if (this.listing) this.order[this.presentCount++] = value
      this.seenIn[value] = this.walks
      this.signatures[value] = 0
    }
    this.signatures[value] = (this.signatures[value]! + finalize(place)) | 0
  }

  /** The summary of `value` with the symmetric values written as their colours. */
  private walk(value: unknown, path: number, depth: number): number {
    if (typeof value === 'string') {
      const number = this.numbers.get(value)
      if (number === undefined) return this.leafSummary(value)
      if (this.listing) this.entangled[number] = 1
      this.occurs(number, mix(path, AS_VALUE))
      return this.colours[number]!
    }
    if (typeof value === 'number' && (value | 0) === value) return value
    if (typeof value !== 'object' || value === null) return this.leafSummary(value)
    if (depth > MAX_NESTING) throw NOT_PLAIN
    if (Array.isArray(value)) {
      let hash = ARRAY_SEED
      const inArray = mix(path, IN_ARRAY)
      for (let index = 0; index < value.length; index++)
        hash = mix(hash, this.walk(value[index], mix(inArray, index), depth + 1))
      return finalize(hash ^ value.length)
    }
    let sum = 0
    let count = 0
    for (const key in value) {
      const number = this.numbers.get(key)
      const keySummary = number === undefined ? this.leafSummary(key) : this.colours[number]!
      const before = this.occurrences
      const item = this.walk((value as Record<string, unknown>)[key], mix(path, keySummary), depth + 1)
      if (number !== undefined) {
        if (this.listing) {
          this.parents[number]![this.parentCount[number]!++] = value
          if (this.occurrences !== before) this.entangled[number] = 1
        }
        this.occurs(number, mix(mix(path, AS_KEY), item))
      }
      sum = (sum + finalize((keySummary + Math.imul(item, ENTRY)) | 0)) | 0
      count++
    }
    return finalize((sum + Math.imul(count, ENTRY)) ^ OBJECT_SEED)
  }

  private leafSummary(value: unknown): number {
    try {
      return laneAOf(value, 0, false)
    } catch {
      throw NOT_PLAIN
    }
  }
}

/** Deep equality of plain data. */
function equalData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let index = 0; index < a.length; index++) if (!equalData(a[index], b[index])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  let count = 0
  for (const key in left) {
    if (!Object.hasOwn(right, key) || !equalData(left[key], right[key])) return false
    count++
  }
  for (const key in right) if (Object.hasOwn(right, key)) count--
  return count === 0
}
