/**
 * 64-bit fingerprints of states, hashed from their structure directly: no string is built.
 * Keys are canonical: an object's entries are hashed each on its own and combined by
 * addition, so `{a:1,b:2}` and `{b:2,a:1}` get one fingerprint without sorting keys.
 * Arrays are ordered; values of different types never meet by construction (each type has
 * its own tag or seed).
 *
 * Every value is summed up in two 32-bit words, the lanes, computed side by side with
 * MurmurHash3's mixing and different seeds; a small integer is its own summary (its
 * container mixes it), which keeps the common case cheap. The fingerprint is the root's
 * summary, finalized. Taking it for a random 64-bit value, n distinct states share one with
 * probability about n²/2⁶⁵ (`collisionProbability`), as TLC states for its own.
 *
 * Two modes: `plain` (store states: plain data only, as the model language requires) and
 * `json` (machine contexts: JSON's own rules, so `undefined` and functions in objects are
 * skipped and `toJSON` is honoured, e.g. for actor references; class instances without
 * `toJSON`, such as Map, are refused rather than silently merged).
 */

/** Thrown inside (never as an Error: it is cheap) when a value cannot be fingerprinted in its mode. */
const UNHASHABLE: unique symbol = Symbol('unhashable')

/** Nesting deeper than this is taken for a cycle (a plain state is never this deep). */
const MAX_NESTING = 256

// The second lane of an integer's summary: its value with this tag.
const INT_TAG = 0x5bd1e995
// Summaries of the constants.
const NULL_A = 0x1b873593
const NULL_B = 0x68e31da4
const FALSE_A = 0x2127599b
const FALSE_B = 0x3c6ef372
const TRUE_A = 0x7f4a7c15
const TRUE_B = 0x0f1bbcdc
const UNDEFINED_A = 0x6ed9eba1
const UNDEFINED_B = 0x8f1bbcdc
// Seeds of the lanes, by kind of value. Lane B's seed is lane A's with SEED_B mixed in.
const SEED_FLOAT = 0x243f6a88
const SEED_STRING = 0x13198a2e
const SEED_ARRAY = 0x299f31d0
const SEED_OBJECT = 0x082efa98
// Odd multipliers of an entry's value, one a lane.
const ENTRY_A = 0x9e3779b1 | 0
const ENTRY_B = 0x85ebca77 | 0
const SEED_ROOT = 0x452821e6
const SEED_B = 0x9e3779b9

// The summary of the last value hashed.
let laneA = 0
let laneB = 0
let jsonMode = false
// Where set (`fingerprintRenamed`), the strings and keys it numbers are hashed as their images.
let renaming: ReadonlyMap<string, number> | undefined
let images: readonly string[] = []

// Short strings (object keys above all, and values such as 'idle' or 'admin') repeat from state
// to state: their summaries are kept in a small direct-mapped cache. Comparing a string with the
// one cached costs less than hashing it, most of all when both are the same string in memory.
const CACHED_STRING_LENGTH = 32
const STRING_CACHE_SIZE = 256
const cachedStrings: (string | undefined)[] = new Array<string | undefined>(STRING_CACHE_SIZE).fill(undefined)
const cachedStringLanes = new Int32Array(STRING_CACHE_SIZE * 2)

const float = new Float64Array(1)
const floatWords = new Int32Array(float.buffer)

/**
 * The fingerprint of `value`, written to `out[0]` and `out[1]`; false (and `out` untouched)
 * when the value cannot be fingerprinted in this mode (`unhashable.ts` says why).
 */
export function fingerprintInto(value: unknown, mode: 'plain' | 'json', out: Int32Array): boolean {
  jsonMode = mode === 'json'
  try {
    summarize(value, 0)
  } catch (error) {
    if (error === UNHASHABLE) return false
    throw error
  }
  out[0] = finalize(mix(SEED_ROOT, laneA))
  out[1] = finalize(mix(SEED_ROOT ^ SEED_B, laneB))
  return true
}

/**
 * The plain fingerprint of `value` with every string and key that `numbers` numbers hashed
 * as its image in `renamed`: the fingerprint of the renamed state, without building it
 * (symmetry, `store/canonical-form.ts`).
 */
export function fingerprintRenamed(
  value: unknown,
  numbers: ReadonlyMap<string, number>,
  renamed: readonly string[],
  out: Int32Array,
): boolean {
  renaming = numbers
  images = renamed
  try {
    return fingerprintInto(value, 'plain', out)
  } finally {
    renaming = undefined
  }
}

/**
 * The pieces `shaped-fingerprint.ts` compiles its hashers from, so that they give exactly
 * the fingerprints `fingerprintInto` gives, in either mode.
 */
export const HASH_CONSTANTS = { INT_TAG, SEED_ARRAY, SEED_OBJECT, SEED_ROOT, SEED_B, ENTRY_A, ENTRY_B } as const
export { finalize, mix }

/** Lane A of a value's summary (lane B: `lastLaneB`); throws where `fingerprintInto` would say false. */
export function laneAOf(value: unknown, depth: number, json: boolean): number {
  jsonMode = json
  summarize(value, depth)
  return laneA
}

export function lastLaneB(): number {
  return laneB
}

/** Probability that some two of `states` distinct states share a 64-bit fingerprint. */
export function collisionProbability(states: number): number {
  if (states < 2) return 0
  // 1 - exp(-n(n-1)/2^65), with expm1 so that it stays exact for small n.
  return -Math.expm1(-(states * (states - 1)) / 2 ** 65)
}

