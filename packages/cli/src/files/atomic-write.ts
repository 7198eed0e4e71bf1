/**
 * Writes that never leave a half-written file: the content goes to a temporary file in
 * the same folder, which then takes the target's name in one step, so a reader (or a
 * crash) never sees half a document, half a report or half a baseline. The file stays the
 * user's: a symlink is written through to its target (the link stays a link), the old
 * file's mode is kept, and no temporary outlives the run — removed on failure, at exit,
 * and, after a `kill -9`, by the next write into that folder.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { chmod, link, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Writes the file whole, replacing any old one; creates its folders. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const target = await throughSymlinks(file)
  const mode = await modeOf(target)
  await viaTemporary(target, content, async (temporary) => {
    if (mode !== undefined) await chmod(temporary, mode)
    await rename(temporary, target)
  })
}

/** Like writeFileAtomic, but never replaces an existing file: false when there is one. */
export async function createFileAtomic(file: string, content: string): Promise<boolean> {
  let created = true
  await viaTemporary(file, content, async (temporary) => {
    try {
      // A hard link fails when the name is taken, so no file is ever overwritten.
      await link(temporary, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      created = false
    }
    await rm(temporary, { force: true })
  })
  return created
}

/** The file's content, or undefined where there is no such file. */
export async function readIfExists(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    // Node names no path when reading a folder: name it.
    error.path ??= file
    throw error
  })
}

/** The file a symlink leads to (followed to the end), or the path itself where nothing is there yet. */
async function throughSymlinks(file: string): Promise<string> {
  return realpath(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return file
    throw error
  })
}

async function modeOf(file: string): Promise<number | undefined> {
  const info = await stat(file).catch(() => undefined)
  return info?.isFile() ? info.mode & 0o7777 : undefined
}

/** `.<name>.<pid>.<8 hex digits>.tmp`: hidden, beside the target, naming the process that wrote it. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/u

/** Temporaries of this process not yet placed: removed at exit, whatever ends the run. */
const live = new Set<string>()
process.once('exit', () => {
  for (const temporary of live) rmSync(temporary, { force: true })
})

/** Folders already swept of stale temporaries in this run. */
const swept = new Set<string>()

/** Writes the content to a temporary file beside `file`, then `place`s it; no temporary file outlives a failure. */
async function viaTemporary(file: string, content: string, place: (temporary: string) => Promise<void>): Promise<void> {
  const folder = path.dirname(file)
  await mkdir(folder, { recursive: true })
  await removeStaleTemporaries(folder)
  const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  live.add(temporary)
  try {
    await writeFile(temporary, content)
    await place(temporary)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  } finally {
    live.delete(temporary)
  }
}

/** The temporaries a killed run left in the folder: those whose process is gone (absolute paths). */
export async function staleTemporaries(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [])
  return names
    .filter((name) => {
      const pid = TEMPORARY.exec(name)?.[1]
      return pid !== undefined && !isRunning(Number(pid))
    })
    .map((name) => path.join(folder, name))
}

/** Removes the folder's stale temporaries (once a run); returns what it removed. */
export async function removeStaleTemporaries(folder: string): Promise<string[]> {
  if (swept.has(folder)) return []
  swept.add(folder)
  const stale = await staleTemporaries(folder)
  for (const temporary of stale) await rm(temporary, { force: true })
  return stale
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
