/**
 * Store states must be plain data (objects, arrays, strings, finite numbers, booleans,
 * null): exploration keys states by their content and shows them in reports, which
 * functions, class instances, `undefined` and cycles would make ambiguous or impossible.
 */
import type { PathSegment } from './element-path.js'

export interface NotPlainData {
  /** Where inside the value, from its root. */
  path: PathSegment[]
  /** What was found there, e.g. "a function", "an instance of Map". */
  found: string
}

export function findNonPlainData(value: unknown): NotPlainData | undefined {
  return visit(value, [], new Set())
}

function visit(value: unknown, path: PathSegment[], ancestors: Set<object>): NotPlainData | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined
    case 'number':
      return Number.isFinite(value) ? undefined : { path, found: `the number ${String(value)}` }
    case 'undefined':
      return { path, found: 'undefined (use null for "no value")' }
    case 'function':
      return { path, found: 'a function' }
    case 'bigint':
      return { path, found: 'a bigint' }
    case 'symbol':
      return { path, found: 'a symbol' }
  }
  if (value === null) return undefined
  const object = value as object
  if (ancestors.has(object)) return { path, found: 'a cycle (the value contains itself)' }
  if (Array.isArray(object)) {
    ancestors.add(object)
    for (let index = 0; index < object.length; index++) {
      if (!(index in object)) return { path: [...path, index], found: 'an empty slot in a sparse array' }
      const problem = visit(object[index], [...path, index], ancestors)
      if (problem) return problem
    }
    ancestors.delete(object)
    return undefined
  }
  const prototype = Object.getPrototypeOf(object) as object | null
  if (prototype !== Object.prototype && prototype !== null) {
    const name = (prototype as { constructor?: { name?: string } }).constructor?.name
    return { path, found: name ? `an instance of ${name}` : 'an object that is not a plain object' }
  }
  ancestors.add(object)
  for (const [key, item] of Object.entries(object)) {
    const problem = visit(item, [...path, key], ancestors)
    if (problem) return problem
  }
  ancestors.delete(object)
  return undefined
}
