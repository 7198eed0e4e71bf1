import { describe, expect, test } from 'vitest'
import { mermaidLabel, mermaidInlineLabel } from './label.js'

describe('mermaidLabel', () => {
  test('keeps letters, digits, spaces and harmless punctuation as they are', () => {
    expect(mermaidLabel("sign up, then log in - it's 1/2 done!")).toBe("sign up, then log in - it's 1/2 done!")
  })

  test('encodes every character a diagram type gives a meaning', () => {
    expect(mermaidLabel('a;b"c:d#e%%f')).toBe('a#59;b#34;c#58;d#35;e#37;#37;f')
    expect(mermaidLabel('<script>alert(1)</script>')).toBe(
      '#60;script#62;alert#40;1#41;#60;#47;script#62;'.replace('#47;', '/'),
    )
    expect(mermaidLabel('%%{init: {"theme":"dark"}}%%')).toBe(
      '#37;#37;#123;init#58; #123;#34;theme#34;#58;#34;dark#34;#125;#125;#37;#37;',
    )
    expect(mermaidLabel('[x](http://a.b)')).toBe('#91;x#93;#40;http#58;//a.b#41;')
    expect(mermaidLabel('*x* _y_ `z` $$m$$ =')).toBe('#42;x#42; #95;y#95; #96;z#96; #36;#36;m#36;#36; #61;')
  })

  test('an entity code in the input stays text: its # is encoded', () => {
    expect(mermaidLabel('#59;')).toBe('#35;59#59;')
  })

  test('writes line breaks as <br>', () => {
    expect(mermaidLabel('one\ntwo\r\nthree')).toBe('one<br>two<br>three')
  })

  test('encodes a leading list marker, so Mermaid 11 does not read Markdown', () => {
    expect(mermaidLabel('- item')).toBe('#45; item')
    expect(mermaidLabel('+ item')).toBe('#43; item')
    expect(mermaidLabel('12. item')).toBe('12#46; item')
    expect(mermaidLabel('a\n- b')).toBe('a<br>#45; b')
    expect(mermaidLabel('a - b 1. c')).toBe('a - b 1. c')
  })

  test('encodes spaces at either end, which Mermaid would trim, and runs of spaces after the first', () => {
    expect(mermaidLabel(' a b ')).toBe('#32;a b#32;')
    expect(mermaidLabel(' ')).toBe('#32;')
    expect(mermaidLabel('a   b')).toBe('a #32;#32;b')
  })

  test('keeps letters of any script and emoji; encodes invisible characters and the ones Mermaid uses to hide entities', () => {
    expect(mermaidLabel('שלום мир 🚀 ünï')).toBe('שלום мир 🚀 ünï')
    expect(mermaidLabel('👨\u200d👩')).toBe('👨#8205;👩')
    expect(mermaidLabel('a\tb\u00a0c\u2028d')).toBe('a#9;b#160;c#8232;d')
    expect(mermaidLabel('ﬂ°°59¶ß')).toBe('#64258;#8288;#176;#176;59#182;#8288;#223;')
    expect(mermaidLabel('straße ¶ ﬂ')).toBe('stra#223;e #182; #64258;')
  })

  test('in an inline label a line break is a code', () => {
    expect(mermaidInlineLabel('one\n- two')).toBe('one#10;#45; two')
  })

  test('the empty label is empty', () => {
    expect(mermaidLabel('')).toBe('')
  })
})

test('the space after "direction" is a code, so Mermaid 11 does not read a direction statement in a label', () => {
  expect(mermaidInlineLabel('direction TB')).toBe('direction#32;TB')
  expect(mermaidInlineLabel('a Direction lr b')).toBe('a Direction#32;lr b')
})
