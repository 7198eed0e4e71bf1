/**
 * Text into HTML: every name in the viewer comes from a model, and a model may name a
 * state `<script>`. Element text and attribute values are entity-encoded here; the page's
 * data travels as a JSON island that no text can end early.
 */

const HTML_SPECIAL = /[&<>"']/gu
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Safe as element text and as a quoted attribute value. */
export function htmlText(text: string): string {
  return text.replace(HTML_SPECIAL, (character) => ENTITY[character] ?? character)
}

/**
 * JSON for `<script type="application/json">`: `<`, `>` and `&` as `\u` escapes, so no
 * `</script>` or `<!--` can appear in it, and the line separators JavaScript once refused.
 */
export function jsonIsland(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}
