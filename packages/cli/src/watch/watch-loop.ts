/**
 * Watch mode for any command: run, then watch the files the run depends on and run again
 * after each change (changes within a short pause count as one), under a header that names
 * what changed and when. A run that fails — a model that does not load, a bad config — is
 * shown like any failure, and the loop waits for the next save. The screen is cleared before
 * each run on a terminal.
 *
 * Ctrl-C (SIGINT) and SIGTERM end it at any moment. Between runs the loop hears them and
 * returns the last run's exit code; during a run nothing listens, so the signal's default
 * ends the process at once — a run may be exploring a model on this very thread, where no
 * handler would get its turn. Nothing is left half-written: files are written atomically.
 * So a run is started only for a real change: one save can reach the watcher as two events
 * (the file emptied, then written), and an event for a file whose content is what the last
 * run read is not a change.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { FSWatcher } from 'chokidar'
import { reportFailure } from '../failure.js'
import type { Io } from '../io.js'
import { styleFor } from '../style.js'

/** A file the watch saw change: `change`, `add` or `unlink` (or the same for a folder). */
export interface Change {
  event: string
  /** Absolute. */
  file: string
}

export interface WatchedCommand {
  /** One run; returns its exit code. Runs must load modules afresh (the files change). `changes`: what triggered it, empty for the first. */
  run(changes: readonly Change[]): Promise<number>
  /** Absolute paths of the files and folders the next run depends on. */
  files(): Promise<string[]>
}

const PAUSE_MS = 80
const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H'
const SIGNALS = ['SIGINT', 'SIGTERM'] as const

export async function watchLoop(command: WatchedCommand, io: Io): Promise<number> {
  const { watch } = await import('chokidar')
  const style = styleFor(io.stderr, io.env)
  let watcher: FSWatcher | undefined
  let exitCode = 0
  let running: Promise<void> | undefined
  let pending: Change[] = []
  let timer: NodeJS.Timeout | undefined
  // The content of each changed file as a run started with it, to tell a real change from a late event.
  const ranWith = new Map<string, string | undefined>()
  let stop: () => void = () => {}
  const stopped = new Promise<void>((resolve) => {
    stop = resolve
  })
  const hear = () => {
    for (const signal of SIGNALS) process.on(signal, stop)
  }
  const deafen = () => {
    for (const signal of SIGNALS) process.off(signal, stop)
  }

  /** Watches what the next run depends on; resolves once the watch is in place, so no save after it is missed. */
  const rewatch = async (files: readonly string[]): Promise<void> => {
    const next = watch([...files], { ignoreInitial: true, ignored: isIgnored })
    next.on('all', (event, file) => schedule({ event, file: path.resolve(io.cwd, file) }))
    await new Promise<void>((resolve) => next.once('ready', () => resolve()))
    // The old watcher stays until the new one is ready: a save during the run still counts.
    await watcher?.close()
    watcher = next
  }

  const runOnce = async (changes: readonly Change[]): Promise<void> => {
    deafen()
    for (const { file } of changes) ranWith.set(file, contentHash(file))
    if (io.stdout.isTTY) io.stdout.write(CLEAR_SCREEN)
    if (changes.length > 0) io.stderr.write(`${style('dim', header(changes, io.cwd, new Date()))}\n`)
    const started = Date.now()
    try {
      exitCode = await command.run(changes)
    } catch (error) {
      exitCode = reportFailure(error, io, false)
    }
    const files = await command.files().catch(() => [])
    await rewatch(files)
    // A save while the run went on, before any watcher covered that file (the first run has
    // none; a run can also depend on files the one before did not), still counts.
    for (const file of changedSince(files, started)) schedule({ event: 'change', file })
    io.stderr.write(`\n${style('dim', 'Watching for changes (Ctrl-C to stop)…')}\n`)
    hear()
  }

  let ended = false
  const schedule = (change: Change): void => {
    if (ended) return
    if (change.event === 'change' && ranWith.has(change.file) && ranWith.get(change.file) === contentHash(change.file))
      return
    if (!pending.some(({ file }) => file === change.file)) pending.push(change)
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (running) return
      running = (async () => {
        while (pending.length > 0) {
          const changes = pending
          pending = []
          await runOnce(changes)
        }
        running = undefined
      })()
    }, PAUSE_MS)
  }

  running = runOnce([]).then(() => {
    running = undefined
    // Saves made during the first run.
    if (pending.length > 0) schedule(pending[0] as Change)
  })
  await stopped
  ended = true
  deafen()
  clearTimeout(timer)
  // A run under way watches again when it ends: stopped before it did, the process never exited.
  await running
  await watcher?.close()
  return exitCode
}

const SHOWN_FILES = 3

/** The files (or folders) modified at or after `time`, by their modification time. */
function changedSince(files: readonly string[], time: number): string[] {
  return files.filter((file) => {
    try {
      return statSync(file).mtimeMs >= time
    } catch {
      return false
    }
  })
}

function contentHash(file: string): string | undefined {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex')
  } catch {
    return undefined
  }
}

/** `12:31:05 models/shop.ts changed`; several files: `…, src/zones.ts and 2 more changed`. */
function header(changes: readonly Change[], cwd: string, at: Date): string {
  const named = changes.slice(0, SHOWN_FILES).map(({ event, file }) => {
    const shown = path.relative(cwd, file).split(path.sep).join('/') || '.'
    return event.startsWith('unlink') ? `${shown} (removed)` : event.startsWith('add') ? `${shown} (added)` : shown
  })
  const more = changes.length - named.length
  const time = at.toTimeString().slice(0, 8)
  return `${time} ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''} changed`
}

/** Only sources and data can change a run; never dependencies, VCS files or generated documents. */
function isIgnored(file: string, stats?: { isFile(): boolean }): boolean {
  if (/[\\/](node_modules|\.git)([\\/]|$)/.test(file)) return true
  return stats?.isFile() === true && !/\.([cm]?[jt]sx?|json)$/.test(file)
}
