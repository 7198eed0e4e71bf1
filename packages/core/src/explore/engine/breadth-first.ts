/**
 * The exploration engine: breadth-first search over a transition system, keyed by 64-bit
 * fingerprints of canonical states. Every state is reached first by a shortest path, so
 * every counterexample rebuilt from the parent links is a shortest one. States are found
 * in a fixed order (level by level; within a level, by parent, then by action), so the
 * same model gives the same states, counts and traces on every run.
 *
 * The engine knows nothing of stores or machines: an adapter (`store/`, `machine/`) says
 * what the actions are, takes steps, fingerprints states and checks what it must on each
 * new state and each step. Only the current and the next level are held (`level.ts`).
 *
 * States must be values: after a state is expanded it is compared with what its level
 * wrote (`Level.unchanged`) or fingerprinted again, and a state that changed under the
 * model's functions stops the search (`changedInPlace`). That costs a walk over each
 * state, where freezing states would slow the model's own code (V8 copies a frozen array
 * with `slice()` some twenty times slower).
 */
import type { ExplorationBound, ExplorationBounds, ProgressListener, SimulationOptions } from '../types.js'
import { BEAT, newHeartbeat, type StopAt } from './heartbeat.js'
import { ArrayLevel, type Level } from './level.js'
import { NO_PARENT, VisitedStates } from './visited.js'

export interface TransitionSystem<State> {
  readonly initial: State
  /** Actions are numbered 0..actionCount-1, in a fixed order: traces and replay refer to them by number. */
  readonly actionCount: number
  /** Keep the index of known states, so that `visitStep` always gets the index of the state reached. */
  readonly indexKnown: boolean
  /** Writes the state's fingerprint into `out`; false when it has none (the system has reported why). */
  fingerprint(state: State, out: Int32Array): boolean
  /** The actions worth trying in `state`, in order (those that cannot be enabled may be left out). */
  actionsIn(state: State): ArrayLike<number>
  /** The state after `action`; undefined when the action is not enabled, or failed (reported by the system). */
  step(state: State, index: number, action: number): State | undefined
  /** A state seen for the first time, the initial state included. */
  visitState(state: State, index: number): void
  /** A step taken, to a new or a known state: `toIndex` is negative for a known state when indices are not kept. */
  visitStep?(from: State, fromIndex: number, action: number, to: State, toIndex: number): void
  /** All the actions of a visited state were tried, `enabled` of them were. */
  visitExpanded?(state: State, index: number, enabled: number): void
  /**
   * The state's fingerprint changed while it was expanded: some function of the model
   * changed it in place, so states found from it may be wrong. The search stops.
   */
  changedInPlace(state: State, index: number, change: InPlaceChange): void
  /** Set when the system found that the search cannot go on (it has reported why): it stops after the state being expanded. */
  readonly halted?: boolean
  /** Where a level's states wait to be expanded; an array when left out. */
  newLevel?(): Level<State>
  /**
   * A step (`action` from state `index`; action -1: the checks of the state itself) that a
   * previous run never finished within `limitMs`: the system reports it, and the search stops.
   */
  stuck?(index: number, action: number, limitMs: number): void
}

export interface InPlaceChange {
  /** States found from this index on were found while the state was changed (or after). */
  foundSince: number
  /** The actions that reach the state. */
  path: readonly number[]
}

export interface ExploreOptions {
  bounds: ExplorationBounds
  /** Named in progress reports. */
  element: string
  onProgress?: ProgressListener | undefined
  /** Written as the search goes (`heartbeat.ts`), for a watchdog on another thread. */
  heartbeat?: Int32Array | undefined
  /** Stop just before this step, which a previous run never finished. */
  stopAt?: StopAt | undefined
  /** The memory the check holds now, in megabytes, for `bounds.maxMemoryMb`. */
  memoryInUseMb?: (() => number) | undefined
  /** Add coverage to the stats (read by the adapters; the engine does not). */
  coverage?: boolean | undefined
  /** After the search, random behaviours (`simulate.ts`), for stores and machines; read by the adapters. */
  simulate?: SimulationOptions | undefined
}

export interface ExplorationRun {
  states: number
  transitions: number
  /** The deepest level visited. */
  depth: number
  /** The bound that stopped the search, if one did. */
  bound: ExplorationBound | undefined
  /**
   * Whether the levels were not yet shrinking where the search stopped (the level being
   * expanded is as large as the one before it, at depth 2 or more, or as the one two before
   * it, at depth 3 or more): a hint, not a proof, that the state space goes on. Two before:
   * a machine that cycles through its states while a counter grows has levels whose sizes
   * alternate (2, 1, 2, 1, …).
   */
  growing: boolean
  ms: number
  /** Parent links: the actions from the initial state to any visited state. */
  visited: VisitedStates
}

const CLOCK_EVERY = 1024
/**
 * The search stops when the memory in use passes this share of `maxMemoryMb`: the rest is room
 * for the steps until the next look and for the report. A step that runs away past the bound
 * between two looks is the runner's to stop (a worker's heap limit).
 */
const MEMORY_SHARE = 0.9
const { state: STATE, action: ACTION, states: STATES, transitions: TRANSITIONS, depth: DEPTH } = BEAT
const PROGRESS_EVERY_MS = 100

