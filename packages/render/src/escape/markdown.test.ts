import MarkdownIt from 'markdown-it'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { markdownCode, markdownRow, markdownText } from './markdown.js'

/** GitHub-like: HTML allowed, bare links turned into links, tables and strikethrough on. */
const markdown = new MarkdownIt({ html: true, linkify: true })

/** What a reader sees of rendered HTML: tags must be only the expected ones. */
function shownText(html: string, allowedTags: RegExp): string {
  const tags = html.match(/<[^>]+>/gu) ?? []
  for (const tag of tags) expect(tag).toMatch(allowedTags)
  return html
    .replace(/<br>\n?/gu, '\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&(lt|gt|quot|amp|#(\d+));/gu, (_, name: string, code: string | undefined) =>
      code !== undefined
        ? String.fromCodePoint(Number(code))
        : (({ lt: '<', gt: '>', quot: '"', amp: '&' } as Record<string, string>)[name] ?? ''),
    )
}

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
  fc.constantFrom(
    '# h',
    '- a',
    '1. a',
    '2) b',
    '> q',
    '***',
    '---',
    '===',
    '<script>x</script>',
    '&amp;',
    '[a](b)',
    '![i](j)',
    '`c`',
    '~~s~~',
    '*e*',
    '_e_',
    'http://a.b',
    'www.a.b',
    'a | b',
    '\\',
    ':smile:',
    '$x$',
    '<!-- c -->',
    '    code',
  ),
)
/** Text as a paragraph shows it: surrounding white space is not shown, and a `\r\n` is one break. */
const normalise = (text: string): string =>
  text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')

describe('markdownText', () => {
  test('escapes what Markdown would read as syntax, and leaves prose readable', () => {
    expect(markdownText('A visitor creates an account.')).toBe('A visitor creates an account.')
    expect(markdownText('single sign-on, 1 + 2 = 3 (maybe)')).toBe('single sign-on, 1 + 2 = 3 (maybe)')
    expect(markdownText('<b>*x*</b> & `y` | [z] ~~s~~ #1 $m$')).toBe(
      '\\<b\\>\\*x\\*\\</b\\> \\& \\`y\\` \\| \\[z\\] \\~\\~s\\~\\~ \\#1 \\$m\\$',
    )
    expect(markdownText('- a')).toBe('\\- a')
    expect(markdownText('10. a')).toBe('10\\. a')
    expect(markdownText('say :smile: now: ok')).toBe('say \\:smile: now: ok')
    expect(markdownText('one\ntwo')).toBe('one<br>two')
  })

  test('a paragraph of any text shows that text, with no markup but line breaks', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        // NUL is replaced by U+FFFD in every Markdown renderer (CommonMark, for safety).
        fc.pre(normalise(text).trim() !== '' && !text.includes('\u0000'))
        const html = markdown.render(markdownText(text))
        expect(shownText(html, /^<\/?p>$|^<br>$|^<a href="[^"]*">$|^<\/a>$/u).trim()).toBe(normalise(text).trim())
      }),
      { numRuns: 300, seed: 7 },
    )
  })
})

describe('markdownCode', () => {
  test('holds any backticks', () => {
    expect(markdownCode('a')).toBe('`a`')
    expect(markdownCode('a`b')).toBe('``a`b``')
    expect(markdownCode('`a`')).toBe('`` `a` ``')
  })
})

describe('markdownRow', () => {
  test('a table cell shows its text and code spans whole, pipes included', () => {
    fc.assert(
      fc.property(hostile, hostile, (text, code) => {
        fc.pre(
          normalise(text) !== '' &&
            !/[\r\n]/u.test(`${text}${code}`) &&
            !`${text}${code}`.includes('\u0000') &&
            code.trim() !== '',
        )
        const table = [
          markdownRow(['a', 'b']),
          markdownRow(['---', '---']),
          markdownRow([markdownText(text), markdownCode(code)]),
        ].join('\n')
        const html = markdown.render(table)
        const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/gu)].map((cell) => cell[1] ?? '')
        expect(cells).toHaveLength(2)
        expect(shownText(cells[0] ?? '', /^<a href="[^"]*">$|^<\/a>$/u)).toBe(text.trim())
        expect(shownText(cells[1] ?? '', /^<\/?code>$/u)).toBe(code)
      }),
      { numRuns: 300, seed: 7 },
    )
  })
})
