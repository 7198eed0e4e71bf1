/**
 * Fingerprints by a hasher compiled for the shape of the states: the keys of each object
 * and the nesting of arrays, taken from a state met. A store's states (or a machine's keys,
 * value and context) nearly always share one shape, and code written for it reads each key
 * as a property of a known object (V8 then knows the object's layout and prototype) instead
 * of walking the keys of an unknown one: at 10⁶ states of the counters store the search
 * took 0.86× the time (the fingerprints were its largest part).
 *
 * The compiled hasher computes the very fingerprint `fingerprintInto` computes in the same
 * mode, from the same pieces (`HASH_CONSTANTS`, `mix`, `finalize`, and `laneAOf` for
 * every value that is not an object, an array or a small integer). Where a state does not
 * have the shape it gives up, and `fingerprintInto` hashes the state; states that keep
 * changing shape are hashed by `fingerprintInto` alone after a while.
 */
import { finalize, fingerprintInto, HASH_CONSTANTS, laneAOf, lastLaneB, mix } from './fingerprint.js'

const C = HASH_CONSTANTS

/**
 * What a hasher is compiled for. A `value` is anything, hashed by `laneAOf` (small integers
 * inline); an `array`'s items share a shape; a `tuple` has a length and a shape per item.
 */
export type Shape =
  | { kind: 'value' }
  | { kind: 'array'; item: Shape }
  | { kind: 'tuple'; items: Shape[] }
  | { kind: 'object'; keys: string[]; values: Shape[] }

type Mode = 'plain' | 'json'

/** Writes the fingerprint and says true, or says false (or throws) where the value does not have the shape. */
type Hasher = (value: unknown, out: Int32Array) => boolean

/** Deeper than this, a value is hashed as any value: the shapes stay small. */
const MAX_SHAPE_DEPTH = 8
/** An array this short whose items differ in shape is taken as a tuple (a machine's key: value, context). */
const MAX_TUPLE_LENGTH = 4
/** A hasher that misses more than one in four of this many states is compiled again for a state it missed, at most `MAX_COMPILES` times in all. */
const REVIEW_EVERY = 1024
const MAX_COMPILES = 4

export class ShapedFingerprint {
  private hasher: Hasher | undefined
  private compiledShape: Shape | undefined
  private compiles = 0
  // The states hashed and missed since the last review, and the last one missed.
  private calls = 0
  private misses = 0
  private lastMissed: unknown

  /** Compiled for the shape of `sample`, or, without one, of the first value fingerprinted. */
  constructor(
    private readonly mode: Mode,
    sample?: unknown,
  ) {
    if (sample !== undefined) this.compile(sample)
  }

  fingerprint(value: unknown, out: Int32Array): boolean {
    if (this.compiles === 0) this.compile(value)
    const hasher = this.hasher
    if (hasher === undefined) return fingerprintInto(value, this.mode, out)
    if (++this.calls === REVIEW_EVERY) this.review()
    try {
      if (hasher(value, out)) return true
    } catch {
      // Not hashable as a whole, or not of the shape: fingerprintInto says which.
    }
    this.misses++
    this.lastMissed = value
    return fingerprintInto(value, this.mode, out)
  }

  /** At the end of each run of `REVIEW_EVERY` states: where more than one in four missed, compile for the last one missed. */
  private review(): void {
    if (this.misses * 4 > REVIEW_EVERY) this.compile(this.lastMissed)
    this.calls = 0
    this.misses = 0
    this.lastMissed = undefined
  }

  /** The shape the hasher in use was compiled for; undefined when states are left to `fingerprintInto`. */
  get shape(): Shape | undefined {
    return this.hasher === undefined ? undefined : this.compiledShape
  }

  private compile(sample: unknown): void {
    if (this.compiles++ >= MAX_COMPILES) {
      this.hasher = undefined
      return
    }
    this.compiledShape = shapeOf(sample, 0)
    this.hasher = compileHasher(this.compiledShape, this.mode)
  }
}

/** The shape of a value: an array's items share one where they all have it; a short array whose items differ is a tuple. */
export function shapeOf(value: unknown, depth: number): Shape {
  if (depth >= MAX_SHAPE_DEPTH || typeof value !== 'object' || value === null) return VALUE
  if (Array.isArray(value)) {
    const items = value.map((item) => shapeOf(item, depth + 1))
    const first = items[0]
    if (first === undefined || items.every((item) => sameShape(item, first)))
      return { kind: 'array', item: first ?? VALUE }
    return items.length <= MAX_TUPLE_LENGTH ? { kind: 'tuple', items } : { kind: 'array', item: VALUE }
  }
  const prototype = Object.getPrototypeOf(value) as unknown
  // `value.__proto__` would read the prototype where the key is missing: such objects are hashed as any value.
  if ((prototype !== Object.prototype && prototype !== null) || Object.hasOwn(value, '__proto__')) return VALUE
  const keys = Object.keys(value)
  return {
    kind: 'object',
    keys,
    values: keys.map((key) => shapeOf((value as Record<string, unknown>)[key], depth + 1)),
  }
}

const VALUE: Shape = { kind: 'value' }

function sameShape(a: Shape, b: Shape): boolean {
  switch (a.kind) {
    case 'value':
      return b.kind === 'value'
    case 'array':
      return b.kind === 'array' && sameShape(a.item, b.item)
    case 'tuple':
      return b.kind === 'tuple' && sameShapes(a.items, b.items)
    case 'object':
      return (
        b.kind === 'object' &&
        a.keys.length === b.keys.length &&
        a.keys.every((key, index) => key === b.keys[index]) &&
        sameShapes(a.values, b.values)
      )
  }
}

function sameShapes(a: readonly Shape[], b: readonly Shape[]): boolean {
  return a.length === b.length && a.every((shape, index) => sameShape(shape, b[index]!))
}

