import { describe, expect, it } from 'vitest'
import { describeThrown } from './describe.js'

describe('describeThrown', () => {
  it('shows an Error by its name and message, on one line', () => {
    expect(describeThrown(new TypeError('x is not\n  a function'))).toBe('TypeError: x is not a function')
    expect(describeThrown(new RangeError(''))).toBe('RangeError')
  })

  it('shows any other value as util.inspect does, saying it is not an Error', () => {
    expect(describeThrown({ weird: true })).toBe('{ weird: true } (thrown, not an Error)')
    expect(describeThrown('boom')).toBe("'boom' (thrown, not an Error)")
    expect(describeThrown(42)).toBe('42 (thrown, not an Error)')
    expect(describeThrown(null)).toBe('null (thrown, not an Error)')
    expect(describeThrown(undefined)).toBe('undefined (thrown, not an Error)')
    expect(describeThrown(Symbol('s'))).toBe('Symbol(s) (thrown, not an Error)')
    expect(describeThrown(['a', { b: [1, 2] }])).toBe("[ 'a', { b: [ 1, 2 ] } ] (thrown, not an Error)")
  })

  it("follows an Error's cause and an AggregateError's errors", () => {
    expect(describeThrown(new Error('save failed', { cause: new TypeError('no db') }))).toBe(
      'Error: save failed (cause: TypeError: no db)',
    )
    expect(describeThrown(new Error('save failed', { cause: { code: 42 } }))).toBe(
      'Error: save failed (cause: { code: 42 })',
    )
    expect(describeThrown(new AggregateError([new Error('a'), 'b'], 'two failed'))).toBe(
      "AggregateError: two failed [Error: a; 'b']",
    )
  })

  it('bounds the length of a huge value', () => {
    const text = describeThrown({ list: 'x'.repeat(10_000) })
    expect(text).toHaveLength(300)
    expect(text.endsWith('…')).toBe(true)
  })

  it('stops at an error that is its own cause', () => {
    const error = new Error('loop')
    error.cause = error
    expect(describeThrown(error)).toBe('Error: loop (cause: Error: loop (cause: Error: loop))')
  })
})
