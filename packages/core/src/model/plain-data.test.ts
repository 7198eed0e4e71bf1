import { describe, expect, it } from 'vitest'
import { findNonPlainData } from './plain-data.js'

describe('findNonPlainData', () => {
  it('accepts objects, arrays, strings, finite numbers, booleans and null', () => {
    expect(
      findNonPlainData({ users: [{ email: 'a@x', age: 3, ok: true, note: null }], map: Object.create(null) }),
    ).toBeUndefined()
  })

  const cyclic: Record<string, unknown> = { a: {} }
  ;(cyclic.a as Record<string, unknown>).back = cyclic
  it.each([
    [{ f: () => 1 }, ['f'], 'a function'],
    [{ when: new Date(0) }, ['when'], 'an instance of Date'],
    [{ users: new Map() }, ['users'], 'an instance of Map'],
    [{ list: [1, undefined] }, ['list', 1], 'undefined (use null for "no value")'],
    [{ n: Number.NaN }, ['n'], 'the number NaN'],
    [{ n: 1n }, ['n'], 'a bigint'],
    [cyclic, ['a', 'back'], 'a cycle (the value contains itself)'],
    // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
    [{ holes: [1, , 3] }, ['holes', 1], 'an empty slot in a sparse array'],
  ])('rejects %#', (value, path, found) => {
    expect(findNonPlainData(value)).toEqual({ path, found })
  })

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { id: 1 }
    expect(findNonPlainData({ a: shared, b: shared })).toBeUndefined()
  })
})