/** Undefined for a shape not worth compiling (a value that is not an object or an array). */
export function compileHasher(shape: Shape, mode: Mode): Hasher | undefined {
  if (shape.kind === 'value') return undefined
  const code = new HasherCode(mode)
  const [a, b] = code.summary(shape, 'value', 0)
  code.line(`out[0] = finalize(mix(${C.SEED_ROOT}, ${a}))`)
  code.line(`out[1] = finalize(mix(${C.SEED_ROOT} ^ ${C.SEED_B}, ${b}))`)
  code.line('return true')
  // The generated code reads only the value it is given; its constants (HASH_CONSTANTS, the keys' summaries) are written into it.
  let build: (...parts: unknown[]) => Hasher
  try {
    build = new Function(
      'mix',
      'finalize',
      'laneAOf',
      'lastLaneB',
      'OBJECT',
      `return function shapedHasher(value, out) {\n${code.text()}\n}`,
    ) as typeof build
  } catch {
    // Code generation is switched off (node --disallow-code-generation-from-strings): fingerprintInto hashes every state.
    return undefined
  }
  return build(mix, finalize, laneAOf, lastLaneB, Object.prototype)
}

/** The body of a hasher, built statement by statement; each summary is two local variables. */
class HasherCode {
  private readonly lines: string[] = []
  private names = 0

  constructor(private readonly mode: Mode) {}

  line(statement: string): void {
    this.lines.push(statement)
  }

  text(): string {
    return this.lines.join('\n')
  }

  /** Statements that sum up the value in variable `from` as `shape` says; returns the names of its two lanes. */
  summary(shape: Shape, from: string, depth: number): [string, string] {
    const n = this.names++
    const [a, b] = [`a${n}`, `b${n}`]
    if (shape.kind === 'value') {
      this.line(`let ${a}, ${b}`)
      this.line(
        `if (typeof ${from} === 'number' && (${from} | 0) === ${from}) { ${a} = ${from}; ${b} = ${from} ^ ${C.INT_TAG} }`,
      )
      this.line(`else { ${a} = laneAOf(${from}, ${depth}, ${this.mode === 'json'}); ${b} = lastLaneB() }`)
    } else if (shape.kind === 'array') {
      const [i, item] = [`i${n}`, `item${n}`]
      this.line(`if (!Array.isArray(${from})) return false`)
      this.line(`let ${a} = ${C.SEED_ARRAY}, ${b} = ${C.SEED_ARRAY} ^ ${C.SEED_B}`)
      this.line(`for (let ${i} = 0; ${i} < ${from}.length; ${i}++) {`)
      this.line(`const ${item} = ${from}[${i}]`)
      const [itemA, itemB] = this.summary(shape.item, item, depth + 1)
      this.line(`${a} = mix(${a}, ${itemA}); ${b} = mix(${b}, ${itemB})`)
      this.line('}')
      this.line(`${a} = finalize(${a} ^ ${from}.length); ${b} = finalize(${b} ^ ${from}.length)`)
    } else if (shape.kind === 'tuple') {
      const length = shape.items.length
      this.line(`if (!Array.isArray(${from}) || ${from}.length !== ${length}) return false`)
      this.line(`let ${a} = ${C.SEED_ARRAY}, ${b} = ${C.SEED_ARRAY} ^ ${C.SEED_B}`)
      shape.items.forEach((item, index) => {
        const name = `t${n}_${index}`
        this.line(`const ${name} = ${from}[${index}]`)
        const [itemA, itemB] = this.summary(item, name, depth + 1)
        this.line(`${a} = mix(${a}, ${itemA}); ${b} = mix(${b}, ${itemB})`)
      })
      this.line(`${a} = finalize(${a} ^ ${length}); ${b} = finalize(${b} ^ ${length})`)
    } else {
      this.line(`if (typeof ${from} !== 'object' || ${from} === null || Array.isArray(${from})) return false`)
      // The keys are read first: V8 then knows the object's layout, and with it its prototype.
      const values = shape.keys.map((key, index) => {
        const name = `v${n}_${index}`
        this.line(`const ${name} = ${from}[${JSON.stringify(key)}]`)
        // JSON leaves such entries out, and so does fingerprintInto in its json mode.
        if (this.mode === 'json') this.line(`if (${name} === undefined || typeof ${name} === 'function') return false`)
        return name
      })
      this.line(`const p${n} = Object.getPrototypeOf(${from}); if (p${n} !== OBJECT && p${n} !== null) return false`)
      // The same number of keys, and every key of the shape there: the same keys.
      this.line(`let k${n} = 0; for (const _ in ${from}) k${n}++; if (k${n} !== ${shape.keys.length}) return false`)
      this.line(`let ${a} = 0, ${b} = 0`)
      shape.keys.forEach((key, index) => {
        const keyA = laneAOf(key, 0, false)
        const keyB = lastLaneB()
        const [valueA, valueB] = this.summary(shape.values[index]!, values[index]!, depth + 1)
        this.line(`${a} = (${a} + finalize((${keyA} + Math.imul(${valueA}, ${C.ENTRY_A})) | 0)) | 0`)
        this.line(`${b} = (${b} + finalize((${keyB} + Math.imul(${valueB}, ${C.ENTRY_B})) | 0)) | 0`)
      })
      const count = shape.keys.length
      this.line(`${a} = finalize((${a} + Math.imul(${count}, ${C.ENTRY_A})) ^ ${C.SEED_OBJECT})`)
      this.line(`${b} = finalize((${b} + Math.imul(${count}, ${C.ENTRY_B})) ^ ${C.SEED_OBJECT} ^ ${C.SEED_B})`)
    }
    return [a, b]
  }
}
