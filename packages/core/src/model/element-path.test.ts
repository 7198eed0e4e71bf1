import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { elementPath, parseElementPath } from './element-path.js'

describe('elementPath', () => {
  it.each([
    [['flows', 'signUp', 'steps', 2, 'to'], 'flows.signUp.steps[2].to'],
    [['flows', 'sign up', 'steps', 0], 'flows["sign up"].steps[0]'],
    [['entities', 'User'], 'entities.User'],
    [['machines', 'm', 'states', 'end'], 'machines.m.states.end'],
    [['components', '1st'], 'components["1st"]'],
    [['components', 'a"b'], 'components["a\\"b"]'],
    [['zones', 'zone-ä'], 'zones["zone-ä"]'],
    [['components', ''], 'components[""]'],
    [[], ''],
  ])('%j → %s', (segments, expected) => {
    expect(elementPath(segments)).toBe(expected)
    expect(parseElementPath(expected)).toEqual(segments)
  })
})

describe('parseElementPath', () => {
  it('reads back every path elementPath writes', () => {
    const segment = fc.oneof(fc.string(), fc.nat(), fc.constantFrom('flows', 'a.b', '[0]', '"', '\\', 'x]'))
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        expect(parseElementPath(elementPath(segments))).toEqual(segments)
      }),
    )
  })

  it.each(['.flows', 'flows..steps', 'flows.steps[x]', 'flows["a"', 'flows steps', 'a.1b', '[0]x'])(
    'rejects %j',
    (text) => {
      expect(parseElementPath(text)).toBeUndefined()
    },
  )
})
