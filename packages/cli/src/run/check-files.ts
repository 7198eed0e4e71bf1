/**
 * Checks model files in parallel. The files are a queue whose head is a counter in shared
 * memory: the main thread and the worker threads (one per spare core) each take the next
 * file atomically, so no thread waits on another to be handed work, not even on a main
 * thread busy with a long exploration. Results keep the files' order, whoever checked them.
 *
 * Workers are started only where they pay: after the main thread has checked the first file,
 * and only when the files left would take longer, at that pace, than a worker takes to
 * start. One or two small models are checked on the main thread alone, as fast as before.
 * Once every file is taken the main thread waits only for the files still being checked,
 * and stops workers that are still starting.
 *
 * Every load failure is collected and thrown together (ModelLoadErrors, exit 2), as before.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { CheckOptions, ProgressListener } from '@plumbline/core'
import { ModelLoadErrors } from '../load/load-models.js'
import { createModelLoader } from '../load/load-model.js'
import type { CheckedModel } from './check-model-file.js'
import { checkFileOutcome, internalErrorOf, loadErrorOf, type FileOutcome } from './outcome.js'

export interface CheckFilesOptions {
  cwd: string
  /** Copied into each worker: plain data only (else the files are checked on this thread). */
  checkOptions: CheckOptions
  /** Bypass module caches (watch mode). */
  fresh: boolean
  /** Worker threads besides the main thread; the default is one per spare core. */
  workers?: number
  /** Progress of the explorations run on the main thread (a function cannot go to a worker). */
  onProgress?: ProgressListener
}

export interface WorkerData {
  cwd: string
  checkOptions: CheckOptions
  fresh: boolean
  files: readonly string[]
  /** The queue's head: the index of the next file to take. */
  next: Int32Array
}

export interface WorkerReply {
  index: number
  outcome: FileOutcome
}

/** About what a worker takes to start (load the checker, zod, xstate), measured on a 2-core machine. */
const WORKER_START_MS = 250

function defaultWorkerCount(): number {
  return availableParallelism() - 1
}

/** The next file's index, taken atomically; undefined when every file is taken. */
export function takeNext(files: readonly string[], next: Int32Array): number | undefined {
  const index = Atomics.add(next, 0, 1)
  return index < files.length ? index : undefined
}

export async function checkFiles(files: readonly string[], options: CheckFilesOptions): Promise<CheckedModel[]> {
  const data: WorkerData = {
    cwd: options.cwd,
    checkOptions: options.checkOptions,
    fresh: options.fresh,
    files,
    next: new Int32Array(new SharedArrayBuffer(4)),
  }
  const outcomes: FileOutcome[] = new Array(files.length)
  const pending = new Pending(files.length)
  const record = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome
    pending.done()
  }
  const workers: Worker[] = []
  const startWorkers = (firstFileMs: number) => {
    const left = files.length - 1
    if (firstFileMs * left <= WORKER_START_MS) return
    for (let n = Math.min(workerCount(files, options), left); n > 0; n--)
      workers.push(startWorker(data, record, (error) => pending.fail(error)))
  }

  const loader = createModelLoader(options.cwd, { fresh: options.fresh })
  const checkOptions =
    options.onProgress === undefined
      ? options.checkOptions
      : { ...options.checkOptions, onProgress: options.onProgress }
  const started = performance.now()
  try {
    for (let index = takeNext(files, data.next); index !== undefined; index = takeNext(files, data.next)) {
      record(index, await checkFileOutcome(files[index] ?? '', { cwd: options.cwd, loader, checkOptions }))
      if (index === 0) startWorkers(performance.now() - started)
    }
    await pending.all()
  } finally {
    await Promise.all(
      workers.map(async (worker) => {
        worker.removeAllListeners()
        await worker.terminate()
      }),
    )
  }
  return collect(outcomes)
}

function workerCount(files: readonly string[], options: CheckFilesOptions): number {
  if (!cloneable(options.checkOptions)) return 0
  return Math.max(0, Math.min(options.workers ?? defaultWorkerCount(), files.length - 1))
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

function startWorker(
  data: WorkerData,
  record: (index: number, outcome: FileOutcome) => void,
  fail: (error: Error) => void,
): Worker {
  const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: data })
  worker.on('message', ({ index, outcome }: WorkerReply) => record(index, outcome))
  worker.on('error', fail)
  // A worker ends by itself only when the queue is empty; a crash shows as a file never checked.
  worker.on('exit', (code) => code !== 0 && fail(new Error(`a checking worker stopped (exit code ${code})`)))
  return worker
}

/** Counts the files still being checked; `all` resolves when none is left. */
class Pending {
  private settle: { resolve: () => void; reject: (error: Error) => void } | undefined
  private failure: Error | undefined

  constructor(private left: number) {}

  done(): void {
    this.left--
    if (this.left === 0) this.settle?.resolve()
  }

  fail(error: Error): void {
    this.failure ??= error
    this.settle?.reject(error)
  }

  all(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    if (this.left === 0) return Promise.resolve()
    return new Promise((resolve, reject) => (this.settle = { resolve, reject }))
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
