/**
 * The field-level difference between two states, the model's and the one observed on the
 * real system (conformance), or a trace's state before and after a step (`describeChanges`):
 * each place where they differ, by path (`users[1].password`), with both values.
 * Objects are compared by key (order ignored, as the engine's fingerprints ignore it; a key
 * whose value is `undefined` counts as absent, as in JSON), arrays by position. Values are
 * read as JSON would write them, so a `Date` from a database compares as its ISO text.
 */
import type { StateDifference } from '../diagnostics/types.js'
import { elementPath, type PathSegment } from './element-path.js'

export type { StateDifference }

export function stateDiff(model: unknown, observed: unknown): StateDifference[] {
  const differences: StateDifference[] = []
  compare(asJson(model), asJson(observed), [], differences)
  return differences
}

function compare(model: unknown, observed: unknown, at: PathSegment[], out: StateDifference[]): void {
  if (Object.is(model, observed)) return
  if (Array.isArray(model) && Array.isArray(observed)) {
    const length = Math.max(model.length, observed.length)
    for (let index = 0; index < length; index++) {
      if (index >= model.length) out.push({ path: elementPath([...at, index]), observed: asJson(observed[index]) })
      else if (index >= observed.length) out.push({ path: elementPath([...at, index]), model: asJson(model[index]) })
      else compare(asJson(model[index]), asJson(observed[index]), [...at, index], out)
    }
    return
  }
  if (isRecord(model) && isRecord(observed)) {
    const keys = [...new Set([...Object.keys(model), ...Object.keys(observed)])]
    for (const key of keys) {
      const left = asJson(model[key])
      const right = asJson(observed[key])
      if (left === undefined && right === undefined) continue
      if (left === undefined) out.push({ path: elementPath([...at, key]), observed: right })
      else if (right === undefined) out.push({ path: elementPath([...at, key]), model: left })
      else compare(left, right, [...at, key], out)
    }
    return
  }
  out.push({ path: elementPath(at), model, observed })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A value as JSON reads it: `toJSON` honoured (dates), functions and `undefined` as absent. */
function asJson(value: unknown): unknown {
  if (typeof value === 'function') return undefined
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return (value as { toJSON: () => unknown }).toJSON()
  return value
}

/**
 * `users[1].password: model "p1", observed "p2"`: the one wording of a difference, in trace
 * steps and in messages. `root` names the state the path is in (`state`), where a message
 * needs it; the whole state is `the state` when there is no root.
 */
export function describeDifference({ path, ...values }: StateDifference, root = ''): string {
  const joined = root === '' || path === '' || path.startsWith('[') ? `${root}${path}` : `${root}.${path}`
  const where = joined === '' ? 'the state' : joined
  const model = 'model' in values ? JSON.stringify(values.model) : 'absent'
  const observed = 'observed' in values ? JSON.stringify(values.observed) : 'absent'
  return `${where}: model ${model}, observed ${observed}`
}

/** How many differences a message spells out; the rest are counted. */
const SHOWN = 5

/** Differences in one line, for a message: at most five spelt out, the rest counted. */
export function describeDifferences(differences: readonly StateDifference[], root = ''): string {
  const shown = differences.slice(0, SHOWN).map((difference) => describeDifference(difference, root))
  const more = differences.length - shown.length
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more difference${more === 1 ? '' : 's'}` : ''}`
}

/**
 * What one step of a trace changed, field by field: `stateDiff(before, after)`, each as
 * `users[1].password: "secret" → "new"` (`absent` where a field is added or removed).
 */
export function describeChanges(before: unknown, after: unknown): string[] {
  return stateDiff(before, after).map(({ path, ...values }) => {
    const from = 'model' in values ? showJson(values.model) : 'absent'
    const to = 'observed' in values ? showJson(values.observed) : 'absent'
    return `${path === '' ? 'the state' : path}: ${from} → ${to}`
  })
}

/** JSON, and what JSON cannot write (a BigInt) as `String` writes it. */
function showJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
