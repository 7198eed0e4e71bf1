import { createMachine } from 'xstate'
import { describe, expect, test } from 'vitest'
import { stateDiagram } from '../state/state-diagram.js'
import { namedNodeId, stateNodeId } from './diagram-nodes.js'

describe('stateNodeId', () => {
  const machine = createMachine({
    id: 'm',
    initial: 'idle',
    states: {
      idle: { on: { GO: 'a_b' } },
      a_b: { initial: 'idle', states: { idle: {}, 'x #1; "q"': {} } },
      a: { initial: 'b', states: { b: {} } },
    },
  })
  const { text } = stateDiagram('m', machine)

  test('finds each state by its path, apart from a namesake elsewhere and an id that collides', () => {
    expect(stateNodeId(text, ['idle'])).toBe('s_idle')
    expect(stateNodeId(text, ['a_b', 'idle'])).toBe('s_a_b_idle')
    // `a.b` and `a_b` would both be `s_a_b`: the id of the later one has a suffix.
    expect(stateNodeId(text, ['a', 'b'])).toBe('s_a_b_2')
    expect(stateNodeId(text, ['a_b'])).toBe('s_a_b')
    expect(stateNodeId(text, ['a_b', 'x #1; "q"'])).toMatch(/^s_a_b_x__1___q_/u)
    expect(stateNodeId(text, ['nowhere'])).toBeUndefined()
    // A state the diagram does not draw: its nearest drawn ancestor.
    expect(stateNodeId(text, ['a_b', 'gone'])).toBe('s_a_b')
    expect(stateNodeId(text, [])).toBeUndefined()
  })

  test('a parallel machine is drawn in a composite of its own, which the path does not name', () => {
    const parallel = createMachine({
      id: 'p',
      type: 'parallel',
      states: { left: { initial: 'on', states: { on: {} } }, right: { initial: 'on', states: { on: {} } } },
    })
    const drawn = stateDiagram('p', parallel).text
    expect(stateNodeId(drawn, ['right', 'on'])).toBe('s_right_on')
  })
})

describe('namedNodeId', () => {
  test('reads flowchart and entity declarations of any bracket shape, by the label as displayed', () => {
    const text = 'flowchart LR\n  c_db[("🚀 #35;1")]\n  c_api["api"]\n  c_api -->|"c_db"| c_db\n'
    expect(namedNodeId(text, 'c_', '🚀 #1')).toBe('c_db')
    expect(namedNodeId(text, 'c_', 'api')).toBe('c_api')
    expect(namedNodeId(text, 'c_', 'missing')).toBeUndefined()
    expect(namedNodeId('erDiagram\n  e_User["User"] {\n', 'e_', 'User')).toBe('e_User')
  })
})
