/**
 * The process as the commands see it, so they can be run in tests without one: stdout for
 * machine-readable output only, stderr for everything else.
 */
export interface Io {
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdout: Writer
  readonly stderr: Writer
}

export interface Writer {
  write(text: string): void
  /** True when the stream is a terminal: then colours and progress lines are welcome. */
  readonly isTTY: boolean
}

/** The streams' own writes, taken now: a model's code may replace them later (`run/model-output.ts`). */
export function processIo(): Io {
  const stdout = process.stdout.write.bind(process.stdout)
  const stderr = process.stderr.write.bind(process.stderr)
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (text) => void stdout(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void stderr(text), isTTY: process.stderr.isTTY === true },
  }
}
