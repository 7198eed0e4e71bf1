/**
 * What `plumbline init` writes: a config, and a first model that is small but uses every
 * part of the model language, and passes `plumbline check` as it stands.
 */

export const STARTER_CONFIG = `import { defineConfig } from '@plumbline/cli'

export default defineConfig({
  // Model files, folders or globs, relative to this file.
  models: ['models'],
  // Where \`plumbline render\` writes the documents.
  output: 'docs/models',
  // Rule severities by rule id: 'off' | 'info' | 'warn' | 'error' (\`plumbline explain RULE\` says what one means).
  rules: {},
  // Bounds on each exploration; one that hits a bound is reported incomplete, never as a proof.
  explore: { maxStates: 1_000_000 },
})
`

export const STARTER_MODEL = `/**
 * A first model: visitors sign up to a shop. \`plumbline check\` checks it, \`plumbline questions\`
 * lists the decisions it leaves open. Grow it into the model of your system.
 */
import { z } from 'zod'
import { setup } from 'xstate'
import { defineStore, defineSystem } from '@plumbline/core'

const User = z.object({ id: z.uuid(), email: z.email() })

/** Sign-up as a state machine: the same object the application can run. */
const signUp = setup({
  types: { events: {} as { type: 'SUBMIT' } | { type: 'VERIFY' } | { type: 'CANCEL' } },
}).createMachine({
  id: 'signUp',
  initial: 'form',
  states: {
    form: { on: { SUBMIT: 'pending', CANCEL: 'cancelled' } },
    pending: { on: { VERIFY: 'active', CANCEL: 'cancelled' } },
    active: { type: 'final' },
    cancelled: { type: 'final' },
  },
})

/** The users table as an operation model: every order of sign-ups is explored. */
const users = defineStore({
  initial: { emails: [] as string[] },
  domains: { emails: ['ann@example.com', 'bob@example.com'] },
  operations: {
    signUp: {
      params: { email: 'emails' },
      guard: (state, { email }) => !state.emails.includes(email),
      apply: (state, { email }) => ({ emails: [...state.emails, email] }),
    },
  },
  invariants: {
    emailsAreUnique: (state) => new Set(state.emails).size === state.emails.length,
  },
})

export default defineSystem({
  name: 'shop',
  description: 'Visitors sign up with their email address.',
  zones: { internet: { trust: 0 }, app: { trust: 1 }, data: { trust: 2 } },
  components: {
    browser: { zone: 'internet', kind: 'actor' },
    api: { zone: 'app', kind: 'service' },
    db: { zone: 'data', kind: 'datastore' },
  },
  entities: {
    User: { schema: User, identity: ['id'], unique: [['email']] },
  },
  contracts: {
    signUp: {
      from: 'browser',
      to: 'api',
      auth: 'none',
      request: z.object({ email: z.email() }),
      response: z.object({ id: z.uuid() }),
      errors: { EmailTaken: z.object({}) },
    },
  },
  flows: {
    signUp: {
      description: 'A visitor creates an account.',
      machine: 'signUp',
      steps: [
        {
          from: 'browser',
          to: 'api',
          contract: 'signUp',
          produces: ['email'],
          event: 'SUBMIT',
          onError: { EmailTaken: 'offer to sign in instead' },
        },
        {
          from: 'api',
          to: 'db',
          message: 'insert the user',
          auth: 'database credentials of the api',
          consumes: ['email'],
          onFailure: 'answer 503; nothing was stored',
        },
      ],
    },
  },
  machines: { signUp },
  stores: { users },
  outOfScope: ['payments'],
})
`
