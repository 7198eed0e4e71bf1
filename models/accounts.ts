/**
 * User accounts for a website — the seed essay's login system, engineered.
 *
 * The quick version ("add user accounts so people can log in") never decided five things.
 * Here each is decided and checked:
 *   1. Emails are unique, compared case-insensitively (entity key + store invariant).
 *   2. Accounts are verified before the first login (the account machine: unverified →
 *      active, with the verification link expiring).
 *   3. Passwords are reset by a single-use, expiring token addressed by account id
 *      (never by email), and a reset changes exactly one account (store effect).
 *   4. Roles exist (member, admin), and an admin action needs the admin role.
 *   5. The security model: zones internet → app → data, auth on every crossing, and a
 *      rate-limited login that locks the account after repeated failures.
 */
import { defineMachine, defineStore, defineSystem, symmetric } from '@plumbline/core'
import { assign, setup } from 'xstate'
import { z } from 'zod'

/** Failed logins in a row before the account locks. */
export const MAX_FAILED_LOGINS = 3

// ── Entities ────────────────────────────────────────────────────────────────────────────

/** Emails are stored trimmed and lower-cased, so `Ann@X.io` and `ann@x.io` are one address. */
const NormalisedEmail = z.email().trim().toLowerCase()

const Role = z.enum(['member', 'admin'])

const User = z.object({
  id: z.uuid(),
  email: NormalisedEmail,
  passwordHash: z.string(),
  role: Role,
  status: z.enum(['unverified', 'active', 'locked', 'suspended', 'deleted']),
  failedLogins: z.int().min(0),
})

const ResetToken = z.object({
  token: z.string().min(32),
  userId: z.uuid(),
  expiresAt: z.iso.datetime(),
  usedAt: z.iso.datetime().nullable(),
})

const Session = z.object({
  id: z.string().min(32),
  userId: z.uuid(),
  createdAt: z.iso.datetime(),
})

// ── The account lifecycle: the machine the application runs ───────────────────────────

type AccountEvent =
  | { type: 'VERIFY' }
  | { type: 'LOGIN_SUCCEEDED' }
  | { type: 'LOGIN_FAILED' }
  | { type: 'PASSWORD_RESET' }
  | { type: 'SUSPEND'; by: z.infer<typeof Role> }
  | { type: 'REINSTATE'; by: z.infer<typeof Role> }
  | { type: 'DELETE' }

export const accountMachine = setup({
  types: {
    context: {} as { failedLogins: number; suspendedBy: z.infer<typeof Role> | null },
    events: {} as AccountEvent,
  },
  guards: {
    lastAllowedFailure: ({ context }) => context.failedLogins + 1 >= MAX_FAILED_LOGINS,
    byAdmin: ({ event }) => 'by' in event && event.by === 'admin',
  },
  actions: {
    countFailure: assign({ failedLogins: ({ context }) => context.failedLogins + 1 }),
    forgetFailures: assign({ failedLogins: 0 }),
    recordSuspension: assign({ suspendedBy: ({ event }) => ('by' in event ? event.by : null) }),
    clearSuspension: assign({ suspendedBy: null }),
  },
  delays: {
    verificationLinkExpiry: 24 * 60 * 60 * 1000,
    lockout: 15 * 60 * 1000,
  },
}).createMachine({
  id: 'account',
  initial: 'unverified',
  context: { failedLogins: 0, suspendedBy: null },
  states: {
    unverified: {
      on: { VERIFY: 'active', DELETE: 'deleted' },
      // An account nobody verified is removed when its link expires: the address may be someone else's.
      after: { verificationLinkExpiry: 'deleted' },
    },
    active: {
      on: {
        LOGIN_SUCCEEDED: { actions: 'forgetFailures' },
        LOGIN_FAILED: [
          { guard: 'lastAllowedFailure', target: 'locked', actions: 'countFailure' },
          { actions: 'countFailure' },
        ],
        SUSPEND: { guard: 'byAdmin', target: 'suspended', actions: 'recordSuspension' },
        DELETE: 'deleted',
      },
    },
    locked: {
      on: {
        PASSWORD_RESET: { target: 'active', actions: 'forgetFailures' },
        SUSPEND: { guard: 'byAdmin', target: 'suspended', actions: 'recordSuspension' },
        DELETE: 'deleted',
      },
      after: { lockout: { target: 'active', actions: 'forgetFailures' } },
    },
    suspended: {
      on: {
        REINSTATE: { guard: 'byAdmin', target: 'active', actions: ['clearSuspension', 'forgetFailures'] },
        DELETE: 'deleted',
      },
    },
    deleted: { type: 'final' },
  },
})

