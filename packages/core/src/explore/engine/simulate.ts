/**
 * Simulation past the bound (TLC's `-simulate`, Quint's `run`): random behaviours of up to
 * `depth` steps, each step a random enabled action, checked by the system's own `visit*`
 * hooks as the search checks them. They start from the initial state, or where an
 * exploration stopped at a bound, from the states it found last (its frontier). A finding
 * met on the way keeps the behaviour's actions as its trace. Never a proof: a run that
 * simulates is incomplete.
 *
 * It stops at the exploration's time bound (the behaviours reported are those run), and it
 * beats as the search does, each step a new (negative) state in the heartbeat: a watchdog then
 * tells a long simulation from one step of the model's code that never returns.
 */
import { pathTo, type ExplorationRun, type ExploreOptions, type TransitionSystem } from './breadth-first.js'
import type { PendingFinding } from './findings.js'
import type { SimulationOptions } from '../types.js'
import { BEAT } from './heartbeat.js'

export interface SimulationStats {
  behaviours: number
  /** Steps taken in all behaviours. */
  steps: number
  /** Steps in each behaviour, at most. */
  depth: number
  seed: number
  ms: number
}

/** Where a behaviour starts: a state and the actions that reach it from the initial state. */
interface SimulationStart<State> {
  state: State
  path: readonly number[]
}

/** The index the hooks get for a simulated state: not a visited state's. */
const SIMULATED = -1

/** The time is read once every this many steps: a clock read a step would cost more than many steps. */
const CLOCK_EVERY = 256

/** What bounds a simulation besides its own options: the exploration's deadline (`performance.now()` time) and heartbeat. */
interface SimulationLimits {
  deadline: number
  heartbeat: Int32Array | undefined
}

function simulate<State>(
  system: TransitionSystem<State>,
  findings: readonly PendingFinding[],
  start: (random: () => number) => SimulationStart<State>,
  options: SimulationOptions,
  limits: SimulationLimits,
): SimulationStats {
  const started = performance.now()
  const beat = limits.heartbeat
  let behaviours = 0
  let late = false
  const random = mulberry32(options.seed)
  const path = new Int32Array(options.depth)
  let steps = 0
  let known = findings.length
  /** Findings met since the last look were met on this behaviour, after `length` of its steps: that is their trace. */
  const claim = (from: readonly number[], length: number): void => {
    if (findings.length === known) return
    const trace = [...from, ...path.subarray(0, length)]
    for (; known < findings.length; known++) findings[known]!.at = { state: 0, path: trace }
  }
  for (; behaviours < options.behaviours && system.halted !== true && !late; behaviours++) {
    const from = start(random)
    let state = from.state
    for (let depth = 0; depth < options.depth; depth++) {
      if (beat !== undefined) {
        // Below -1 (the initial state): a state no search has; one value a step, so the step is new.
        beat[BEAT.state] = -2 - (steps & 0x3fffffff)
        beat[BEAT.action] = -1
      }
      if (steps % CLOCK_EVERY === 0 && performance.now() > limits.deadline) {
        late = true
        break
      }
      const actions = system.actionsIn(state)
      const count = actions.length
      if (count === 0) break
      const offset = Math.floor(random() * count)
      let next: State | undefined
      let action = -1
      // A random enabled action: from a random one on, the first that is enabled.
      for (let i = 0; i < count && next === undefined; i++) {
        action = actions[(offset + i) % count]!
        next = system.step(state, SIMULATED, action)
      }
      // A step that failed (its code threw) was met before this one.
      claim(from.path, depth)
      if (next === undefined) break
      path[depth] = action
      steps++
      system.visitStep?.(state, SIMULATED, action, next, SIMULATED)
      system.visitState(next, SIMULATED)
      state = next
      claim(from.path, depth + 1)
    }
  }
  return { ...options, behaviours, steps, ms: performance.now() - started }
}

/**
 * The simulation that follows a search, where the options ask for one: from where the search
 * stopped (`simulationStarts`), within the exploration's time bound, which covers it too.
 */
export function simulateAfter<State>(
  system: TransitionSystem<State> & { replay(state: State, action: number): State },
  findings: readonly PendingFinding[],
  run: ExplorationRun,
  initial: () => State,
  options: Pick<ExploreOptions, 'simulate' | 'bounds' | 'heartbeat'>,
): SimulationStats | undefined {
  if (options.simulate === undefined) return undefined
  return simulate(
    system,
    findings,
    simulationStarts(run, initial, (state, action) => system.replay(state, action)),
    options.simulate,
    { deadline: performance.now() - run.ms + options.bounds.timeoutMs, heartbeat: options.heartbeat },
  )
}

/**
 * Where simulated behaviours start: the initial state after a complete search; after one a
 * bound stopped, one of the states it found last (the deepest tenth: its frontier), rebuilt
 * by replaying the actions that reach it.
 */
function simulationStarts<State>(
  run: ExplorationRun,
  initial: () => State,
  replay: (state: State, action: number) => State,
): (random: () => number) => SimulationStart<State> {
  if (run.bound === undefined) return () => ({ state: initial(), path: [] })
  const from = Math.floor(run.states * 0.9)
  return (random) => {
    const path = pathTo(run.visited, from + Math.floor(random() * (run.states - from)))
    return { state: path.reduce(replay, initial()), path }
  }
}

/** The stats as reported: whole milliseconds. */
export function roundMs(stats: SimulationStats): SimulationStats {
  return { ...stats, ms: Math.round(stats.ms) }
}

/** A small, fast, seeded generator (Mulberry32): the same seed gives the same behaviours. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
