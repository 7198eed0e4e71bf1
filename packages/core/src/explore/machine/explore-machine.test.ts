import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  __unsafe_getAllOwnEventDescriptors,
  assign,
  createMachine,
  fromCallback,
  fromPromise,
  setup,
  stopChild,
  type AnyActorRef,
  type AnyMachineSnapshot,
  type AnyStateMachine,
} from 'xstate'
import { getAdjacencyMap, serializeSnapshot } from 'xstate/graph'
import type { MachineModel } from '../../model/types.js'
import { DEFAULT_BOUNDS, type ExplorationBounds } from '../types.js'
import { exploreMachine } from './explore-machine.js'
import { asReported } from '../../testing/reported.js'

type Samples = Record<string, Record<string, unknown>[]>

function explore(model: MachineModel, bounds: Partial<ExplorationBounds> = {}) {
  const { stats, findings } = exploreMachine('m', model, { bounds: { ...DEFAULT_BOUNDS, ...bounds } })
  const { ms: _ms, collisionProbability: _p, ...rest } = stats
  return { stats: rest, findings: asReported(findings) }
}

/** The snapshots the engine visits, keyed as xstate/graph keys them (an invariant that is told every new snapshot). */
function visitedKeys(machine: AnyStateMachine, events: Samples = {}): string[] {
  const keys: string[] = []
  const { findings } = explore({
    machine,
    events,
    invariants: { spy: (snapshot) => keys.push(serializeSnapshot(snapshot)) > 0 },
  })
  expect(findings.filter(({ rule }) => rule === 'explore/error' || rule === 'explore/incomplete')).toEqual([])
  return keys
}

/**
 * xstate/graph's own answer: every snapshot reachable with the same events, chosen as its
 * default chooses them (each snapshot's own event descriptors, with the samples of each type).
 */
function graphSnapshots(machine: AnyStateMachine, events: Samples = {}): AnyMachineSnapshot[] {
  const adjacency = getAdjacencyMap(machine, {
    events: (snapshot) =>
      __unsafe_getAllOwnEventDescriptors(snapshot)
        // XState raises a compound state's done event itself; sending it from outside would fake it.
        .filter((type) => !type.startsWith('xstate.done.state.'))
        .flatMap((type) => (events[type] ?? [{}]).map((payload) => ({ ...payload, type }))) as never,
  })
  return Object.values(adjacency).map(({ state }) => state as AnyMachineSnapshot)
}

/** Element paths of the topmost state nodes no snapshot is in. */
function unreachableByGraph(machine: AnyStateMachine, snapshots: AnyMachineSnapshot[]): string[] {
  const reached = new Set(
    snapshots.flatMap((snapshot) =>
      (snapshot as unknown as { _nodes: { id: string }[] })._nodes.map((node) => node.id),
    ),
  )
  const found: string[] = []
  const visit = (node: AnyStateMachine['root'], parentReached: boolean): void => {
    for (const child of Object.values(node.states)) {
      if (child.type === 'history') continue
      const isReached = reached.has(child.id)
      if (!isReached && parentReached)
        found.push(['machines.m', ...child.path.flatMap((key) => ['states', key])].join('.'))
      visit(child, isReached)
    }
  }
  visit(machine.root, true)
  return found
}

function crossCheck(machine: AnyStateMachine, events: Samples = {}) {
  const ours = visitedKeys(machine, events)
  const graph = graphSnapshots(machine, events)
  expect(new Set(ours).size).toBe(ours.length)
  expect([...ours].sort()).toEqual(graph.map((snapshot) => serializeSnapshot(snapshot)).sort())
  const { findings } = explore({ machine, events })
  expect(findings.filter(({ rule }) => rule === 'state/unreachable').map(({ element }) => element)).toEqual(
    unreachableByGraph(machine, graph),
  )
  return ours.length
}

