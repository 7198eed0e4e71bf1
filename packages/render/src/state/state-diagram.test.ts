import { and, assign, createMachine, not, setup } from 'xstate'
import { describe, expect, test } from 'vitest'
import type { Diagnostic, RuleId } from '@plumbline/core'
import { parseStateDiagram } from '../testing/mermaid.js'
import { shopModel } from '../testing/fixture-models.js'
import { VERSIONS } from '../testing/model-expectations.js'
import { stateDiagram } from './state-diagram.js'

function finding(rule: RuleId, element: string): Diagnostic {
  return { rule, severity: 'warning', message: 'found', element }
}

describe('stateDiagram', () => {
  test('draws nesting, parallel regions, guards, delays, invoked actors, eventless and machine-level transitions, one edge between two states', async () => {
    const model = await shopModel()
    const order = model.machines.order
    if (order === undefined) throw new Error('no machine')
    expect(stateDiagram('order', order.machine).text).toBe(`stateDiagram-v2
  state "draft" as s_draft
  state "review" as s_review
  state "paying" as s_paying
  s_paying : invokes charge
  s_paying : stays on RETRY #91;canRetry#93;
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
  [*] --> s_draft
  s_done --> [*]
  s_cancelled --> [*]
  s_draft --> s_paying : PAY #91;hasItems#93;
  s_draft --> s_cancelled : CANCEL
  s_draft --> s_review : always #91;isBig#93;
  s_review --> s_draft : REVIEW<br>RESET
  s_paying --> s_fulfilment : charge done
  s_paying --> s_draft : charge failed<br>after paymentTimeout #40;30s#41;<br>RESET
  s_fulfilment --> s_cancelled : CANCEL #91;isAdmin#93;
  s_fulfilment --> s_done : done
  s_draft --> s_draft : RESET
  s_fulfilment --> s_draft : RESET
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

  test('names composed, named, inline and anonymous guards (by their place among the branches), and delays', async () => {
    const machine = setup({ guards: { a: () => true, b: () => true } }).createMachine({
      initial: 'one',
      states: {
        one: {
          on: {
            X: { target: 'two', guard: and(['a', not('b')]) },
            Y: [
              {
                target: 'two',
                guard: function isReady() {
                  return true
                },
              },
              { target: 'two', guard: { type: 'a', params: { n: 1 } } },
            ],
          },
          always: [{ target: 'two', guard: () => true }, { target: 'three', guard: () => false }, { target: 'three' }],
          // `slow` has no implementation in setup({ delays }): XState takes the transition at once.
          // biome-ignore lint/complexity/useSimpleNumberKeys: a long delay reads better with a separator
          after: { 250: 'two', 120_000: 'two', 1500: 'two', ...({ slow: 'three' } as object) },
        },
        two: {},
        three: {},
      },
    })
    const text = stateDiagram('m', machine).text
    for (const version of VERSIONS) {
      const { transitions } = await parseStateDiagram(version, text)
      expect(transitions.filter(({ label }) => label !== '').map(({ to, label }) => [to, label.split('\n')])).toEqual([
        [
          's_two',
          [
            'X [and(a, not(b))]',
            'Y [isReady]',
            'Y [a]',
            'after 250ms',
            'after 1500ms',
            'after 2min',
            'always [guard 1]',
          ],
        ],
        ['s_three', ['after slow (no duration: taken at once)', 'always [guard 2]', 'always']],
      ])
    }
  })

  // Mermaid cannot lay out an edge between a composite and a state inside it (see edge-ends.ts).
  test('a transition across composite borders is an edge: from every state a composite can be in, or into the state it re-enters', async () => {
    const machine = createMachine({
      id: 'm',
      initial: 'outer',
      states: {
        outer: {
          initial: 'inner',
          on: { TICK: {}, DOWN: '.inner.deep', AGAIN: { target: 'outer', reenter: true } },
          states: {
            inner: {
              initial: 'deep',
              on: { UP: '#m.outer', 'send note': '#m.outer' },
              states: { deep: { on: { OUT: '#m.away' } } },
            },
            other: {},
          },
        },
        away: { on: { BACK: 'outer.other' } },
      },
    })
    const text = stateDiagram('m', machine).text
    expect(text).toBe(`stateDiagram-v2
  state "outer · stays on TICK" as s_outer {
    state "inner" as s_outer_inner {
      state "deep" as s_outer_inner_deep
      [*] --> s_outer_inner_deep
      s_outer_inner_deep --> s_outer_inner_deep : DOWN<br>AGAIN #40;re-enters outer#41;<br>UP #40;re-enters outer#41;<br>send note #40;re-enters outer#41;
    }
    state "other" as s_outer_other
    [*] --> s_outer_inner
  }
  state "away" as s_away
  [*] --> s_outer
  s_outer_other --> s_outer_inner_deep : DOWN<br>AGAIN #40;re-enters outer#41;
  s_outer_inner_deep --> s_away : OUT
  s_away --> s_outer_other : BACK
`)
    for (const version of VERSIONS) {
      const { notes, transitions, states } = await parseStateDiagram(version, text)
      expect(notes).toEqual([])
      expect(states.find(({ id }) => id === 's_outer')?.label).toBe('outer · stays on TICK')
      expect(
        transitions.filter(({ label }) => label !== '').map(({ from, to, label }) => `${from}→${to}: ${label}`),
      ).toEqual([
        's_outer_inner_deep→s_outer_inner_deep: DOWN\nAGAIN (re-enters outer)\nUP (re-enters outer)\nsend note (re-enters outer)',
        's_outer_other→s_outer_inner_deep: DOWN\nAGAIN (re-enters outer)',
        's_outer_inner_deep→s_away: OUT',
        's_away→s_outer_other: BACK',
      ])
    }
  })

  test('a transition without a target is written in its state, a leaf or a composite, and the machine’s own in a note', async () => {
    const machine = createMachine({
      id: 'm',
      initial: 'a',
      on: { PING: {} },
      states: { a: { on: { TICK: {}, GO: 'b' } }, b: { initial: 'c', on: { TOCK: {} }, states: { c: {} } } },
    })
    const text = stateDiagram('m', machine).text
    expect(text).toBe(`stateDiagram-v2
  state "a" as s_a
  s_a : stays on TICK
  state "b · stays on TOCK" as s_b {
    state "c" as s_b_c
    [*] --> s_b_c
  }
  note left of s_a : in every state, stays on PING
  [*] --> s_a
  s_a --> s_b : GO
`)
    for (const version of VERSIONS) {
      const { notes, transitions } = await parseStateDiagram(version, text)
      expect(notes.map((note) => note.text)).toEqual(['in every state, stays on PING'])
      expect(transitions.filter(({ from, to }) => from === to)).toEqual([])
    }
  })

  test('history states as H and H*, with an edge to the state each enters when it remembers nothing', async () => {
    const machine = createMachine({
      id: 'player',
      initial: 'on',
      states: {
        on: {
          initial: 'playing',
          on: { OFF: 'off' },
          states: {
            playing: { on: { PAUSE: 'paused' } },
            paused: { on: { PLAY: 'playing' } },
            last: { type: 'history' },
            deepest: { type: 'history', history: 'deep', target: 'paused' },
          },
        },
        off: { on: { ON: 'on.last', RESUME: 'on.deepest' } },
      },
    })
    const text = stateDiagram('player', machine).text
    expect(text).toBe(`stateDiagram-v2
  state "on" as s_on {
    state "playing" as s_on_playing
    state "paused" as s_on_paused
    state "H" as s_on_last
    state "H#42;" as s_on_deepest
    [*] --> s_on_playing
    s_on_playing --> s_on_paused : PAUSE
    s_on_paused --> s_on_playing : PLAY
    s_on_last --> s_on_playing
    s_on_deepest --> s_on_paused
  }
  state "off" as s_off
  [*] --> s_on
  s_on --> s_off : OFF
  s_off --> s_on_last : ON
  s_off --> s_on_deepest : RESUME
`)
    for (const version of VERSIONS) {
      const { states, transitions } = await parseStateDiagram(version, text)
      expect(
        states
          .filter(({ id }) => id === 's_on_last' || id === 's_on_deepest')
          .map(({ label, parent }) => [label, parent]),
      ).toEqual([
        ['H', 's_on'],
        ['H*', 's_on'],
      ])
      expect(
        transitions.filter(({ from }) => from === 's_on_last' || from === 's_on_deepest').map(({ to }) => to),
      ).toEqual(['s_on_playing', 's_on_paused'])
    }
  })

  test('--detail: entry and exit actions by name, tags and description, in the state', async () => {
    const machine = setup({ actions: { logIn: () => {} } }).createMachine({
      initial: 'a',
      states: {
        a: {
          entry: ['logIn', assign({}), () => {}],
          exit: function leave() {},
          tags: ['busy', 'visible'],
          description: 'Waiting for the user',
          on: { GO: 'b' },
        },
        b: { initial: 'c', entry: { type: 'logIn' }, tags: 'open', states: { c: {} } },
      },
    })
    expect(stateDiagram('m', machine).text).not.toContain('entry')
    const text = stateDiagram('m', machine, [], { detail: true }).text
    expect(text).toBe(`stateDiagram-v2
  state "a" as s_a
  s_a : entry / logIn, assign, an inline action
  s_a : exit / leave
  s_a : tags#58; busy, visible
  s_a : Waiting for the user
  state "b · entry / logIn · tags#58; open" as s_b {
    state "c" as s_b_c
    [*] --> s_b_c
  }
  [*] --> s_a
  s_a --> s_b : GO
`)
    for (const version of VERSIONS)
      expect((await parseStateDiagram(version, text)).states[0]?.lines).toEqual([
        'entry / logIn, assign, an inline action',
        'exit / leave',
        'tags: busy, visible',
        'Waiting for the user',
      ])
  })

  test('a final state the check finds deadlocked (its parent has no onDone) is marked once, by its [*]', () => {
    const machine = createMachine({
      initial: 'outer',
      states: { outer: { initial: 'finished', states: { finished: { type: 'final' } } } },
    })
    const text = stateDiagram('m', machine, [finding('state/deadlock', 'machines.m.states.outer.states.finished')]).text
    expect(text).toBe(`stateDiagram-v2
  state "outer" as s_outer {
    state "finished" as s_outer_finished
    [*] --> s_outer_finished
    s_outer_finished --> [*]
  }
  [*] --> s_outer
`)
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
      s_left_a --> s_left_a : STOP
    }
    --
    state "right" as s_right {
      state "b" as s_right_b
      [*] --> s_right_b
      s_right_b --> s_right_b : GO
    }
  }
  [*] --> s_both
  s_right --> s_left_a : STOP
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