const account = defineMachine({
  machine: accountMachine,
  events: {
    SUSPEND: [{ by: 'member' }, { by: 'admin' }],
    REINSTATE: [{ by: 'member' }, { by: 'admin' }],
  },
  invariants: {
    failuresBelowTheLimit: ({ context }) => context.failedLogins <= MAX_FAILED_LOGINS,
  },
  never: {
    activeAfterTooManyFailures: (snapshot) =>
      snapshot.matches('active') && snapshot.context.failedLogins >= MAX_FAILED_LOGINS,
    suspendedByAMember: (snapshot) => snapshot.matches('suspended') && snapshot.context.suspendedBy !== 'admin',
  },
})

// ── The operations on accounts, explored exhaustively in a small scope ─────────────────

interface StoredUser {
  id: string
  email: string
  role: 'member' | 'admin'
  status: 'unverified' | 'active' | 'deleted'
  password: string
}
interface StoredToken {
  userId: string
  used: boolean
  expired: boolean
}
interface AccountsState {
  users: StoredUser[]
  resetTokens: StoredToken[]
}

const normalise = (email: string): string => email.trim().toLowerCase()
/**
 * Account ids are random (uuids): no id is the first or the second, so they are symmetric —
 * sign-up takes any id not yet taken, and no function singles one out. The search would take
 * states that differ only in which id an account got for one, but not while the store checks
 * liveness (its fairness is per account), so it explores both.
 */
const ids = symmetric(['u1', 'u2'])

/** A reset started for this account and not yet completed, expired or dropped with the account. */
const resetOpen = (state: AccountsState, id: string): boolean =>
  state.resetTokens.some((token) => token.userId === id && !token.used && !token.expired)

const changedUsers = (before: AccountsState, after: AccountsState): number => {
  const byId = new Map(after.users.map((user) => [user.id, JSON.stringify(user)]))
  let changed = after.users.filter((user) => !before.users.some((old) => old.id === user.id)).length
  for (const user of before.users) if (byId.get(user.id) !== JSON.stringify(user)) changed++
  return changed
}

