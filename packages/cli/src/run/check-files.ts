/**
 * Checks model files in worker threads, watched from the main thread. A model's code may not
 * return (a guard with `while (true) {}`, a module whose top level loops): only a thread of its
 * own can be stopped then. Each worker says where it is in shared memory (`watchdog.ts`); the
 * main thread reads it ten times a second, and when a file's loading or one step of an
 * exploration runs past the step limit, or an exploration past its time bound, it stops that
 * worker and goes on: a file that never loads is a load error (exit 2); an exploration that
 * never finishes is checked again in a new worker, which stops just before the step the first
 * run never finished (explorations are deterministic) and reports it — explore/incomplete for
 * the time bound, explore/error with the trace to that step for the step limit — while the rest
 * of the model, and the other files, are checked as usual.
 *
 * Files are handed out in order, one at a time, to the first worker free. One worker starts at
 * once; more are started only where they pay: after the first file, when the files left would
 * take longer, at that pace, than a worker takes to start. Results keep the files' order.
 *
 * Each worker's heap is limited to the memory bound (`memory.ts`): a model whose check would
 * hold more stops its worker, not the process; the file is checked again in a new worker,
 * which stops just before the step the first one ran out of memory in (explore/incomplete,
 * naming the memory bound), or, when the file ran out while loading, it is a load error.
 *
 * Options that cannot be copied into a worker (a checklist pack with predicates) have every
 * file checked on this thread instead, as before, without the watchdog or a heap limit.
 *
 * Every load failure is collected and thrown together (ModelLoadErrors, exit 2).
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import {
  BEAT_LENGTH,
  type CheckOptions,
  type ExplorationProgress,
  type Interruption,
  type ProgressListener,
} from '@plumbline/core'
import { displayPath } from '../load/find-model-files.js'
import { ModelLoadErrors } from '../load/load-models.js'
import { createModelLoader } from '../load/load-model.js'
import type { CheckedModel } from './check-model-file.js'
import { memoryInUseMb, withMemoryBound, withMemoryBoundOnThisThread } from './memory.js'
import { captureModelOutput } from './model-output.js'
import { checkFileOutcome, internalErrorOf, loadErrorOf, withFault, type FileOutcome } from './outcome.js'
import { DEFAULT_STEP_TIMEOUT_MS, memoryInterruption, phaseOf, type Stall, StallWatch } from './watchdog.js'

export interface CheckFilesOptions {
  cwd: string
  /** Copied into each worker: plain data only (else the files are checked on this thread). */
  checkOptions: CheckOptions
  /** Bypass module caches (watch mode). */
  fresh: boolean
  /** Worker threads besides the first; the default is one per spare core. */
  workers?: number
  /** Progress of the explorations. */
  onProgress?: ProgressListener
  /** The longest one call into the model's code may run (loading a file, one step); 10 s by default. */
  stepTimeoutMs?: number
}

export interface WorkerData {
  cwd: string
  checkOptions: CheckOptions
  fresh: boolean
  files: readonly string[]
  /** The worker's phase and heartbeat (`watchdog.ts`), as Int32 cells. */
  cells: SharedArrayBuffer
  /** Whether to post progress. */
  progress: boolean
}

/** A file for a worker to check, stopping its explorations before the steps a previous run never finished. */
export interface CheckJob {
  index: number
  interruptions: Interruption[]
}

export type WorkerReply =
  /** `ms`: how long the worker took over the file, its own start not counted. */
  | { kind: 'done'; index: number; outcome: FileOutcome; ms: number }
  | { kind: 'progress'; progress: ExplorationProgress }
  /** A line the model printed, prefixed with its file, for stderr. */
  | { kind: 'output'; text: string }
  /** A file found at fault after its outcome was posted (a rejection its code left unhandled landed). */
  | { kind: 'late'; index: number; outcome: FileOutcome }

/** About what a worker takes to start (load the checker, zod, xstate), measured on a 2-core machine. */
const WORKER_START_MS = 250
const WATCH_EVERY_MS = 100

function defaultWorkerCount(): number {
  return availableParallelism() - 1
}

