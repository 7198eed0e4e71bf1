/**
 * Stdout is the report. While a model's code runs (its import, its explorations), whatever it
 * writes through `console.*`, `process.stdout.write` or `process.stderr.write` goes to stderr,
 * each line prefixed with the model file, so stdout carries exactly the chosen format. And
 * `process.exit()` called by the model throws instead of ending the process: the call is
 * remembered, and the command reports the model as an error (exit 2) rather than stopping
 * silently with half a report.
 *
 * Console methods write through `process.stdout.write` and `process.stderr.write`, looked up
 * at each call, so replacing those two catches them too, in the main thread and in workers.
 */
import { format } from 'node:util'

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
  /** Runs `run` as code of model file `shown`: its output is that file's, its process.exit() calls are recorded. */
  as<T>(shown: string, run: () => Promise<T>): Promise<T>
  /** The process.exit() calls of model `shown`, as the message of an error: undefined when it made none. */
  exitCalled(shown: string): string | undefined
  /** Puts back what `captureModelOutput` replaced. */
  restore(): void
}

/** Replaces the process's writes and `exit` until `restore`; `stderr` is where model output goes. */
export function captureModelOutput(stderr: (text: string) => void = originalStderr()): ModelOutput {
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write, exit: process.exit }
  let current: string | undefined
  let partial = ''
  const exits = new Map<string, ModelExitError>()

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

  return {
    async as(shown, run) {
      flush()
      current = shown
      try {
        return await run()
      } finally {
        flush()
        current = undefined
      }
    },
    exitCalled(shown) {
      const error = exits.get(shown)
      return error === undefined ? undefined : exitMessage(error)
    },
    restore() {
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
