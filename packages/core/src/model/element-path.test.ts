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
  })
})

describe('parseElementPath', () => {
  it.each([
    ['flows.signUp.steps[2].to', ['flows', 'signUp', 'steps', 2, 'to']],
    ['flows["sign up"].steps[0]', ['flows', 'sign up', 'steps', 0]],
    ['components["a\\"b"]', ['components', 'a"b']],
    ['components[""]', ['components', '']],
    ['[1]', [1]],
    ['', []],
  ])('%s → %j', (path, segments) => {
    expect(parseElementPath(path)).toEqual(segments)
    expect(elementPath(segments)).toBe(path)
  })

  it.each(['flows.', 'flows..a', 'flows[x]', 'flows[01]', 'flows["a]', '.flows', 'flows sign'])('rejects %j', (path) => {
    expect(parseElementPath(path)).toBeUndefined()
  })
})
