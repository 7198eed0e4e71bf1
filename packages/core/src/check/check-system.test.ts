import { describe, expect, it } from 'vitest'
import { defineSystem } from '../model/define.js'
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
      { rule: 'contract/unknown', severity: 'error', message: 'unknown contract "payy" (did you mean "pay"?)', element: 'flows.buy.steps[0].contract' },
    ])
  })

  it('applies severity settings, and drops rules set to off', async () => {
    const system = withUnknownContract() as any
    system.flows.buy.steps[0].contract = 'payy'
    system.components.api.zone = 'nowhere'
    const warned = await checkSystem(system, { severities: { 'contract/unknown': 'warn' } })
    expect(warned.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['model/invalid', 'error'], ['contract/unknown', 'warning']])
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
      old: { decision: 'x', because: 'y', answers: { rule: 'contract/unknown', element: 'flows.buy.steps[0].contract' } },
    }
    const result = await checkSystem(system)
    expect(result.diagnostics).toEqual([
      {
        rule: 'decision/stale',
        severity: 'warning',
        message: 'decision "old" answers contract/unknown at "flows.buy.steps[0].contract", but there is no such finding',
        element: 'decisions.old.answers',
      },
    ])
  })

  it('stops after the shape when the shape is broken, and keeps the name where it can', async () => {
    const result = await checkSystem({ name: 'broken', flows: { f: { steps: 'none' } } })
    expect(result.system).toBe('broken')
    expect(result.model).toBeUndefined()
    expect(result.diagnostics).toEqual([
      { rule: 'model/invalid', severity: 'error', message: 'expected an array, got the string "none"', element: 'flows.f.steps' },
    ])
  })
})
