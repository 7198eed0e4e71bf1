import { describe, expect, it } from 'vitest'
import { groupDigits } from './numbers.js'

describe('groupDigits', () => {
  it('groups by thousands as en-US does', () => {
    for (const value of [0, 7, 999, 1000, 12_345, 1_000_000, 987_654_321, -1234, 5_000_000_000])
      expect(groupDigits(value)).toBe(value.toLocaleString('en-US'))
  })
})
