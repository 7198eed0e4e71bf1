/**
 * Type tests: checked by `tsc -p tsconfig.check.json` (part of `pnpm test`). Each
 * `@ts-expect-error` fails the typecheck if the line below it stops being an error.
 */
import { setup } from 'xstate'
import { z } from 'zod'
import { defineEntity, defineMachine, defineStore, defineSystem } from '../index.js'

const checkout = setup({ types: { events: {} as { type: 'pay'; amount: number } | { type: 'cancel' } } }).createMachine(
  {
    initial: 'open',
    states: {
      open: { on: { pay: 'paid', cancel: 'cancelled' } },
      paid: { type: 'final' },
      cancelled: { type: 'final' },
    },
  },
)

export const typed = defineSystem({
  name: 'typed',
  zones: { internet: { trust: 0 }, app: { trust: 1 } },
  components: {
    browser: { zone: 'internet', kind: 'actor' },
    api: { zone: 'app', kind: 'service' },
    // @ts-expect-error: a component in a zone that does not exist
    db: { zone: 'data', kind: 'datastore' },
  },
  contracts: {
    pay: { from: 'browser', to: 'api' },
    // @ts-expect-error: a contract to a component that does not exist
    refund: { from: 'api', to: 'payments' },
  },
  machines: {
    checkout: defineMachine({
      machine: checkout,
      events: {
        pay: [{ amount: 10 }],
        // @ts-expect-error: a payload field the event does not have
        cancel: [{ reason: 'x' }],
      },
      invariants: { known: (snapshot) => snapshot.matches('open') || snapshot.status === 'done' },
    }),
  },
  flows: {
    buy: {
      machine: 'checkout',
      steps: [
        { from: 'browser', to: 'api', contract: 'pay', event: 'pay' },
        // @ts-expect-error: a step to a component that does not exist
        { from: 'browser', to: 'apy' },
        // @ts-expect-error: a step naming a contract that does not exist
        { from: 'browser', to: 'api', contract: 'payy' },
      ],
    },
    // @ts-expect-error: a flow naming a machine that does not exist
    other: { machine: 'checkot', steps: [] },
  },
})

export const store = defineStore({
  initial: { users: [] as Array<{ email: string }> },
  domains: { emails: ['ann@x', 'bob@x'] },
  operations: {
    signUp: {
      params: { email: 'emails' },
      apply: (state, { email }) => {
        const typedEmail: 'ann@x' | 'bob@x' = email
        return { users: [...state.users, { email: typedEmail }] }
      },
    },
    clear: { apply: () => ({ users: [] }) },
    // @ts-expect-error: a param over a domain that does not exist
    wrong: { params: { email: 'mails' }, apply: (state) => state },
  },
  invariants: { fewUsers: (state) => state.users.length < 10 },
})

const User = z.object({ id: z.string(), email: z.email() })
export const user = defineEntity(User, { identity: ['id'], unique: [['email']] })
// @ts-expect-error: identity names a field the schema does not have
export const wrongUser = defineEntity(User, { identity: ['uid'] })

export const nested = defineSystem({
  name: 'nested',
  components: {
    banking: { kind: 'system' },
    api: {
      kind: 'container',
      partOf: 'banking',
      technology: 'Java',
      tags: ['Internal'],
      relations: [
        { to: 'banking', description: 'reports to' },
        // @ts-expect-error: an element's relation to an element that does not exist
        { to: 'ghost' },
      ],
    },
    // @ts-expect-error: part of an element that does not exist
    signIn: { kind: 'component', partOf: 'apl' },
  },
  relations: [
    { from: 'api', to: 'banking', description: 'reads', technology: 'JDBC' },
    // @ts-expect-error: a relation to an element that does not exist
    { from: 'api', to: 'mainframe' },
  ],
  deployment: {
    Live: {
      nodes: {
        server: { instances: 2, runs: ['api'], nodes: { inner: { runs: ['banking'] } } },
        // @ts-expect-error: a node running an element that does not exist
        other: { runs: ['ghost'] },
      },
    },
  },
})
