import { describe, expect, it } from 'vitest'
import { fromPromise, setup } from 'xstate'
import { findingsOf, questionsOf } from '../../testing/rule-findings.js'
import { failureUnhandled } from './unhandled.js'

const rule = failureUnhandled

describe('failure/unhandled', () => {
  describe('flow steps', () => {
    const system = (steps: unknown[]) => ({
      name: 's',
      components: {
        api: { kind: 'service' },
        db: { kind: 'datastore' },
        jobs: { kind: 'queue' },
        payments: { kind: 'external' },
        cache: {},
        browser: { kind: 'actor' },
      },
      flows: { checkout: { steps } },
    })

    it('reports a call to a datastore, queue or external service without onFailure, at the step’s onFailure', () => {
      const model = system([
        { from: 'browser', to: 'api' },
        { from: 'api', to: 'db' },
        { from: 'api', to: 'payments', onFailure: 'retry twice, then show "try later"' },
        { from: 'api', to: 'jobs' },
      ])
      expect(findingsOf(rule, model)).toEqual([
        {
          rule: 'failure/unhandled',
          element: 'flows.checkout.steps[1].onFailure',
          message: 'this step calls datastore "db" and does not say what happens when it fails or times out',
        },
        {
          rule: 'failure/unhandled',
          element: 'flows.checkout.steps[3].onFailure',
          message: 'this step calls queue "jobs" and does not say what happens when it fails or times out',
        },
      ])
      expect(questionsOf(rule, model)).toEqual([
        ['flows.checkout.steps[1].onFailure', 'What happens when db fails during checkout step 2?'],
        ['flows.checkout.steps[3].onFailure', 'What happens when jobs fails during checkout step 4?'],
      ])
    })

    it.each([
      ['a call to an external service with onFailure', { from: 'api', to: 'payments', onFailure: 'compensate' }],
      ['a call to a service', { from: 'browser', to: 'api' }],
      ['a call to a component of no kind', { from: 'api', to: 'cache' }],
    ])('is silent for %s', (_, step) => {
      expect(findingsOf(rule, system([step]))).toEqual([])
    })
  })

  describe('invoked actors', () => {
    const fetchUser = fromPromise(async () => ({ name: 'ann' }))
    const machines = setup({ actors: { fetchUser } })
    const system = (machine: unknown) => ({ name: 's', machines: { account: machine } })

    it('reports an invoke without onError at the invoke, by its id, or by its index where it has none', () => {
      const machine = machines.createMachine({
        id: 'account',
        initial: 'loading',
        states: {
          loading: { invoke: { id: 'fetch', src: 'fetchUser', onDone: 'ready' } },
          ready: {
            initial: 'idle',
            states: { idle: { invoke: [{ src: 'fetchUser', onError: '#account.failed' }, { src: 'fetchUser' }] } },
          },
          failed: {},
        },
      })
      expect(findingsOf(rule, system(machine))).toEqual([
        {
          rule: 'failure/unhandled',
          element: 'machines.account.states.loading.invoke.fetch',
          message: 'state "loading" invokes "fetch" and does not say what happens when it fails (onError)',
        },
        {
          rule: 'failure/unhandled',
          element: 'machines.account.states.ready.states.idle.invoke[1]',
          message: 'state "ready.idle" invokes "fetchUser" and does not say what happens when it fails (onError)',
        },
      ])
      expect(questionsOf(rule, system(machine)).map(([, question]) => question)).toEqual([
        'What should machine account do when fetch fails (invoked in state loading)?',
        'What should machine account do when fetchUser fails (invoked in state ready.idle)?',
      ])
    })

    it('reports an invoke on the machine’s root', () => {
      const machine = machines.createMachine({
        invoke: { id: 'watch', src: 'fetchUser' },
        initial: 'a',
        states: { a: {} },
      })
      expect(questionsOf(rule, system(machine))).toEqual([
        ['machines.account.invoke.watch', 'What should machine account do when watch fails (invoked at its root)?'],
      ])
      expect(findingsOf(rule, system(machine))[0]?.message).toBe(
        'the machine invokes "watch" and does not say what happens when it fails (onError)',
      )
    })

    it.each([
      ['an onError on the invoke', { on: {} }, { id: 'fetch', src: 'fetchUser', onError: 'b' }],
      [
        'an ancestor’s transition for the actor’s error event',
        { on: { 'xstate.error.actor.fetch': '.b' } },
        { id: 'fetch', src: 'fetchUser' },
      ],
      [
        'an ancestor’s wildcard for error events',
        { on: { 'xstate.error.*': '.b' } },
        { id: 'fetch', src: 'fetchUser' },
      ],
    ])('is silent for %s', (_, root, invoke) => {
      const machine = machines.createMachine({ ...root, initial: 'a', states: { a: { invoke }, b: {} } } as never)
      expect(findingsOf(rule, system(machine))).toEqual([])
    })

    it('does not take another actor’s error handler for this one’s', () => {
      const machine = machines.createMachine({
        on: { 'xstate.error.actor.other': '.b' },
        initial: 'a',
        states: { a: { invoke: { id: 'fetch', src: 'fetchUser' } }, b: {} },
      })
      expect(findingsOf(rule, system(machine)).map((finding) => finding.element)).toEqual([
        'machines.account.states.a.invoke.fetch',
      ])
    })
  })
})