export async function checkFiles(files: readonly string[], options: CheckFilesOptions): Promise<CheckedModel[]> {
  if (files.length === 0) return []
  return collect(
    cloneable(options.checkOptions) ? await checkInWorkers(files, options) : await checkOnThisThread(files, options),
  )
}

async function checkOnThisThread(files: readonly string[], options: CheckFilesOptions): Promise<FileOutcome[]> {
  const loader = createModelLoader(options.cwd, { fresh: options.fresh })
  const checkOptions: CheckOptions = {
    ...withMemoryBoundOnThisThread(options.checkOptions),
    memoryInUseMb,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  }
  const outcomes: FileOutcome[] = []
  const output = captureModelOutput()
  try {
    for (const file of files) {
      const shown = displayPath(file, options.cwd)
      const fault = () => output.fault(shown)
      const outcome = await output.as(shown, () =>
        checkFileOutcome(file, { cwd: options.cwd, loader, checkOptions, fault }),
      )
      outcomes.push(withFault(outcome, shown, fault()))
    }
  } finally {
    output.restore()
  }
  return outcomes
}

interface Slot {
  worker: Worker
  cells: Int32Array
  watch: StallWatch
  job: CheckJob | undefined
  /** Stopped by the watchdog: what it still says is ignored. */
  stopped: boolean
}

function checkInWorkers(files: readonly string[], options: CheckFilesOptions): Promise<FileOutcome[]> {
  const limits = {
    stepMs: options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
    timeoutMs: options.checkOptions.bounds?.timeoutMs ?? Number.POSITIVE_INFINITY,
  }
  const maxWorkers = 1 + Math.max(0, Math.min(options.workers ?? defaultWorkerCount(), files.length - 1))
  const checkOptions = withMemoryBound(options.checkOptions, maxWorkers)
  const { maxMemoryMb } = checkOptions.bounds
  const outcomes: FileOutcome[] = new Array(files.length)
  const slots = new Set<Slot>()
  let next = 0
  let left = files.length
  let settled = false

  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      if (settled) return
      settled = true
      clearInterval(timer)
      for (const slot of slots) stop(slot)
      if (error) reject(error)
      else resolve(outcomes)
    }
    const stop = (slot: Slot) => {
      slot.stopped = true
      slots.delete(slot)
      slot.worker.removeAllListeners()
      // A worker stopped while it ran out of memory still emits the error: unheard, it would end the process.
      slot.worker.on('error', () => {})
      void slot.worker.terminate()
    }
    const record = (index: number, outcome: FileOutcome) => {
      outcomes[index] = outcome
      if (--left === 0) finish()
    }
    const give = (slot: Slot, job = nextJob()) => {
      slot.job = job
      if (job === undefined) return stop(slot)
      slot.watch.start(performance.now(), new Set(job.interruptions.map((interruption) => interruption.exploration)))
      slot.worker.postMessage(job)
    }
    const nextJob = (): CheckJob | undefined => (next < files.length ? { index: next++, interruptions: [] } : undefined)
    const spawn = (job?: CheckJob) => {
      const cells = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (1 + BEAT_LENGTH))
      const data: WorkerData = {
        cwd: options.cwd,
        checkOptions,
        fresh: options.fresh,
        files,
        cells,
        progress: options.onProgress !== undefined,
      }
      const slot: Slot = {
        worker: new Worker(new URL('./check-worker.js', import.meta.url), {
          workerData: data,
          resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
          // Under --debug the bin maps stacks to the TypeScript sources: so must the worker, which loads the bundle afresh.
          ...(process.sourceMapsEnabled ? { execArgv: [...process.execArgv, '--enable-source-maps'] } : {}),
        }),
        cells: new Int32Array(cells),
        watch: new StallWatch(limits),
        job: undefined,
        stopped: false,
      }
      slots.add(slot)
      slot.worker.on('message', (reply: WorkerReply) => {
        if (slot.stopped) return
        if (reply.kind === 'progress') return options.onProgress?.(reply.progress)
        if (reply.kind === 'output') return void process.stderr.write(reply.text)
        if (reply.kind === 'late') {
          outcomes[reply.index] = reply.outcome
          return
        }
        slot.job = undefined
        record(reply.index, reply.outcome)
        if (settled) return
        if (reply.index === 0) grow(reply.ms)
        give(slot)
      })
      slot.worker.on('error', (error) => {
        const job = slot.job
        if (job !== undefined && (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY')
          return outOfMemory(slot, job)
        finish(error)
      })
      // A worker ends by itself only when it is stopped; a crash shows as a file never checked.
      slot.worker.on('exit', (code) => finish(new Error(`a checking worker stopped (exit code ${code})`)))
      give(slot, job)
    }
    const grow = (firstFileMs: number) => {
      if (firstFileMs * (files.length - next) <= WORKER_START_MS) return
      while (slots.size < maxWorkers && next < files.length) spawn()
    }
    const stalled = (slot: Slot, job: CheckJob, stall: Stall) => {
      stop(slot)
      const shown = displayPath(files[job.index] ?? '', options.cwd)
      const retry = stall.kind === 'exploring' ? rerun(job, stall.interruption) : undefined
      if (retry === undefined) record(job.index, { kind: 'unloadable', file: shown, reason: stallReason(stall) })
      if (!settled) spawn(retry)
    }
    const outOfMemory = (slot: Slot, job: CheckJob) => {
      stop(slot)
      const interruption = memoryInterruption(slot.cells)
      const retry = interruption === undefined ? undefined : rerun(job, interruption)
      if (retry === undefined) {
        const shown = displayPath(files[job.index] ?? '', options.cwd)
        record(job.index, { kind: 'unloadable', file: shown, reason: memoryReason(slot.cells, maxMemoryMb) })
      }
      if (!settled) spawn(retry)
    }
    const timer = setInterval(() => {
      const now = performance.now()
      for (const slot of [...slots]) {
        const job = slot.job
        if (job === undefined) continue
        const stall = slot.watch.observe(slot.cells, now)
        if (stall !== undefined) stalled(slot, job, stall)
      }
    }, WATCH_EVERY_MS)
    spawn()
  })
}

