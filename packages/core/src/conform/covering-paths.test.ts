import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromPromise, setup } from 'xstate'
import { defineStore, defineSystem } from '../model/define.js'
import { machinePaths, storePaths } from './plan-paths.js'

/** A store whose transitions are a table: `table[op][state]` is the next state, or -1 where op is disabled. */
function tableStore(table: readonly (readonly number[])[]) {
  return defineStore({
    initial: { at: 0 },
    operations: Object.fromEntries(
      table.map((row, op) => [
        `op${op}`,
        {
          guard: (state: { at: number }) => (row[state.at] ?? -1) >= 0,
          apply: (state: { at: number }) => ({ at: row[state.at]! }),
        },
      ]),
    ),
  })
}

/** Breadth-first distances and reachable edges of the table, worked out on their own. */
function graphOf(table: readonly (readonly number[])[]) {
  const distance = new Map<number, number>([[0, 0]])
  const queue = [0]
  const edges = new Set<string>()
  while (queue.length > 0) {
    const state = queue.shift()!
    table.forEach((row, op) => {
      const next = row[state] ?? -1
      if (next < 0) return
      edges.add(`${state}:${op}`)
      if (!distance.has(next)) {
        distance.set(next, distance.get(state)! + 1)
        queue.push(next)
      }
    })
  }
  return { distance, edges }
}

const tables = fc.integer({ min: 1, max: 7 }).chain((states) =>
  fc.array(fc.array(fc.integer({ min: -1, max: states - 1 }), { minLength: states, maxLength: states }), {
    minLength: 1,
    maxLength: 4,
  }),
)

describe('covering paths of a store', () => {
  it('take every reachable transition, each right after a shortest path to its source (property)', async () => {
    await fc.assert(
      fc.asyncProperty(tables, async (table) => {
        const model = defineSystem({ name: 't', stores: { t: tableStore(table) } })
        const planned = await storePaths(model, 't')
        const { distance, edges } = graphOf(table)
        const taken = new Set<string>()
        for (const path of planned.paths) {
          let state = 0
          path.forEach((step, position) => {
            const op = Number(step.action.slice(2))
            const next = table[op]![state]!
            expect(next).toBeGreaterThanOrEqual(0)
            expect(position).toBe(distance.get(state))
            taken.add(`${state}:${op}`)
            state = next
            expect(step.state).toEqual({ at: state })
          })
        }
        expect([...taken].sort()).toEqual([...edges].sort())
        expect(planned.transitions).toEqual({ covered: edges.size, reachable: edges.size })
        expect(planned.states).toEqual({ covered: distance.size, reachable: distance.size })
        expect(planned.complete).toBe(true)
      }),
    )
  })

  it('with cover: states, pass every reachable state, each path a shortest one (property)', async () => {
    await fc.assert(
      fc.asyncProperty(tables, async (table) => {
        const model = defineSystem({ name: 't', stores: { t: tableStore(table) } })
        const planned = await storePaths(model, 't', { cover: 'states' })
        const { distance } = graphOf(table)
        const passed = new Set([0])
        for (const path of planned.paths) {
          let state = 0
          path.forEach((step, position) => {
            expect(position).toBe(distance.get(state))
            state = table[Number(step.action.slice(2))]![state]!
            passed.add(state)
          })
        }
        expect([...passed].sort()).toEqual([...distance.keys()].sort())
        expect(planned.states.covered).toBe(distance.size)
      }),
    )
  })

  it('are few: a chain of states is one sequence, the loops back each end one', async () => {
    // 0 → 1 → 2 → 3 by next; back from 1, 2, 3 to 0 by reset.
    const table = [
      [1, 2, 3, -1],
      [-1, 0, 0, 0],
    ]
    const planned = await storePaths(defineSystem({ name: 't', stores: { t: tableStore(table) } }), 't')
    expect(planned.paths.map((path) => path.map((step) => step.action).join(' '))).toEqual([
      'op0 op0 op0 op1',
      'op0 op1',
      'op0 op0 op1',
    ])
    expect(planned.transitions).toEqual({ covered: 6, reachable: 6 })
  })
})

describe('covering paths of a machine', () => {
  const order = setup({
    types: { events: {} as { type: 'PAY' } | { type: 'CANCEL' } | { type: 'RETRY' } },
    actors: { charge: fromPromise(async () => 'charged') },
  }).createMachine({
    id: 'order',
    initial: 'open',
    states: {
      open: { on: { PAY: 'paying', CANCEL: 'cancelled' } },
      paying: {
        invoke: { id: 'charge', src: 'charge', onDone: 'paid', onError: 'open' },
        on: { RETRY: { target: 'paying', reenter: true } },
        after: { 5000: 'open' },
      },
      paid: { type: 'final' },
      cancelled: { type: 'final' },
    },
  })

  it('take delayed transitions and actor done/error events as any other', async () => {
    const model = defineSystem({ name: 'shop', machines: { order } })
    const planned = await machinePaths(model, 'order')
    // A step back to a known state (a retry, a failure, a timeout) ends its sequence: past it the prefix is not shortest.
    expect(planned.paths.map((path) => path.map((step) => step.action))).toEqual([
      ['PAY', 'xstate.done.actor.charge'],
      ['CANCEL'],
      ['PAY', 'RETRY'],
      ['PAY', 'xstate.error.actor.charge'],
      ['PAY', 'xstate.after.5000.order.paying'],
    ])
    expect(planned.paths[4]!.map((step) => step.state)).toEqual([
      { value: 'paying', context: {} },
      { value: 'open', context: {} },
    ])
    expect(planned.transitions).toEqual({ covered: 6, reachable: 6 })
    expect(planned.states).toEqual({ covered: 4, reachable: 4 })
  })
})
