/**
 * Symmetry reduction for stores: where domains are `symmetric`, a state's fingerprint is the
 * least fingerprint of its images under every permutation of those domains' values (in
 * strings and in object keys, anywhere in the state), so states equal up to such a
 * permutation are one state. The search still keeps and expands the concrete state it met
 * first, so every trace is a real path from the initial state that replays with `apply`.
 *
 * Cost: a state is permuted and hashed once per permutation, k! for a domain of k values
 * (the product over several domains): 6 at k = 3, 24 at 4, 120 at 5. The states shrink by
 * up to the same factor, so the time stays about that of the full search while memory and
 * the visited set shrink; past some 720 permutations it stops paying, and it is not applied.
 */
import { isSymmetric } from '../../model/symmetric.js'
import type { Domains } from '../../model/types.js'

const MAX_PERMUTATIONS = 720

export interface Symmetry {
  /** The symmetric domains' names. */
  domains: string[]
  /** Every permutation but the identity, as a map from each value to its image. */
  permutations: Map<string, string>[]
}

/**
 * Undefined where no domain is symmetric, or the permutations are too many to pay. Domains
 * with the same values are one symmetry set (a value is one user, whichever param names
 * it); sets that share some values but not all are not reduced at all.
 */
export function symmetryOf(domains: Domains | undefined): Symmetry | undefined {
  const symmetricDomains = Object.entries(domains ?? {}).filter(([, values]) => isSymmetric(values))
  if (symmetricDomains.length === 0) return undefined
  const sets = new Map<string, readonly string[]>()
  for (const [, values] of symmetricDomains) sets.set(JSON.stringify([...values].sort()), values as readonly string[])
  const all = [...sets.values()].flat()
  if (new Set(all).size !== all.length) return undefined
  let maps: Map<string, string>[] = [new Map()]
  for (const strings of sets.values()) {
    maps = maps.flatMap((map) =>
      permutationsOf(strings).map((image) => {
        const next = new Map(map)
        for (let index = 0; index < strings.length; index++) next.set(strings[index]!, image[index]!)
        return next
      }),
    )
    if (maps.length > MAX_PERMUTATIONS) return undefined
  }
  return {
    domains: symmetricDomains.map(([name]) => name),
    permutations: maps.filter((map) => [...map].some(([value, image]) => value !== image)),
  }
}

/** The state with every symmetric value replaced by its image, in strings and object keys. */
export function permuted(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return map.get(value) ?? value
  if (Array.isArray(value)) return value.map((item) => permuted(item, map))
  if (value !== null && typeof value === 'object') {
    // Fingerprints sum an object's entries: the order of the permuted keys does not matter.
    const result: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) result[map.get(key) ?? key] = permuted(item, map)
    return result
  }
  return value
}

function permutationsOf<T>(values: readonly T[]): T[][] {
  if (values.length <= 1) return [[...values]]
  return values.flatMap((value, index) =>
    permutationsOf([...values.slice(0, index), ...values.slice(index + 1)]).map((rest) => [value, ...rest]),
  )
}
