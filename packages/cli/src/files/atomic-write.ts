/**
 * Writes that never leave a half-written file: the content goes to a temporary file in
 * the same folder, which then takes the target's name in one step, so a reader (or a
 * crash) never sees half a document, half a report or half a baseline.
 */
import { randomBytes } from 'node:crypto'
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Writes the file whole, replacing any old one; creates its folders. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await viaTemporary(file, content, (temporary) => rename(temporary, file))
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
    throw error
  })
}

/** Writes the content to a temporary file beside `file`, then `place`s it; no temporary file outlives a failure. */
async function viaTemporary(file: string, content: string, place: (temporary: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  )
  try {
    await writeFile(temporary, content)
    await place(temporary)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
