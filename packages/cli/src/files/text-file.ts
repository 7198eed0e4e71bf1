/**
 * Reading a file the user wrote, to edit it: only text in UTF-8 is taken, since decoding
 * anything else would turn each byte that is not UTF-8 into U+FFFD, and writing it back
 * would destroy the bytes outside the part edited. A byte-order mark is kept as text.
 */
import { isUtf8 } from 'node:buffer'
import { readFile } from 'node:fs/promises'

export type TextFileRead = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'not-text'; reason: string }

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export async function readUtf8File(file: string): Promise<TextFileRead> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { kind: 'missing' }
      // Node names no path when reading a folder: name it.
    ;(error as NodeJS.ErrnoException).path ??= file
    throw error
  }
  const nul = bytes.indexOf(0)
  if (nul >= 0) return { kind: 'not-text', reason: `it holds a NUL byte (at byte ${nul}): it looks binary` }
  if (!isUtf8(bytes)) return { kind: 'not-text', reason: `it is not UTF-8 (line ${firstLineNotUtf8(bytes)})` }
  return { kind: 'text', text: decoder.decode(bytes) }
}

/** The 1-based line holding the first byte that is not UTF-8 (a newline byte never is part of a sequence). */
function firstLineNotUtf8(bytes: Buffer): number {
  let line = 1
  let start = 0
  for (;;) {
    const end = bytes.indexOf(0x0a, start)
    if (!isUtf8(bytes.subarray(start, end < 0 ? bytes.length : end)) || end < 0) return line
    line++
    start = end + 1
  }
}
