/**
 * Stdout is the report. While a model's code runs (its import, its explorations), whatever it
 * writes through `console.*`, `process.stdout.write` or `process.stderr.write` goes to stderr,
 * each line prefixed with the model file, so stdout carries exactly the chosen format. And
 * `process.exit()` called by the model throws instead of ending the process: the call is
 * remembered, and the command reports the model as an error (exit 2) rather than stopping
 * silently with half a report.
 *
 * What the model's code throws or rejects where nothing awaits it (a promise rejected and never
 * handled, a throw in a timer) would end the process with Node's raw stack and exit 1, read as
 * findings, or, in a worker, land after the file's report and pass unseen. It is recorded
 * against the model whose code was running (or, when none is, the one that ran last), and
 * reported as that model's error, exit 2. Each run of a model's code ends with a turn of the
 * event loop, so the rejections it left land while it is still the model running.
 *
 * Console methods write through `process.stdout.write` and `process.stderr.write`, looked up
 * at each call, so replacing those two catches them too, in the main thread and in workers.
 */
import { format } from 'node:util'
import { describeThrown } from '@plumbline/core'

type Write = typeof process.stdout.write

/** What `process.exit` throws while a model's code runs. */
export class ModelExitError extends Error {
  override readonly name = 'ModelExitError'
  constructor(readonly code: string | number | null | undefined) {
    super(`process.exit(${code === undefined ? '' : format('%o', code)}) was called`)
  }
}

/** How a model's call of process.exit() is reported. */
export function exitMessage(error: ModelExitError): string {
  return `${error.message} by the model: a model must not end the process`
}

export interface ModelOutput {
  /** Runs `run` as code of model file `shown`: its output is that file's, its process.exit() calls and async failures are recorded. */
  as<T>(shown: string, run: () => Promise<T>): Promise<T>
  /** What model `shown` did that makes it an error (a process.exit() call, an unhandled rejection), as a message; undefined for nothing. */
  fault(shown: string): string | undefined
  /** Puts back what `captureModelOutput` replaced. */
  restore(): void
}

export interface CaptureOptions {
  /** Where model output goes (this process's stderr by default). */
  stderr?: (text: string) => void
  /** A fault of model `shown` recorded while no model's code was running: after its `as` returned. */
  onLateFault?: (shown: string, message: string) => void
}

/** Replaces the process's writes and `exit`, and hears its unhandled rejections and exceptions, until `restore`. */
export function captureModelOutput(options: CaptureOptions = {}): ModelOutput {
  const stderr = options.stderr ?? originalStderr()
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write, exit: process.exit }
  let current: string | undefined
  let last: string | undefined
  let partial = ''
  const exits = new Map<string, ModelExitError>()
  const asyncFaults = new Map<string, string>()

  const flush = () => {
    if (partial !== '') stderr(`${current ?? 'model'}: ${partial}\n`)
    partial = ''
  }
  const write = function (this: unknown, chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString()
    const lines = (partial + text).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) stderr(`${current ?? 'model'}: ${line}\n`)
    const done = typeof encoding === 'function' ? encoding : callback
    if (typeof done === 'function') queueMicrotask(() => done())
    return true
  } as Write

  process.stdout.write = write
  process.stderr.write = write
  process.exit = ((code?: string | number | null) => {
    const error = new ModelExitError(code)
    if (current !== undefined && !exits.has(current)) exits.set(current, error)
    throw error
  }) as typeof process.exit
  const asyncFault = (message: string) => {
    const shown = current ?? last
    // Before any model ran, it is not a model's: Node's own handling stands.
    if (shown === undefined) return false
    if (asyncFaults.has(shown)) return true
    asyncFaults.set(shown, message)
    if (current === undefined) options.onLateFault?.(shown, message)
    return true
  }
  const onRejection = (reason: unknown) => {
    if (!asyncFault(`a promise its code made was rejected and nothing handled it: ${describeThrown(reason)}`))
      throw reason
  }
  const onException = (error: unknown) => {
    if (
      !asyncFault(`its code threw outside any call of the checker (in a timer or a callback): ${describeThrown(error)}`)
    )
      throw error
  }
  process.on('unhandledRejection', onRejection)
  process.on('uncaughtException', onException)

  return {
    async as(shown, run) {
      flush()
      current = shown
      try {
        return await run()
      } finally {
        // Rejections are reported once the microtasks run out; timers the code set for 0 ms run before this one.
        await new Promise((resolve) => setTimeout(resolve, 1))
        flush()
        current = undefined
        last = shown
      }
    },
    fault(shown) {
      const error = exits.get(shown)
      return error === undefined ? asyncFaults.get(shown) : exitMessage(error)
    },
    restore() {
      process.off('unhandledRejection', onRejection)
      process.off('uncaughtException', onException)
      flush()
      process.stdout.write = originals.stdout
      process.stderr.write = originals.stderr
      process.exit = originals.exit
    },
  }
}

function originalStderr(): (text: string) => void {
  const write = process.stderr.write.bind(process.stderr)
  return (text) => void write(text)
}
