import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineStore, defineSystem } from '../model/define.js'
import { checkSystem } from './check-system.js'

const withUnknownContract = () =>
  defineSystem({
    name: 'shop',
    components: { browser: { kind: 'actor' }, api: {} },
    contracts: { pay: { from: 'browser', to: 'api' } },
    flows: { buy: { steps: [{ from: 'browser', to: 'api', contract: 'pay' }] } },
  })

describe('checkSystem', () => {
  it('reports findings as diagnostics with the rule’s default severity', async () => {
    const system = withUnknownContract() as any
    system.flows.buy.steps[0].contract = 'payy'
    const result = await checkSystem(system)
    expect(result.system).toBe('shop')
    expect(result.diagnostics).toEqual([
      {
        rule: 'contract/unknown',
        severity: 'error',
        message: 'unknown contract "payy" (did you mean "pay"?)',
        element: 'flows.buy.steps[0].contract',
      },
    ])
  })

  it('applies severity settings, and drops rules set to off', async () => {
    const system = withUnknownContract() as any
    system.flows.buy.steps[0].contract = 'payy'
    system.components.api.zone = 'nowhere'
    const warned = await checkSystem(system, { severities: { 'contract/unknown': 'warn' } })
    expect(warned.diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ['model/invalid', 'error'],
      ['contract/unknown', 'warning'],
    ])
    const off = await checkSystem(system, { severities: { 'model/invalid': 'off', 'contract/unknown': 'info' } })
    expect(off.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['contract/unknown', 'info']])
  })

  it('records a finding a decision answers, instead of reporting it', async () => {
    const system = withUnknownContract() as any
    system.flows.buy.steps[0].contract = 'legacyPay'
    system.decisions = {
      legacy: {
        decision: 'The legacy payment call has no contract yet',
        because: 'it is being replaced this quarter',
        answers: { rule: 'contract/unknown', element: 'flows.buy.steps[0].contract' },
      },
    }
    const result = await checkSystem(system)
    expect(result.diagnostics).toEqual([])
    expect(result.decided).toEqual([
      {
        rule: 'contract/unknown',
        element: 'flows.buy.steps[0].contract',
        message: 'unknown contract "legacyPay" (contracts: "pay")',
        decision: 'legacy',
        text: 'The legacy payment call has no contract yet',
        because: 'it is being replaced this quarter',
      },
    ])
  })

  it('reports a decision that answers no finding as stale', async () => {
    const system = withUnknownContract() as any
    system.decisions = {
      old: {
        decision: 'x',
        because: 'y',
        answers: { rule: 'contract/unknown', element: 'flows.buy.steps[0].contract' },
      },
    }
    const result = await checkSystem(system)
    expect(result.diagnostics).toEqual([
      {
        rule: 'decision/stale',
        severity: 'warning',
        message:
          'decision "old" answers contract/unknown at "flows.buy.steps[0].contract", but there is no such finding',
        element: 'decisions.old.answers',
      },
    ])
  })

  it('reports a misspelt target field once, as model/invalid, not also as the ambiguous target it seems to make', async () => {
    const result = await checkSystem({
      name: 'accounts',
      entities: {
        User: { schema: z.object({ id: z.string(), email: z.string() }), identity: ['id'], unique: [['email']] },
      },
      stores: {
        users: {
          initial: {},
          operations: { reset: { target: { entity: 'User', by: ['emial'] }, apply: (s: unknown) => s } },
        },
      },
    })
    expect(result.diagnostics.map(({ rule, element, message }) => [rule, element, message])).toEqual([
      [
        'model/invalid',
        'stores.users.operations.reset.target.by[0]',
        'User has no field "emial" (did you mean "email"?)',
      ],
    ])
  })

  it('stops after the shape when the shape is broken, and keeps the name where it can', async () => {
    const result = await checkSystem({ name: 'broken', flows: { f: { steps: 'none' } } })
    expect(result.system).toBe('broken')
    expect(result.model).toBeUndefined()
    expect(result.diagnostics).toEqual([
      {
        rule: 'model/invalid',
        severity: 'error',
        message: 'expected an array, got the string "none"',
        element: 'flows.f.steps',
      },
    ])
  })

  describe('exploration', () => {
    const counter = () =>
      defineSystem({
        name: 'counter',
        stores: {
          counter: defineStore({
            initial: { n: 0 },
            operations: { inc: { guard: (s) => s.n < 3, apply: (s) => ({ n: s.n + 1 }) } },
            invariants: { belowThree: (s) => s.n < 3 },
          }),
        },
      })

    it('explores stores and machines after the structural rules, and reports their findings with traces', async () => {
      const result = await checkSystem(counter())
      expect(result.diagnostics).toEqual([
        {
          rule: 'invariant/violated',
          severity: 'error',
          message: 'invariant "belowThree" does not hold',
          element: 'stores.counter.invariants.belowThree',
          initial: { n: 0 },
          trace: [
            { action: 'inc', params: {}, state: { n: 1 } },
            { action: 'inc', params: {}, state: { n: 2 } },
            { action: 'inc', params: {}, state: { n: 3 } },
          ],
        },
      ])
      expect(result.exploration).toEqual([
        {
          element: 'stores.counter',
          states: 4,
          transitions: 3,
          complete: true,
          ms: expect.any(Number),
          depth: 3,
          collisionProbability: expect.closeTo(3.3e-19, 20),
        },
      ])
    })

    it('lets a decision answer an exploration finding', async () => {
      const system = counter() as any
      system.decisions = {
        three: {
          decision: 'Three is allowed for now',
          because: 'the limit moves to 4 next release',
          answers: { rule: 'invariant/violated', element: 'stores.counter.invariants.belowThree' },
        },
      }
      const result = await checkSystem(system)
      expect(result.diagnostics).toEqual([])
      expect(result.decided.map(({ rule, decision }) => [rule, decision])).toEqual([['invariant/violated', 'three']])
    })

    it('applies the bounds and reports progress', async () => {
      const progress: unknown[] = []
      const result = await checkSystem(counter(), { bounds: { maxStates: 2 }, onProgress: (p) => progress.push(p) })
      expect(result.diagnostics.map(({ rule, severity }) => [rule, severity])).toEqual([
        ['explore/incomplete', 'warning'],
      ])
      expect(result.exploration[0]).toMatchObject({ states: 2, complete: false, bound: 'states' })
    })
  })
})
