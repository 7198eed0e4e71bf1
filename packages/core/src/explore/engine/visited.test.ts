import { describe, expect, it } from 'vitest'
import { KNOWN, NO_PARENT, VisitedStates } from './visited.js'

describe('VisitedStates', () => {
  it('numbers new states in order and knows them again', () => {
    const visited = new VisitedStates(3, { indexKnown: true })
    expect(visited.add(10, 20, NO_PARENT, 0)).toBe(0)
    expect(visited.add(11, 20, 0, 2)).toBe(1)
    expect(visited.add(10, 20, 1, 1)).toBe(-1)
    expect(visited.known).toBe(0)
    expect(visited.lookup(11, 20)).toBe(1)
    expect(visited.lookup(12, 20)).toBe(-1)
    expect([visited.parentOf(1), visited.actionOf(1)]).toEqual([0, 2])
  })

  it('says KNOWN without an index when indices of known states are not kept', () => {
    const visited = new VisitedStates(1, { indexKnown: false })
    visited.add(1, 2, NO_PARENT, 0)
    expect(visited.add(1, 2, 0, 0)).toBe(-1)
    expect(visited.known).toBe(KNOWN)
    expect(visited.lookup(1, 2)).toBe(KNOWN)
  })

  it('keeps a fingerprint of zeros apart from the empty slot', () => {
    const visited = new VisitedStates(1, { indexKnown: true })
    expect(visited.add(0, 0, NO_PARENT, 0)).toBe(0)
    expect(visited.add(0, 0, 0, 0)).toBe(-1)
    expect(visited.lookup(0, 0)).toBe(0)
  })

  it('grows past its first capacity, keeping every state, parent and action', () => {
    const visited = new VisitedStates(70_000, { indexKnown: true })
    const count = 100_000
    for (let i = 0; i < count; i++)
      expect(visited.add(i * 7919, Math.imul(i, 0x9e3779b1), i === 0 ? NO_PARENT : i - 1, i % 70_000)).toBe(i)
    for (let i = 0; i < count; i += 997) {
      expect(visited.lookup(i * 7919, Math.imul(i, 0x9e3779b1))).toBe(i)
      expect(visited.actionOf(i)).toBe(i % 70_000)
      expect(visited.parentOf(i)).toBe(i === 0 ? NO_PARENT : i - 1)
    }
    expect(visited.size).toBe(count)
  })

  it('costs at most 32 bytes a state', () => {
    const visited = new VisitedStates(100, { indexKnown: false })
    for (let i = 1; i <= 1_000_000; i++) visited.add(Math.imul(i, 0x9e3779b1), i, i - 1, i % 100)
    expect(visited.bytes / visited.size).toBeLessThanOrEqual(32)
  })
})
