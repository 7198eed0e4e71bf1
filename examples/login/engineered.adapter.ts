/** The engineered login on a real Postgres (PGlite): UNIQUE on email, reset by id after lookup. */
import { PGlite } from '@electric-sql/pglite'
import { defineAdapter } from '@plumbline/core'
import model from './model.js'

const db = new PGlite()

export default defineAdapter(model, {
  store: 'decided',
  setup: async () => {
    await db.exec(
      'DROP TABLE IF EXISTS users; CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, password text NOT NULL)',
    )
    return db
  },
  operations: {
    signUp: (real, { email }) => real.query("INSERT INTO users (email, password) VALUES ($1, 'first')", [email]),
    resetPassword: async (real, { user, password }) => {
      const rows = (await real.query<{ id: number }>('SELECT id FROM users ORDER BY id')).rows
      const id = rows[user]?.id
      if (id === undefined) throw new Error('no such user')
      await real.query('UPDATE users SET password = $1 WHERE id = $2', [password, id])
    },
  },
  observe: async (real) => ({
    users: (await real.query<{ email: string; password: string }>('SELECT email, password FROM users ORDER BY id'))
      .rows,
  }),
})