/** The same file again, stopping before the step that did not finish; undefined when that exploration was stopped early already. */
function rerun(job: CheckJob, interruption: Interruption): CheckJob | undefined {
  if (job.interruptions.some((earlier) => earlier.exploration === interruption.exploration)) return undefined
  return { index: job.index, interruptions: [...job.interruptions, interruption] }
}

function stallReason(stall: Stall): string {
  const within = (ms: number) => `${ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(3))} s`}`
  switch (stall.kind) {
    case 'loading':
      return `did not finish loading within ${within(stall.limitMs)}: its top level (or a module it imports) does not return, or is far too slow (the limit is --step-timeout)`
    case 'checking':
      return `checking did not finish within ${within(stall.limitMs)}: the model's code run outside an exploration (a flow's machine, say) does not return (the limit is --step-timeout)`
    case 'exploring':
      return `an exploration stopped before the step it never finished, then did not finish another: the model's code is not deterministic, or does not return in several steps`
  }
}

function memoryReason(cells: Int32Array, maxMemoryMb: number): string {
  const bound = `the memory bound of ${maxMemoryMb} MB (--max-memory)`
  switch (phaseOf(cells)) {
    case 'loading':
      return `ran out of memory while loading: its top level (or a module it imports) holds more than ${bound}`
    case 'checking':
      return memoryInterruption(cells) === undefined
        ? `ran out of memory while being checked outside an exploration (a flow's machine, say): it holds more than ${bound}`
        : `an exploration ran out of ${bound} again, after stopping before the step where it first did`
    default:
      return `ran out of memory while its findings were placed: it holds more than ${bound}`
  }
}

/** Options holding functions (a checklist pack with predicates, say) cannot be copied into a worker. */
function cloneable(value: unknown): boolean {
  try {
    structuredClone(value)
    return true
  } catch {
    return false
  }
}

function collect(outcomes: readonly FileOutcome[]): CheckedModel[] {
  const checked: CheckedModel[] = []
  const unloadable = []
  for (const outcome of outcomes) {
    if (outcome.kind === 'internal') throw internalErrorOf(outcome)
    if (outcome.kind === 'unloadable') unloadable.push(loadErrorOf(outcome))
    else checked.push(outcome.model)
  }
  if (unloadable.length > 0) throw new ModelLoadErrors(unloadable)
  return checked
}
