import { describe, expect, it } from 'vitest'
import { assign, setup } from 'xstate'
import { defineStore, defineSystem } from '../../model/define.js'
import { modelOf } from '../../testing/rule-findings.js'
import { checkTrace, type TraceTarget } from './check-trace.js'
import { TraceLineError, TraceTargetError } from './trace-line-error.js'

interface User {
  email: string
  password: string
}

/** Accounts with a password reset; at most two users, and a reset changes one user's password at most. */
const accounts = defineStore({
  initial: { users: [] as User[] },
  domains: { email: ['ann@x', 'bob@x'], password: ['a', 'b'] },
  operations: {
    signUp: {
      params: { email: 'email' },
      guard: (s, { email }) => !s.users.some((user) => user.email === email),
      apply: (s, { email }) => ({ users: [...s.users, { email, password: 'initial' }] }),
    },
    resetPassword: {
      params: { email: 'email', password: 'password' },
      guard: (s, { email }) => s.users.some((user) => user.email === email),
      apply: (s, { email, password }) => ({
        users: s.users.map((user) => (user.email === email ? { ...user, password } : user)),
      }),
    },
    /** Resets everyone: breaks the effect below once there are two users. */
    resetAll: { apply: (s) => ({ users: s.users.map((user) => ({ ...user, password: 'x' })) }) },
    /** Signs up a third user with no guard against it: breaks the invariant. */
    signUpGuest: { apply: (s) => ({ users: [...s.users, { email: 'guest@x', password: '' }] }) },
  },
  invariants: { atMostTwoUsers: (s) => s.users.length <= 2 },
  effects: {
    oneUserAtATime: ({ before, after }) =>
      after.users.filter((user, index) => user.password !== before.users[index]?.password).length <= 1,
  },
})

const model = modelOf(defineSystem({ name: 'accounts', stores: { accounts } }))
const STORE: TraceTarget = { store: 'accounts' }

const line = (entry: unknown) => JSON.stringify(entry)
const signUp = (email: string, state?: unknown) =>
  line({ op: 'signUp', params: { email }, ...(state === undefined ? {} : { state }) })

