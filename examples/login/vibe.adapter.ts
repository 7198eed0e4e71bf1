/** The vibe-coded login on a real Postgres (PGlite): no unique constraint, reset by email. */
import { PGlite } from '@electric-sql/pglite'
import { defineAdapter } from '@plumbline/core'
import model from './model.js'

// One database per process (starting one takes seconds); each sequence gets fresh tables.
const db = new PGlite()

export default defineAdapter(model, {
  store: 'asked',
  setup: async () => {
    await db.exec('DROP TABLE IF EXISTS users; CREATE TABLE users (id serial PRIMARY KEY, email text, password text)')
    return db
  },
  operations: {
    signUp: (real, { email }) => real.query("INSERT INTO users (email, password) VALUES ($1, 'first')", [email]),
    resetPassword: async (real, { user, password }) => {
      // The user asks by their email: the vibe code updates every row with it.
      const rows = (await real.query<{ email: string }>('SELECT email FROM users ORDER BY id')).rows
      const email = rows[user]?.email
      if (email === undefined) throw new Error('no such user')
      await real.query('UPDATE users SET password = $1 WHERE email = $2', [password, email])
    },
  },
  observe: async (real) => ({
    users: (await real.query<{ email: string; password: string }>('SELECT email, password FROM users ORDER BY id'))
      .rows,
  }),
})
