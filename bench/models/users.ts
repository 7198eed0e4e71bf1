/**
 * k interchangeable users, each at a level 0..top: a user raises their level, drops to 0, or
 * follows another user up to theirs. Symmetric in the users: with `symmetric` ids, states
 * equal up to a renaming of users are one ((top + 1)^k states without, C(k + top, k) with).
 * The top is chosen for about 10⁶ states without symmetry at every k, so that the time is the
 * search's and not the start-up's or the JIT's: 99 at k = 3, 31 at 4, 15 at 5.
 */
import { defineStore, symmetric } from '@plumbline/core'

export function usersTop(k: number): number {
  return Math.round(10 ** (6 / k)) - 1
}

export function users(k: number, reduced: boolean) {
  const TOP = usersTop(k)
  const names = Array.from({ length: k }, (_, index) => `u${index + 1}`)
  const ids = reduced ? symmetric(names) : names
  return defineStore({
    initial: { levels: Object.fromEntries(names.map((name) => [name, 0])) as Record<string, number> },
    domains: { ids, others: ids },
    operations: {
      raise: {
        params: { id: 'ids' },
        guard: (s, { id }) => s.levels[id]! < TOP,
        apply: (s, { id }) => ({ levels: { ...s.levels, [id]: s.levels[id]! + 1 } }),
      },
      drop: {
        params: { id: 'ids' },
        guard: (s, { id }) => s.levels[id]! > 0,
        apply: (s, { id }) => ({ levels: { ...s.levels, [id]: 0 } }),
      },
      follow: {
        params: { id: 'ids', other: 'others' },
        guard: (s, { id, other }) => s.levels[other]! > s.levels[id]!,
        apply: (s, { id, other }) => ({ levels: { ...s.levels, [id]: s.levels[other]! } }),
      },
    },
    invariants: { withinTop: (s) => Object.values(s.levels).every((level) => level <= TOP) },
  })
}
