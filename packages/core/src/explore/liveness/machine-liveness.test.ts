import { describe, expect, it } from 'vitest'
import { createMachine } from 'xstate'
import type { MachineModel } from '../../model/types.js'
import { exploreMachine } from '../machine/explore-machine.js'
import { DEFAULT_BOUNDS } from '../types.js'
import { asReported } from '../../testing/reported.js'

const explore = (model: MachineModel) => {
  const outcome = exploreMachine('m', model, { bounds: DEFAULT_BOUNDS })
  return { ...outcome, findings: asReported(outcome.findings) }
}

/** A payment that may be declined and retried any number of times before it is paid or refunded. */
const payment = createMachine({
  id: 'payment',
  initial: 'pending',
  states: {
    pending: { on: { PAY: 'paid', DECLINE: 'declined' } },
    declined: { on: { RETRY: 'pending', REFUND: 'refunded' } },
    paid: { type: 'final' },
    refunded: { type: 'final' },
  },
})
const settled = {
  then: (snapshot: { matches: (state: string) => boolean }) => snapshot.matches('paid') || snapshot.matches('refunded'),
}

describe('liveness of machines', () => {
  it('a loop of declines and retries is a lasso over events', () => {
    const { findings, stats } = explore({ machine: payment, liveness: { settled } })
    expect(stats.liveness).toBe('checked')
    expect(findings).toEqual([
      {
        rule: 'liveness/violated',
        element: 'machines.m.liveness.settled',
        message:
          'liveness "settled" does not hold: from the initial state, a fair behaviour never reaches a state where then holds (it loops for ever; no fairness declared)',
        initial: { value: 'pending', context: {} },
        trace: [
          { action: 'DECLINE', params: {}, state: { value: 'declined', context: {} } },
          { action: 'RETRY', params: {}, state: { value: 'pending', context: {} } },
        ],
        loop: 0,
      },
    ])
  })

  it('weak fairness of PAY is not enough (it is not enabled in declined); strong fairness of PAY is (weak fairness of every event is not)', () => {
    expect(explore({ machine: payment, liveness: { settled }, fairness: { weak: ['PAY'] } }).findings).toHaveLength(1)
    expect(explore({ machine: payment, liveness: { settled }, fairness: { strong: ['PAY'] } }).findings).toEqual([])
    expect(explore({ machine: payment, liveness: { settled }, fairness: { weak: 'all' } }).findings).toHaveLength(1)
  })

  it('fairness of a delayed event: a timeout eventually fires', () => {
    const waiting = createMachine({
      id: 'w',
      initial: 'waiting',
      states: {
        waiting: { after: { 1000: 'timedOut' }, on: { PING: { target: 'waiting', reenter: true } } },
        timedOut: { type: 'final' },
      },
    })
    const ends = { then: (snapshot: { status: string }) => snapshot.status === 'done' }
    const [unfair] = explore({ machine: waiting, liveness: { ends } }).findings
    expect(unfair?.trace?.map(({ action, description }) => description ?? action)).toEqual(['PING'])
    expect(unfair?.loop).toBe(0)
    expect(
      explore({ machine: waiting, liveness: { ends }, fairness: { weak: ['xstate.after.1000.w.waiting'] } }).findings,
    ).toEqual([])
  })
})
