/**
 * The seed essay's login, as intended: people sign up with an email; a user resets their
 * own password, and a reset changes that one user. `asked` is the prompt as given (nobody
 * said whether emails are unique); `decided` adds the decision: a taken email is refused.
 */
import { defineStore, defineSystem } from '@plumbline/core'

interface User {
  email: string
  password: string
}
const signUp = (state: { users: User[] }, email: string) => ({ users: [...state.users, { email, password: 'first' }] })
const reset = (state: { users: User[] }, user: number, password: string) => ({
  users: state.users.map((row, index) => (index === user ? { ...row, password } : row)),
})

const domains = { emails: ['ann@example.org'], users: [0, 1], passwords: ['second'] }

const asked = defineStore({
  initial: { users: [] as User[] },
  domains,
  operations: {
    signUp: {
      params: { email: 'emails' },
      guard: (state) => state.users.length < 2,
      apply: (state, { email }) => signUp(state, email),
    },
    resetPassword: {
      params: { user: 'users', password: 'passwords' },
      guard: (state, { user }) => user < state.users.length,
      apply: (state, { user, password }) => reset(state, user, password),
    },
  },
})

const decided = defineStore({
  initial: { users: [] as User[] },
  domains,
  operations: {
    signUp: {
      params: { email: 'emails' },
      guard: (state, { email }) => !state.users.some((user) => user.email === email),
      apply: (state, { email }) => signUp(state, email),
    },
    resetPassword: {
      params: { user: 'users', password: 'passwords' },
      guard: (state, { user }) => user < state.users.length,
      apply: (state, { user, password }) => reset(state, user, password),
    },
  },
})

export default defineSystem({ name: 'login', stores: { asked, decided } })