const shop = setup({
  types: {
    context: {} as { items: number; paid: boolean },
    events: {} as
      | { type: 'ADD' }
      | { type: 'REMOVE' }
      | { type: 'CHECKOUT' }
      | { type: 'PAY'; amount: number }
      | { type: 'BACK' },
  },
}).createMachine({
  context: { items: 0, paid: false },
  initial: 'shopping',
  states: {
    shopping: {
      initial: 'browsing',
      states: {
        browsing: {
          on: {
            ADD: {
              guard: ({ context }) => context.items < 2,
              actions: assign({ items: ({ context }) => context.items + 1 }),
              target: 'cart',
            },
          },
        },
        cart: {
          on: {
            ADD: {
              guard: ({ context }) => context.items < 2,
              actions: assign({ items: ({ context }) => context.items + 1 }),
            },
            REMOVE: [
              {
                guard: ({ context }) => context.items > 1,
                actions: assign({ items: ({ context }) => context.items - 1 }),
              },
              { target: 'browsing', actions: assign({ items: 0 }) },
            ],
          },
        },
      },
      on: { CHECKOUT: { guard: ({ context }) => context.items > 0, target: 'paying' } },
    },
    paying: {
      on: {
        PAY: [
          { guard: ({ event }) => event.amount >= 10, target: 'done', actions: assign({ paid: true }) },
          { target: 'paying' },
        ],
        BACK: 'shopping',
      },
    },
    done: { type: 'final' },
    refunded: { type: 'final' },
  },
})

const player = createMachine({
  type: 'parallel',
  states: {
    playback: {
      initial: 'paused',
      states: { paused: { on: { PLAY: 'playing' } }, playing: { on: { PAUSE: 'paused' } } },
    },
    volume: {
      initial: 'normal',
      states: { normal: { on: { MUTE: 'muted' } }, muted: { on: { UNMUTE: 'normal' } }, broken: {} },
    },
  },
})

let promiseRan = false
let callbackRan = false
const fetcher = setup({
  actors: {
    load: fromPromise(async () => {
      promiseRan = true
      return { name: 'ann' }
    }),
    ticker: fromCallback(() => {
      callbackRan = true
    }),
  },
}).createMachine({
  context: { name: null as string | null, attempts: 0 },
  initial: 'idle',
  states: {
    idle: { on: { FETCH: 'loading' } },
    loading: {
      invoke: [
        {
          id: 'load',
          src: 'load',
          onDone: { target: 'ready', actions: assign({ name: ({ event }) => event.output.name }) },
          onError: [
            {
              guard: ({ context }) => context.attempts < 1,
              target: 'loading',
              reenter: true,
              actions: assign({ attempts: ({ context }) => context.attempts + 1 }),
            },
            { target: 'failed' },
          ],
        },
        { id: 'ticker', src: 'ticker' },
      ],
      after: { 3000: 'timedOut' },
    },
    timedOut: { on: { RETRY: 'loading' } },
    failed: { type: 'final' },
    ready: { type: 'final' },
  },
})

describe('exploreMachine: the same snapshots as xstate/graph', () => {
  it('nested states, guards, assign, final states', () => {
    expect(crossCheck(shop, { PAY: [{ amount: 5 }, { amount: 20 }] })).toBe(9)
  })

  it('parallel states', () => {
    expect(crossCheck(player)).toBe(4)
  })

  it('delayed transitions and invoked actors’ done and error events, without running the actors', async () => {
    expect(crossCheck(fetcher, { 'xstate.done.actor.load': [{ output: { name: 'ann' } }] })).toBe(8)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect({ promiseRan, callbackRan }).toEqual({ promiseRan: false, callbackRan: false })
  })
})