export function exploreBreadthFirst<State>(system: TransitionSystem<State>, options: ExploreOptions): ExplorationRun {
  const { maxStates, maxDepth, timeoutMs, maxMemoryMb } = options.bounds
  const memoryInUseMb = Number.isFinite(maxMemoryMb) ? options.memoryInUseMb : undefined
  const started = performance.now()
  let lastProgress = started
  const visited = new VisitedStates(system.actionCount, { indexKnown: system.indexKnown })
  const fingerprint = new Int32Array(2)
  let transitions = 0
  let depth = 0
  let bound: ExplorationBound | undefined
  let attempts = 0
  let levelLength = 1
  let previousLevelLength = 0
  let twoLevelsBackLength = 0
  const beat = options.heartbeat ?? newHeartbeat()
  // A state index no search reaches when there is nowhere to stop.
  const { stopAt } = options
  const stopState = stopAt?.state ?? -2
  const stopAction = stopAt?.action ?? -2
  const stop = (index: number, action: number): ExplorationRun => {
    if (stopAt?.reason === 'time' || stopAt?.reason === 'memory') bound = stopAt.reason
    else system.stuck?.(index, action, stopAt?.limitMs ?? 0)
    return result()
  }

  const result = (): ExplorationRun => ({
    states: visited.size,
    transitions,
    depth,
    bound,
    growing: (depth >= 2 && levelLength >= previousLevelLength) || (depth >= 3 && levelLength >= twoLevelsBackLength),
    ms: performance.now() - started,
    visited,
  })

  if (!system.fingerprint(system.initial, fingerprint)) return result()
  if (maxStates < 1) return { ...result(), bound: 'states' }
  visited.add(fingerprint[0]!, fingerprint[1]!, NO_PARENT, 0)
  beat[STATE] = 0
  beat[ACTION] = -1
  if (stopState === 0 && stopAction === -1) return stop(0, -1)
  system.visitState(system.initial, 0)

  const newLevel = (): Level<State> => system.newLevel?.() ?? new ArrayLevel<State>()
  let level = newLevel()
  level.add(system.initial)
  // The fingerprints the level's states were found with, two numbers a state.
  let levelPrints: number[] = [fingerprint[0]!, fingerprint[1]!]
  let levelStart = 0
  while (level.length > 0) {
    // At the depth bound, the level's steps are only tried: any new state means the bound cut the search.
    const probing = depth >= maxDepth
    const next = newLevel()
    const nextPrints: number[] = []
    for (let position = 0; position < level.length; position++) {
      const state = level.take()
      const index = levelStart + position
      const foundSince = visited.size
      const actions = system.actionsIn(state)
      const stopsHere = index === stopState
      beat[STATE] = index
      let enabled = 0
      for (let i = 0; i < actions.length; i++) {
        const action = actions[i]!
        beat[ACTION] = action
        if (stopsHere && action === stopAction) return stop(index, action)
        if ((++attempts & (CLOCK_EVERY - 1)) === 0) {
          beat[STATES] = visited.size
          beat[TRANSITIONS] = transitions
          beat[DEPTH] = depth
          const now = performance.now()
          if (now - started > timeoutMs) {
            bound = 'time'
            return result()
          }
          if (memoryInUseMb !== undefined && memoryInUseMb() > maxMemoryMb * MEMORY_SHARE) {
            bound = 'memory'
            return result()
          }
          if (options.onProgress && now - lastProgress >= PROGRESS_EVERY_MS) {
            lastProgress = now
            options.onProgress({
              element: options.element,
              states: visited.size,
              transitions,
              depth,
              ms: now - started,
            })
          }
        }
        const successor = system.step(state, index, action)
        if (successor === undefined || !system.fingerprint(successor, fingerprint)) continue
        enabled++
        const high = fingerprint[0]!
        const low = fingerprint[1]!
        let reached: number
        if (probing || visited.size >= maxStates) {
          // Nothing more may be added: a step to a known state is still taken, a new state ends the search.
          reached = visited.lookup(high, low)
          if (reached === -1) {
            bound = probing ? 'depth' : 'states'
            return result()
          }
          transitions++
        } else {
          transitions++
          const added = visited.add(high, low, index, action)
          if (added >= 0) {
            system.visitState(successor, added)
            next.add(successor)
            nextPrints.push(high, low)
            reached = added
          } else reached = visited.known
        }
        system.visitStep?.(state, index, action, successor, reached)
      }
      if (system.halted === true) return result()
      const unchanged =
        level.unchanged?.(state) ||
        (system.fingerprint(state, fingerprint) &&
          fingerprint[0] === levelPrints[2 * position] &&
          fingerprint[1] === levelPrints[2 * position + 1])
      if (!unchanged) {
        system.changedInPlace(state, index, { foundSince, path: pathTo(visited, index) })
        return result()
      }
      system.visitExpanded?.(state, index, enabled)
    }
    if (probing) break
    levelStart += level.length
    twoLevelsBackLength = previousLevelLength
    previousLevelLength = level.length
    levelLength = next.length
    level = next
    levelPrints = nextPrints
    if (next.length > 0) depth++
  }
  return result()
}

/** The actions from the initial state to state `index`, in order. */
export function pathTo(visited: VisitedStates, index: number): number[] {
  const actions: number[] = []
  for (let at = index; at !== 0; at = visited.parentOf(at)) actions.push(visited.actionOf(at))
  return actions.reverse()
}
