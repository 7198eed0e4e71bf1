/**
 * Type tests for machine entries written inline in `defineSystem` (DESIGN.md's model reference:
 * `machines: { [id]: machine | { machine, events, invariants, never } }`): typed from their own
 * machine as `defineMachine` types them. Checked by `tsc -p tsconfig.check.json`; each
 * `@ts-expect-error` fails the typecheck if the line below it stops being an error.
 */
import { fromPromise, setup } from 'xstate'
import { defineSystem } from '../index.js'

const signup = setup({
  types: {
    context: {} as { attempts: number },
    events: {} as { type: 'SUBMIT'; email: string } | { type: 'RESET' },
  },
}).createMachine({
  context: { attempts: 0 },
  initial: 'editing',
  states: { editing: { on: { SUBMIT: 'sent', RESET: 'editing' } }, sent: { type: 'final' } },
})

const door = setup({ types: { events: {} as { type: 'KNOCK'; times: number } } }).createMachine({
  initial: 'shut',
  states: { shut: { on: { KNOCK: 'shut' } } },
})

export const inline = defineSystem({
  name: 'inline',
  machines: {
    signup: {
      machine: signup,
      events: { SUBMIT: [{ email: 'ann@example.com' }, { email: '' }], RESET: [{}] },
      invariants: { fewAttempts: (snapshot) => snapshot.context.attempts < 3 },
      never: { sentTwice: (snapshot) => snapshot.matches('sent') && snapshot.context.attempts > 1 },
    },
    // Each entry is typed from its own machine, not from the others'.
    door: { machine: door, events: { KNOCK: [{ times: 2 }] } },
    bare: signup,
  },
  flows: { signUp: { machine: 'signup', steps: [] } },
})

export const wrongField = defineSystem({
  name: 'wrong field',
  machines: {
    signup: {
      machine: signup,
      // @ts-expect-error: a payload field the event does not have
      events: { SUBMIT: [{ mail: 'ann@example.com' }] },
    },
  },
})

export const wrongFieldType = defineSystem({
  name: 'wrong field type',
  machines: {
    // @ts-expect-error: a payload field of the wrong type
    door: { machine: door, events: { KNOCK: [{ times: 'twice' }] } },
  },
})

export const wrongContext = defineSystem({
  name: 'wrong context',
  machines: {
    signup: {
      machine: signup,
      // @ts-expect-error: a context field the machine does not have
      invariants: { known: (snapshot) => snapshot.context.tries < 3 },
    },
  },
})

export const wrongMachineName = defineSystem({
  name: 'wrong machine name',
  machines: { signup },
  // @ts-expect-error: a flow naming a machine that does not exist
  flows: { signUp: { machine: 'sign-up', steps: [] } },
})

const loan = setup({
  actors: { checkCredit: fromPromise(async (): Promise<{ score: number }> => ({ score: 700 })) },
}).createMachine({
  initial: 'verifying',
  states: {
    verifying: { invoke: { id: 'creditCheck', src: 'checkCredit', onDone: 'approved', onError: 'declined' } },
    approved: {},
    declined: {},
  },
})

export const invokeSamples = defineSystem({
  name: 'invoke samples',
  machines: {
    byId: {
      machine: loan,
      events: { 'creditCheck.done': [{ output: { score: 700 } }], 'creditCheck.error': [{ error: new Error('down') }] },
    },
    byInternalType: { machine: loan, events: { 'xstate.done.actor.creditCheck': [{ output: { score: 700 } }] } },
  },
})

export const wrongOutcomeField = defineSystem({
  name: 'wrong outcome field',
  machines: {
    // @ts-expect-error: a done event carries `output`, not `result`
    loan: { machine: loan, events: { 'creditCheck.done': [{ result: 1 }] } },
  },
})
