/**
 * User accounts for a website: the seed essay's login system, with its decisions made.
 * (Grows with the exploration, decision and render work; see issue 8.)
 */
import { z } from 'zod'
import { defineSystem } from '@plumbline/core'

const User = z.object({
  id: z.uuid(),
  email: z.email(),
  passwordHash: z.string(),
  role: z.enum(['member', 'admin']),
})

export default defineSystem({
  name: 'accounts',
  description: 'Sign up, verify, log in, reset a password, delete an account.',
  zones: {
    internet: { trust: 0, description: 'anyone' },
    app: { trust: 1, description: 'our API servers' },
    data: { trust: 2, description: 'the database' },
  },
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
      request: z.object({ email: z.email(), password: z.string().min(12) }),
      response: z.object({ id: z.uuid() }),
      errors: { EmailTaken: z.object({}), WeakPassword: z.object({ reason: z.string() }) },
    },
  },
  flows: {
    signUp: {
      description: 'A visitor creates an account.',
      steps: [
        {
          from: 'browser',
          to: 'api',
          contract: 'signUp',
          produces: ['email', 'password'],
          onError: { EmailTaken: 'offer to sign in or reset the password', WeakPassword: 'show the reason' },
        },
        {
          from: 'api',
          to: 'db',
          message: 'insert user',
          consumes: ['email', 'password'],
          auth: 'database credentials',
          onFailure: 'answer 503; nothing was stored',
        },
      ],
    },
  },
  outOfScope: ['single sign-on', 'multi-factor authentication'],
})
