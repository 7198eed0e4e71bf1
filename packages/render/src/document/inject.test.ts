import { describe, expect, test } from 'vitest'
import { injectBlocks } from './inject.js'

const blocks = new Map([
  ['shop', '# shop\n'],
  ['shop/decisions', '| a |\n'],
])

describe('injectBlocks', () => {
  test('replaces what is between the markers and nothing else; injecting again changes nothing', () => {
    const text =
      'Intro\n\n<!-- plumbline:shop/decisions -->\nold\n<!-- /plumbline:shop/decisions -->\n\nOutro\n  <!-- plumbline:shop -->\n<!-- /plumbline:shop -->\n'
    const once = injectBlocks(text, blocks)
    expect(once).toEqual({
      success: true,
      text: 'Intro\n\n<!-- plumbline:shop/decisions -->\n| a |\n<!-- /plumbline:shop/decisions -->\n\nOutro\n  <!-- plumbline:shop -->\n# shop\n<!-- /plumbline:shop -->\n',
    })
    if (once.success) expect(injectBlocks(once.text, blocks)).toEqual(once)
  })

  test('takes a marker only on a line of its own, so prose can mention one', () => {
    const text =
      'Fill `<!-- plumbline:NAME -->` … `<!-- /plumbline:NAME -->` blocks.\n<!-- plumbline:shop -->\n<!-- /plumbline:shop -->\n'
    expect(injectBlocks(text, blocks)).toEqual({
      success: true,
      text: 'Fill `<!-- plumbline:NAME -->` … `<!-- /plumbline:NAME -->` blocks.\n<!-- plumbline:shop -->\n# shop\n<!-- /plumbline:shop -->\n',
    })
  })

  test('names the line and the problem of a bad marker', () => {
    expect(injectBlocks('a\n<!-- plumbline:nope -->\n<!-- /plumbline:nope -->', blocks)).toEqual({
      success: false,
      error: 'line 2: names no block: "nope" (known: "shop", "shop/decisions")',
    })
    expect(injectBlocks('<!-- plumbline:shop -->\n', blocks)).toEqual({
      success: false,
      error: 'line 1: block "shop" is never closed (<!-- /plumbline:shop -->)',
    })
    expect(injectBlocks('\n\n<!-- /plumbline:shop -->', blocks)).toEqual({
      success: false,
      error: 'line 3: closes block "shop", which is not open',
    })
    expect(injectBlocks('<!-- plumbline:shop -->\n<!-- plumbline:shop/decisions -->', blocks)).toEqual({
      success: false,
      error: 'line 2: opens block "shop/decisions" inside block "shop" (opened on line 1)',
    })
    expect(injectBlocks('no markers', blocks)).toEqual({
      success: false,
      error: 'has no plumbline markers (<!-- plumbline:NAME --> … <!-- /plumbline:NAME -->)',
    })
  })

  test('keeps a CRLF file CRLF: the marker lines keep their endings, and the block takes them', () => {
    const text = 'Intro\r\n<!-- plumbline:shop/decisions -->\r\nold\r\n<!-- /plumbline:shop/decisions -->\r\nOutro\r\n'
    const once = injectBlocks(text, blocks)
    expect(once).toEqual({
      success: true,
      text: 'Intro\r\n<!-- plumbline:shop/decisions -->\r\n| a |\r\n<!-- /plumbline:shop/decisions -->\r\nOutro\r\n',
    })
    if (once.success) expect(injectBlocks(once.text, blocks)).toEqual(once)
  })

  test('leaves markers inside fenced code alone: a document may show how to write one', () => {
    const example =
      '```md\n<!-- plumbline:NAME -->\n<!-- /plumbline:NAME -->\n```\n~~~~\n<!-- plumbline:shop -->\n~~~\n<!-- /plumbline:shop -->\n~~~~\n'
    const text = `${example}<!-- plumbline:shop/decisions -->\n<!-- /plumbline:shop/decisions -->\n`
    expect(injectBlocks(text, blocks)).toEqual({
      success: true,
      text: `${example}<!-- plumbline:shop/decisions -->\n| a |\n<!-- /plumbline:shop/decisions -->\n`,
    })
    expect(injectBlocks(example, blocks)).toEqual({
      success: false,
      error: 'has no plumbline markers (<!-- plumbline:NAME --> … <!-- /plumbline:NAME -->)',
    })
  })

  test('reads a marker on the first line of a file that starts with a byte order mark, and keeps the mark', () => {
    const text = '\uFEFF<!-- plumbline:shop/decisions -->\n<!-- /plumbline:shop/decisions -->\n'
    expect(injectBlocks(text, blocks)).toEqual({
      success: true,
      text: '\uFEFF<!-- plumbline:shop/decisions -->\n| a |\n<!-- /plumbline:shop/decisions -->\n',
    })
  })
})
