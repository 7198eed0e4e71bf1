import { describe, expect, it } from 'vitest'
import { closest } from './suggest.js'

const RULES = ['identity/missing', 'identity/uniqueness-undecided', 'identity/ambiguous-target', 'state/unreachable']

describe('closest', () => {
  it.each([
    ['a typo', 'identiy/missing', 'identity/missing'],
    ['two neighbours swapped', 'idnetity/missing', 'identity/missing'],
    ['a name cut short', 'identity/uniqueness', 'identity/uniqueness-undecided'],
    ['a part of the name', 'unreachable', 'state/unreachable'],
    ['a part cut short', 'ambig', 'identity/ambiguous-target'],
    ['any case', 'STATE/UNREACHABLE', 'state/unreachable'],
  ])('suggests for %s', (_, name, suggestion) => {
    expect(closest(name, RULES)).toBe(suggestion)
  })

  it.each([
    ['a short start that fits several', 'ide'],
    ['nothing like it', 'nonsense'],
  ])('suggests nothing for %s', (_, name) => {
    expect(closest(name, RULES)).toBeUndefined()
  })

  it('prefers the shortest name it begins', () => {
    expect(closest('identity', RULES)).toBe('identity/missing')
  })
})