describe('checkTrace on a store', () => {
  it('a conforming trace: every line enabled, every state given equal (key order ignored), blank lines counted', async () => {
    const outcome = await checkTrace(model, STORE, [
      signUp('ann@x', { users: [{ email: 'ann@x', password: 'initial' }] }),
      '',
      // A value outside the param's domain: domains bound exploration, a real run has real values (noted).
      signUp('carol@x'),
      line({
        op: 'resetPassword',
        params: { password: 'new', email: 'ann@x' },
        state: {
          users: [
            { password: 'new', email: 'ann@x' },
            { email: 'carol@x', password: 'initial' },
          ],
        },
      }),
      '   ',
    ])
    expect(outcome).toEqual({
      lines: 5,
      steps: 3,
      outsideDomain: {
        line: 3,
        rule: 'conform/trace-outside-domain',
        element: 'stores.accounts.operations.signUp.params.email',
        message:
          'signUp {"email":"carol@x"}: "email" is "carol@x", not a value of its domain "email" ("ann@x", "bob@x"): no exploration checked this step',
        before: { users: [{ email: 'ann@x', password: 'initial' }] },
        step: { action: 'signUp', params: { email: 'carol@x' } },
      },
    })
  })

  it('a step whose guard is false: conform/trace-disabled at its line, with the state before it', async () => {
    const outcome = await checkTrace(model, STORE, [
      signUp('ann@x'),
      line({ op: 'resetPassword', params: { email: 'ann@x', password: 'a' } }),
      signUp('ann@x'),
      signUp('bob@x'),
    ])
    expect(outcome).toEqual({
      lines: 3,
      steps: 3,
      failure: {
        line: 3,
        rule: 'conform/trace-disabled',
        element: 'stores.accounts.operations.signUp.guard',
        message: `signUp {"email":"ann@x"} is not enabled: its guard is false in the model's state before the line`,
        before: { users: [{ email: 'ann@x', password: 'a' }] },
        step: { action: 'signUp', params: { email: 'ann@x' } },
      },
    })
  })

  it('an observed state that differs: conform/trace-mismatch at its line, with the model state after it and each field that differs', async () => {
    const outcome = await checkTrace(model, STORE, [
      signUp('ann@x', { users: [{ email: 'ann@x', password: 'initial' }] }),
      signUp('bob@x', {
        users: [
          { email: 'ann@x', password: 'changed' },
          { email: 'bob@x', password: 'initial' },
          { email: 'bob@x', password: 'initial' },
        ],
      }),
    ])
    expect(outcome.failure).toEqual({
      line: 2,
      rule: 'conform/trace-mismatch',
      element: 'stores.accounts',
      message:
        `the observed state differs from the model's after signUp {"email":"bob@x"}: ` +
        `state.users[0].password: model "initial", observed "changed"; ` +
        `state.users[2]: model absent, observed {"email":"bob@x","password":"initial"}`,
      before: { users: [{ email: 'ann@x', password: 'initial' }] },
      step: { action: 'signUp', params: { email: 'bob@x' } },
      after: {
        users: [
          { email: 'ann@x', password: 'initial' },
          { email: 'bob@x', password: 'initial' },
        ],
      },
      differences: [
        { path: 'users[0].password', model: 'initial', observed: 'changed' },
        { path: 'users[2]', observed: { email: 'bob@x', password: 'initial' } },
      ],
    })
  })

  it('an invariant broken by a step: invariant/violated at the invariant, reported at the line', async () => {
    const outcome = await checkTrace(model, STORE, [signUp('ann@x'), signUp('bob@x'), line({ op: 'signUpGuest' })])
    expect(outcome.failure).toMatchObject({
      line: 3,
      rule: 'invariant/violated',
      element: 'stores.accounts.invariants.atMostTwoUsers',
      message: 'invariant "atMostTwoUsers" does not hold',
      step: { action: 'signUpGuest', params: {} },
    })
    expect(outcome.failure?.after).toEqual({
      users: [
        { email: 'ann@x', password: 'initial' },
        { email: 'bob@x', password: 'initial' },
        { email: 'guest@x', password: '' },
      ],
    })
  })

  it('an effect broken by a step: effect/violated, naming the step', async () => {
    const outcome = await checkTrace(model, STORE, [
      signUp('ann@x'),
      line({ op: 'resetAll' }),
      signUp('bob@x'),
      line({ op: 'resetPassword', params: { email: 'ann@x', password: 'y' } }),
      line({ op: 'resetAll', params: {} }),
    ])
    expect(outcome.failure).toMatchObject({
      line: 5,
      rule: 'effect/violated',
      element: 'stores.accounts.effects.oneUserAtATime',
      message: 'effect "oneUserAtATime" does not hold for resetAll',
    })
  })

  it('a state is checked before the invariants: a mismatch is what the line shows first', async () => {
    const outcome = await checkTrace(model, STORE, [
      signUp('ann@x'),
      signUp('bob@x'),
      line({ op: 'signUpGuest', state: { users: [] } }),
    ])
    expect(outcome.failure?.rule).toBe('conform/trace-mismatch')
  })

  it("the model's own code failing on a step is explore/error at the function", async () => {
    const fragile = defineStore({
      initial: { n: 0 },
      operations: {
        tick: {
          guard: (s) => {
            if (s.n === 1) throw new RangeError('one is too many')
            return true
          },
          apply: (s) => ({ n: s.n + 1 }),
        },
      },
    })
    const outcome = await checkTrace(modelOf(defineSystem({ name: 'f', stores: { fragile } })), { store: 'fragile' }, [
      line({ op: 'tick' }),
      line({ op: 'tick' }),
    ])
    expect(outcome.failure).toMatchObject({
      line: 2,
      rule: 'explore/error',
      element: 'stores.fragile.operations.tick.guard',
      message: 'guard of tick threw: RangeError: one is too many',
      before: { n: 1 },
    })
  })

  it.each([
    ['{"op": "signUp", ', /^not JSON \(.*\); a store line is \{"op": …, "params": \{…\}, "state"\?: \{…\}\}$/],
    ['[1, 2]', /^not a JSON object; a store line is/],
    ['{"params": {"email": "a@x"}}', /^no "op": a store line names its operation/],
    ['{"op": 3}', /^"op" must be an operation's name, got 3$/],
    [
      '{"op": "signup", "params": {"email": "a@x"}}',
      /^store "accounts" has no operation "signup" \(did you mean "signUp"\?\)$/,
    ],
    ['{"op": "signUp"}', /^no "params": "signUp" takes "email"$/],
    ['{"op": "signUp", "params": "a@x"}', /^params of "signUp" must be an object, got "a@x"$/],
    ['{"op": "resetPassword", "params": {"email": "a@x"}}', /^params of "resetPassword": missing "password"$/],
    [
      '{"op": "signUp", "params": {"email": "a@x", "emial": "b"}}',
      /^params of "signUp": unknown param "emial" \(did you mean "email"\?\)$/,
    ],
    ['{"op": "resetAll", "params": {"all": true}}', /^"resetAll" takes no params, got "all"$/],
    ['{"op": "resetAll", "State": {}}', /^unknown field "State" \(did you mean "state"\?\); a store line is/],
  ])('a malformed line %s is a TraceLineError naming its line', async (text, reason) => {
    const error = await checkTrace(model, STORE, [signUp('ann@x'), text]).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(TraceLineError)
    expect((error as TraceLineError).line).toBe(2)
    expect((error as TraceLineError).reason).toMatch(reason)
    expect((error as TraceLineError).message).toMatch(/^line 2: /)
  })

  it('an unknown store or machine: TraceTargetError with "did you mean"', async () => {
    await expect(checkTrace(model, { store: 'acounts' }, [])).rejects.toThrow(
      new TraceTargetError('unknown store "acounts" (did you mean "accounts"?)'),
    )
    await expect(checkTrace(model, { machine: 'accounts' }, [])).rejects.toThrow(
      new TraceTargetError('unknown machine "accounts": the system declares no machines'),
    )
  })
})

/** An order: submitted, checked (approved when the amount is small), paid; a timeout while checking. */
const order = setup({
  types: {
    context: {} as { attempts: number; amount: number },
    events: {} as { type: 'SUBMIT'; amount: number } | { type: 'PAY' } | { type: 'RETRY' },
  },
  guards: { small: ({ event }) => event.type === 'SUBMIT' && event.amount < 100 },
  delays: { timeout: 5000 },
}).createMachine({
  id: 'order',
  initial: 'idle',
  context: { attempts: 0, amount: 0 },
  states: {
    idle: {
      on: {
        SUBMIT: [
          {
            guard: 'small',
            target: 'approved',
            actions: assign({ attempts: ({ context }) => context.attempts + 1, amount: ({ event }) => event.amount }),
          },
          { target: 'checking', actions: assign({ attempts: ({ context }) => context.attempts + 1 }) },
        ],
      },
    },
    checking: { after: { timeout: 'idle' } },
    approved: { on: { PAY: 'paid' } },
    paid: { type: 'final' },
  },
})

const orders = modelOf(
  defineSystem({
    name: 'orders',
    machines: {
      order: { machine: order, never: { threeAttempts: (snapshot) => snapshot.context.attempts >= 3 } },
    },
  }),
)
const MACHINE: TraceTarget = { machine: 'order' }

describe('checkTrace on a machine', () => {
  it('a conforming trace: events through XState, a delayed event, value and context compared where given', async () => {
    const outcome = await checkTrace(orders, MACHINE, [
      line({ event: { type: 'SUBMIT', amount: 500 }, value: 'checking' }),
      line({
        event: { type: 'xstate.after.timeout.order.checking' },
        value: 'idle',
        context: { amount: 0, attempts: 1 },
      }),
      line({ event: { type: 'SUBMIT', amount: 5 }, value: 'approved', context: { attempts: 2, amount: 5 } }),
      line({ event: { type: 'PAY' } }),
    ])
    expect(outcome).toEqual({ lines: 4, steps: 4 })
  })

  it('an event XState takes no transition for: conform/trace-disabled at the event, with the snapshot before it', async () => {
    const outcome = await checkTrace(orders, MACHINE, [
      line({ event: { type: 'SUBMIT', amount: 500 } }),
      line({ event: { type: 'PAY' } }),
    ])
    expect(outcome.failure).toEqual({
      line: 2,
      rule: 'conform/trace-disabled',
      element: 'machines.order.states.checking',
      message: 'event "PAY" is not enabled: in state "checking" XState takes no transition for it',
      before: { value: 'checking', context: { attempts: 1, amount: 0 } },
      step: { action: 'PAY', params: {} },
    })
  })

  it('an event after the machine is done is not enabled', async () => {
    const outcome = await checkTrace(orders, MACHINE, [
      line({ event: { type: 'SUBMIT', amount: 1 } }),
      line({ event: { type: 'PAY' } }),
      line({ event: { type: 'SUBMIT', amount: 1 } }),
    ])
    expect(outcome.failure).toMatchObject({
      line: 3,
      rule: 'conform/trace-disabled',
      message: 'event "SUBMIT" is not enabled: the machine is done (in state "paid")',
    })
  })

  it('an observed value or context that differs: conform/trace-mismatch with the fields', async () => {
    const outcome = await checkTrace(orders, MACHINE, [
      line({ event: { type: 'SUBMIT', amount: 500 }, value: 'approved', context: { attempts: 1, amount: 500 } }),
    ])
    expect(outcome.failure).toEqual({
      line: 1,
      rule: 'conform/trace-mismatch',
      element: 'machines.order',
      message:
        `the observed state differs from the model's after event SUBMIT {"amount":500}: ` +
        `value: model "checking", observed "approved"; context.amount: model 0, observed 500`,
      before: { value: 'idle', context: { attempts: 0, amount: 0 } },
      step: { action: 'SUBMIT', params: { amount: 500 } },
      after: { value: 'checking', context: { attempts: 1, amount: 0 } },
      differences: [
        { path: 'value', model: 'checking', observed: 'approved' },
        { path: 'context.amount', model: 0, observed: 500 },
      ],
    })
  })

  it('a never predicate that comes true: constraint/violated at its line', async () => {
    const timeout = line({ event: { type: 'xstate.after.timeout.order.checking' } })
    const submit = line({ event: { type: 'SUBMIT', amount: 500 } })
    const outcome = await checkTrace(orders, MACHINE, [submit, timeout, submit, timeout, submit])
    expect(outcome.failure).toMatchObject({
      line: 5,
      rule: 'constraint/violated',
      element: 'machines.order.never.threeAttempts',
      message: 'never "threeAttempts" holds',
      after: { value: 'checking', context: { attempts: 3, amount: 0 } },
    })
  })

  it.each([
    ['{"event": "SUBMIT"}', /^"event" must be an object with a string "type", got "SUBMIT"$/],
    ['{"value": "idle"}', /^no "event"; a machine line is/],
    ['{"event": {"type": "SUMBIT"}}', /^machine "order" accepts no event type "SUMBIT" \(did you mean "SUBMIT"\?\)$/],
    ['{"event": {"type": "PAY"}, "state": "paid"}', /^unknown field "state"; a machine line is/],
  ])('a malformed line %s is a TraceLineError naming its line', async (text, reason) => {
    const error = await checkTrace(orders, MACHINE, [text]).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(TraceLineError)
    expect((error as TraceLineError).line).toBe(1)
    expect((error as TraceLineError).reason).toMatch(reason)
  })
})