const accounts = defineStore({
  initial: { users: [], resetTokens: [] } as AccountsState,
  domains: {
    // Two spellings of one address: sign-up must treat them as the same account.
    emails: ['ann@example.org', ' Ann@Example.org', 'bob@example.org'],
    ids,
    passwords: ['first secret', 'second secret'],
    roles: ['member', 'admin'],
  },
  operations: {
    signUp: {
      // The id is the one the database generates: any not taken yet.
      params: { email: 'emails', id: 'ids' },
      target: { entity: 'User', by: ['email'] },
      guard: (state, { email, id }) =>
        !state.users.some((user) => user.id === id) &&
        !state.users.some((user) => user.email === normalise(email) && user.status !== 'deleted'),
      apply: (state, { email, id }): AccountsState => ({
        ...state,
        users: [
          ...state.users,
          {
            id,
            email: normalise(email),
            role: 'member',
            status: 'unverified',
            password: 'first secret',
          },
        ],
      }),
    },
    verify: {
      params: { id: 'ids' },
      target: { entity: 'User', by: ['id'] },
      guard: (state, { id }) => state.users.some((user) => user.id === id && user.status === 'unverified'),
      apply: (state, { id }): AccountsState => ({
        ...state,
        users: state.users.map((user) => (user.id === id ? { ...user, status: 'active' } : user)),
      }),
    },
    requestPasswordReset: {
      // Asked for by email, but the token is issued for the one account that address belongs to.
      params: { email: 'emails' },
      target: { entity: 'User', by: ['email'] },
      guard: (state, { email }) =>
        state.users.some((user) => user.email === normalise(email) && user.status === 'active'),
      apply: (state, { email }) => {
        const user = state.users.find(
          (candidate) => candidate.email === normalise(email) && candidate.status === 'active',
        )
        if (!user) return state
        const others = state.resetTokens.filter((token) => token.userId !== user.id)
        return { ...state, resetTokens: [...others, { userId: user.id, used: false, expired: false }] }
      },
    },
    expireResetToken: {
      params: { id: 'ids' },
      target: { entity: 'ResetToken', by: ['userId'] },
      guard: (state, { id }) => state.resetTokens.some((token) => token.userId === id && !token.expired),
      apply: (state, { id }) => ({
        ...state,
        resetTokens: state.resetTokens.map((token) => (token.userId === id ? { ...token, expired: true } : token)),
      }),
    },
    resetPassword: {
      params: { id: 'ids', password: 'passwords' },
      target: { entity: 'User', by: ['id'] },
      // The new password must differ from the current one.
      guard: (state, { id, password }) =>
        state.resetTokens.some((token) => token.userId === id && !token.used && !token.expired) &&
        state.users.some((user) => user.id === id && user.password !== password),
      apply: (state, { id, password }) => ({
        users: state.users.map((user) => (user.id === id ? { ...user, password } : user)),
        resetTokens: state.resetTokens.map((token) => (token.userId === id ? { ...token, used: true } : token)),
      }),
    },
    grantRole: {
      params: { actor: 'ids', id: 'ids', role: 'roles' },
      target: { entity: 'User', by: ['id'] },
      guard: (state, { actor, id }) =>
        actor !== id &&
        state.users.some((user) => user.id === actor && user.role === 'admin' && user.status === 'active') &&
        state.users.some((user) => user.id === id && user.status === 'active'),
      apply: (state, { id, role }): AccountsState => ({
        ...state,
        users: state.users.map((user) => (user.id === id ? { ...user, role } : user)),
      }),
    },
    bootstrapAdmin: {
      // The first admin is made by an operator at the console, once, never through the API.
      params: { id: 'ids' },
      target: { entity: 'User', by: ['id'] },
      guard: (state, { id }) =>
        !state.users.some((user) => user.role === 'admin') &&
        state.users.some((user) => user.id === id && user.status === 'active'),
      apply: (state, { id }): AccountsState => ({
        ...state,
        users: state.users.map((user) => (user.id === id ? { ...user, role: 'admin' } : user)),
      }),
    },
    deleteAccount: {
      params: { id: 'ids' },
      target: { entity: 'User', by: ['id'] },
      guard: (state, { id }) => state.users.some((user) => user.id === id && user.status !== 'deleted'),
      apply: (state, { id }): AccountsState => ({
        users: state.users.map((user) => (user.id === id ? { ...user, status: 'deleted' } : user)),
        resetTokens: state.resetTokens.filter((token) => token.userId !== id),
      }),
    },
  },
  invariants: {
    oneAccountPerEmail: (state) => {
      const live = state.users.filter((user) => user.status !== 'deleted').map((user) => user.email)
      return new Set(live).size === live.length
    },
    emailsAreNormalised: (state) => state.users.every((user) => user.email === normalise(user.email)),
    tokensBelongToAccounts: (state) =>
      state.resetTokens.every((token) => state.users.some((user) => user.id === token.userId)),
  },
  never: {
    unverifiedAdmin: (state) => state.users.some((user) => user.role === 'admin' && user.status === 'unverified'),
  },
  effects: {
    resetChangesExactlyOneAccount: ({ before, after, operation }) =>
      operation !== 'resetPassword' || changedUsers(before, after) === 1,
    deleteChangesExactlyOneAccount: ({ before, after, operation }) =>
      operation !== 'deleteAccount' || changedUsers(before, after) === 1,
    onlyAdminsGrantRoles: ({ before, operation, params }) =>
      operation !== 'grantRole' || before.users.some((user) => user.id === params.actor && user.role === 'admin'),
    aResetTokenWorksOnce: ({ before, operation, params }) =>
      operation !== 'resetPassword' || before.resetTokens.some((token) => token.userId === params.id && !token.used),
  },
  // A started reset eventually completes or expires, for each account: requesting again only
  // replaces the token, so without the expiry timer a user could keep a reset open for ever.
  liveness: Object.fromEntries(
    ids.map((id) => [
      `resetEndsFor_${id}`,
      { when: (state: AccountsState) => resetOpen(state, id), then: (state: AccountsState) => !resetOpen(state, id) },
    ]),
  ),
  // The expiry timer: a token left open is eventually expired (for each account on its own).
  fairness: { weak: ['expireResetToken'] },
})

