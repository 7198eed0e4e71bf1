/**
 * Checks model files in parallel: the main thread takes files from a shared queue like any
 * worker, and worker threads (one per spare core) take files as they become ready. A run
 * that the main thread finishes before a worker is up never waits for it, so one or two small
 * models cost no more than without workers, while heavy explorations spread over the cores.
 * Results keep the files' order, whoever checked them.
 *
 * Every load failure is collected and thrown together (ModelLoadErrors, exit 2), as before.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { CheckOptions } from '@plumbline/core'
import { ModelLoadErrors } from '../load/load-models.js'
import { createModelLoader } from '../load/load-model.js'
import type { CheckedModel } from './check-model-file.js'
import { checkFileOutcome, internalErrorOf, loadErrorOf, type FileOutcome } from './outcome.js'

export interface CheckFilesOptions {
  cwd: string
  /** Plain data only: it is copied into each worker. */
  checkOptions: CheckOptions
  /** Bypass module caches (watch mode). */
  fresh: boolean
  /** Worker threads besides the main thread; the default is one per spare core. */
  workers?: number
}

export interface WorkerData {
  cwd: string
  checkOptions: CheckOptions
  fresh: boolean
}
export interface WorkerRequest {
  index: number
  file: string
}
export type WorkerReply = 'ready' | { index: number; outcome: FileOutcome }

export function defaultWorkerCount(): number {
  return availableParallelism() - 1
}

export async function checkFiles(files: readonly string[], options: CheckFilesOptions): Promise<CheckedModel[]> {
  const outcomes: FileOutcome[] = []
  let next = 0
  const take = (): number | undefined => (next < files.length ? next++ : undefined)
  const workerCount = Math.max(0, Math.min(options.workers ?? defaultWorkerCount(), files.length - 1))
  const data: WorkerData = { cwd: options.cwd, checkOptions: options.checkOptions, fresh: options.fresh }
  const helpers = Array.from({ length: workerCount }, () => new Helper(data, files, take, (index, outcome) => (outcomes[index] = outcome)))

  const loader = createModelLoader(options.cwd, { fresh: options.fresh })
  try {
    for (let index = take(); index !== undefined; index = take())
      outcomes[index] = await checkFileOutcome(files[index] ?? '', { cwd: options.cwd, loader, checkOptions: options.checkOptions })
    await Promise.all(helpers.map((helper) => helper.finish()))
  } finally {
    await Promise.all(helpers.map((helper) => helper.stop()))
  }
  return collect(outcomes)
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

/** One worker thread: asks the queue for a file whenever it is idle. */
class Helper {
  private readonly worker: Worker
  private busy = false
  private failure: Error | undefined
  private idle: (() => void) | undefined

  constructor(
    data: WorkerData,
    private readonly files: readonly string[],
    private readonly take: () => number | undefined,
    record: (index: number, outcome: FileOutcome) => void,
  ) {
    this.worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: data })
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply !== 'ready') record(reply.index, reply.outcome)
      this.busy = false
      this.askForWork()
    })
    this.worker.on('error', (error) => this.fail(error))
    this.worker.on('exit', (code) => this.fail(new Error(`a checking worker stopped (exit code ${code})`)))
  }

  /** Resolves once the worker has no file in hand; rejects if it died holding one. */
  finish(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    if (!this.busy) return Promise.resolve()
    return new Promise((resolve, reject) => (this.idle = () => (this.failure ? reject(this.failure) : resolve())))
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit')
    await this.worker.terminate()
  }

  private askForWork(): void {
    const index = this.take()
    if (index === undefined) {
      this.idle?.()
      return
    }
    this.busy = true
    this.worker.postMessage({ index, file: this.files[index] ?? '' } satisfies WorkerRequest)
  }

  private fail(error: Error): void {
    if (!this.busy) return
    this.failure = error
    this.busy = false
    this.idle?.()
  }
}
