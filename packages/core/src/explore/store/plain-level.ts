/**
 * A level of store states kept as words in a typed array rather than as objects: each
 * state is written when it is found and read back as a new object when it is expanded.
 *
 * Why: a level's states live from one level to the next, so V8's young generation copies
 * each of them once or twice and then promotes it to the old generation, where it dies a
 * level later; at 10⁶ states that was a sixth of the search's time and most of its peak
 * memory. Written out, a level is a few typed arrays; the objects read back die young.
 *
 * A state read back equals the one written as plain data: same values (-0 and floats
 * exactly), same key order, arrays dense, objects without a prototype kept so. States
 * reaching a level were fingerprinted in `plain` mode first, so nothing else gets here.
 *
 * Each value is one word, a tag in the low 3 bits and a payload above: a small integer
 * itself, a string or other number as an index into a side array, an array its length
 * followed by its items, an object its entry count followed by key and value words.
 */
import type { Level } from '../engine/level.js'

const TAG_BITS = 3
const TAG_MASK = (1 << TAG_BITS) - 1
const INTEGER = 0
const NUMBER = 1
const STRING = 2
const ARRAY = 3
const OBJECT = 4
const BARE_OBJECT = 5
const CONSTANT = 6
const FALSE_WORD = (0 << TAG_BITS) | CONSTANT
const TRUE_WORD = (1 << TAG_BITS) | CONSTANT
const NULL_WORD = (2 << TAG_BITS) | CONSTANT

const INITIAL_WORDS = 1 << 10
// Keys repeat in every state: a small cache of the strings written last keeps one copy of each.
const STRING_CACHE_SIZE = 64

export class PlainLevel implements Level<unknown> {
  length = 0
  private words = new Int32Array(INITIAL_WORDS)
  private written = 0
  private read = 0
  /** Where the state last taken starts, and how far `unchanged` has compared it. */
  private lastTaken = 0
  private compared = 0
  private readonly strings: string[] = []
  private readonly numbers: number[] = []
  private readonly cachedStrings: (string | undefined)[] = new Array<string | undefined>(STRING_CACHE_SIZE).fill(
    undefined,
  )
  private readonly cachedIndices = new Int32Array(STRING_CACHE_SIZE)

  add(state: unknown): void {
    this.write(state)
    this.length++
  }

  take(): unknown {
    this.lastTaken = this.read
    return this.readValue()
  }

  /** Compares the state, value by value, with the words it was read from: cheaper than a fingerprint. */
  unchanged(state: unknown): boolean {
    this.compared = this.lastTaken
    return this.matches(state)
  }

  private write(value: unknown): void {
    if (this.written + 2 > this.words.length) this.grow()
    switch (typeof value) {
      case 'number':
        // -0 is not written as the integer 0: a model may tell them apart.
        if ((value << TAG_BITS) >> TAG_BITS === value && (value !== 0 || 1 / value > 0))
          this.words[this.written++] = value << TAG_BITS
        else this.words[this.written++] = (this.numbers.push(value) - 1) * (1 << TAG_BITS) + NUMBER
        return
      case 'string':
        this.words[this.written++] = this.stringIndex(value) * (1 << TAG_BITS) + STRING
        return
      case 'boolean':
        this.words[this.written++] = value ? TRUE_WORD : FALSE_WORD
        return
      default:
        this.writeObject(value as object | null)
    }
  }

  private writeObject(value: object | null): void {
    if (value === null) {
      this.words[this.written++] = NULL_WORD
      return
    }
    if (Array.isArray(value)) {
      const length = value.length
      this.words[this.written++] = length * (1 << TAG_BITS) + ARRAY
      for (let index = 0; index < length; index++) this.write(value[index])
      return
    }
    const header = this.written++
    let count = 0
    for (const key in value) {
      if (this.written + 1 > this.words.length) this.grow()
      this.words[this.written++] = this.stringIndex(key) * (1 << TAG_BITS) + STRING
      this.write((value as Record<string, unknown>)[key])
      count++
    }
    this.words[header] = count * (1 << TAG_BITS) + (Object.getPrototypeOf(value) === null ? BARE_OBJECT : OBJECT)
  }

  private readValue(): unknown {
    const word = this.words[this.read++]!
    const payload = word >> TAG_BITS
    switch (word & TAG_MASK) {
      case INTEGER:
        return payload
      case NUMBER:
        return this.numbers[payload]
      case STRING:
        return this.strings[payload]
      case ARRAY: {
        const array: unknown[] = []
        for (let index = 0; index < payload; index++) array.push(this.readValue())
        return array
      }
      case CONSTANT:
        return constantOf(word)
      default: {
        const object: Record<string, unknown> =
          (word & TAG_MASK) === BARE_OBJECT ? (Object.create(null) as Record<string, unknown>) : {}
        for (let entry = 0; entry < payload; entry++) {
          const key = this.strings[this.words[this.read++]! >> TAG_BITS]!
          object[key] = this.readValue()
        }
        return object
      }
    }
  }

  private matches(value: unknown): boolean {
    const word = this.words[this.compared++]!
    const payload = word >> TAG_BITS
    switch (word & TAG_MASK) {
      case INTEGER:
        return value === payload
      case NUMBER:
        return value === this.numbers[payload]
      case STRING:
        return value === this.strings[payload]
      case CONSTANT:
        return value === constantOf(word)
      case ARRAY: {
        if (!Array.isArray(value) || value.length !== payload) return false
        for (let index = 0; index < payload; index++) if (!this.matches(value[index])) return false
        return true
      }
      default: {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
        let count = 0
        for (const key in value) {
          if (++count > payload || key !== this.strings[this.words[this.compared++]! >> TAG_BITS]) return false
          if (!this.matches((value as Record<string, unknown>)[key])) return false
        }
        return count === payload
      }
    }
  }

  private stringIndex(value: string): number {
    const slot = (value.length ^ (value.length > 0 ? value.charCodeAt(0) << 2 : 0)) & (STRING_CACHE_SIZE - 1)
    if (this.cachedStrings[slot] === value) return this.cachedIndices[slot]!
    const index = this.strings.push(value) - 1
    this.cachedStrings[slot] = value
    this.cachedIndices[slot] = index
    return index
  }

  private grow(): void {
    const words = new Int32Array(this.words.length * 2)
    words.set(this.words)
    this.words = words
  }
}

function constantOf(word: number): boolean | null {
  return word === TRUE_WORD ? true : word === FALSE_WORD ? false : null
}
