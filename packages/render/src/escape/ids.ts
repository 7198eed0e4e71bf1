/**
 * Mermaid ids: a per-kind prefix and `[A-Za-z0-9_]` only, so no id is a keyword of any
 * diagram type (`end`, `state`, `note`, `class`, `o`, `x`, …) or contains syntax. The same
 * key always gets the same id within one diagram; different keys never share one.
 */

export class IdAllocator {
  private readonly byKey = new Map<string, string>()
  private readonly used = new Set<string>()

  /** `avoid`: ids the diagram type gives a meaning of its own. */
  constructor(
    private readonly prefix: string,
    private readonly avoid: (id: string) => boolean = () => false,
  ) {}

  /** The id for `key`, made readable from `hint` (defaults to the key). */
  idFor(key: string, hint: string = key): string {
    const known = this.byKey.get(key)
    if (known !== undefined) return known
    const base = `${this.prefix}${hint.replace(/[^A-Za-z0-9_]/gu, '_')}`
    let id = base
    for (let suffix = 2; this.used.has(id) || this.avoid(id); suffix++) id = `${base}_${suffix}`
    this.byKey.set(key, id)
    this.used.add(id)
    return id
  }
}
