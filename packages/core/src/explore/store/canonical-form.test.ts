import { describe, expect, it } from 'vitest'
import { ShapedFingerprint } from '../fingerprint/shaped-fingerprint.js'
import { CanonicalForm } from './canonical-form.js'

const users = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']

function canonicalOf(state: unknown): string {
  const plain = new ShapedFingerprint('plain')
  const form = new CanonicalForm([users], (value, out) => plain.fingerprint(value, out))
  const out = new Int32Array(2)
  expect(form.fingerprint(state, out)).toBe(true)
  return `${out[0]}:${out[1]}`
}

function permutationsOf(values: readonly string[]): string[][] {
  if (values.length <= 1) return [[...values]]
  return values.flatMap((value, index) =>
    permutationsOf([...values.slice(0, index), ...values.slice(index + 1)]).map((rest) => [value, ...rest]),
  )
}

/** Each user points at the next: `cycles` lists the users of each cycle in order. */
function pointing(cycles: readonly (readonly string[])[]): { next: Record<string, string> } {
  return {
    next: Object.fromEntries(
      cycles.flatMap((cycle) => cycle.map((user, index) => [user, cycle[(index + 1) % cycle.length]!])),
    ),
  }
}

describe('canonical form', () => {
  // Every user looks alike in both (one key, one value, in the same map), and no two are
  // interchangeable: only telling them apart in turn separates a ring of six from two of three.
  it('gives every renaming of a ring of six one fingerprint, and two rings of three another', () => {
    const ring = canonicalOf(pointing([users]))
    const triangles = canonicalOf(pointing([users.slice(0, 3), users.slice(3)]))
    expect(ring).not.toBe(triangles)
    const images = new Set(permutationsOf(users).map((image) => canonicalOf(pointing([image]))))
    expect([...images]).toEqual([ring])
  })

  it('leaves values absent from the state out, and tells apart what the state says of each', () => {
    expect(canonicalOf({ admin: 'u1', levels: { u1: 2, u3: 1 } })).toBe(
      canonicalOf({ admin: 'u6', levels: { u6: 2, u2: 1 } }),
    )
    expect(canonicalOf({ admin: 'u1', levels: { u1: 2, u3: 1 } })).not.toBe(
      canonicalOf({ admin: 'u3', levels: { u1: 2, u3: 1 } }),
    )
  })
})
