/**
 * File names from model names: letters and digits of any script kept, every run of
 * anything else one `-`, never empty, never hidden, never longer than a file system takes
 * (255 bytes, with room for a suffix and `.md`); the same input, the same name.
 */
export function fileSlug(name: string): string {
  const slug = name.replace(/[^\p{L}\p{N}_]+/gu, '-').replace(/^-+|-+$/gu, '')
  if (slug === '') return 'unnamed'
  return utf8Length(slug) <= MAX_SLUG_BYTES ? slug : `${truncated(slug)}-${hash(name)}`
}

const MAX_SLUG_BYTES = 200
const encoder = new TextEncoder()

function utf8Length(text: string): number {
  return encoder.encode(text).length
}

/** The longest prefix, whole characters only, that leaves room for the hash suffix. */
function truncated(slug: string): string {
  let prefix = ''
  for (const character of slug) {
    if (utf8Length(prefix + character) > MAX_SLUG_BYTES - 9) break
    prefix += character
  }
  return prefix.replace(/-+$/u, '')
}

/** FNV-1a over the name's UTF-16 units, as 8 hex digits: two long names that share a prefix keep apart. */
function hash(name: string): string {
  let value = 0x811c9dc5
  for (let index = 0; index < name.length; index++) {
    value ^= name.charCodeAt(index)
    value = Math.imul(value, 0x01000193) >>> 0
  }
  return value.toString(16).padStart(8, '0')
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
