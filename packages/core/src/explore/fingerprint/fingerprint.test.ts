import { describe, expect, it } from 'vitest'
import { collisionProbability, fingerprintInto } from './fingerprint.js'

function fingerprint(value: unknown, mode: 'plain' | 'json' = 'plain'): string | undefined {
  const out = new Int32Array(2)
  return fingerprintInto(value, mode, out) ? `${out[0]}:${out[1]}` : undefined
}

describe('fingerprint', () => {
  it('is canonical: key order does not matter, at any depth', () => {
    expect(fingerprint({ a: 1, b: 2 })).toBe(fingerprint({ b: 2, a: 1 }))
    expect(fingerprint({ x: { p: [1, { q: 'r', s: null }], t: true } })).toBe(
      fingerprint({ x: { t: true, p: [1, { s: null, q: 'r' }] } }),
    )
  })

  it('tells apart values that differ in type, order, nesting or key', () => {
    const values: unknown[] = [
      0,
      1,
      -1,
      2 ** 31,
      0.5,
      1e300,
      '',
      '0',
      '1',
      'ab',
      'ba',
      'a\u0000',
      true,
      false,
      null,
      [],
      [0],
      [1],
      ['1'],
      [1, 2],
      [2, 1],
      [[1], 2],
      [[1, 2]],
      [null],
      [[]],
      {},
      { a: 1 },
      { b: 1 },
      { a: '1' },
      { a: [1] },
      { a: { a: 1 } },
      { a: 1, b: 2 },
      { a: 2, b: 1 },
      { 0: 1 },
      { ab: 1 },
      { a: 1, b: 1 },
    ]
    const prints = values.map((value) => fingerprint(value))
    expect(new Set(prints).size).toBe(values.length)
  })

  it('takes -0 for 0, as JSON does', () => {
    expect(fingerprint({ n: -0 })).toBe(fingerprint({ n: 0 }))
  })

  it('is the same on every call and for equal values built apart', () => {
    const build = () => ({ users: [{ id: 1, email: 'ann@example.com' }], next: 2 })
    expect(fingerprint(build())).toBe(fingerprint(build()))
  })

  describe('plain mode (store states) refuses what is not plain data', () => {
    it.each<[string, unknown]>([
      ['a function', { f: () => 1 }],
      ['undefined', { a: undefined }],
      // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
      ['a hole in an array', [1, , 3]],
      ['a Map', { m: new Map() }],
      ['a Date', new Date(0)],
      ['NaN', { n: Number.NaN }],
      ['Infinity', [Number.POSITIVE_INFINITY]],
      ['a bigint', 1n],
      ['a symbol', Symbol('s')],
      [
        'a cycle',
        (() => {
          const o: Record<string, unknown> = {}
          o.self = o
          return o
        })(),
      ],
    ])('%s', (_, value) => {
      expect(fingerprint(value)).toBeUndefined()
    })

    it('accepts objects without a prototype', () => {
      expect(fingerprint(Object.assign(Object.create(null) as object, { a: 1 }))).toBe(fingerprint({ a: 1 }))
    })
  })

  describe('JSON mode (machine contexts) follows JSON', () => {
    it('skips undefined and functions in objects', () => {
      expect(fingerprint({ a: 1, b: undefined, c: () => 1 }, 'json')).toBe(fingerprint({ a: 1 }, 'json'))
    })

    it('honours toJSON, as for actor references and dates', () => {
      const ref = { toJSON: () => ({ xstate$$type: 1, id: 'child' }) }
      Object.setPrototypeOf(ref, { kind: 'ActorRef' })
      expect(fingerprint({ child: ref }, 'json')).toBe(fingerprint({ child: { xstate$$type: 1, id: 'child' } }, 'json'))
      expect(fingerprint(new Date(0), 'json')).toBe(fingerprint('1970-01-01T00:00:00.000Z', 'json'))
    })

    it('refuses a class instance without toJSON rather than merging it into {}', () => {
      expect(fingerprint({ m: new Map([[1, 2]]) }, 'json')).toBeUndefined()
    })
  })
})

describe('fingerprint quality', () => {
  /** Among n similar states: how many share a 64-bit fingerprint, and how many share each 32-bit lane. */
  function collisions(n: number, state: (i: number) => unknown) {
    const out = new Int32Array(2)
    const full = new Set<string>()
    const lanes = [new Set<number>(), new Set<number>()]
    for (let i = 0; i < n; i++) {
      fingerprintInto(state(i), 'plain', out)
      full.add(`${out[0]}:${out[1]}`)
      lanes[0]!.add(out[0]!)
      lanes[1]!.add(out[1]!)
    }
    return { full: n - full.size, laneA: n - lanes[0]!.size, laneB: n - lanes[1]!.size }
  }
  // A random 32-bit function gives about n²/2³³ = 1.2 lane collisions among 100,000 values.
  it.each<[string, (i: number) => unknown]>([
    [
      'counters',
      (i) => ({
        counters: [
          i % 10,
          Math.floor(i / 10) % 10,
          Math.floor(i / 100) % 10,
          Math.floor(i / 1000) % 10,
          Math.floor(i / 10000) % 10,
        ],
      }),
    ],
    ['pairs', (i) => ({ a: i % 317, b: Math.floor(i / 317) })],
    [
      'records with strings',
      (i) => ({
        users: [
          { id: i % 100, email: `user${Math.floor(i / 100)}@example.com`, role: i % 3 === 0 ? 'admin' : 'member' },
        ],
      }),
    ],
    ['short arrays', (i) => [i & 255, i >> 8]],
  ])('%s: no two of 100,000 share a fingerprint, and each lane collides as a random one would', (_, state) => {
    const found = collisions(100_000, state)
    expect(found.full).toBe(0)
    expect(found.laneA).toBeLessThanOrEqual(8)
    expect(found.laneB).toBeLessThanOrEqual(8)
  })
})

describe('collisionProbability', () => {
  it('is n(n-1)/2^65 for small n, and 0 for fewer than two states', () => {
    expect(collisionProbability(0)).toBe(0)
    expect(collisionProbability(1)).toBe(0)
    expect(collisionProbability(1_000_000) / ((1e6 * (1e6 - 1)) / 2 ** 65)).toBeCloseTo(1, 6)
    expect(collisionProbability(1_000_000).toPrecision(3)).toBe('2.71e-8')
  })

  it('stays a probability for huge n', () => {
    expect(collisionProbability(2 ** 40)).toBeLessThanOrEqual(1)
    expect(collisionProbability(2 ** 40)).toBeGreaterThan(0.99)
  })
})
