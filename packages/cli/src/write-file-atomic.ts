/**
 * Writes a file whole or not at all: to a temporary file beside it, then moved into place,
 * so a reader (or a crash) never sees half a report or half a baseline.
 */
import { randomBytes } from 'node:crypto'
import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await viaTemporary(file, text, (temporary) => rename(temporary, file))
}

/** Like writeFileAtomic, but never replaces an existing file: false when there is one. */
export async function createFileAtomic(file: string, text: string): Promise<boolean> {
  let created = true
  await viaTemporary(file, text, async (temporary) => {
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

async function viaTemporary(file: string, text: string, place: (temporary: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, text)
    await place(temporary)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
