/**
 * Labels: any text, written so that every Mermaid diagram type (10.7 and 11) parses it and
 * displays it exactly as given. Characters outside a small safe set become decimal entity
 * codes (`#59;`), which Mermaid decodes only when it displays the text, after parsing:
 * so no label can end a statement, open a comment or directive (`%%{init}%%`), add a
 * link or `click`, format Markdown, start KaTeX maths, or carry HTML. Measured in
 * ../shared/MERMAID-NOTES.md ("An escaping scheme that held everywhere").
 */

/** ASCII characters that no diagram type gives a meaning in a label position. */
const SAFE_ASCII = /^[A-Za-z0-9 .,\-'!?/@+^]$/u

/**
 * Non-ASCII characters are shown as written, except control and format characters, line
 * separators and odd spaces, and the four characters Mermaid itself uses to hide entity
 * codes while parsing (`ﬂ°°59¶ß`): written raw, those would turn into entities on display.
 */
const UNSAFE_NON_ASCII = /^[\p{C}\p{Zl}\p{Zp}\p{Zs}ﬂ°¶ß]$/u

/**
 * Mermaid hides entity codes as `ﬂ°°59¶ß` while parsing and turns those marks back into
 * codes when drawing, in some places twice (flowchart edge labels): so the pairs `ﬂ°` and
 * `¶ß`, even written as codes, would be read as marks. An invisible word joiner keeps
 * each pair apart; the text looks the same.
 */
const MERMAID_MARK_PAIR = /ﬂ(?=°)|¶(?=ß)/gu
const WORD_JOINER = '\u2060'

/** Text ending in the word `direction`, whose following space is encoded. */
const DIRECTION_WORD = /direction$/iu

/** Mermaid 11 reads labels as Markdown: a line must not start like a list item. */
const LIST_MARKER = /^(?:[-+]|\d+\.)/u

export function mermaidLabel(text: string): string {
  return encodeLines(text, '<br>')
}

/**
 * A label whose line breaks cannot be `<br>`: with one, Mermaid 11 reads the decoded text
 * of a state, a state's note or a flowchart node as Markdown (`*a*` in italics) or maths
 * (`$$x$$`), and Mermaid 10 shows `<br>` in an entity diagram as text. There a line break
 * is written as a code too, and shows as a space. Sequence diagrams and transition labels
 * take `<br>` (measured in Chromium with Mermaid 10 and 11).
 */
export function mermaidInlineLabel(text: string): string {
  return encodeLines(text, '#10;')
}

/**
 * The label of an `alt`, `else` or `break` block, or `undefined` where the text needs an entity
 * code or a line break. Mermaid always wraps a block's label to the block's width, and cuts a
 * word too wide for it anywhere: inside an entity code too, which then shows as stray
 * characters (a datastore `orders_db` showed as `[orders_-` and `;db fails]`). Plain text is
 * at worst hyphenated, as Mermaid hyphenates any long word. Mermaid 10 and 11 alike.
 */
export function mermaidBlockLabel(text: string): string | undefined {
  const label = mermaidLabel(text)
  return label === text ? label : undefined
}

function encodeLines(text: string, lineBreak: string): string {
  return text
    .replace(MERMAID_MARK_PAIR, `$&${WORD_JOINER}`)
    .split(/\r\n|\n/u)
    .map(encodeLine)
    .join(lineBreak)
}

function encodeLine(line: string): string {
  const characters = [...line]
  const listMarker = LIST_MARKER.exec(line)?.[0].length ?? 0
  return characters
    .map((character, index) => {
      const mustEncode =
        !isSafe(character) ||
        // The last character of a leading list marker (`-`, `+`, the `.` of `1.`).
        index === listMarker - 1 ||
        // Leading and trailing spaces, which Mermaid trims, and the second of two spaces,
        // which Mermaid 10 cannot draw in an alt, else, opt or break label.
        (character === ' ' && (index === 0 || index === characters.length - 1 || characters[index - 1] === ' ')) ||
        // The space of `direction TB`: Mermaid 11's flowchart lexer reads it as a statement anywhere on a line, labels included.
        (character === ' ' && DIRECTION_WORD.test(characters.slice(0, index).join('')))
      return mustEncode ? `#${character.codePointAt(0)};` : character
    })
    .join('')
}

function isSafe(character: string): boolean {
  return character.charCodeAt(0) < 128 ? SAFE_ASCII.test(character) : !UNSAFE_NON_ASCII.test(character)
}