describe('exploreMachine: findings', () => {
  it('reports an unreachable state once, at the topmost unreachable node', () => {
    const machine = createMachine({
      initial: 'a',
      states: { a: { on: { GO: 'b' } }, b: { on: { BACK: 'a' } }, lost: { initial: 'x', states: { x: {}, y: {} } } },
    })
    expect(explore({ machine }).findings).toEqual([
      {
        rule: 'state/unreachable',
        element: 'machines.m.states.lost',
        message: 'state "lost" is unreachable: no step from the initial state enters it, nor any of its 2 substates',
      },
    ])
  })

  it('takes a state a step passes through (eventless routing, a final child its parent leaves when done) for reached', () => {
    const machine = setup({ types: { context: {} as { n: number } } }).createMachine({
      context: { n: 0 },
      initial: 'routing',
      states: {
        routing: { always: 'light' },
        light: {
          initial: 'walk',
          states: { walk: { on: { COUNTDOWN: 'stop' } }, stop: { type: 'final' } },
          onDone: 'check',
        },
        check: { always: [{ guard: ({ context }) => context.n > 0, target: 'never' }, { target: 'light' }] },
        never: {},
      },
    })
    expect(explore({ machine }).findings).toEqual([
      {
        rule: 'state/unreachable',
        element: 'machines.m.states.never',
        message: 'state "never" is unreachable: no step from the initial state enters it',
      },
    ])
  })

  it('reports a deadlock once per state node, with the shortest trace to it', () => {
    const machine = setup({ types: { context: {} as { n: number } } }).createMachine({
      context: { n: 0 },
      initial: 'counting',
      states: {
        counting: {
          on: {
            INC: { guard: ({ context }) => context.n < 2, actions: assign({ n: ({ context }) => context.n + 1 }) },
            STOP: 'stopped',
          },
        },
        stopped: {},
      },
    })
    expect(explore({ machine }).findings).toEqual([
      {
        rule: 'state/deadlock',
        element: 'machines.m.states.stopped',
        message: 'state "stopped" is a deadlock: the machine is not done, and no event it accepts is enabled',
        initial: { value: 'counting', context: { n: 0 } },
        trace: [{ action: 'STOP', params: {}, state: { value: 'stopped', context: { n: 0 } } }],
      },
    ])
  })

  it('takes a state whose only transition runs actions for no deadlock, and its event for used', () => {
    const machine = setup({ actions: { log: () => {} } }).createMachine({
      initial: 'a',
      states: { a: { on: { PING: { actions: 'log' } } } },
    })
    expect(explore({ machine }).findings).toEqual([])
  })

  it('reports states from which the machine can never finish', () => {
    const machine = createMachine({
      initial: 'open',
      states: {
        open: { on: { DISPUTE: 'disputed', CLOSE: 'closed' } },
        disputed: {
          initial: 'arguing',
          states: { arguing: { on: { REPLY: 'waiting' } }, waiting: { on: { REPLY: 'arguing' } } },
        },
        closed: { type: 'final' },
      },
    })
    expect(
      explore({ machine }).findings.map(({ rule, element, message, trace }) => [
        rule,
        element,
        message,
        trace?.map(({ action }) => action),
      ]),
    ).toEqual([
      [
        'state/no-final-path',
        'machines.m.states.disputed.states.arguing',
        'from state "disputed.arguing" the machine can never finish: no final state is reachable from there',
        ['DISPUTE'],
      ],
      [
        'state/no-final-path',
        'machines.m.states.disputed.states.waiting',
        'from state "disputed.waiting" the machine can never finish: no final state is reachable from there',
        ['DISPUTE', 'REPLY'],
      ],
    ])
  })

  it('in parallel regions, blames the region that is stuck, not a region that finished or could finish', () => {
    const machine = createMachine({
      type: 'parallel',
      states: {
        transfer: { initial: 'idle', states: { idle: { on: { SEND: 'sent' } }, sent: { type: 'final' } } },
        validation: {
          initial: 'pending',
          states: { pending: { on: { VALID: 'ok', INVALID: 'bad' } }, ok: { type: 'final' }, bad: {} },
        },
      },
    })
    expect(
      explore({ machine }).findings.map(({ rule, element, message, trace }) => [
        rule,
        element,
        message,
        trace?.map(({ action }) => action),
      ]),
    ).toEqual([
      [
        'state/deadlock',
        'machines.m.states.validation.states.bad',
        'state "validation.bad" is a deadlock: the machine is not done, and no event it accepts is enabled',
        ['SEND', 'INVALID'],
      ],
      [
        'state/no-final-path',
        'machines.m.states.validation.states.bad',
        'from state "validation.bad" the machine can never finish: no final state is reachable from there',
        ['INVALID'],
      ],
    ])
  })

  it('names the machine, not state "", when its root is the state in question', () => {
    const machine = createMachine({})
    expect(explore({ machine }).findings.map(({ rule, element, message }) => [rule, element, message])).toEqual([
      ['state/deadlock', 'machines.m', 'the machine is a deadlock: it is not done, and no event it accepts is enabled'],
    ])
  })

  it('reports an event type that is never taken', () => {
    const machine = createMachine({
      initial: 'idle',
      states: {
        idle: { on: { START: 'running', STOP: { guard: () => false, target: 'idle' } } },
        running: { on: { START: { guard: () => false, target: 'idle' } } },
      },
    })
    expect(explore({ machine }).findings.filter(({ rule }) => rule === 'state/unused-event')).toEqual([
      {
        rule: 'state/unused-event',
        element: 'machines.m.events.STOP',
        message: 'event "STOP" is never taken: in no reachable snapshot does XState take a transition for it',
      },
    ])
  })

  it('reports an event whose only transitions change nothing, wherever they are', () => {
    const flat = createMachine({ on: { KNOCK: {}, RING: { actions: assign({}) } } })
    expect(explore({ machine: flat }).findings.filter(({ rule }) => rule === 'state/unused-event')).toEqual([
      {
        rule: 'state/unused-event',
        element: 'machines.m.events.KNOCK',
        message:
          'event "KNOCK" changes nothing: its transition (the machine) has no target and no actions, and blocks no transition of an enclosing state',
      },
    ])
    const nested = createMachine({
      initial: 'a',
      on: { KNOCK: { guard: () => true } },
      states: { a: { on: { GO: 'b' } }, b: { on: { KNOCK: {}, BACK: 'a' } } },
    })
    expect(
      explore({ machine: nested })
        .findings.filter(({ rule }) => rule === 'state/unused-event')
        .map(({ message }) => message),
    ).toEqual([
      'event "KNOCK" changes nothing: its transitions (the machine, state "b") have no target and no actions, and block no transition of an enclosing state',
    ])
  })

  it("respects a transition that changes nothing where it blocks an enclosing state's handler", () => {
    // In "quiet", KNOCK is ignored on purpose: the root's handler would leave it.
    const machine = createMachine({
      initial: 'quiet',
      on: { KNOCK: '.answering' },
      states: { quiet: { on: { KNOCK: {}, WAKE: 'awake' } }, awake: {}, answering: {} },
    })
    expect(explore({ machine }).findings.filter(({ rule }) => rule === 'state/unused-event')).toEqual([])
    // Never taken, because the only reached state blocks it: still a decision, not an unused event.
    const blockedEverywhere = createMachine({
      initial: 'quiet',
      on: { KNOCK: { actions: assign({}) } },
      states: { quiet: { on: { KNOCK: {} } } },
    })
    expect(
      explore({ machine: blockedEverywhere }).findings.filter(({ rule }) => rule === 'state/unused-event'),
    ).toEqual([])
  })

  it('counts a re-entering transition as taken (a retry restarts what the state invokes), and a self-target without reenter as nothing', () => {
    const machine = setup({
      actors: { fetch: fromPromise(async () => 'data') },
      delays: { backoff: 1000 },
    }).createMachine({
      initial: 'loading',
      states: {
        loading: { invoke: { src: 'fetch', onDone: 'done', onError: 'waiting' } },
        waiting: {
          after: { backoff: 'loading' },
          on: { RETRY_NOW: { target: 'waiting', reenter: true }, NUDGE: 'waiting' },
        },
        done: { type: 'final' },
      },
    })
    // XState v5 takes no transition for a target that is the state itself unless it says reenter.
    expect(
      explore({ machine })
        .findings.filter(({ rule }) => rule === 'state/unused-event')
        .map(({ element }) => element),
    ).toEqual(['machines.m.events.NUDGE'])
  })

  it('checks invariants and never predicates on real snapshots, past violations, each once', () => {
    const machine = setup({ types: { context: {} as { n: number } } }).createMachine({
      context: { n: 0 },
      on: { INC: { guard: ({ context }) => context.n < 4, actions: assign({ n: ({ context }) => context.n + 1 }) } },
    })
    const { findings } = explore({
      machine,
      invariants: {
        belowThree: (snapshot) => snapshot.context.n < 3,
        matches: (snapshot) => snapshot.matches({}) || snapshot.status === 'active',
      },
      never: { two: (snapshot) => snapshot.context.n === 2 },
    })
    expect(findings.map(({ rule, element, trace }) => [rule, element, trace?.length])).toEqual([
      ['constraint/violated', 'machines.m.never.two', 2],
      ['invariant/violated', 'machines.m.invariants.belowThree', 3],
      ['state/deadlock', 'machines.m', 4],
    ])
  })

  it('sends every declared payload sample, and keys snapshots by state value and context', () => {
    const machine = setup({ types: { events: {} as { type: 'SET'; to: string } } }).createMachine({
      context: { colour: 'none' },
      on: { SET: { actions: assign({ colour: ({ event }) => event.to }) } },
    })
    const { stats } = explore({ machine, events: { SET: [{ to: 'red' }, { to: 'blue' }] } })
    expect(stats).toEqual({ element: 'machines.m', states: 3, transitions: 6, complete: true, depth: 1 })
  })

  it('keys snapshots by their history too, where the machine has history states', () => {
    const machine = createMachine({
      initial: 'on',
      states: {
        on: {
          initial: 'low',
          states: { low: { on: { UP: 'high' } }, high: { on: { DOWN: 'low' } }, last: { type: 'history' } },
          on: { OFF: 'off' },
        },
        off: { on: { ON: 'on.last' } },
      },
    })
    // xstate/graph keys by value and context only, and takes "off, remembering low" and "off, remembering high" for one
    // snapshot, though ON leads from them to different states. With the history: low and high, each remembering
    // nothing, low or high, and off remembering low or high.
    expect(graphSnapshots(machine)).toHaveLength(3)
    expect(explore({ machine }).stats).toMatchObject({ states: 8, complete: true })
  })

  it('is deterministic', () => {
    const model = {
      machine: shop,
      events: { PAY: [{ amount: 5 }, { amount: 20 }] },
      never: { paid: (snapshot: AnyMachineSnapshot) => snapshot.context.paid },
    }
    expect(explore(model)).toEqual(explore(model))
  })
})

