/**
 * Element paths to places in the model's source: the line and column where the element is
 * written, read from the TypeScript source (never guessed). The walk starts at the module's
 * default export and follows the path through object literals, array literals, calls
 * (`defineSystem({…})`, `defineStore({…})`, `setup({…}).createMachine({…})`), `as`/`satisfies`,
 * top-level constants and imports of other project files. A machine's states are looked up in
 * the machine's config when the machine model (`{ machine, events, invariants }`) does not
 * have them.
 *
 * Where the element itself is not written (a missing `onFailure`, an event without samples),
 * the nearest enclosing element that is written is the place: that is where the fix goes.
 * Where not even the system is found (a model built by a function), the file alone.
 */
import type { Node, ObjectExpression, ObjectMethod, ObjectProperty, SpreadElement } from '@babel/types'
import { parseElementPath, type PathSegment, type SourceLocation } from '@plumbline/core'
import { parseSourceFile, type SourceFile } from './source-file.js'

export interface LocatorHost {
  /** The text of a file, or undefined when it cannot be read. */
  readText(file: string): string | undefined
  /** An import specifier in `from` to an absolute file path; undefined for packages and builtins. */
  resolveImport(specifier: string, from: string): string | undefined
  /** How a file is shown in reports. */
  display(file: string): string
}

export interface Locator {
  locate(element: string): SourceLocation
}

/** A node with the file it is in: a walk may cross into imported files. */
interface Placed {
  node: Node
  source: SourceFile
}

/** How many identifier hops a walk follows before it gives up (guards against cycles). */
const MAX_HOPS = 50

export function createLocator(modelFile: string, host: LocatorHost): Locator {
  const parsed = new Map<string, SourceFile | undefined>()
  const sourceOf = (file: string): SourceFile | undefined => {
    if (!parsed.has(file)) {
      const text = host.readText(file)
      parsed.set(file, text === undefined ? undefined : parseSourceFile(file, text))
    }
    return parsed.get(file)
  }

  const at = ({ node, source }: Placed): SourceLocation => {
    const start = node.loc?.start
    return start
      ? { file: host.display(source.file), line: start.line, column: start.column + 1 }
      : { file: host.display(source.file) }
  }

  /** The literals an expression stands for: objects and arrays, through wrappers, calls and names. */
  const values = (placed: Placed, hops = 0): Placed[] => {
    const { node, source } = placed
    if (hops > MAX_HOPS) return []
    switch (node.type) {
      case 'ObjectExpression':
      case 'ArrayExpression':
        return [placed]
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ParenthesizedExpression':
        return values({ node: node.expression, source }, hops + 1)
      case 'CallExpression':
        return node.arguments.flatMap((argument) => values({ node: argument, source }, hops + 1))
      case 'Identifier': {
        const binding = source.bindings.get(node.name)
        if (binding) return values({ node: binding, source }, hops + 1)
        const imported = source.imports.get(node.name)
        const exported = imported && exportOf(imported.from, imported.name, source.file)
        return exported ? values(exported, hops + 1) : []
      }
      default:
        return []
    }
  }

  const exportOf = (specifier: string, name: string, from: string): Placed | undefined => {
    const file = host.resolveImport(specifier, from)
    const source = file === undefined ? undefined : sourceOf(file)
    return source && exportNamed(source, name)
  }

  /** The property or element a segment names in one of the literals, last definition first. */
  const member = (literals: readonly Placed[], segment: PathSegment): Placed | undefined => {
    for (const literal of [...literals].reverse()) {
      const { node, source } = literal
      if (typeof segment === 'number') {
        if (node.type !== 'ArrayExpression') continue
        const before = node.elements.slice(0, segment + 1)
        const element = node.elements[segment]
        if (before.some((item) => item?.type === 'SpreadElement') || !element) continue
        return { node: element, source }
      }
      if (node.type !== 'ObjectExpression') continue
      const found = property(node, segment, source)
      if (found) return found
    }
    return undefined
  }

  const property = (object: ObjectExpression, key: string, source: SourceFile): Placed | undefined => {
    for (const entry of [...object.properties].reverse()) {
      if (entry.type === 'SpreadElement') {
        const spread = member(values({ node: entry.argument, source }), key)
        if (spread) return spread
        continue
      }
      if (nameOf(entry) === key) return { node: entry, source }
    }
    return undefined
  }

  const locate = (element: string): SourceLocation => {
    const source = sourceOf(modelFile)
    const segments = parseElementPath(element)
    const root = source && segments && exportNamed(source, 'default')
    if (!root || !segments) return { file: host.display(modelFile) }
    let place = root
    for (const segment of segments) {
      const literals = values(heldValue(place))
      const found = member(literals, segment) ?? machineMember(literals, segment)
      if (!found) break
      place = found
    }
    return at(keyOf(place))
  }

  /** A machine model `{ machine, events, invariants }`: its states and transitions are in the machine. */
  const machineMember = (literals: readonly Placed[], segment: PathSegment): Placed | undefined => {
    const machine = member(literals, 'machine')
    return machine ? member(values(heldValue(machine)), segment) : undefined
  }

  return { locate }
}

/** What a module exports under a name: an expression, or the initialiser of the binding it exports. */
function exportNamed(source: SourceFile, name: string): Placed | undefined {
  const exported = source.exports.get(name)
  if (exported === undefined) return undefined
  if (typeof exported !== 'string') return { node: exported, source }
  const binding = source.bindings.get(exported)
  return binding ? { node: binding, source } : undefined
}

/** What a property holds; any other node stands for itself. */
function heldValue(place: Placed): Placed {
  return place.node.type === 'ObjectProperty' ? { node: place.node.value, source: place.source } : place
}

/** Where an element is written: a property's key, or the node itself. */
function keyOf(place: Placed): Placed {
  return place.node.type === 'ObjectProperty' || place.node.type === 'ObjectMethod'
    ? { node: place.node.key, source: place.source }
    : place
}

function nameOf(entry: ObjectProperty | ObjectMethod | SpreadElement): string | undefined {
  if (entry.type === 'SpreadElement') return undefined
  const { key } = entry
  if (!entry.computed && key.type === 'Identifier') return key.name
  if (key.type === 'StringLiteral') return key.value
  if (key.type === 'NumericLiteral') return String(key.value)
  return undefined
}