// ── Contracts between the parts ─────────────────────────────────────────────────────────

const Credentials = z.object({ email: NormalisedEmail, password: z.string().min(12).max(256) })
const NoBody = z.object({})

export default defineSystem({
  name: 'accounts',
  description:
    'User accounts for a website: sign up, verify the email address, log in, reset a forgotten password, delete the account. ' +
    'The five decisions the quick version never made are made here.',
  zones: {
    internet: { trust: 0, description: 'browsers: anyone' },
    provider: { trust: 0, description: 'the email delivery provider' },
    app: { trust: 1, description: 'our API servers' },
    data: { trust: 2, description: 'the accounts database' },
  },
  components: {
    browser: { zone: 'internet', kind: 'actor', description: 'a visitor or a signed-in user' },
    api: { zone: 'app', kind: 'service', description: 'the accounts API' },
    db: { zone: 'data', kind: 'datastore', description: 'PostgreSQL: users, tokens, sessions' },
    mailer: { zone: 'provider', kind: 'external', description: 'transactional email' },
  },
  entities: {
    User: { schema: User, identity: ['id'], unique: [['email']] },
    ResetToken: { schema: ResetToken, identity: ['token'], unique: [['userId']] },
    Session: { schema: Session, identity: ['id'], unique: 'none' },
  },
  contracts: {
    signUp: {
      from: 'browser',
      to: 'api',
      auth: 'none',
      request: Credentials,
      response: z.object({ id: z.uuid() }),
      errors: { EmailTaken: NoBody, WeakPassword: z.object({ reason: z.string() }), RateLimited: NoBody },
    },
    verifyEmail: {
      from: 'browser',
      to: 'api',
      auth: 'verification link token',
      request: z.object({ token: z.string() }),
      response: NoBody,
      errors: { LinkExpired: NoBody },
    },
    logIn: {
      from: 'browser',
      to: 'api',
      auth: 'password',
      request: Credentials,
      response: z.object({ session: z.string() }),
      errors: {
        WrongCredentials: NoBody,
        NotVerified: NoBody,
        Locked: z.object({ until: z.iso.datetime() }),
        RateLimited: NoBody,
      },
    },
    requestPasswordReset: {
      from: 'browser',
      to: 'api',
      auth: 'none',
      request: z.object({ email: NormalisedEmail }),
      response: NoBody,
      errors: { RateLimited: NoBody },
    },
    resetPassword: {
      from: 'browser',
      to: 'api',
      auth: 'reset token',
      request: z.object({ token: z.string(), password: z.string().min(12) }),
      response: NoBody,
      errors: { TokenInvalid: NoBody, WeakPassword: z.object({ reason: z.string() }) },
    },
    deleteAccount: {
      from: 'browser',
      to: 'api',
      auth: 'session and password',
      request: z.object({ password: z.string() }),
      response: NoBody,
      errors: { WrongCredentials: NoBody },
    },
    sendEmail: {
      from: 'api',
      to: 'mailer',
      auth: 'provider API key',
      request: z.object({
        to: NormalisedEmail,
        template: z.enum(['verify', 'reset', 'goodbye']),
        link: z.url().optional(),
      }),
    },
  },
  flows: {
    signUp: {
      description: 'A visitor creates an account; it stays unverified until the emailed link is followed.',
      steps: [
        {
          from: 'browser',
          to: 'api',
          contract: 'signUp',
          produces: ['credentials'],
          onError: {
            EmailTaken:
              'say a verification email was sent (do not reveal that the address has an account) and email the owner instead',
            WeakPassword: 'show the reason; nothing was stored',
            RateLimited: 'ask to try again later',
          },
        },
        {
          from: 'api',
          to: 'db',
          message: 'insert unverified user (unique index on lower(email))',
          auth: 'database role accounts_rw',
          consumes: ['credentials'],
          produces: ['userId', 'verificationToken'],
          onFailure: 'answer 503; nothing was stored, the visitor may retry',
        },
        {
          from: 'api',
          to: 'mailer',
          contract: 'sendEmail',
          consumes: ['verificationToken'],
          onFailure: 'keep the account unverified; the visitor can ask for a new link',
        },
      ],
    },
    verify: {
      description: 'Following the emailed link activates the account.',
      machine: 'account',
      steps: [
        {
          from: 'browser',
          to: 'api',
          contract: 'verifyEmail',
          produces: ['token'],
          onError: { LinkExpired: 'offer to send a new link' },
        },
        {
          from: 'api',
          to: 'db',
          message: 'mark verified, consume the token',
          auth: 'database role accounts_rw',
          consumes: ['token'],
          onFailure: 'answer 503; the link stays valid until it expires',
          event: 'VERIFY',
        },
      ],
    },
    logIn: {
      description: 'A verified user logs in; failures are counted and lock the account.',
      machine: 'account',
      steps: [
        {
          from: 'browser',
          to: 'api',
          contract: 'logIn',
          produces: ['credentials'],
          onError: {
            WrongCredentials: 'count the failure; say "email or password is wrong" either way',
            NotVerified: 'offer to resend the verification link',
            Locked: 'say when to try again, or reset the password',
            RateLimited: 'ask to try again later',
          },
        },
        {
          from: 'api',
          to: 'db',
          message: 'check the password hash, create a session',
          auth: 'database role accounts_rw',
          consumes: ['credentials'],
          produces: ['session'],
          onFailure: 'answer 503; no session was created',
        },
      ],
    },
    resetPassword: {
      description: 'A user who forgot the password gets a single-use link for their one account.',
      machine: 'account',
      steps: [
        {
          from: 'browser',
          to: 'api',
          contract: 'requestPasswordReset',
          produces: ['email'],
          onError: { RateLimited: 'ask to try again later' },
        },
        {
          from: 'api',
          to: 'db',
          message: 'find the account by email; store a hashed token for its id, expiring in 1 hour',
          auth: 'database role accounts_rw',
          consumes: ['email'],
          produces: ['resetToken'],
          onFailure: 'answer 503; no token was issued',
        },
        {
          from: 'api',
          to: 'mailer',
          contract: 'sendEmail',
          consumes: ['resetToken'],
          onFailure: 'log it; the user may ask again',
        },
        {
          from: 'browser',
          to: 'api',
          contract: 'resetPassword',
          consumes: ['resetToken'],
          onError: { TokenInvalid: 'offer a new link', WeakPassword: 'show the reason' },
        },
        {
          from: 'api',
          to: 'db',
          message: 'set the new hash for the token’s account id; mark the token used; end all sessions',
          auth: 'database role accounts_rw',
          consumes: ['resetToken'],
          onFailure: 'answer 503; the token stays unused',
        },
      ],
    },
    deleteAccount: {
      description: 'A signed-in user deletes their own account, and only theirs.',
      machine: 'account',
      steps: [
        {
          from: 'browser',
          to: 'api',
          contract: 'deleteAccount',
          onError: { WrongCredentials: 'ask again; nothing was deleted' },
        },
        {
          from: 'api',
          to: 'db',
          message: 'delete by account id; end its sessions and tokens',
          auth: 'database role accounts_rw',
          onFailure: 'answer 503; nothing was deleted',
          event: 'DELETE',
        },
        { from: 'api', to: 'mailer', contract: 'sendEmail', onFailure: 'log it; the account is gone either way' },
      ],
    },
  },
  machines: { account },
  stores: { accounts },
  decisions: {
    signUpIsOpen: {
      decision: 'Anyone may sign up; sign-up and reset requests are rate-limited per IP and per address',
      because: 'an account is how one gets credentials; the limits stop enumeration and mail bombing',
    },
    emailsCaseInsensitive: {
      decision: 'Emails are trimmed and lower-cased before they are stored or compared',
      because: 'Ann@Example.org and ann@example.org reach the same mailbox, so they are one account',
    },
    sessionsNotUnique: {
      decision: 'A user may hold several sessions (one per device)',
      because: 'people log in from a phone and a laptop',
    },
  },
  outOfScope: ['single sign-on', 'multi-factor authentication', 'changing the email address of an account'],
})
