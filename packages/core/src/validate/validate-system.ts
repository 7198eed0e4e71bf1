/**
 * From whatever a model file exported to a `Model`, or to `model/invalid` findings that
 * name the element path of each problem. Never throws on bad input.
 */
import type { z } from 'zod'
import { describeThrown } from '../explore/describe.js'
import type { Finding } from '../diagnostics/types.js'
import type { PathSegment } from '../model/element-path.js'
import { normalizeSystem, type Model } from '../model/model.js'
import { isPlainObject } from '../model/recognise.js'
import { checkReferences } from './references.js'
import { machineModelKeys, systemShape } from './shape.js'
import { issuePaths, soundPart } from './sound-entries.js'
import { XSTATE_RESERVED_MESSAGE, xstateReservedPaths } from './xstate-names.js'
import { LITERAL_PROTOTYPE_MESSAGE, literalPrototypePaths } from './literal-prototypes.js'
import { closest } from '../model/suggest.js'
import type { SystemDefinition } from '../model/types.js'
import { modelInvalid } from '../rules/model/invalid.js'

export type ValidationResult =
  | { success: true; model: Model; findings: Finding[] }
  | { success: false; findings: Finding[] }

/**
 * `success` is false when the shape is broken: then no other check can run on the model, but
 * the entries whose shape is sound are still checked for references, so one run reports every
 * independent problem. Reference problems alone leave `success` true, with `model/invalid`
 * findings beside the model.
 */
export function validateSystem(value: unknown, knownRules: ReadonlySet<string>): ValidationResult {
  try {
    return validateValue(value, knownRules)
  } catch (error) {
    // Only the model's own code runs here: a getter that throws, or a Proxy's trap.
    return {
      success: false,
      findings: [invalid([], `reading the model threw: ${describeThrown(error)} (a getter or a Proxy in the model?)`)],
    }
  }
}

function validateValue(value: unknown, knownRules: ReadonlySet<string>): ValidationResult {
  if (!isPlainObject(value))
    return {
      success: false,
      findings: [invalid([], `a system must be an object from defineSystem({ … }); got ${describeValue(value)}`)],
    }
  const parsed = systemShape.safeParse(value, { reportInput: true })
  const prototypes = literalPrototypePaths(value)
  const reserved = xstateReservedPaths(value)
  if (!parsed.success || prototypes.length > 0 || reserved.length > 0) {
    const issues = parsed.error?.issues ?? []
    const shapeFindings = [
      ...issues.flatMap(findingsFromIssue),
      ...prototypes.map((path) => invalid(path, LITERAL_PROTOTYPE_MESSAGE)),
      ...reserved.map((path) => invalid(path, XSTATE_RESERVED_MESSAGE)),
    ]
    const sound = soundPart(value, [...issues.flatMap(issuePaths), ...prototypes, ...reserved])
    const referenceFindings = sound ? checkReferences(normalizeSystem(sound.system), knownRules, sound.declared) : []
    return { success: false, findings: [...shapeFindings, ...referenceFindings] }
  }
  const model = normalizeSystem(value as unknown as SystemDefinition)
  return { success: true, model, findings: checkReferences(model, knownRules) }
}

function invalid(path: readonly PathSegment[], message: string): Finding {
  return modelInvalid.finding(path, message)
}

function findingsFromIssue(issue: z.core.$ZodIssue): Finding[] {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(path)
      return issue.keys.map((key) => {
        const suggestion = allowed && closest(key, allowed)
        const hint = suggestion
          ? ` (did you mean ${JSON.stringify(suggestion)}?)`
          : allowed
            ? ` (expected one of: ${allowed.join(', ')})`
            : ''
        return invalid([...path, key], `unknown key ${JSON.stringify(key)}${hint}`)
      })
    }
    case 'invalid_type':
      if (issue.input === undefined) return [invalid(path, `is required (${expectedKind(issue.expected)})`)]
      // Zod refuses NaN and ±Infinity as numbers: say what is wrong with them.
      if (issue.expected === 'number' && typeof issue.input === 'number')
        return [invalid(path, `expected a finite number, got ${String(issue.input)}`)]
      return [invalid(path, `expected ${expectedKind(issue.expected)}, got ${describeValue(issue.input)}`)]
    case 'invalid_key':
      return issue.issues.map((inner) =>
        invalid(path, `invalid name ${JSON.stringify(String(path.at(-1)))}: ${inner.message}`),
      )
    case 'invalid_value':
      return [
        invalid(
          path,
          `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(issue.input)}`,
        ),
      ]
    case 'invalid_union':
      return [invalid(path, unionMessage(path))]
    default:
      return [invalid(path, issue.message)]
  }
}

/** What a Zod type check expected, in words: `an object`, `a string`, … (the config's messages use it too). */
export function expectedKind(expected: string): string {
  switch (expected) {
    case 'object':
      return 'an object'
    case 'array':
      return 'an array'
    case 'record':
      return 'an object of named entries ({ name: … })'
    default:
      return `a ${expected}`
  }
}

function unionMessage(path: readonly PathSegment[]): string {
  if (path.at(-1) === 'unique')
    return `expected 'none' or a list of unique keys, each a list of field names (e.g. [['email']])`
  return 'has the wrong shape'
}

/** A short description of a value for messages: its type, and the value itself where short. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string':
      return value.length <= 40 ? `the string ${JSON.stringify(value)}` : 'a string'
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`
    case 'function':
      return 'a function'
    case 'object': {
      const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name
      return name && name !== 'Object' ? `an instance of ${name}` : 'an object'
    }
    default:
      return typeof value
  }
}

/** The keys the model language allows at a path, for "did you mean" on unknown keys. */
function allowedKeysAt(path: readonly PathSegment[]): string[] | undefined {
  if (path[0] === 'machines' && path.length === 2) return machineModelKeys
  let schema: z.core.$ZodType | undefined = systemShape
  for (const segment of path) {
    schema = unwrap(schema)
    const def = schema?._zod.def as
      | {
          type: string
          shape?: Record<string, z.core.$ZodType>
          valueType?: z.core.$ZodType
          element?: z.core.$ZodType
        }
      | undefined
    if (def?.type === 'object') schema = def.shape?.[String(segment)]
    else if (def?.type === 'record') schema = def.valueType
    else if (def?.type === 'array') schema = def.element
    else return undefined
  }
  const def = unwrap(schema)?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema
  while (current && (current._zod.def.type === 'optional' || current._zod.def.type === 'nullable'))
    current = (current._zod.def as unknown as { innerType: z.core.$ZodType }).innerType
  return current
}
