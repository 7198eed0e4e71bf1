import { describe, expect, it } from 'vitest'
import { defineStore, defineSystem } from '../model/define.js'
import { conform as conformModel } from './conform.js'
import { defineAdapter } from './define-adapter.js'
import { AdapterError } from './validate-adapter.js'
import { asReported } from '../testing/reported.js'

interface User {
  email: string
  password: string
}

/** `conform`, its findings as the report shows them. */
const conform = async (...args: Parameters<typeof conformModel>) => {
  const result = await conformModel(...args)
  return { ...result, findings: asReported(result.findings) }
}

const users = defineStore({
  initial: { users: [] as User[] },
  domains: { emails: ['ann@x', 'bob@x'], passwords: ['new'] },
  operations: {
    signUp: {
      params: { email: 'emails' },
      guard: (state, { email }) => !state.users.some((user) => user.email === email),
      apply: (state, { email }) => ({ users: [...state.users, { email, password: 'first' }] }),
    },
    reset: {
      params: { email: 'emails', password: 'passwords' },
      guard: (state, { email }) => state.users.some((user) => user.email === email && user.password === 'first'),
      apply: (state, { email, password }) => ({
        users: state.users.map((user) => (user.email === email ? { ...user, password } : user)),
      }),
    },
  },
})

const model = defineSystem({ name: 'login', stores: { users } })

/** An in-memory implementation; `faults` make it wrong in one way each. */
function adapter(faults: { resetAll?: boolean; refuseReset?: boolean; allowDuplicates?: boolean } = {}) {
  return defineAdapter(model, {
    store: 'users',
    setup: () => ({ rows: [] as User[] }),
    operations: {
      signUp: (real, { email }) => {
        if (!faults.allowDuplicates && real.rows.some((row) => row.email === email)) throw new Error('taken')
        real.rows.push({ email, password: 'first' })
      },
      reset: (real, { email, password }) => {
        if (faults.refuseReset) throw new Error('not implemented')
        const rows = real.rows.filter((row) => row.email === email)
        if (rows.length === 0 || rows[0]?.password !== 'first') throw new Error('no such user')
        for (const row of faults.resetAll ? rows : rows.slice(0, 1)) row.password = password
      },
    },
    // Key order differs from the model's on purpose: it is ignored.
    observe: (real) => ({ users: real.rows.map(({ password, email }) => ({ password, email })) }),
  })
}

describe('conform on a store', () => {
  it('passes a conforming implementation, with every reachable transition covered', async () => {
    const result = await conform(adapter(), { rejections: true })
    expect(result.findings).toEqual([])
    expect(result.conformance).toMatchObject({
      element: 'stores.users',
      paths: 'transitions',
      transitions: { covered: 16, reachable: 16 },
      states: { covered: 13, reachable: 13 },
      complete: true,
    })
    // Each of the 13 states tried with each of the 4 actions it disables or not: 13 × 4 − 16 enabled.
    expect(result.conformance.rejections).toBe(13 * 4 - 16)
  })

  it('reports a refused step the model allows, with what was thrown', async () => {
    const [finding, ...others] = (await conform(adapter({ refuseReset: true }))).findings
    expect(others).toEqual([])
    expect(finding).toMatchObject({
      rule: 'conform/rejected',
      element: 'stores.users.operations.reset',
      message:
        'the real system refused reset {"email":"ann@x","password":"new"} (step 2: signUp · reset), which the model allows: it threw Error: not implemented',
    })
    expect(finding?.trace?.[1]).toMatchObject({ action: 'reset', refused: 'Error: not implemented' })
  })

  it('reports an accepted step the model forbids, with --rejections only', async () => {
    expect((await conform(adapter({ allowDuplicates: true }))).findings).toEqual([])
    const { findings } = await conform(adapter({ allowDuplicates: true }), { rejections: true })
    expect(findings[0]).toMatchObject({
      rule: 'conform/accepted',
      element: 'stores.users.operations.signUp',
      message:
        'the real system accepted signUp {"email":"ann@x"} (step 2: signUp · signUp), which the model does not allow in that state (it must refuse it: throw)',
      trace: [
        { action: 'signUp', params: { email: 'ann@x' }, state: { users: [{ email: 'ann@x', password: 'first' }] } },
        {
          action: 'signUp',
          state: { users: [{ email: 'ann@x', password: 'first' }] },
          observed: {
            users: [
              { email: 'ann@x', password: 'first' },
              { email: 'ann@x', password: 'first' },
            ],
          },
          diff: [{ path: 'users[1]', observed: { email: 'ann@x', password: 'first' } }],
        },
      ],
    })
  })

  it('reports an error of setup, observe or teardown as conform/error', async () => {
    const broken = adapter()
    ;(broken.binding as { observe: unknown }).observe = () => {
      throw new TypeError('no such table')
    }
    const { findings } = await conform(broken)
    expect(findings).toEqual([
      {
        rule: 'conform/error',
        element: 'stores.users',
        message: 'before any step, observe threw: TypeError: no such table',
        initial: { users: [] },
        trace: [],
      },
    ])
  })

  it('names unbound and misspelt operations, with did you mean', async () => {
    const misspelt = adapter()
    const operations = (misspelt.binding as { operations: Record<string, unknown> }).operations
    operations.rest = operations.reset
    delete operations.reset
    const error = await conform(misspelt).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(AdapterError)
    expect((error as AdapterError).problems).toEqual([
      { element: 'operations.rest', message: 'store "users" has no operation "rest" (did you mean "reset"?)' },
      {
        element: 'operations',
        message:
          'operation "reset" of store "users" is not bound (did you mean "reset" where it says "rest"?): every operation the model can take must be performed on the real system too',
      },
    ])
  })
})

describe('random sequences', () => {
  const toggles = defineStore({
    initial: { on: false },
    operations: { toggle: { apply: (state) => ({ on: !state.on }) }, look: { apply: (state) => state } },
  })
  const lights = defineSystem({ name: 'lights', stores: { toggles } })
  /** A switch that breaks on its fifth toggle: no covering path is that long. */
  const worn = defineAdapter(lights, {
    store: 'toggles',
    setup: () => ({ on: false, toggled: 0 }),
    operations: {
      toggle: (real) => {
        real.toggled++
        if (real.toggled < 5) real.on = !real.on
      },
      look: () => {},
    },
    observe: (real) => ({ on: real.on }),
  })

  it('are seeded, and a failing one is shrunk to the steps that matter', async () => {
    expect((await conform(worn)).findings).toEqual([])
    const run = () => conform(worn, { random: { count: 20, seed: 7, maxLength: 30 } })
    const { findings, conformance } = await run()
    expect(findings.map((finding) => finding.trace?.map((step) => step.action).join(' '))).toEqual([
      'toggle toggle toggle toggle toggle',
    ])
    expect(findings[0]?.rule).toBe('conform/state-mismatch')
    expect(conformance.random).toEqual({ count: 20, seed: 7, maxLength: 30 })
    // The same seed, the same run.
    expect((await run()).conformance.steps).toBe(conformance.steps)
  })
})
