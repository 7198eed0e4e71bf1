/**
 * Type tests of adapters: operation names and params come from the store, event types and
 * payloads from the machine. Each `@ts-expect-error` fails the typecheck if the line below
 * it stops being an error.
 */
import { setup } from 'xstate'
import { expectTypeOf } from 'vitest'
import { defineAdapter, defineStore, defineSystem } from '../index.js'

const users = defineStore({
  initial: { users: [] as { email: string; password: string }[] },
  domains: { emails: ['ann@x', 'bob@x'], passwords: ['p1', 'p2'] },
  operations: {
    signUp: {
      params: { email: 'emails' },
      apply: (state, { email }) => ({ users: [...state.users, { email, password: 'p1' }] }),
    },
    resetPassword: {
      params: { email: 'emails', password: 'passwords' },
      apply: (state, { email, password }) => ({
        users: state.users.map((user) => (user.email === email ? { ...user, password } : user)),
      }),
    },
  },
})

const order = setup({
  types: { events: {} as { type: 'PAY'; amount: number } | { type: 'CANCEL' } },
}).createMachine({
  initial: 'open',
  states: { open: { on: { PAY: 'paid', CANCEL: 'cancelled' } }, paid: {}, cancelled: {} },
})

const model = defineSystem({ name: 'shop', stores: { users }, machines: { order } })

interface Real {
  rows: { email: string; password: string }[]
}

export const storeAdapter = defineAdapter(model, {
  store: 'users',
  setup: async (): Promise<Real> => ({ rows: [] }),
  operations: {
    signUp: (real, params) => {
      expectTypeOf(real).toEqualTypeOf<Real>()
      expectTypeOf(params).toEqualTypeOf<{ email: 'ann@x' | 'bob@x' }>()
      real.rows.push({ email: params.email, password: 'p1' })
    },
    resetPassword: (real, { email, password }) => {
      expectTypeOf(password).toEqualTypeOf<'p1' | 'p2'>()
      for (const row of real.rows) if (row.email === email) row.password = password
    },
  },
  observe: (real) => ({ users: real.rows }),
})

defineAdapter(model, {
  store: 'users',
  setup: () => ({ rows: [] }) as Real,
  operations: {
    signUp: () => {},
    resetPassword: () => {},
    // @ts-expect-error: an operation the store does not have (a misspelling)
    resetPasword: () => {},
  },
  observe: (real) => ({ users: real.rows }),
})

defineAdapter(model, {
  store: 'users',
  setup: () => ({ rows: [] }) as Real,
  // @ts-expect-error: resetPassword is not bound
  operations: { signUp: () => {} },
  observe: (real) => ({ users: real.rows }),
})

defineAdapter(model, {
  store: 'users',
  setup: () => ({ rows: [] }) as Real,
  operations: {
    // @ts-expect-error: a param the operation does not have
    signUp: (_real, params) => params.name,
    resetPassword: () => {},
  },
  observe: (real) => ({ users: real.rows }),
})

defineAdapter(model, {
  // @ts-expect-error: a store the model does not have
  store: 'user',
  setup: () => ({ rows: [] }) as Real,
  operations: { signUp: () => {}, resetPassword: () => {} },
  observe: () => ({}),
})

export const machineAdapter = defineAdapter(model, {
  machine: 'order',
  setup: () => ({ state: 'open' }),
  events: {
    PAY: (real, event) => {
      expectTypeOf(event).toEqualTypeOf<{ type: 'PAY'; amount: number }>()
      real.state = 'paid'
    },
    CANCEL: (real) => {
      real.state = 'cancelled'
    },
    'xstate.after.1000.order.open': (real) => {
      real.state = 'cancelled'
    },
  },
  observe: (real) => ({ value: real.state }),
})

defineAdapter(model, {
  machine: 'order',
  setup: () => ({ state: 'open' }),
  events: {
    PAY: () => {},
    CANCEL: () => {},
    // @ts-expect-error: an event the machine does not have
    CANCLE: () => {},
  },
  observe: (real) => ({ value: real.state }),
})
