import { describe, expect, it } from 'vitest'
import { sourceColumn } from './thrown-column.js'

describe('sourceColumn: the column of the source from the column of the code that ran', () => {
  it('is the same column where the line ran as written', () => {
    expect(sourceColumn("const limits = JSON.parse('{')", "const limits = JSON.parse('{')", 21)).toBe(21)
  })

  it('finds the word again where indentation and types were dropped', () => {
    // `throw new Error()` throws at `new`.
    expect(sourceColumn("    throw new Error('boom')", "throw new Error('boom');", 7)).toBe(11)
    expect(sourceColumn('const b = (null as any).foo', 'const b = null.foo;', 16)).toBe(25)
  })

  it('a property read throws at its dot, the dot before the same word in the source', () => {
    expect(sourceColumn('const m = (o as T | null)!.max', 'const m = o.max;', 12)).toBe(27)
  })

  it('counts occurrences of the word: the second `x` ran is the second written', () => {
    expect(sourceColumn('const x: X = f(x, x.y)', 'const x = f(x, x.y);', 16)).toBe(19)
  })

  it('is unknown where the word is not in the source as often, or there is no word', () => {
    expect(sourceColumn('const a = b', 'const a = _b;', 11)).toBeUndefined()
    expect(sourceColumn('  (a)', '(a);', 1)).toBeUndefined()
  })
})
