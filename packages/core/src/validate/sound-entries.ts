/**
 * What of a system whose shape is broken can still be checked for references: the system
 * without each entry a shape problem was found in (`components.api`, `flows.signUp`, a
 * top-level key), and the names every referable section declares as written. Checking
 * references on what is left reports every independent problem in one run, as `tsc` does,
 * and an entry dropped for its shape is still a known name, so no reference to it cascades
 * into an "unknown" finding.
 */
import type { z } from 'zod'
import type { PathSegment } from '../model/element-path.js'
import { isPlainObject } from '../model/recognise.js'
import type { DeclaredNames } from './references.js'
import type { SystemDefinition } from '../model/types.js'

/** The sections whose entries are named by the user; a problem inside one drops only its entry. */
const NAMED_SECTIONS: ReadonlySet<string> = new Set([
  'zones',
  'components',
  'deployment',
  'entities',
  'contracts',
  'flows',
  'machines',
  'stores',
  'decisions',
])

export interface SoundPart {
  /** The system with every entry a problem was found in removed: it has the model's shape. */
  readonly system: SystemDefinition
  readonly declared: DeclaredNames
}

/**
 * `problems`: where each shape problem is. Undefined when one is with the system as a whole,
 * so nothing in it can be trusted.
 */
export function soundPart(
  system: Readonly<Record<string, unknown>>,
  problems: readonly (readonly PathSegment[])[],
): SoundPart | undefined {
  const kept: Record<string, unknown> = { ...system }
  for (const path of problems) {
    const [section, entry] = path
    if (section === undefined) return undefined
    const key = String(section)
    const value = kept[key]
    if (NAMED_SECTIONS.has(key) && entry !== undefined && isPlainObject(value)) {
      const { [String(entry)]: _dropped, ...rest } = value
      kept[key] = rest
    } else delete kept[key]
  }
  const names = (section: string): readonly string[] | undefined => {
    const value = system[section]
    if (value === undefined) return []
    return isPlainObject(value) ? Object.keys(value) : undefined
  }
  return {
    system: kept as unknown as SystemDefinition,
    declared: {
      zones: names('zones'),
      components: names('components'),
      contracts: names('contracts'),
      machines: names('machines'),
      entities: names('entities'),
    },
  }
}

/** Where an issue is: an unknown key is a problem of that key, not of the object holding it. */
export function issuePaths(issue: z.core.$ZodIssue): PathSegment[][] {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => [...path, key])
  return [path]
}
