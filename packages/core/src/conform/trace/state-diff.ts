/**
 * Where two states differ, field by field: the model's state and the one observed in the
 * real system. Objects are compared key by key (key order ignored, as the engine's
 * fingerprint ignores it), arrays item by item; a difference is reported at the deepest
 * path where both sides still have a value of the same kind.
 */
import { elementPath, type PathSegment } from '../../model/element-path.js'
import { isPlainObject } from '../../model/recognise.js'

export interface StateDifference {
  /** Where, from the state's root: `users[1].email`; `` (empty) for the state itself. */
  path: string
  /** Absent where only the observed state has this field or item. */
  model?: unknown
  /** Absent where only the model's state has it. */
  observed?: unknown
}

export function diffStates(model: unknown, observed: unknown): StateDifference[] {
  const differences: StateDifference[] = []
  compare(model, observed, [], differences)
  return differences
}

function compare(model: unknown, observed: unknown, path: PathSegment[], out: StateDifference[]): void {
  if (Array.isArray(model) && Array.isArray(observed)) {
    const length = Math.max(model.length, observed.length)
    for (let index = 0; index < length; index++) {
      const at = [...path, index]
      if (index >= observed.length) out.push({ path: elementPath(at), model: model[index] })
      else if (index >= model.length) out.push({ path: elementPath(at), observed: observed[index] })
      else compare(model[index], observed[index], at, out)
    }
    return
  }
  if (isPlainObject(model) && isPlainObject(observed)) {
    for (const key of Object.keys(model)) {
      const at = [...path, key]
      if (!Object.hasOwn(observed, key)) out.push({ path: elementPath(at), model: model[key] })
      else compare(model[key], observed[key], at, out)
    }
    for (const key of Object.keys(observed))
      if (!Object.hasOwn(model, key)) out.push({ path: elementPath([...path, key]), observed: observed[key] })
    return
  }
  if (!Object.is(model, observed)) out.push({ path: elementPath(path), model, observed })
}

/** How many differences a message spells out; the rest are counted. */
const SHOWN = 5

/** One line (`root` names the state, '' for none): `state.users[1].email: the model has "a@x", observed "b@x"; users[2]: only observed {"email":"c@x"}`. */
export function describeDifferences(differences: readonly StateDifference[], root: string): string {
  const shown = differences.slice(0, SHOWN).map((difference) => {
    const { path } = difference
    const where = root === '' || path === '' || path.startsWith('[') ? `${root}${path}` : `${root}.${path}`
    if (!('observed' in difference)) return `${where}: only the model has ${show(difference.model)}`
    if (!('model' in difference)) return `${where}: only observed ${show(difference.observed)}`
    return `${where}: the model has ${show(difference.model)}, observed ${show(difference.observed)}`
  })
  const more = differences.length - shown.length
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more difference${more === 1 ? '' : 's'}` : ''}`
}

function show(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value)
}
