/**
 * The watchdog's judgement, on what a checking worker says of itself in shared memory (its
 * phase, then core's heartbeat: `BEAT`): whether the model's code has run past a limit.
 * Loading and checking outside an exploration get the step limit for each call into the
 * model's code; an exploration gets its time bound (`--timeout`) as a whole, and the step
 * limit for each step. Pure: `check-files.ts` reads the clock and the cells.
 */
import { BEAT, type Interruption } from '@plumbline/core'

/** What a worker is doing, in its first cell. */
export const PHASE = { idle: 0, loading: 1, checking: 2, locating: 3 } as const

/** Cells of a worker's shared memory: its phase, then the heartbeat. */
export const CELL_PHASE = 0
const CELL_BEAT = 1

/**
 * Past an exploration's time bound the engine stops by itself (it reads the clock every
 * thousand steps or so); the watchdog steps in only when it has not, this much later.
 */
export const GRACE_MS = 500

/** The default limit on one call into the model's code (a step, or loading a model file). */
export const DEFAULT_STEP_TIMEOUT_MS = 10_000

export type Stall =
  | { kind: 'loading'; limitMs: number }
  | { kind: 'checking'; limitMs: number }
  | { kind: 'exploring'; interruption: Interruption }

export interface WatchLimits {
  stepMs: number
  /** The time bound of one exploration; infinite for none. */
  timeoutMs: number
}

/** What a worker was doing when it stopped, from its first cell. */
export function phaseOf(cells: ArrayLike<number>): keyof typeof PHASE {
  const phase = cells[CELL_PHASE] ?? PHASE.idle
  return (Object.keys(PHASE) as (keyof typeof PHASE)[]).find((name) => PHASE[name] === phase) ?? 'idle'
}

/** The step a worker that ran out of memory was taking, when it was exploring: a second run stops before it. */
export function memoryInterruption(cells: ArrayLike<number>): Interruption | undefined {
  const exploration = cells[CELL_BEAT + BEAT.exploration] ?? -1
  if (phaseOf(cells) !== 'checking' || exploration < 0) return undefined
  const state = cells[CELL_BEAT + BEAT.state] ?? -1
  const action = cells[CELL_BEAT + BEAT.action] ?? -1
  return { exploration, state, action, reason: 'memory', limitMs: 0 }
}

export class StallWatch {
  private key = ''
  private changedAt = 0
  private exploration = -1
  private exploringSince = 0
  /** Explorations this run stops early: their second run may take twice the bound before the step. */
  private rerun: ReadonlySet<number> = new Set()

  constructor(private readonly limits: WatchLimits) {}

  /** A new file (or the same one again, `rerun` naming the explorations it stops early). */
  start(now: number, rerun: ReadonlySet<number> = new Set()): void {
    this.key = ''
    this.changedAt = now
    this.exploration = -1
    this.rerun = rerun
  }

  observe(cells: ArrayLike<number>, now: number): Stall | undefined {
    const phase = cells[CELL_PHASE] ?? PHASE.idle
    const exploration = cells[CELL_BEAT + BEAT.exploration] ?? -1
    const state = cells[CELL_BEAT + BEAT.state] ?? -1
    const action = cells[CELL_BEAT + BEAT.action] ?? -1
    // Within one exploration each (state, action) is tried once: while it stays, one step is running.
    const key = `${phase} ${exploration} ${state} ${action}`
    // The first look after `start` keeps the start's time: the worker may have been on this since.
    if (key !== this.key) {
      if (this.key !== '') this.changedAt = now
      this.key = key
    }
    const exploring = phase === PHASE.checking && exploration >= 0
    if (exploring && exploration !== this.exploration) this.exploringSince = now
    this.exploration = exploring ? exploration : -1
    const { stepMs, timeoutMs } = this.limits
    const still = now - this.changedAt
    if (phase === PHASE.loading && still > stepMs) return { kind: 'loading', limitMs: stepMs }
    if (phase !== PHASE.checking) return undefined
    if (!exploring) return still > stepMs ? { kind: 'checking', limitMs: stepMs } : undefined
    const bound = (this.rerun.has(exploration) ? 2 : 1) * timeoutMs + GRACE_MS
    if (now - this.exploringSince > bound)
      return { kind: 'exploring', interruption: { exploration, state, action, reason: 'time', limitMs: timeoutMs } }
    if (still > stepMs)
      return { kind: 'exploring', interruption: { exploration, state, action, reason: 'step', limitMs: stepMs } }
    return undefined
  }
}
