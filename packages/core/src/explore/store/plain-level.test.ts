import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PlainLevel } from './plain-level.js'

/** Plain data as a store state may hold it: what `fingerprintInto(…, 'plain')` accepts. */
const plainValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    fc.integer({ min: -300, max: 300 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 2 ** 28, -(2 ** 28), 2 ** 28 - 1, -(2 ** 28) - 1, Number.MAX_SAFE_INTEGER),
    fc.string({ unit: 'grapheme' }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 5 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 3, noNullPrototype: false }),
  ),
})).value

function roundTrip(states: readonly unknown[]): unknown[] {
  const level = new PlainLevel()
  for (const state of states) level.add(state)
  expect(level.length).toBe(states.length)
  return states.map(() => level.take())
}

describe('PlainLevel', () => {
  it('gives back every state as it was written, in order', () => {
    fc.assert(
      fc.property(fc.array(plainValue, { maxLength: 20 }), (states) => {
        const read = roundTrip(states)
        read.forEach((state, index) => {
          // toStrictEqual tells -0 from 0 and an object without a prototype from one with.
          expect(state).toStrictEqual(states[index])
          expect(JSON.stringify(state)).toBe(JSON.stringify(states[index]))
        })
      }),
      { numRuns: 300 },
    )
  })

  it('keeps key order, -0, null prototypes and numbers beyond the small-integer words', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 1, a: [2] })
    const states = [
      { z: 1, a: 2, 10: 'x', 2: 'y' },
      -0,
      bare,
      [2 ** 28, -(2 ** 28) - 1, 0.1, 1e300],
      { nested: [{ deep: ['end', true, null] }] },
    ]
    const read = roundTrip(states)
    expect(Object.keys(read[0] as object)).toEqual(['2', '10', 'z', 'a'])
    expect(Object.is(read[1], -0)).toBe(true)
    expect(Object.getPrototypeOf(read[2])).toBe(null)
    expect(read).toStrictEqual(states)
  })

  it('hands out new objects: a state read back shares nothing with the one written', () => {
    const written = { counters: [1, 2, 3] }
    const [read] = roundTrip([written]) as [{ counters: number[] }]
    expect(read).not.toBe(written)
    expect(read.counters).not.toBe(written.counters)
  })

  it('tells whether the state last taken is still as written, value by value', () => {
    const level = new PlainLevel()
    const written = [{ counters: [1, 2], name: 'a', flag: true }, { list: [{ a: 1 }] }, { a: 1, b: 2 }, { x: 0.5 }]
    for (const state of written) level.add(structuredClone(state))
    const untouched = level.take() as { counters: number[] }
    expect(level.unchanged(untouched)).toBe(true)
    untouched.counters[1] = 3
    expect(level.unchanged(untouched)).toBe(false)
    const nested = level.take() as { list: { a: number; b?: number }[] }
    nested.list[0]!.b = 1
    expect(level.unchanged(nested)).toBe(false)
    // Deleted and added again: equal as data, but not as written (the engine then compares fingerprints).
    const reordered = level.take() as { a?: number; b: number }
    delete reordered.a
    reordered.a = 1
    expect(level.unchanged(reordered)).toBe(false)
    const float = level.take() as { x: number }
    expect(level.unchanged(float)).toBe(true)
    float.x = 0.25
    expect(level.unchanged(float)).toBe(false)
  })

  it('grows past its first buffer', () => {
    const states = Array.from({ length: 3000 }, (_, index) => ({
      index,
      name: `state ${index}`,
      items: [index, -index, index / 2],
    }))
    expect(roundTrip(states)).toStrictEqual(states)
  })
})
