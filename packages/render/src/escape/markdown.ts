/**
 * Text from the model placed in Markdown (CommonMark and GitHub's extensions) so that it
 * shows as written: no formatting, links, HTML, maths, emoji codes or block structure.
 */

/**
 * ASCII punctuation with a meaning anywhere in a line of GitHub Markdown (emphasis, code,
 * links, HTML, entities, tables, strikethrough, headings, maths); CommonMark lets any of
 * them be backslash-escaped. The rest of the punctuation is left alone to keep the text
 * readable, except where it means something: at the start of a line (lists, quotes,
 * setext headings) and as an emoji code (`:name:`).
 */
const SPECIAL = /[\\`*_[\]<>&|~#$]/gu
const BLOCK_START = /^(\s*)([-+=]|\d+[.)])/u
const EMOJI_CODE = /:(?=[\w+-]+:)/gu

/**
 * Inline text: one paragraph or table cell; line breaks become `<br>`. White space around
 * a line is dropped, as Markdown would not show it (and indentation would make code).
 * A bare URL stays a URL: GitHub links it, and shows it as written.
 */
export function markdownText(text: string): string {
  return text
    .split(/\r\n|\r|\n/u)
    .map((line) =>
      line
        .trim()
        .replace(SPECIAL, (character) => `\\${character}`)
        .replace(EMOJI_CODE, '\\:')
        .replace(
          BLOCK_START,
          (_, indent: string, marker: string) => `${indent}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
        ),
    )
    .join('<br>')
}

/** A code span holding `text` exactly, whatever backticks it contains. */
export function markdownCode(text: string): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/gu)].map((run) => run[0].length))
  const fence = '`'.repeat(longestRun + 1)
  const padded = text.startsWith('`') || text.endsWith('`') || text === '' ? ` ${text} ` : text
  return `${fence}${padded.replace(/\r\n|\r|\n/gu, ' ')}${fence}`
}

/**
 * A table row of cells already in Markdown. In a GitHub table `|` ends a cell even inside
 * a code span, so every `|` gets a backslash, which the table takes away again.
 */
export function markdownRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`
}
