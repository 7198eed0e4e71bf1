/**
 * "Did you mean …?" for names: the closest candidate by edit distance, when it is close
 * enough to be a likely typo.
 */

export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const known = [...candidates]
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    // A third of the longer name may differ: "dta" → "data", but not "x" → "c".
    const tolerance = Math.floor(Math.max(name.length, candidate.length) / 3)
    if (distance <= tolerance && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best ?? completion(name, known)
}

/**
 * A name cut short: the shortest candidate it begins ("identity/uniqueness" →
 * "identity/uniqueness-undecided"), or else the shortest it begins a part of, after a `/`,
 * `.` or `-` ("uniqueness" → "identity/uniqueness-undecided"). Four characters at least: a
 * shorter start fits too many names to mean one.
 */
function completion(name: string, known: readonly string[]): string | undefined {
  if (name.length < 4) return undefined
  const start = name.toLowerCase()
  const shortest = (matches: string[]) => matches.sort((a, b) => a.length - b.length)[0]
  return (
    shortest(known.filter((candidate) => candidate.toLowerCase().startsWith(start))) ??
    shortest(
      known.filter((candidate) =>
        candidate
          .toLowerCase()
          .split(/[/.-]/)
          .some((part) => part.startsWith(start)),
      ),
    )
  )
}

/** Edit distance where swapping two neighbours counts as one edit ("emial" → "email"). */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1)
      current[j] = best
    }
    beforePrevious = previous
    previous = current
  }
  return previous[b.length] ?? 0
}

/**
 * The message for a name that is not declared: `unknown zone "dta" (did you mean "data"?)`,
 * or with an owner, `User has no field "emial" (did you mean "email"?)`.
 */
export function unknownName(kind: string, name: string, known: readonly string[], owner?: string): string {
  const quoted = JSON.stringify(name)
  const head = owner === undefined ? `unknown ${kind} ${quoted}` : `${owner} has no ${kind} ${quoted}`
  if (known.length === 0) return owner === undefined ? `${head}: the system declares no ${plural(kind)}` : head
  const suggestion = closest(name, known)
  if (suggestion !== undefined) return `${head} (did you mean ${JSON.stringify(suggestion)}?)`
  const list = known.length <= 8 ? known.map((k) => JSON.stringify(k)).join(', ') : `${known.length} of them`
  return `${head} (${plural(kind)}: ${list})`
}

function plural(noun: string): string {
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`
}
