/**
 * A machine whose setup() lacks an actor or a delay it names: `model/invalid` says so, and
 * the exploration goes on as the author meant the machine (stand-ins), so nothing that only
 * follows from the mistake is reported. XState's own event ids never reach a message, an
 * element or a trace's words.
 */
import { describe, expect, it } from 'vitest'
import { assign, createMachine, fromPromise, setup } from 'xstate'
import { checkSystem } from '../../check/check-system.js'

describe('a machine missing an implementation', () => {
  it('reports the missing actor, and no deadlock in a state the machine never starts in', async () => {
    // Without an actor for fetchUser, XState fails entering "a"; the deadlock it then met was
    // reported "from b, already in the initial state", though the machine starts in "a".
    // Untyped, as a JavaScript model is: the typed setup() refuses the names it lacks.
    const machine = createMachine({
      id: 'm',
      initial: 'a',
      states: {
        a: { invoke: { src: 'fetchUser', onDone: 'b', onError: 'done' } },
        b: { on: { GO: 'done' } },
        done: { type: 'final' },
      },
    })
    const result = await checkSystem({ name: 's', machines: { m: machine } })
    expect(result.diagnostics.map(({ rule, element, message }) => ({ rule, element, message }))).toEqual([
      {
        rule: 'model/invalid',
        element: 'machines.m.states.a.invoke[0]',
        message:
          'machine "m" has no actor "fetchUser": entering the state would stop the machine with an error; give it the actor\'s logic in setup({ actors })',
      },
    ])
    expect(result.exploration.map(({ states, complete }) => ({ states, complete }))).toEqual([
      { states: 3, complete: true },
    ])
  })

  it('explores a missing delay as a delay, and names its events as the machine does in a real finding', async () => {
    const machine = createMachine({
      id: 'm',
      initial: 'a',
      states: {
        a: { invoke: { src: 'fetchUser', onDone: 'b', onError: 'c' }, after: { someDelay: 'c' } },
        b: { on: { GO: 'done' } },
        c: {},
        done: { type: 'final' },
      },
    })
    const result = await checkSystem({ name: 's', machines: { m: machine } })
    const deadlocks = result.diagnostics.filter(({ rule }) => rule !== 'model/invalid')
    expect(deadlocks).toEqual([
      {
        rule: 'state/deadlock',
        severity: 'error',
        element: 'machines.m.states.c',
        message: 'state "c" is a deadlock: the machine is not done, and no event it accepts is enabled',
        initial: { value: 'a', context: {} },
        trace: [
          {
            action: 'xstate.error.actor.0.m.a',
            description: 'fetchUser failed (invoked in state "a")',
            params: {},
            state: { value: 'c', context: {} },
          },
        ],
      },
    ])
  })
})

describe('a flow driving a machine that misses a delay', () => {
  it('is replayed as the author meant the machine: no infeasible flow from the delay fired at once', async () => {
    // Without a duration, XState takes "a"'s delayed transition at once, to the final "c",
    // and the flow's GO would be refused there.
    const machine = createMachine({
      id: 'm',
      initial: 'a',
      states: {
        a: { after: { someDelay: 'c' }, on: { GO: 'b' } },
        b: { on: { GO: 'c' } },
        c: { type: 'final' },
      },
    })
    const system = {
      name: 's',
      components: { web: {}, api: {} },
      flows: {
        f: {
          machine: 'm',
          steps: [
            { from: 'web', to: 'api', event: 'GO' },
            { from: 'web', to: 'api', event: 'GO' },
          ],
        },
      },
      machines: { m: machine },
    }
    expect((await checkSystem(system)).diagnostics.map(({ rule, element }) => `${rule} at ${element}`)).toEqual([
      'model/invalid at machines.m.states.a.after.someDelay',
    ])
  })
})

describe('XState’s own events in findings', () => {
  it('names an unused delay and an invoke’s done event by the state, the invoke and the delay, at the transition', async () => {
    // "b" is reachable, but each of these transitions is guarded off: none is ever taken.
    const machine = setup({
      actors: { load: fromPromise(async () => 1) },
      delays: { patience: 500 },
      guards: { never: () => false },
    }).createMachine({
      id: 'm',
      initial: 'a',
      states: {
        a: { on: { GO: 'b' } },
        b: {
          invoke: [
            { src: 'load', onDone: { target: 'a', guard: 'never' }, onError: 'a' },
            { id: 'reload', src: 'load', onDone: { target: 'a', guard: 'never' }, onError: 'a' },
          ],
          after: { patience: { target: 'a', guard: 'never' }, 1000: { target: 'a', guard: 'never' } },
        },
      },
    })
    const result = await checkSystem({ name: 's', machines: { m: machine } })
    expect(result.diagnostics.map(({ rule, element, message }) => [rule, element, message])).toEqual([
      [
        'state/unused-event',
        'machines.m.states.b.invoke[0].onDone',
        'the event load done (invoked in state "b") is never taken: in no reachable snapshot does XState take a transition for it',
      ],
      [
        'state/unused-event',
        'machines.m.states.b.invoke.reload.onDone',
        'the event reload done (invoked in state "b") is never taken: in no reachable snapshot does XState take a transition for it',
      ],
      // A number key comes first in an object, as JavaScript orders them.
      [
        'state/unused-event',
        'machines.m.states.b.after["1000"]',
        'the event after 1000 ms in state "b" is never taken: in no reachable snapshot does XState take a transition for it',
      ],
      [
        'state/unused-event',
        'machines.m.states.b.after.patience',
        'the event after patience in state "b" is never taken: in no reachable snapshot does XState take a transition for it',
      ],
    ])
  })

  it('names the environment’s event that threw as the machine does', async () => {
    const machine = setup({ actors: { load: fromPromise(async () => ({ name: 'ann' })) } }).createMachine({
      id: 'm',
      initial: 'a',
      context: { name: '' },
      states: {
        a: {
          invoke: {
            src: 'load',
            onDone: { target: 'b', actions: assign({ name: ({ event }) => (event.output as { name: string }).name }) },
            onError: 'b',
          },
        },
        b: { type: 'final' },
      },
    })
    const [error] = (await checkSystem({ name: 's', machines: { m: machine } })).diagnostics
    expect(error?.message).toMatch(/^the event load done \(invoked in state "a"\) threw: TypeError: /)
    expect(error?.trace).toEqual([])
  })
})
