import { defineStore, defineSystem, validateSystem, ruleIds } from '@plumbline/core'
import { createMachine } from 'xstate'
import { describe, expect, it } from 'vitest'
import { listChecks, owningCheck } from './list-checks.js'

describe('listChecks', () => {
  it('lists each flow, machine and store, and each invariant, never, effect and liveness property', () => {
    const system = defineSystem({
      name: 's',
      components: { a: {}, b: {} },
      flows: { 'sign up': { steps: [{ from: 'a', to: 'b' }] } },
      machines: {
        door: {
          machine: createMachine({ initial: 'shut', states: { shut: {} } }),
          invariants: { ok: () => true },
          never: { bad: () => false },
        },
      },
      stores: {
        s: defineStore({
          initial: 0,
          operations: { inc: { apply: (n: number) => n + 1 } },
          invariants: { small: (n) => n < 3 },
          effects: { up: () => true },
          liveness: { grows: { then: (n) => n > 2 } },
        }),
      },
    })
    const validation = validateSystem(system, ruleIds)
    if (!validation.success) throw new Error('invalid test model')
    expect(listChecks(validation.model)).toEqual([
      { kind: 'flow', element: 'flows["sign up"]' },
      { kind: 'machine', element: 'machines.door' },
      { kind: 'invariant', element: 'machines.door.invariants.ok' },
      { kind: 'constraint', element: 'machines.door.never.bad' },
      { kind: 'store', element: 'stores.s' },
      { kind: 'invariant', element: 'stores.s.invariants.small' },
      { kind: 'effect', element: 'stores.s.effects.up' },
      { kind: 'liveness', element: 'stores.s.liveness.grows' },
    ])
  })
})

describe('owningCheck', () => {
  const items = [
    { kind: 'flow', element: 'flows.a' },
    { kind: 'store', element: 'stores.s' },
    { kind: 'invariant', element: 'stores.s.invariants.small' },
  ] as const
  it.each([
    ['flows.a.steps[1].onFailure', 'flows.a'],
    ['flows.a', 'flows.a'],
    ['flows.ab.steps[0]', undefined],
    ['stores.s.invariants.small', 'stores.s.invariants.small'],
    ['stores.s.invariants.smaller', 'stores.s'],
    ['stores.s.operations.inc.apply', 'stores.s'],
    ['entities.User', undefined],
  ])('%s belongs to %s', (element, owner) => {
    expect(owningCheck(element, items)?.element).toBe(owner)
  })
})
