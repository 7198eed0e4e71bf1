import { and, createMachine, not, setup } from 'xstate'
import { describe, expect, test } from 'vitest'
import type { Diagnostic } from '@plumbline/core'
import { parseStateDiagram } from '../testing/mermaid.js'
import { shopModel } from '../testing/fixture-models.js'
import { VERSIONS } from '../testing/model-expectations.js'
import { stateDiagram } from './state-diagram.js'

function finding(rule: string, element: string): Diagnostic {
  return { rule, severity: 'warning', message: 'found', element }
}

describe('stateDiagram', () => {
  test('draws nesting, parallel regions, guards, delays, invoked actors, eventless and machine-level transitions', async () => {
    const model = await shopModel()
    const order = model.machines.order
    if (order === undefined) throw new Error('no machine')
    expect(stateDiagram('order', order.machine).text).toBe(`stateDiagram-v2
  state "draft" as s_draft
  state "review" as s_review
  state "paying" as s_paying
  state "fulfilment" as s_fulfilment {
    state "packing" as s_fulfilment_packing {
      state "picking" as s_fulfilment_packing_picking
      state "packed" as s_fulfilment_packing_packed
      [*] --> s_fulfilment_packing_picking
      s_fulfilment_packing_packed --> [*]
      s_fulfilment_packing_picking --> s_fulfilment_packing_packed : SHIP
    }
    --
    state "billing" as s_fulfilment_billing {
      state "invoicing" as s_fulfilment_billing_invoicing
      state "invoiced" as s_fulfilment_billing_invoiced
      [*] --> s_fulfilment_billing_invoicing
      s_fulfilment_billing_invoiced --> [*]
      s_fulfilment_billing_invoicing --> s_fulfilment_billing_invoiced : after 5s
    }
  }
  state "done" as s_done
  state "cancelled" as s_cancelled
  state "#40;any state#41;" as s_any_state
  [*] --> s_draft
  s_done --> [*]
  s_cancelled --> [*]
  s_draft --> s_paying : PAY #91;hasItems#93;
  s_draft --> s_cancelled : CANCEL
  s_draft --> s_review : always #91;isBig#93;
  s_review --> s_draft : REVIEW
  s_paying --> s_paying : RETRY #91;canRetry#93;
  s_paying --> s_fulfilment : charge done
  s_paying --> s_draft : charge error
  s_paying --> s_draft : after paymentTimeout #40;30s#41;
  s_fulfilment --> s_cancelled : CANCEL #91;isAdmin#93;
  s_fulfilment --> s_done : done
  s_any_state --> s_draft : RESET
`)
  })

  test('marks unreachable and deadlock states from the check with a class and a label suffix', async () => {
    const model = await shopModel()
    const order = model.machines.order
    if (order === undefined) throw new Error('no machine')
    const diagram = stateDiagram('order', order.machine, [
      finding('state/unreachable', 'machines.order.states.fulfilment.states.billing.states.invoiced'),
      finding('state/deadlock', 'machines.order.states.review'),
      finding('state/deadlock', 'machines.other.states.review'),
      finding('state/no-final-path', 'machines.order.states.draft'),
    ])
    expect(diagram.text).toContain(
      '  classDef unreachable fill:#eeeeee,stroke:#888888,stroke-dasharray:4 4,color:#555555\n  class s_fulfilment_billing_invoiced unreachable\n',
    )
    expect(diagram.text).toContain(
      '  classDef deadlock fill:#ffdddd,stroke:#cc0000,stroke-width:2px,color:#990000\n  class s_review deadlock\n',
    )
    for (const version of VERSIONS) {
      const { states } = await parseStateDiagram(version, diagram.text)
      const marked = states.filter((state) => state.classes.length > 0).map(({ label, classes }) => [label, classes])
      expect(marked).toEqual([
        ['review (deadlock)', ['deadlock']],
        ['invoiced (unreachable)', ['unreachable']],
      ])
    }
  })

  test('names composed guards, inline guards and delays', () => {
    const machine = setup({ guards: { a: () => true, b: () => true } }).createMachine({
      initial: 'one',
      states: {
        one: {
          on: { X: { target: 'two', guard: and(['a', not('b')]) }, Y: { target: 'two', guard: () => true } },
          // biome-ignore lint/complexity/useSimpleNumberKeys: a long delay reads better with a separator
          after: { 250: 'two', 120_000: 'two', 1500: 'two' },
        },
        two: {},
      },
    })
    const transitions = stateDiagram('m', machine)
      .text.split('\n')
      .filter((line) => line.includes(' --> s_two'))
    expect(transitions).toEqual([
      '  s_one --> s_two : X #91;and#40;a, not#40;b#41;#41;#93;',
      '  s_one --> s_two : Y #91;guard#93;',
      '  s_one --> s_two : after 250ms',
      '  s_one --> s_two : after 1500ms',
      '  s_one --> s_two : after 2min',
    ])
  })

  // Both do not lay out in Mermaid (mermaid#4866); `end note` would end the note (mermaid#7089).
  test('draws a transition between a composite and its own states, or from a composite to itself, as a note', async () => {
    const machine = createMachine({
      id: 'm',
      initial: 'outer',
      states: {
        outer: {
          initial: 'inner',
          on: { TICK: {}, DOWN: '.inner' },
          states: { inner: { on: { UP: '#m.outer', 'send note': '#m.outer' } } },
        },
      },
    })
    const text = stateDiagram('m', machine).text
    expect(text).toBe(`stateDiagram-v2
  state "outer" as s_outer {
    state "inner" as s_outer_inner
    note right of s_outer_inner : UP → outer · send#32;note → outer
    [*] --> s_outer_inner
  }
  note right of s_outer : ↻ TICK · DOWN → inner
  [*] --> s_outer
`)
    for (const version of VERSIONS) {
      const { notes, transitions } = await parseStateDiagram(version, text)
      expect(notes.map((note) => note.text).sort()).toEqual(['UP → outer · send note → outer', '↻ TICK · DOWN → inner'])
      expect(transitions.filter((transition) => transition.label !== '')).toEqual([])
    }
  })

  // With a <br>, Mermaid 11 reads a state's label as Markdown: `*a*` would be italic.
  test('a line break in a state name is written as a code, not <br>', () => {
    const machine = createMachine({ initial: 'a\n*b*', states: { 'a\n*b*': {} } })
    expect(stateDiagram('m', machine).text).toContain('  state "a#10;#42;b#42;" as s_a__b_\n')
  })

  test('draws a parallel machine as one composite with its regions', async () => {
    const machine = createMachine({
      id: 'both',
      type: 'parallel',
      on: { STOP: '.left.a' },
      states: {
        left: { initial: 'a', states: { a: {} } },
        right: { initial: 'b', states: { b: { on: { GO: 'b' } } } },
      },
    })
    const text = stateDiagram('both', machine).text
    expect(text).toBe(`stateDiagram-v2
  state "both" as s_both {
    state "left" as s_left {
      state "a" as s_left_a
      [*] --> s_left_a
    }
    --
    state "right" as s_right {
      state "b" as s_right_b
      [*] --> s_right_b
      s_right_b --> s_right_b : GO
    }
  }
  note right of s_both : STOP → a
  [*] --> s_both
`)
    for (const version of VERSIONS) await parseStateDiagram(version, text)
  })

  test('counts every drawn transition as an edge', async () => {
    const model = await shopModel()
    const order = model.machines.order
    if (order === undefined) throw new Error('no machine')
    const diagram = stateDiagram('order', order.machine)
    expect(diagram.edges).toBe(diagram.text.split('\n').filter((line) => line.includes(' --> ')).length)
  })
})
