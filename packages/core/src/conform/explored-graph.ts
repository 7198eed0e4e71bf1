/**
 * The reachable graph of a store or a machine, as the exploration engine finds it: the same
 * breadth-first search (`explore/engine/breadth-first.ts`) over the same transition systems
 * (`StoreSystem`, `MachineSystem`), with every step recorded as an edge. States are numbered
 * in the order the search finds them, so a state's parent link is a shortest path to it.
 */
import {
  exploreBreadthFirst,
  pathTo,
  type ExplorationRun,
  type TransitionSystem,
} from '../explore/engine/breadth-first.js'
import { GrowableUint32Array } from '../explore/engine/growable.js'
import type { ExplorationBounds } from '../explore/types.js'

/** Every step of a complete (or bounded) exploration, in the order the search took them: by source state, then action. */
export interface ExploredGraph {
  states: number
  /** Edge i goes from `from.at(i)` by action `action.at(i)` to `to.at(i)`. */
  edges: { length: number; from: GrowableUint32Array; action: GrowableUint32Array; to: GrowableUint32Array }
  /** Steps from the initial state to each state (its breadth-first level). */
  depth: Uint32Array
  /** The actions of a shortest path from the initial state to `state`. */
  pathTo(state: number): number[]
  run: ExplorationRun
  /** With `keep`: what it kept of each state, by index. */
  kept: unknown[]
}

export function exploreGraph<State>(
  system: TransitionSystem<State>,
  options: { element: string; bounds: ExplorationBounds; keep?: (state: State) => unknown },
): ExploredGraph {
  const kept: unknown[] = []
  const keep = options.keep
  const from = new GrowableUint32Array()
  const action = new GrowableUint32Array()
  const to = new GrowableUint32Array()
  // The system's own hooks still run (its findings are not reported here, but its `failed` is read).
  const recording: TransitionSystem<State> = {
    initial: system.initial,
    actionCount: system.actionCount,
    indexKnown: true,
    fingerprint: (state, out) => system.fingerprint(state, out),
    actionsIn: (state) => system.actionsIn(state),
    step: (state, index, taken) => system.step(state, index, taken),
    visitState(state, index) {
      if (keep !== undefined) kept[index] = keep(state)
      system.visitState(state, index)
    },
    visitStep(before, fromIndex, taken, after, toIndex) {
      from.push(fromIndex)
      action.push(taken)
      to.push(toIndex)
      system.visitStep?.(before, fromIndex, taken, after, toIndex)
    },
    visitExpanded: (state, index, enabled) => system.visitExpanded?.(state, index, enabled),
    changedInPlace: (state, index, change) => system.changedInPlace(state, index, change),
    ...(system.newLevel === undefined ? {} : { newLevel: system.newLevel.bind(system) }),
  }
  const run = exploreBreadthFirst(recording, { element: options.element, bounds: options.bounds })
  const depth = new Uint32Array(run.states)
  // States are numbered breadth-first: a parent always comes before its children.
  for (let state = 1; state < run.states; state++) depth[state] = (depth[run.visited.parentOf(state)] ?? 0) + 1
  return {
    states: run.states,
    edges: { length: from.length, from, action, to },
    depth,
    pathTo: (state) => pathTo(run.visited, state),
    run,
    kept,
  }
}
