import { assign, fromPromise, setup } from 'xstate'
import { describe, expect, it } from 'vitest'
import { checkSystem } from '../check/check-system.js'
import { defineSystem } from './define.js'
import { invokeSampleKeys } from './invoke-sample-keys.js'

const creditCheck = fromPromise(async (): Promise<{ score: number }> => ({ score: 0 }))

/** Approves on a good score, declines on a bad one or a failure: each outcome needs its sample to be reached. */
const applicationWith = (invokeId?: string) =>
  setup({
    types: { context: {} as { score: number; reason: string } },
    actors: { checkCredit: creditCheck },
  }).createMachine({
    id: 'application',
    context: { score: 0, reason: '' },
    initial: 'reviewing',
    states: {
      reviewing: {
        initial: 'verifying',
        states: {
          verifying: {
            invoke: {
              ...(invokeId === undefined ? {} : { id: invokeId }),
              src: 'checkCredit',
              onDone: [
                { guard: ({ event }) => event.output.score > 600, target: '#application.approved' },
                { target: '#application.declined', actions: assign({ score: ({ event }) => event.output.score }) },
              ],
              onError: {
                target: '#application.declined',
                actions: assign({ reason: ({ event }) => (event.error as Error).message }),
              },
            },
          },
        },
      },
      approved: { type: 'final' },
      declined: { type: 'final' },
    },
  })
const application = applicationWith()

async function check(events: Record<string, unknown[]>) {
  const system = defineSystem({
    name: 'loans',
    machines: { application: { machine: application, events: events as never } },
  })
  const { diagnostics, exploration } = await checkSystem(system)
  return {
    findings: diagnostics.map(({ rule, element, message }) => ({ rule, element, message })),
    states: exploration[0]?.states,
  }
}

const OUTPUTS = [{ output: { score: 700 } }, { output: { score: 100 } }]
const ERRORS = [{ error: new Error('bureau down') }]

describe('samples for an invoked actor, keyed as the user knows it', () => {
  it('lists the keys: the source (no id), and the state path with it', () => {
    expect(Object.fromEntries(invokeSampleKeys(application))).toEqual({
      'checkCredit.done': ['xstate.done.actor.0.application.reviewing.verifying'],
      'checkCredit.error': ['xstate.error.actor.0.application.reviewing.verifying'],
      'reviewing.verifying.checkCredit.done': ['xstate.done.actor.0.application.reviewing.verifying'],
      'reviewing.verifying.checkCredit.error': ['xstate.error.actor.0.application.reviewing.verifying'],
    })
  })

  it.each([
    ['its source', { 'checkCredit.done': OUTPUTS, 'checkCredit.error': ERRORS }],
    ['its state path and source', { 'reviewing.verifying.checkCredit.done': OUTPUTS, 'checkCredit.error': ERRORS }],
    [
      "XState's own event types",
      {
        'xstate.done.actor.0.application.reviewing.verifying': OUTPUTS,
        'xstate.error.actor.0.application.reviewing.verifying': ERRORS,
      },
    ],
  ])('by %s: every outcome is explored, nothing throws', async (_, events) => {
    // The initial state, approved, declined with a score (100), declined with a reason.
    expect(await check(events)).toEqual({ findings: [], states: 4 })
  })

  it('by the invoke’s id', async () => {
    expect(Object.fromEntries(invokeSampleKeys(applicationWith('creditCheck')))).toEqual({
      'creditCheck.done': ['xstate.done.actor.creditCheck'],
      'creditCheck.error': ['xstate.error.actor.creditCheck'],
      'reviewing.verifying.creditCheck.done': ['xstate.done.actor.creditCheck'],
      'reviewing.verifying.creditCheck.error': ['xstate.error.actor.creditCheck'],
    })
  })

  it('a key that names no invoke is model/invalid, with the closest key', async () => {
    expect((await check({ 'checkCredt.done': OUTPUTS })).findings).toEqual([
      {
        rule: 'model/invalid',
        element: 'machines.application.events["checkCredt.done"]',
        message: 'machine "application" has no event "checkCredt.done" (did you mean "checkCredit.done"?)',
      },
      // The done event went bare: the hint names the key to write.
      {
        rule: 'explore/error',
        element: 'machines.application',
        message:
          "the event checkCredit done (invoked in state \"reviewing.verifying\") threw: Error: Unable to evaluate guard in transition for event 'xstate.done.actor.0.application.reviewing.verifying' in state node 'application.reviewing.verifying': Cannot read properties of undefined (reading 'score') (it was sent without output: declare samples, e.g. events: { \"checkCredit.done\": [{ output: … }] })",
      },
    ])
  })
})
