/**
 * Why an exploration stopped at a states or time bound may be more than a big space: when
 * the search was still going deeper (its levels not shrinking), the space may be unbounded,
 * a counter or a list that grows with every step. What grows is read cheaply off the deepest
 * path, replayed once (at most its first MAX_REPLAY steps: a path's prefix is as deep into the
 * growth as anyone needs): the fields that changed in at least half of its last steps (none:
 * no hint), and the actions that changed them most there. Only a hint, worded as one: a large finite space
 * looks the same.
 */
import { pathTo, type ExplorationRun } from '../engine/breadth-first.js'
import type { Replay } from '../engine/trace.js'
import type { ExplorationBound } from '../types.js'

export interface GrowthHint {
  /** Fields that kept changing on the deepest path: `users`, `context.n`. */
  fields: string[]
  /** The actions (operations, events) that changed those fields most on its last steps. */
  actions: string[]
}

/** How many of the deepest path's last steps are looked at. */
const LAST_STEPS = 16
/** A longer path is replayed only this far: "cheaply known" only. */
const MAX_REPLAY = 100_000

export interface GrowthReading<State> {
  /** The state after `action`, as the search computed it. */
  replay: Replay<State>['replay']
  /** The fields of a state as the hint names them (`users`, or `context.n` for a machine). */
  fields(state: State): Record<string, unknown>
  /** An action as the hint names it. */
  actionName(action: number): string
}

export function growthHint<State>(
  run: ExplorationRun,
  reading: GrowthReading<State>,
  initial: State,
): GrowthHint | undefined {
  if (run.bound === undefined || run.bound === 'depth' || !run.growing || run.states < 2) return undefined
  const path = pathTo(run.visited, run.states - 1).slice(0, MAX_REPLAY)
  const from = Math.max(0, path.length - LAST_STEPS)
  const changes = new Map<string, number>()
  // Each of the last steps: the action's name and the fields it changed.
  const last: { name: string; changed: string[] }[] = []
  let state = initial
  let before = shownFields(reading, state)
  path.forEach((action, step) => {
    state = reading.replay(state, action)
    // The state before the first step looked at is the one they are compared with.
    if (step === from - 1) before = shownFields(reading, state)
    if (step < from) return
    const after = shownFields(reading, state)
    const changed = [...after].filter(([field, text]) => before.get(field) !== text).map(([field]) => field)
    for (const field of changed) changes.set(field, (changes.get(field) ?? 0) + 1)
    before = after
    last.push({ name: reading.actionName(action), changed })
  })
  const steps = path.length - from
  const fields = [...changes].filter(([, count]) => count * 2 >= steps).map(([field]) => field)
  // Where no field kept changing, the depth came from moving between a machine's finitely many states.
  if (fields.length === 0) return undefined
  // The actions that changed those fields: a machine's DONE between two WITHDRAWs grows nothing.
  const taken = new Map<string, number>()
  for (const { name, changed } of last)
    if (changed.some((field) => fields.includes(field))) taken.set(name, (taken.get(name) ?? 0) + 1)
  return {
    fields,
    actions: [...taken]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name]) => name),
  }
}

function shownFields<State>(reading: GrowthReading<State>, state: State): Map<string, string> {
  return new Map(Object.entries(reading.fields(state)).map(([field, value]) => [field, JSON.stringify(value) ?? '']))
}

/** The bounds a growth hint is given for, and the flag that raises each. */
type RaisableBound = Exclude<ExplorationBound, 'depth'>
const RAISE: Record<RaisableBound, string> = { states: '--max-states', time: '--timeout', memory: '--max-memory' }

/** The sentence the incomplete finding ends with; `kind` says what a user guards ("operations", "events"). */
export function growthAdvice(hint: GrowthHint, kind: 'operations' | 'events', bound: RaisableBound): string {
  const changing = hint.fields.length === 0 ? '' : ` (${listed(hint.fields)} kept changing)`
  const growing = hint.actions.length === 0 ? '' : ` (${listed(hint.actions)})`
  const domain = kind === 'operations' ? ' or a smaller domain' : ''
  const raise = RAISE[bound]
  return `it was still going deeper when it stopped, so the state space may be unbounded${changing}: bound it with a guard${domain} on the ${kind} that grow it${growing}, or check to a depth with --max-depth N; if it is finite, raise ${raise}`
}

function listed(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}
