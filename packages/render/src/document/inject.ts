/**
 * Marker blocks: in an existing Markdown file, the text between `<!-- plumbline:NAME -->`
 * and `<!-- /plumbline:NAME -->` is replaced by the block called NAME; nothing else in
 * the file changes, and injecting twice gives the same text. A marker is a line of its own,
 * so a document can mention one in its prose (as this comment does) without opening a block.
 */

import { closest } from '@plumbline/core'

export type InjectResult = { success: true; text: string } | { success: false; error: string }

/** A marker line; on the first line, after the byte order mark some editors write. */
const MARKER = /^\uFEFF?[ \t]*<!--\s*(\/?)plumbline:(.*?)\s*-->[ \t]*$/gmu

export function injectBlocks(text: string, blocks: ReadonlyMap<string, string>): InjectResult {
  const pieces: string[] = []
  let copiedUpTo = 0
  let open: { name: string; line: number; lineEnding: string } | undefined
  let found = 0
  const inCode = insideFencedCode(text)
  for (const marker of text.matchAll(MARKER)) {
    if (inCode(marker.index)) continue
    const [whole, slash, name = ''] = marker
    const line = lineOf(text, marker.index)
    if (slash === '') {
      if (open)
        return failure(
          line,
          `opens block ${JSON.stringify(name)} inside block ${JSON.stringify(open.name)} (opened on line ${open.line})`,
        )
      if (!blocks.has(name)) {
        const suggestion = closest(name, blocks.keys())
        const hint = suggestion === undefined ? '' : `did you mean ${JSON.stringify(suggestion)}? `
        return failure(
          line,
          `names no block: ${JSON.stringify(name)} (${hint}known: ${[...blocks.keys()].map((known) => JSON.stringify(known)).join(', ')})`,
        )
      }
      pieces.push(text.slice(copiedUpTo, marker.index + whole.length))
      open = { name, line, lineEnding: text.startsWith('\r\n', marker.index + whole.length) ? '\r\n' : '\n' }
      continue
    }
    if (!open || open.name !== name) return failure(line, `closes block ${JSON.stringify(name)}, which is not open`)
    pieces.push(`${open.lineEnding}${(blocks.get(name) ?? '').replace(/\r?\n/gu, open.lineEnding)}`)
    copiedUpTo = marker.index
    open = undefined
    found++
  }
  if (open)
    return failure(open.line, `block ${JSON.stringify(open.name)} is never closed (<!-- /plumbline:${open.name} -->)`)
  if (found === 0)
    return { success: false, error: 'has no plumbline markers (<!-- plumbline:NAME --> … <!-- /plumbline:NAME -->)' }
  pieces.push(text.slice(copiedUpTo))
  return { success: true, text: pieces.join('') }
}

function failure(line: number, problem: string): InjectResult {
  return { success: false, error: `line ${line}: ${problem}` }
}

function lineOf(text: string, index: number): number {
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++
  return line
}

/** A fence (CommonMark): three or more backticks or tildes, closed by at least as many of the same. */
const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/gmu

/** Whether an index of `text` lies inside fenced code (an unclosed fence runs to the end). */
function insideFencedCode(text: string): (index: number) => boolean {
  const ranges: Array<readonly [number, number]> = []
  let opened: { index: number; fence: string } | undefined
  for (const line of text.matchAll(FENCE)) {
    const [, fence = '', rest = ''] = line
    if (opened === undefined) {
      // A backtick fence's info string holds no backtick (else the line is inline code).
      if (!(fence.startsWith('`') && rest.includes('`'))) opened = { index: line.index, fence }
    } else if (fence[0] === opened.fence[0] && fence.length >= opened.fence.length && rest.trim() === '') {
      ranges.push([opened.index, line.index])
      opened = undefined
    }
  }
  if (opened !== undefined) ranges.push([opened.index, text.length])
  return (index) => ranges.some(([start, end]) => index > start && index < end)
}
