/**
 * Watch mode for any command: run, then watch the files the run depends on and run again
 * after each change (changes within a short pause count as one). A run that fails — a model
 * that does not load, a bad config — is shown like any failure, and the loop waits for the
 * next save. The screen is cleared before each run on a terminal. Ends on Ctrl-C (SIGINT) or
 * SIGTERM with the last run's exit code.
 */
import type { FSWatcher } from 'chokidar'
import { reportFailure } from '../failure.js'
import type { Io } from '../io.js'
import { styleFor } from '../style.js'

export interface WatchedCommand {
  /** One run; returns its exit code. Runs must load modules afresh (the files change). */
  run(): Promise<number>
  /** Absolute paths of the files and folders the next run depends on. */
  files(): Promise<string[]>
}

const PAUSE_MS = 80
const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H'

export async function watchLoop(command: WatchedCommand, io: Io): Promise<number> {
  const { watch } = await import('chokidar')
  const style = styleFor(io.stderr, io.env)
  let watcher: FSWatcher | undefined
  let exitCode = 0
  let running: Promise<void> | undefined
  let again = false
  let timer: NodeJS.Timeout | undefined

  /** Watches what the next run depends on; resolves once the watch is in place, so no save after it is missed. */
  const rewatch = async (files: readonly string[]): Promise<void> => {
    const next = watch([...files], { ignoreInitial: true, ignored: isIgnored })
    next.on('all', schedule)
    await new Promise<void>((resolve) => next.once('ready', () => resolve()))
    // The old watcher stays until the new one is ready: a save during the run still counts.
    await watcher?.close()
    watcher = next
  }

  const runOnce = async (): Promise<void> => {
    if (io.stdout.isTTY) io.stdout.write(CLEAR_SCREEN)
    try {
      exitCode = await command.run()
    } catch (error) {
      exitCode = reportFailure(error, io, false)
    }
    await rewatch(await command.files().catch(() => []))
    io.stderr.write(`\n${style('dim', 'Watching for changes (Ctrl-C to stop)…')}\n`)
  }

  let stopped = false
  const schedule = (): void => {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (running) {
        again = true
        return
      }
      running = (async () => {
        do {
          again = false
          await runOnce()
        } while (again)
        running = undefined
      })()
    }, PAUSE_MS)
  }

  running = runOnce().then(() => (running = undefined))
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  stopped = true
  clearTimeout(timer)
  // A run under way watches again when it ends: stopped before it did, the process never exited.
  await running
  await watcher?.close()
  return exitCode
}

/** Only sources and data can change a run; never dependencies, VCS files or generated documents. */
function isIgnored(file: string, stats?: { isFile(): boolean }): boolean {
  if (/[\\/](node_modules|\.git)([\\/]|$)/.test(file)) return true
  return stats?.isFile() === true && !/\.([cm]?[jt]sx?|json)$/.test(file)
}
