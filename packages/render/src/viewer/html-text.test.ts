import { describe, expect, test } from 'vitest'
import { htmlText, jsonIsland } from './html-text.js'

describe('htmlText', () => {
  test('encodes the characters that start markup or end an attribute, and nothing else', () => {
    expect(htmlText(`<script>alert("x" & 'y')</script> 🚀 שלום`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt; 🚀 שלום',
    )
  })
})

describe('jsonIsland', () => {
  test('no text can close the script element or open a comment, and it parses back to the value', () => {
    const value = { name: '</script><script>alert(1)</script>', note: '<!-- x -->', lines: 'a\u2028b\u2029c', and: '&' }
    const island = jsonIsland(value)
    expect(island).not.toMatch(/[<>&\u2028\u2029]/u)
    expect(JSON.parse(island)).toEqual(value)
  })
})
