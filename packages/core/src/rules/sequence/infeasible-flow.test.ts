import { describe, expect, it } from 'vitest'
import { assign, setup } from 'xstate'
import { findingsOf } from '../../testing/rule-findings.js'
import { sequenceInfeasibleFlow } from './infeasible-flow.js'

const rule = sequenceInfeasibleFlow

/** A cart: items are added, then paid for (only with an amount that covers the total), then shipped. */
const cart = setup({
  types: {
    context: {} as { total: number },
    events: {} as { type: 'add' } | { type: 'pay'; amount: number } | { type: 'ship' } | { type: 'cancel' },
  },
  guards: { covers: ({ context, event }) => event.type === 'pay' && event.amount >= context.total },
}).createMachine({
  id: 'cart',
  context: { total: 0 },
  initial: 'shopping',
  states: {
    shopping: {
      initial: 'empty',
      states: {
        empty: { on: { add: { target: 'filled', actions: assign({ total: ({ context }) => context.total + 10 }) } } },
        filled: {
          on: {
            add: { actions: assign({ total: ({ context }) => context.total + 10 }) },
            pay: { guard: 'covers', target: '#cart.paid' },
          },
        },
      },
      on: { cancel: 'cancelled' },
    },
    paid: { on: { ship: 'shipped' } },
    shipped: { type: 'final' },
    cancelled: { type: 'final' },
  },
})

function system(
  events: Array<string | undefined>,
  samples: Record<string, unknown[]> = { pay: [{ amount: 10 }, { amount: 20 }] },
) {
  return {
    name: 's',
    components: { browser: {}, api: {} },
    machines: { cart: { machine: cart, events: samples } },
    flows: {
      buy: {
        machine: 'cart',
        steps: events.map((event) => ({ from: 'browser', to: 'api', ...(event !== undefined && { event }) })),
      },
    },
  }
}

describe('sequence/infeasible-flow', () => {
  it('reports the first step whose event the machine refuses, with the state and what it accepts there', () => {
    expect(findingsOf(rule, system(['pay', 'add']))).toEqual([
      {
        rule: 'sequence/infeasible-flow',
        element: 'flows.buy.steps[0].event',
        message: 'event "pay" is refused by machine "cart" in state "shopping.empty" (accepted there: "add", "cancel")',
      },
    ])
  })

  it('replays assigns and guards with the declared payload samples: a second item needs the larger payment', () => {
    expect(findingsOf(rule, system(['add', 'add', 'pay', 'ship']))).toEqual([])
    expect(findingsOf(rule, system(['add', 'add', 'add', 'pay']))).toEqual([
      {
        rule: 'sequence/infeasible-flow',
        element: 'flows.buy.steps[3].event',
        message:
          'event "pay" is refused by machine "cart" in state "shopping.filled" (accepted there: "add", "cancel")',
      },
    ])
  })

  it('reports an event sent after the machine has stopped', () => {
    expect(findingsOf(rule, system(['cancel', 'add']))[0]?.message).toBe(
      'machine "cart" has already stopped in final state "cancelled" when this step sends "add"',
    )
  })

  it('reports an event the machine does not have, with a suggestion', () => {
    expect(findingsOf(rule, system(['add', 'pya']))).toEqual([
      {
        rule: 'sequence/infeasible-flow',
        element: 'flows.buy.steps[1].event',
        message: 'machine "cart" has no event "pya" (did you mean "pay"?)',
      },
    ])
    expect(findingsOf(rule, system(['refund']))[0]?.message).toBe(
      'machine "cart" has no event "refund" (its events: "cancel", "add", "pay", "ship")',
    )
  })

  it('reports a guard that throws while the flow is replayed', () => {
    const throwing = setup({
      guards: {
        broken: () => {
          throw new Error('no context\nsecond line')
        },
      },
    }).createMachine({
      initial: 'a',
      states: { a: { on: { go: { guard: 'broken', target: 'b' } } }, b: {} },
    })
    const model = { ...system(['go']), machines: { cart: throwing } }
    expect(findingsOf(rule, model)[0]).toEqual({
      rule: 'sequence/infeasible-flow',
      element: 'flows.buy.steps[0].event',
      message: `machine "cart" threw while taking this step's event: Unable to evaluate guard 'broken' in transition for event 'go' in state node '(machine).a': no context second line`,
    })
  })

  it('replays parallel regions', () => {
    const order = setup({}).createMachine({
      type: 'parallel',
      states: {
        payment: { initial: 'pending', states: { pending: { on: { paid: 'done' } }, done: {} } },
        shipping: {
          initial: 'idle',
          states: { idle: { on: { packed: 'ready' } }, ready: { on: { sent: 'gone' } }, gone: {} },
        },
      },
    })
    const model = (events: string[]) => ({ ...system(events), machines: { cart: order } })
    expect(findingsOf(rule, model(['packed', 'paid', 'sent']))).toEqual([])
    expect(findingsOf(rule, model(['sent']))[0]?.message).toBe(
      'event "sent" is refused by machine "cart" in state "payment.pending, shipping.idle" (accepted there: "paid", "packed")',
    )
  })

  it.each([
    ['a feasible path, with steps that send no event', ['add', undefined, 'pay', 'ship']],
    ['a flow whose steps send no events', [undefined, undefined]],
  ])('is silent for %s', (_, events) => {
    expect(findingsOf(rule, system(events))).toEqual([])
  })

  it('is silent for a flow without a machine', () => {
    expect(
      findingsOf(rule, { name: 's', components: { a: {} }, flows: { f: { steps: [{ from: 'a', to: 'a' }] } } }),
    ).toEqual([])
  })
})
