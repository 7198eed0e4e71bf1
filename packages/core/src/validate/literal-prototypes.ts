/**
 * `__proto__: { … }` in an object literal sets the object's prototype instead of adding an
 * entry named "__proto__", so the entry would vanish without a word (Zod's records, like
 * `Object.keys`, read own keys only). Such an object is recognised by its prototype: a plain
 * object that is not `Object.prototype` and, unlike a class's prototype, has no `constructor`
 * of its own.
 */
import type { PathSegment } from '../model/element-path.js'
import { isPlainObject } from '../model/recognise.js'

/** The paths of the `__proto__` entries in a model's plain objects and arrays. */
export function literalPrototypePaths(value: unknown): PathSegment[][] {
  const found: PathSegment[][] = []
  const seen = new WeakSet<object>()
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return
    seen.add(node)
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) visit(item, [...path, index])
      return
    }
    if (hasLiteralPrototype(node)) found.push([...path, '__proto__'])
    else if (!isPlainObject(node)) return
    for (const [key, entry] of Object.entries(node)) visit(entry, [...path, key])
  }
  visit(value, [])
  return found
}

/** True for an object whose prototype was set by `__proto__: { … }` in its literal. */
export function hasLiteralPrototype(node: object): boolean {
  const prototype = Object.getPrototypeOf(node) as object | null
  return (
    prototype !== null &&
    prototype !== Object.prototype &&
    isPlainObject(prototype) &&
    !Object.hasOwn(prototype, 'constructor')
  )
}

export const LITERAL_PROTOTYPE_MESSAGE =
  '`__proto__: …` in an object literal sets its prototype, not an entry named "__proto__": write ["__proto__"]: … to use the name'