function summarize(value: unknown, depth: number): void {
  switch (typeof value) {
    case 'number':
      if ((value | 0) === value) {
        // -0 too, which JSON also writes as 0.
        laneA = value
        laneB = value ^ INT_TAG
      } else summarizeFloat(value)
      return
    case 'string':
      summarizeString(value)
      return
    case 'boolean':
      laneA = value ? TRUE_A : FALSE_A
      laneB = value ? TRUE_B : FALSE_B
      return
    case 'object':
      if (value === null) {
        laneA = NULL_A
        laneB = NULL_B
        return
      }
      if (depth > MAX_NESTING) throw UNHASHABLE
      if (Array.isArray(value)) summarizeArray(value, depth)
      else summarizeObject(value as Record<string, unknown>, depth)
      return
    case 'undefined':
      // In JSON mode objects skip it, so this is an array item (JSON writes null there).
      if (!jsonMode) throw UNHASHABLE
      laneA = UNDEFINED_A
      laneB = UNDEFINED_B
      return
    default:
      throw UNHASHABLE
  }
}

function summarizeFloat(value: number): void {
  if (!jsonMode && !Number.isFinite(value)) throw UNHASHABLE
  float[0] = value
  const low = floatWords[0]!
  const high = floatWords[1]!
  laneA = finalize(mix(mix(SEED_FLOAT, low), high))
  laneB = finalize(mix(mix(SEED_FLOAT ^ SEED_B, low), high))
}

function summarizeString(string: string): void {
  let value = string
  if (renaming !== undefined) {
    const number = renaming.get(string)
    if (number !== undefined) value = images[number]!
  }
  const length = value.length
  if (length > CACHED_STRING_LENGTH) {
    hashString(value)
    return
  }
  const slot = (length ^ (value.charCodeAt(0) << 2) ^ (value.charCodeAt(length - 1) << 5)) & (STRING_CACHE_SIZE - 1)
  if (cachedStrings[slot] === value) {
    laneA = cachedStringLanes[2 * slot]!
    laneB = cachedStringLanes[2 * slot + 1]!
    return
  }
  hashString(value)
  cachedStrings[slot] = value
  cachedStringLanes[2 * slot] = laneA
  cachedStringLanes[2 * slot + 1] = laneB
}

function hashString(value: string): void {
  let a = SEED_STRING
  let b = SEED_STRING ^ SEED_B
  const length = value.length
  let index = 0
  for (; index + 1 < length; index += 2) {
    const word = value.charCodeAt(index) | (value.charCodeAt(index + 1) << 16)
    a = mix(a, word)
    b = mix(b, word)
  }
  if (index < length) {
    const word = value.charCodeAt(index)
    a = mix(a, word)
    b = mix(b, word)
  }
  laneA = finalize(a ^ length)
  laneB = finalize(b ^ length)
}

function summarizeArray(value: readonly unknown[], depth: number): void {
  const length = value.length
  let a = SEED_ARRAY
  let b = SEED_ARRAY ^ SEED_B
  for (let index = 0; index < length; index++) {
    const item = value[index]
    if (typeof item === 'number' && (item | 0) === item) {
      // mix(a, item) and mix(b, item ^ INT_TAG) written out: V8 stops inlining this deep into
      // the walk, and a call each would cost more than the mixing (7 % of a search at 10⁶ states).
      let k = Math.imul(item, 0xcc9e2d51)
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593)
      let h = a ^ k
      a = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0
      k = Math.imul(item ^ INT_TAG, 0xcc9e2d51)
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593)
      h = b ^ k
      b = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0
      continue
    }
    // A hole reads as undefined, which plain mode refuses; JSON writes null for a function.
    summarize(jsonMode && typeof item === 'function' ? undefined : item, depth + 1)
    a = mix(a, laneA)
    b = mix(b, laneB)
  }
  laneA = finalize(a ^ length)
  laneB = finalize(b ^ length)
}

function summarizeObject(value: Record<string, unknown>, depth: number): void {
  const prototype = Object.getPrototypeOf(value) as unknown
  if (prototype !== Object.prototype && prototype !== null) {
    const toJSON = (value as { toJSON?: unknown }).toJSON
    if (jsonMode && typeof toJSON === 'function') {
      summarize(toJSON.call(value), depth + 1)
      return
    }
    throw UNHASHABLE
  }
  // Each entry is summed up on its own and the sums added: addition ignores key order. An
  // entry's summary is a strong hash of the pair: the key's (already mixed) plus the value's
  // times an odd constant, which is one-to-one in the value, then MurmurHash3's finalizer.
  let sumA = 0
  let sumB = 0
  let count = 0
  for (const key in value) {
    const item = value[key]
    if (jsonMode && (item === undefined || typeof item === 'function')) continue
    summarizeString(key)
    const keyA = laneA
    const keyB = laneB
    summarize(item, depth + 1)
    sumA = (sumA + finalize((keyA + Math.imul(laneA, ENTRY_A)) | 0)) | 0
    sumB = (sumB + finalize((keyB + Math.imul(laneB, ENTRY_B)) | 0)) | 0
    count++
  }
  laneA = finalize((sumA + Math.imul(count, ENTRY_A)) ^ SEED_OBJECT)
  laneB = finalize((sumB + Math.imul(count, ENTRY_B)) ^ SEED_OBJECT ^ SEED_B)
}

/** MurmurHash3's body step: one 32-bit word into the running hash. */
function mix(hash: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  k = Math.imul(k, 0x1b873593)
  const h = hash ^ k
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0
}

/** MurmurHash3's finalizer: every bit of the input moves every bit of the output. */
function finalize(hash: number): number {
  let h = hash ^ (hash >>> 16)
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}