describe('exploreMachine: hostile machines', () => {
  it('a guard that throws: explore/error at the machine with the trace that reached it; the rest still checked', () => {
    const machine = setup({ types: { context: {} as { n: number } } }).createMachine({
      context: { n: 0 },
      initial: 'a',
      states: {
        a: {
          on: {
            INC: { guard: ({ context }) => context.n < 2, actions: assign({ n: ({ context }) => context.n + 1 }) },
            CHECK: {
              guard: ({ context }) => {
                if (context.n === 1) throw new Error('cannot check one')
                return false
              },
              target: 'b',
            },
          },
        },
        b: {},
      },
    })
    const { stats, findings } = explore({ machine, invariants: { small: (snapshot) => snapshot.context.n < 2 } })
    expect(stats.complete).toBe(false)
    expect(findings.map(({ rule, element, trace }) => [rule, element, trace?.map(({ action }) => action)])).toEqual([
      ['invariant/violated', 'machines.m.invariants.small', ['INC', 'INC']],
      ['explore/error', 'machines.m', ['INC']],
      ['state/deadlock', 'machines.m.states.a', ['INC', 'INC']],
    ])
    expect(findings[1]).toEqual({
      rule: 'explore/error',
      element: 'machines.m',
      message: `event "CHECK" threw: Error: Unable to evaluate guard in transition for event 'CHECK' in state node '(machine).a': cannot check one`,
      initial: { value: 'a', context: { n: 0 } },
      trace: [{ action: 'INC', params: {}, state: { value: 'a', context: { n: 1 } } }],
    })
  })

  it('a guard that throws where no other event is enabled: explore/error, and no deadlock claimed', () => {
    const machine = setup({
      guards: {
        boom: () => {
          throw new Error('guard boom')
        },
      },
    }).createMachine({ initial: 'a', states: { a: { on: { GO: { guard: 'boom', target: 'b' } } }, b: {} } })
    const { stats, findings } = explore({ machine })
    expect(stats.complete).toBe(false)
    expect(findings).toEqual([
      {
        rule: 'explore/error',
        element: 'machines.m',
        message: `event "GO" threw: Error: Unable to evaluate guard 'boom' in transition for event 'GO' in state node '(machine).a': guard boom`,
        initial: { value: 'a', context: {} },
        trace: [],
      },
    ])
  })

  it('a done event without a sample output, read by an action: the error says to declare one', () => {
    const machine = setup({ actors: { load: fromPromise(async () => ({ name: 'x' })) } }).createMachine({
      context: { name: '' },
      initial: 'loading',
      states: {
        loading: {
          invoke: {
            src: 'load',
            id: 'load',
            onDone: { target: 'done', actions: assign({ name: ({ event }) => event.output.name }) },
          },
        },
        done: {},
      },
    })
    expect(explore({ machine }).findings[0]?.message).toBe(
      `the event load done (invoked in state "loading") threw: TypeError: Cannot read properties of undefined (reading 'name') (it was sent without output: declare samples, e.g. events: { "load.done": [{ output: … }] })`,
    )
  })

  it('an infinite machine stops at the bound: explore/incomplete, and no absence is claimed', () => {
    const machine = setup({ types: { context: {} as { n: number } } }).createMachine({
      context: { n: 0 },
      initial: 'a',
      states: { a: { on: { INC: { actions: assign({ n: ({ context }) => context.n + 1 }) } } }, never: {} },
    })
    expect(explore({ machine }, { maxStates: 50 })).toEqual({
      stats: { element: 'machines.m', states: 50, transitions: 49, complete: false, depth: 49, bound: 'states' },
      findings: [
        {
          rule: 'explore/incomplete',
          element: 'machines.m',
          message:
            'exploration stopped at the bound of 50 states, after 50 states and 49 transitions to depth 49: states beyond it are not checked; it was still going deeper when it stopped, so the state space may be unbounded (context.n kept changing): bound it with a guard on the events that grow it (INC), or check to a depth with --max-depth N; if it is finite, raise --max-states',
        },
      ],
    })
  })

  it('a context that is not data', () => {
    const machine = createMachine({
      context: { seen: new Map<string, number>() },
      on: { SEE: { actions: assign({ seen: () => new Map([['a', 1]]) }) } },
    })
    expect(explore({ machine }).findings).toEqual([
      {
        rule: 'explore/error',
        element: 'machines.m',
        message:
          'the initial snapshot led to a context that is not data: found an instance of Map at context.seen; keep the context to data (objects, arrays, strings, numbers, booleans, null)',
      },
    ])
  })

  it('an assign that changes the context in place', () => {
    const machine = setup({ types: { context: {} as { items: string[] } } }).createMachine({
      context: { items: [] },
      on: {
        ADD: {
          guard: ({ context }) => context.items.length < 2,
          actions: assign({
            items: ({ context }) => {
              context.items.push('x')
              return [...context.items]
            },
          }),
        },
      },
    })
    const { stats, findings } = explore({ machine })
    expect(stats.complete).toBe(false)
    expect(findings.map(({ rule, element, message }) => [rule, element, message])).toEqual([
      [
        'explore/error',
        'machines.m',
        'the context of a snapshot changed in place while events were sent to it: an action or assign mutates the context instead of returning new values. Exploration stopped here',
      ],
    ])
  })

  it('spawned actors kept in the context: never started, keyed by their reference', async () => {
    let started = 0
    const machine = setup({
      types: { context: {} as { worker: unknown } },
      actors: { worker: fromCallback(() => void started++) },
    }).createMachine({
      context: { worker: null },
      initial: 'idle',
      states: {
        idle: {
          on: {
            START: { target: 'working', actions: assign({ worker: ({ spawn }) => spawn('worker', { id: 'w' }) }) },
          },
        },
        working: { on: { STOP: { target: 'idle', actions: assign({ worker: null }) } } },
      },
    })
    const { stats, findings } = explore({ machine })
    expect(stats).toMatchObject({ states: 2, complete: true })
    expect(findings).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(started).toBe(0)
  })

  it('invoked actors with a system id, created again on every step that enters their state', () => {
    const machine = setup({ actors: { ticker: fromCallback(() => {}) } }).createMachine({
      initial: 'a',
      states: {
        a: { invoke: { src: 'ticker', systemId: 'ticker' }, on: { AGAIN: { target: 'a', reenter: true }, NEXT: 'b' } },
        b: { on: { BACK: 'a' } },
      },
    })
    const { stats, findings } = explore({ machine })
    expect(stats).toMatchObject({ states: 2, complete: true })
    // Re-entering restarts the actor, which the snapshot's value and context do not show: AGAIN is used.
    expect(findings).toEqual([])
  })

  it('an initial snapshot that throws', () => {
    const machine = createMachine({
      context: () => {
        throw new Error('no context')
      },
    })
    expect(explore({ machine }).findings).toEqual([
      { rule: 'explore/error', element: 'machines.m', message: 'the initial snapshot threw: Error: no context' },
    ])
  })

  it("starts a machine whose context needs input from the model's input", () => {
    const machine = setup({
      types: { input: {} as { limit: number }, context: {} as { count: number; limit: number } },
    }).createMachine({
      context: ({ input }) => ({ count: 0, limit: input.limit }),
      initial: 'counting',
      states: {
        counting: {
          always: { guard: ({ context }) => context.count >= context.limit, target: 'full' },
          on: { ADD: { actions: assign({ count: ({ context }) => context.count + 1 }) } },
        },
        full: { type: 'final' },
      },
    })
    const { stats, findings } = explore({
      machine,
      input: { limit: 2 },
      invariants: { underLimit: (snapshot) => snapshot.context.count < 2 },
    })
    expect(stats).toMatchObject({ states: 3, complete: true, depth: 2 })
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'invariant/violated',
        element: 'machines.m.invariants.underLimit',
        initial: { value: 'counting', context: { count: 0, limit: 2 } },
        trace: [
          { action: 'ADD', params: {}, state: { value: 'counting', context: { count: 1, limit: 2 } } },
          { action: 'ADD', params: {}, state: { value: 'full', context: { count: 2, limit: 2 } } },
        ],
      }),
    ])
    // Without it, the context cannot be made: the machine cannot start.
    expect(explore({ machine }).findings).toEqual([
      {
        rule: 'explore/error',
        element: 'machines.m',
        message: "the initial snapshot threw: TypeError: Cannot read properties of undefined (reading 'limit')",
      },
    ])
  })
})

