/**
 * Why a value has no fingerprint (`fingerprint.ts` only says that it has none): what was
 * found where, for the message. Follows the same rules as the fingerprint's two modes.
 */
import { elementPath, type PathSegment } from '../../model/element-path.js'
import { findNonPlainData } from '../../model/plain-data.js'

/** E.g. `an instance of Map at context.items`; `root` names the value itself. */
export function describeUnhashable(value: unknown, mode: 'plain' | 'json', root: string): string {
  const problem = mode === 'plain' ? findNonPlainData(value) : findNonJsonData(value, [], 0)
  if (problem === undefined) return 'a value nested too deeply (a cycle?)'
  return `${problem.found} at ${elementPath([root, ...problem.path])}`
}

const MAX_NESTING = 256

function findNonJsonData(
  value: unknown,
  path: PathSegment[],
  depth: number,
): { path: PathSegment[]; found: string } | undefined {
  if (typeof value === 'bigint' || typeof value === 'symbol') return { path, found: `a ${typeof value}` }
  if (typeof value !== 'object' || value === null) return undefined
  if (depth > MAX_NESTING) return { path, found: 'a value nested too deeply (a cycle?)' }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = findNonJsonData(item, [...path, index], depth + 1)
      if (problem) return problem
    }
    return undefined
  }
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null
  if (prototype !== Object.prototype && prototype !== null) {
    const toJSON = (value as { toJSON?: unknown }).toJSON
    if (typeof toJSON === 'function') return findNonJsonData(toJSON.call(value), path, depth + 1)
    return { path, found: `an instance of ${prototype.constructor?.name ?? 'a class'}` }
  }
  for (const [key, item] of Object.entries(value)) {
    const problem = findNonJsonData(item, [...path, key], depth + 1)
    if (problem) return problem
  }
  return undefined
}
