import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fingerprintInto } from './fingerprint.js'
import { compileHasher, shapeOf, ShapedFingerprint } from './shaped-fingerprint.js'

const plainValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, null, true, false, '', 'idle', 'a longer string than the cache keeps, past thirty-two'),
    fc.string(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'id', '0', '10', 'counters', 'constructor', 'toString'), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value

function generic(value: unknown, mode: 'plain' | 'json' = 'plain'): string | undefined {
  const out = new Int32Array(2)
  return fingerprintInto(value, mode, out) ? `${out[0]}:${out[1]}` : undefined
}

/** What the hasher compiled for `sample`'s shape says of `value`: a fingerprint, or undefined where it gives up. */
function compiled(sample: unknown, value: unknown, mode: 'plain' | 'json' = 'plain'): string | undefined {
  const hasher = compileHasher(shapeOf(sample, 0), mode)
  const out = new Int32Array(2)
  try {
    return hasher?.(value, out) ? `${out[0]}:${out[1]}` : undefined
  } catch {
    return undefined
  }
}

describe('compiled hashers', () => {
  it('give the fingerprint fingerprintInto gives, wherever they give one', () => {
    fc.assert(
      fc.property(plainValue, plainValue, (sample, value) => {
        const print = compiled(sample, value)
        if (print !== undefined) expect(print).toBe(generic(value))
      }),
      { numRuns: 2000 },
    )
  })

  it('hash every value of the shape they were compiled for', () => {
    fc.assert(
      fc.property(plainValue, (value) => {
        if (typeof value !== 'object' || value === null) return
        const copy = structuredClone(value)
        expect(compiled(value, copy)).toBe(generic(copy))
      }),
      { numRuns: 1000 },
    )
  })

  it('give up on a value with a key more or less, another prototype, a hole or a value that is not plain', () => {
    const sample = { counters: [0, 0], name: 'a' }
    expect(compiled(sample, { counters: [1, 2], name: 'b' })).toBe(generic({ counters: [1, 2], name: 'b' }))
    expect(compiled(sample, { counters: [1, 2], name: 'b', extra: 1 })).toBeUndefined()
    expect(compiled(sample, { counters: [1, 2] })).toBeUndefined()
    expect(compiled(sample, { counters: [1, 2], other: 'b' })).toBeUndefined()
    expect(
      compiled(
        sample,
        new (class State {
          counters = [1, 2]
          name = 'b'
        })(),
      ),
    ).toBeUndefined()
    // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
    expect(compiled(sample, { counters: [1, , 2], name: 'b' })).toBeUndefined()
    expect(compiled(sample, { counters: [1, 2], name: undefined })).toBeUndefined()
    expect(compiled(sample, { counters: [1, Infinity], name: 'b' })).toBeUndefined()
  })

  it('take keys in any order, objects without a prototype, floats and -0 as fingerprintInto does', () => {
    const sample = { b: 1, a: [0.5, 'x', null] }
    const bare = Object.assign(Object.create(null) as object, { a: [-0, 'y', true], b: 2 })
    expect(compiled(sample, bare)).toBe(generic(bare))
    expect(compiled(sample, { a: [0, 'y', true], b: 2 })).toBe(generic(bare))
    expect(compiled(sample, { a: [1e300, { deep: [1] }, 'z'], b: -7 })).toBe(
      generic({ a: [1e300, { deep: [1] }, 'z'], b: -7 }),
    )
  })

  it('are not compiled for a sample that is not an object or an array, nor read `__proto__` as a key', () => {
    expect(compileHasher(shapeOf(5, 0), 'plain')).toBeUndefined()
    const withProtoKey = JSON.parse('{"__proto__": 1, "a": 2}') as object
    expect(shapeOf(withProtoKey, 0)).toEqual({ kind: 'value' })
  })
})

/** What machine contexts may hold besides plain data: JSON's rules apply to them. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    plainValue,
    fc.constantFrom(
      undefined,
      () => 1,
      new Date(0),
      { toJSON: () => 'x' },
      new (class Ref {
        toJSON = () => ({ id: 'child' })
      })(),
    ),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'value', 'context'), tie('value'), { maxKeys: 3 }),
  ),
})).value

describe('compiled hashers in json mode (machine keys)', () => {
  it('give the fingerprint fingerprintInto gives in json mode, wherever they give one', () => {
    fc.assert(
      fc.property(jsonValue, jsonValue, (sample, value) => {
        const print = compiled(sample, value, 'json')
        if (print !== undefined) expect(print).toBe(generic(value, 'json'))
      }),
      { numRuns: 2000 },
    )
  })

  it('hash a machine key, value and context, as a tuple, and give up where JSON would leave an entry out', () => {
    const key = ['counting', { counters: [0, 1], label: 'a' }]
    expect(shapeOf(key, 0).kind).toBe('tuple')
    expect(compiled(key, ['done', { counters: [3, 4], label: 'b' }], 'json')).toBe(
      generic(['done', { counters: [3, 4], label: 'b' }], 'json'),
    )
    expect(compiled(key, [{ nested: 'x' }, { counters: [3, 4], label: 'b' }], 'json')).toBe(
      generic([{ nested: 'x' }, { counters: [3, 4], label: 'b' }], 'json'),
    )
    expect(compiled(key, ['done', { counters: [3, 4], label: undefined }], 'json')).toBeUndefined()
    expect(compiled(key, ['done', { counters: [3, 4], label: 'b' }, {}], 'json')).toBeUndefined()
  })

  it('are compiled, without a sample, for the first key fingerprinted', () => {
    const shaped = new ShapedFingerprint('json')
    const out = new Int32Array(2)
    expect(shaped.shape).toBeUndefined()
    expect(shaped.fingerprint(['idle', { n: 1 }], out)).toBe(true)
    expect(`${out[0]}:${out[1]}`).toBe(generic(['idle', { n: 1 }], 'json'))
    expect(shaped.shape).toEqual(shapeOf(['idle', { n: 1 }], 0))
  })
})

describe('ShapedFingerprint', () => {
  it('fingerprints states of any shape as fingerprintInto does, and says false where it does', () => {
    fc.assert(
      fc.property(plainValue, fc.array(plainValue, { maxLength: 30 }), (sample, values) => {
        const shaped = new ShapedFingerprint('plain', sample)
        const out = new Int32Array(2)
        for (const value of values) {
          const print = shaped.fingerprint(value, out) ? `${out[0]}:${out[1]}` : undefined
          expect(print).toBe(generic(value))
        }
      }),
      { numRuns: 300 },
    )
    const out = new Int32Array(2)
    // A store whose states change shape, after many of the first: within two reviews the hasher is compiled for the new one.
    const shaped = new ShapedFingerprint('plain', { a: 1 })
    for (let i = 0; i < 20_000; i++) expect(shaped.fingerprint({ a: i }, out)).toBe(true)
    expect(shaped.shape).toEqual(shapeOf({ a: 0 }, 0))
    for (let i = 0; i < 2048; i++) {
      expect(shaped.fingerprint({ b: [i] }, out)).toBe(true)
      expect(`${out[0]}:${out[1]}`).toBe(generic({ b: [i] }))
    }
    expect(shaped.shape).toEqual(shapeOf({ b: [0] }, 0))
    expect(new ShapedFingerprint('plain', 7).shape).toBeUndefined()
    expect(new ShapedFingerprint('plain', { a: 1 }).fingerprint({ a: () => 1 }, out)).toBe(false)
    expect(new ShapedFingerprint('plain', { a: 1 }).fingerprint({ a: new Map() }, out)).toBe(false)
  })
})