describe('exploreMachine: generated ids and nondeterminism', () => {
  // The friends-list pattern: spawn a child without an id on ADD, stop the oldest on REMOVE, at most two alive.
  const friend = createMachine({ initial: 'idle', states: { idle: {} } })
  const friends = setup({
    types: { context: {} as { friends: AnyActorRef[] } },
    actors: { friend },
  }).createMachine({
    context: { friends: [] },
    on: {
      ADD: {
        guard: ({ context }) => context.friends.length < 2,
        actions: assign({ friends: ({ context, spawn }) => [...context.friends, spawn('friend')] }),
      },
      REMOVE: {
        guard: ({ context }) => context.friends.length > 0,
        actions: [
          stopChild(({ context }) => context.friends[0]!),
          assign({ friends: ({ context }) => context.friends.slice(1) }),
        ],
      },
    },
  })

  it('names spawned actors canonically, so bounded live children give a finite, complete search', () => {
    const { stats, findings } = explore({ machine: friends })
    expect(findings).toEqual([])
    // No friend, one, two: the ids XState chose at random no longer make each spawn a new state.
    expect([stats.states, stats.complete]).toEqual([3, true])
  })

  it('reports a step whose outcome is not a function of snapshot and event, naming the event', () => {
    let counter = 0
    const machine = setup({ types: { context: {} as { n: number } } }).createMachine({
      context: { n: 0 },
      on: { TICK: { actions: assign({ n: () => ++counter }) } },
    })
    const { stats, findings } = explore({ machine })
    expect(stats.complete).toBe(false)
    expect(findings.map(({ rule, message }) => [rule, message.split(':')[0]])).toEqual([
      ['explore/error', 'event "TICK" is not deterministic'],
    ])
  })
})

