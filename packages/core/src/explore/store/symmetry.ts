/**
 * Symmetry reduction for stores: where domains are `symmetric`, states equal up to a
 * permutation of those domains' values (in strings and in object keys, anywhere in the state)
 * are one state: a state's fingerprint is its orbit's canonical fingerprint
 * (`canonical-form.ts`). The search still keeps and expands the concrete state it met first,
 * so every trace is a real path from the initial state that replays with `apply`.
 *
 * Cost, for a set of k values, where the old way was k! fingerprints a state (6 at k = 3, 24
 * at 4, 120 at 5): the state's own fingerprint, which finds most states in a cache of their
 * canonical ones (a reduced search meets most states again, from other states); else a walk
 * to colour the values and one fingerprint of the renamed state, plus, for values of one
 * colour, a comparison of their entries where they are keys of the same objects (users at the
 * same level) or a fingerprint a pair elsewhere. So the cost grows about linearly with k in
 * the common case, and it pays from k = 3 on (bench `users-symmetric`, ~10⁶ states without
 * it: 5.8× / 20× / 68× fewer states, 3.9× / 10.8× / 24.9× less time at k = 3 / 4 / 5). It
 * stops paying where many values look alike without being interchangeable (a ring of users
 * each pointing at the next): each is then told apart in turn, as graph canonizers do,
 * trying up to k! orders of the tied values on such a state.
 */
import { isSymmetric } from '../../model/symmetric.js'
import type { Domains } from '../../model/types.js'

export interface Symmetry {
  /** The symmetric domains' names. */
  domains: string[]
  /** The symmetry sets: each one's values, in the order the domain declares them. */
  sets: (readonly string[])[]
}

/**
 * Undefined where no domain is symmetric. Domains with the same values are one symmetry set
 * (a value is one user, whichever param names it); sets that share some values but not all
 * are not reduced at all.
 */
export function symmetryOf(domains: Domains | undefined): Symmetry | undefined {
  const symmetricDomains = Object.entries(domains ?? {}).filter(([, values]) => isSymmetric(values))
  if (symmetricDomains.length === 0) return undefined
  const sets = new Map<string, readonly string[]>()
  for (const [, values] of symmetricDomains) sets.set(JSON.stringify([...values].sort()), values as readonly string[])
  const all = [...sets.values()].flat()
  if (new Set(all).size !== all.length) return undefined
  return { domains: symmetricDomains.map(([name]) => name), sets: [...sets.values()] }
}
