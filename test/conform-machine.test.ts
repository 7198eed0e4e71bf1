/**
 * `plumbline conform` of a machine adapter: test/fixtures/conform/order.model.ts's XState
 * machine against a real order written as a plain class (order.real.ts), its invoked charge
 * and its delay made to happen by the adapter (a manual gateway and clock).
 */
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.js'

const FIXTURES = 'test/fixtures/conform'

describe('plumbline conform on a machine, against a class', () => {
  it('passes a conforming class with every transition covered, actor done/error and the delay included', async () => {
    const result = await runCli(['conform', `${FIXTURES}/order.adapter.ts`, '--format', 'json'])
    expect(result.exitCode).toBe(0)
    const [model] = JSON.parse(result.stdout).models
    expect(model.diagnostics).toEqual([])
    const { ms, ...figures } = model.conformance[0]
    expect(figures).toEqual({
      element: 'machines.order',
      paths: 'transitions',
      sequences: 8,
      steps: 28,
      transitions: { covered: 12, reachable: 12 },
      states: { covered: 9, reachable: 9 },
      complete: true,
    })
  })

  it('passes it with --rejections: events the model ignores leave the real order as it is', async () => {
    const result = await runCli(['conform', `${FIXTURES}/order.adapter.ts`, '--rejections', '--format', 'json'])
    expect(result.exitCode).toBe(0)
    const [model] = JSON.parse(result.stdout).models
    expect(model.diagnostics).toEqual([])
    // 9 snapshots × 6 event types, less the 12 transitions the model takes.
    expect(model.conformance[0]).toMatchObject({ rejections: 42, transitions: { covered: 12, reachable: 12 } })
  })

  it('fails a class that empties the cart when a charge is declined: the actor error step, with the diff', async () => {
    const result = await runCli(['conform', `${FIXTURES}/order-forgetful.adapter.ts`])
    expect(result.stdout).toBe(`${FIXTURES}/order-forgetful.adapter.ts (orders)
  ✖ error  machines.order.states.paying  conform/state-mismatch
    xstate.error.actor.charge (step 3: ADD · SUBMIT · xstate.error.actor.charge), the real system's state differs from the model's: context.items: model 1, observed 0
    from {"value":"cart","context":{"items":0}}
    1. ADD
       context.items: 0 → 1
    2. SUBMIT
       value: "cart" → "paying"
    3. xstate.error.actor.charge
       value: "paying" → "cart"
       observed {"value":"cart","context":{"items":0}}
       ≠ context.items: model 1, observed 0
  explored machines.order: 9 states, 12 transitions, depth 4
  conformance of machines.order: 8 sequences, 28 steps, transitions covered 10/12, states 9/9

1 model checked: ✖ 1 error, 0 warnings, 0 infos
`)
    expect(result.exitCode).toBe(1)
  })

  it('fails a class that lets a paid order be cancelled, with --rejections: conform/accepted in JSON', async () => {
    const result = await runCli(['conform', `${FIXTURES}/order-lenient.adapter.ts`, '--rejections', '--format', 'json'])
    expect(result.exitCode).toBe(1)
    const paying = { value: 'paying', context: { items: 1 } }
    const paid = { value: 'paid', context: { items: 1 } }
    expect(JSON.parse(result.stdout).models[0].diagnostics).toEqual([
      {
        rule: 'conform/accepted',
        severity: 'error',
        message:
          'the real system accepted CANCEL (step 4: ADD · SUBMIT · xstate.done.actor.charge · CANCEL), which the model does not allow in that state, and its state changed: value: model "paid", observed "cancelled"',
        element: 'machines.order.states.paid',
        initial: { value: 'cart', context: { items: 0 } },
        trace: [
          {
            action: 'ADD',
            params: {},
            state: { value: 'cart', context: { items: 1 } },
            observed: { value: 'cart', context: { items: 1 } },
          },
          { action: 'SUBMIT', params: {}, state: paying, observed: paying },
          { action: 'xstate.done.actor.charge', params: {}, state: paid, observed: paid },
          {
            action: 'CANCEL',
            params: {},
            state: paid,
            modelDisallows: 'ignores',
            observed: { value: 'cancelled', context: { items: 1 } },
            diff: [{ path: 'value', model: 'paid', observed: 'cancelled' }],
          },
        ],
        location: { file: `${FIXTURES}/order-lenient.adapter.ts` },
      },
    ])
  })

  it('names an unbound delay and a misspelt actor event, with did you mean, and exits 2', async () => {
    const result = await runCli(['conform', `${FIXTURES}/order-unbound.adapter.ts`])
    expect(result.exitCode).toBe(2)
    const file = `${FIXTURES}/order-unbound.adapter.ts`
    expect(result.stderr).toBe(
      `error: ${file}: events["xstate.error.actor.charg"]: machine "order" has no event "xstate.error.actor.charg" (did you mean "xstate.error.actor.charge"?)
error: ${file}: events: event "xstate.error.actor.charge" of machine "order" is not bound (did you mean "xstate.error.actor.charge" where it says "xstate.error.actor.charg"?): every event the model can take must be performed on the real system too
error: ${file}: events: event "xstate.after.paymentWindow.order.paying" of machine "order" is not bound: every event the model can take must be performed on the real system too
`,
    )
  })
})
