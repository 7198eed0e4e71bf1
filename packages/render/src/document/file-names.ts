/**
 * File names from model names: letters and digits of any script kept, every run of
 * anything else one `-`, never empty, never hidden; the same input, the same name.
 */
export function fileSlug(name: string): string {
  const slug = name.replace(/[^\p{L}\p{N}_]+/gu, '-').replace(/^-+|-+$/gu, '')
  return slug === '' ? 'unnamed' : slug
}

/** Slugs for several names, made distinct by a numeric suffix in order of appearance. */
export function distinctSlugs(names: readonly string[]): string[] {
  const used = new Set<string>()
  return names.map((name) => {
    const base = fileSlug(name)
    let slug = base
    for (let suffix = 2; used.has(slug.toLowerCase()); suffix++) slug = `${base}-${suffix}`
    // Compared without case: two names differing only in case must not meet on macOS or Windows.
    used.add(slug.toLowerCase())
    return slug
  })
}
