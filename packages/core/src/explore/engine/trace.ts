/**
 * Counterexample traces, rebuilt from the parent links by replaying each action from the
 * initial state (the visited set keeps no states). Replay calls the model's own functions
 * again, which are pure, so it reaches the very states the search saw.
 */
import type { Finding, TraceStep } from '../../diagnostics/types.js'
import { pathTo } from './breadth-first.js'
import type { PendingFinding } from './findings.js'
import type { VisitedStates } from './visited.js'

export interface Replay<State> {
  /** The state after `action`, exactly as the search computed it. */
  replay(state: State, action: number): State
  /** How a state is shown in a trace. */
  show(state: State): unknown
  /** How an action is shown in a trace. */
  label(action: number): Pick<TraceStep, 'action' | 'params'>
}

/**
 * The findings with their traces: every finding met at a state gets `initial` and `trace`,
 * and a liveness finding `loop`, the index of the trace's first step that repeats.
 * `initial` is the initial state as the model gives it (not a copy the search may have seen changed).
 */
export function withTraces<State>(
  findings: readonly PendingFinding[],
  visited: VisitedStates,
  replay: Replay<State>,
  initial: State,
): Finding[] {
  return findings.map(({ rule, path, message, at }) => {
    if (at === undefined) return rule.finding(path, message)
    const actions = at.path === undefined ? pathTo(visited, at.state) : [...at.path]
    if (at.action !== undefined) actions.push(at.action)
    const loop = at.lasso === undefined ? undefined : actions.length + at.lasso.loop
    if (at.lasso !== undefined) actions.push(...at.lasso.actions)
    const trace = traceOf(actions, replay, initial)
    return rule.finding(path, message, {
      initial: replay.show(initial),
      trace,
      ...(loop === undefined ? {} : { loop }),
    })
  })
}

function traceOf<State>(actions: readonly number[], replay: Replay<State>, initial: State): TraceStep[] {
  const trace: TraceStep[] = []
  let state = initial
  for (const action of actions) {
    state = replay.replay(state, action)
    trace.push({ ...replay.label(action), state: replay.show(state) })
  }
  return trace
}