describe('exploreMachine: the reachable snapshots of random machines', () => {
  interface TransitionSpec {
    target: number | null
    guard: number | null
    action: 'none' | 'increment' | 'reset'
  }
  const EVENTS = ['A', 'B', 'C'] as const
  const transitionSpec = fc.record<TransitionSpec>({
    target: fc.option(fc.integer({ min: 0, max: 3 })),
    guard: fc.option(fc.integer({ min: 1, max: 3 })),
    action: fc.constantFrom('none', 'increment', 'reset'),
  })
  const stateSpec = fc.record({ final: fc.boolean(), on: fc.dictionary(fc.constantFrom(...EVENTS), transitionSpec) })

  function buildMachine(states: { final: boolean; on: Record<string, TransitionSpec> }[]): AnyStateMachine {
    const name = (index: number) => `s${index % states.length}`
    return setup({ types: { context: {} as { x: number } } }).createMachine({
      context: { x: 0 },
      initial: 's0',
      states: Object.fromEntries(
        states.map((state, index) => [
          name(index),
          index > 0 && state.final
            ? { type: 'final' as const }
            : {
                on: Object.fromEntries(
                  Object.entries(state.on).map(([event, { target, guard, action }]) => [
                    event,
                    {
                      ...(target === null ? {} : { target: name(target) }),
                      ...(guard === null
                        ? {}
                        : { guard: ({ context }: { context: { x: number } }) => context.x < guard }),
                      ...(action === 'none'
                        ? {}
                        : {
                            actions: assign({
                              x: ({ context }: { context: { x: number } }) =>
                                action === 'reset' ? 0 : (context.x + 1) % 4,
                            }),
                          }),
                    },
                  ]),
                ),
              },
        ]),
      ),
    })
  }

  it('are exactly those xstate/graph reaches', () => {
    fc.assert(
      fc.property(fc.array(stateSpec, { minLength: 1, maxLength: 4 }), (states) => {
        const machine = buildMachine(states)
        expect(visitedKeys(machine).sort()).toEqual(
          graphSnapshots(machine)
            .map((snapshot) => serializeSnapshot(snapshot))
            .sort(),
        )
      }),
      { numRuns: 200 },
    )
  })
})
