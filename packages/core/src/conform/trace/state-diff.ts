/**
 * A trace line's differences in words, for its message; the differences themselves come from
 * `../../model/state-diff.ts`, the one comparison conformance runs and traces share.
 */
import type { StateDifference } from '../../diagnostics/types.js'

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
