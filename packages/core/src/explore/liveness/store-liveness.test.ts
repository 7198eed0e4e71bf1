import { describe, expect, it } from 'vitest'
import { defineStore } from '../../model/define.js'
import type { FairnessDefinition, StoreDefinition } from '../../model/types.js'
import { exploreStore } from '../store/explore-store.js'
import { DEFAULT_BOUNDS, type ExplorationBounds } from '../types.js'
import { asReported } from '../../testing/reported.js'

function explore(store: StoreDefinition, bounds: Partial<ExplorationBounds> = {}) {
  const outcome = exploreStore('s', store, { bounds: { ...DEFAULT_BOUNDS, ...bounds } })
  if (outcome === undefined) throw new Error('not explored')
  return { ...outcome, findings: asReported(outcome.findings) }
}

type Reset = 'none' | 'pending' | 'done' | 'expired'

/** A password reset: requested, then resent any number of times, until confirmed or expired. */
const reset = (fairness?: FairnessDefinition<'request' | 'resend' | 'confirm' | 'expire'>) =>
  defineStore({
    initial: { reset: 'none' as Reset, sent: 0 },
    operations: {
      request: { guard: (s) => s.reset === 'none', apply: (s) => ({ ...s, reset: 'pending' as Reset, sent: 1 }) },
      resend: { guard: (s) => s.reset === 'pending', apply: (s) => ({ ...s, sent: s.sent === 1 ? 2 : 1 }) },
      confirm: { guard: (s) => s.reset === 'pending', apply: (s) => ({ ...s, reset: 'done' as Reset }) },
      expire: {
        guard: (s) => s.reset === 'pending' && s.sent === 2,
        apply: (s) => ({ ...s, reset: 'expired' as Reset }),
      },
    },
    liveness: {
      resetEnds: { when: (s) => s.reset === 'pending', then: (s) => s.reset === 'done' || s.reset === 'expired' },
    },
    ...(fairness === undefined ? {} : { fairness }),
  })

describe('liveness of stores', () => {
  it('without fairness, a loop of resends that never confirms is a lasso: the shortest way to a when state, then the loop', () => {
    const { findings, stats } = explore(reset())
    expect(stats.liveness).toBe('checked')
    expect(findings).toEqual([
      {
        rule: 'liveness/violated',
        element: 'stores.s.liveness.resetEnds',
        message:
          'liveness "resetEnds" does not hold: from a reachable state where when holds, a fair behaviour never reaches a state where then holds (it loops for ever; no fairness declared)',
        initial: { reset: 'none', sent: 0 },
        trace: [
          { action: 'request', params: {}, state: { reset: 'pending', sent: 1 } },
          { action: 'resend', params: {}, state: { reset: 'pending', sent: 2 } },
          { action: 'resend', params: {}, state: { reset: 'pending', sent: 1 } },
        ],
        loop: 1,
      },
    ])
  })

  it('weak fairness of confirm makes it hold: confirm is enabled throughout the loop', () => {
    expect(explore(reset({ weak: ['confirm'] })).findings).toEqual([])
    expect(explore(reset({ weak: 'all' })).findings).toEqual([])
  })

  it('weak fairness of expire is not enough (it is enabled in only one state of the loop), strong fairness is', () => {
    const weak = explore(reset({ weak: ['expire'] })).findings
    expect(weak.map(({ rule, trace, loop }) => ({ rule, steps: trace?.map(({ action }) => action), loop }))).toEqual([
      { rule: 'liveness/violated', steps: ['request', 'resend', 'resend'], loop: 1 },
    ])
    expect(weak[0]?.message).toContain('under weak fairness of expire')
    expect(explore(reset({ strong: ['expire'] })).findings).toEqual([])
  })

  it('fairness is per combination of params: closing u2 again and again does not make closing u1 fair', () => {
    const tokens = (fairness: FairnessDefinition<'open' | 'close'>) =>
      defineStore({
        initial: { u1: false, u2: false },
        domains: { ids: ['u1', 'u2'] as const },
        operations: {
          open: { params: { id: 'ids' }, guard: (s, { id }) => !s[id], apply: (s, { id }) => ({ ...s, [id]: true }) },
          close: { params: { id: 'ids' }, guard: (s, { id }) => s[id], apply: (s, { id }) => ({ ...s, [id]: false }) },
        },
        liveness: { u1Closes: { when: (s) => s.u1, then: (s) => !s.u1 } },
        fairness,
      })
    expect(explore(tokens({ weak: ['close'] })).findings).toEqual([])
    const [finding] = explore(tokens({ weak: ['open'] })).findings
    expect(finding?.trace?.map(({ action, params }) => `${action} ${params.id}`)).toEqual([
      'open u1',
      'open u2',
      'close u2',
    ])
    expect(finding?.loop).toBe(1)
  })

  it('a behaviour that stops where nothing is enabled is a counterexample: loop is the trace length', () => {
    const store = defineStore({
      initial: { at: 0 },
      operations: {
        step: { guard: (s) => s.at < 2, apply: (s) => ({ at: s.at + 1 }) },
      },
      liveness: { reachesThree: { then: (s) => s.at === 3 } },
      fairness: { weak: 'all' },
    })
    const [finding] = explore(store).findings
    expect(finding?.message).toBe(
      'liveness "reachesThree" does not hold: from the initial state, a fair behaviour never reaches a state where then holds (it stops where nothing is enabled; under weak fairness of step)',
    )
    expect(finding?.trace?.map(({ state }) => state)).toEqual([{ at: 1 }, { at: 2 }])
    expect(finding?.loop).toBe(2)
  })

  it('a loop kept fair takes each weakly fair operation enabled throughout it', () => {
    // Two toggles, both fair; done is never reached (no operation sets it).
    const store = defineStore({
      initial: { a: false, b: false, done: false },
      operations: {
        flipA: { apply: (s) => ({ ...s, a: !s.a }) },
        flipB: { apply: (s) => ({ ...s, b: !s.b }) },
      },
      liveness: { done: { then: (s) => s.done } },
      fairness: { weak: ['flipA', 'flipB'] },
    })
    const [finding] = explore(store).findings
    const steps = finding?.trace?.map(({ action }) => action) ?? []
    expect(finding?.loop).toBe(0)
    expect(steps.slice(finding?.loop).sort()).toEqual(['flipA', 'flipA', 'flipB', 'flipB'])
    expect(finding?.trace?.at(-1)?.state).toEqual({ a: false, b: false, done: false })
  })

  it('an incomplete exploration leaves liveness unchecked and says so', () => {
    const { findings, stats } = explore(reset(), { maxStates: 2 })
    expect(stats.liveness).toBe('unchecked')
    expect(findings.map(({ rule }) => rule)).toEqual(['explore/incomplete'])
    expect(findings[0]?.message).toContain('states beyond it are not checked, nor is liveness')
  })

  it('a when or then that throws is explore/error at it, and the property is not checked', () => {
    const store = defineStore({
      initial: { n: 0 },
      operations: { inc: { guard: (s) => s.n < 1, apply: (s) => ({ n: s.n + 1 }) } },
      liveness: {
        broken: {
          then: (s) => {
            if (s.n === 1) throw new Error('boom')
            return false
          },
        },
      },
    })
    expect(explore(store).findings).toEqual([
      {
        rule: 'explore/error',
        element: 'stores.s.liveness.broken.then',
        message: 'then of liveness "broken" threw: Error: boom',
        initial: { n: 0 },
        trace: [{ action: 'inc', params: {}, state: { n: 1 } }],
      },
    ])
  })
})
