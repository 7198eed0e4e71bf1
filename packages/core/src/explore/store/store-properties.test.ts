/**
 * Property: for random small stores, the engine visits exactly the states a plain reference
 * search (canonical JSON keys in a Set) reaches, takes as many steps, and reaches as deep.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StoreDefinition } from '../../model/types.js'
import { DEFAULT_BOUNDS } from '../types.js'
import { exploreStore } from './explore-store.js'

type State = Record<string, number>

interface OperationSpec {
  variable: string
  other: string
  guard: 'none' | 'below' | 'differs'
  limit: number
  effect: 'set' | 'increment' | 'add' | 'copy' | 'reset'
  withParam: boolean
  /** Build the successor with its keys in reverse order: canonical keys must not care. */
  reversed: boolean
}

const VARIABLES = ['a', 'b', 'c']
const MODULUS = 4

const operationSpec = fc.record<OperationSpec>({
  variable: fc.constantFrom(...VARIABLES),
  other: fc.constantFrom(...VARIABLES),
  guard: fc.constantFrom('none', 'below', 'differs'),
  limit: fc.integer({ min: 1, max: MODULUS }),
  effect: fc.constantFrom('set', 'increment', 'add', 'copy', 'reset'),
  withParam: fc.boolean(),
  reversed: fc.boolean(),
})

function buildStore(initial: State, specs: OperationSpec[]): StoreDefinition<State> {
  const operations: StoreDefinition<State>['operations'] = {}
  specs.forEach((spec, index) => {
    const param = (params: Record<string, number>) => (spec.withParam ? params.v! : 1)
    operations[`op${index}`] = {
      ...(spec.withParam ? { params: { v: 'small' } } : {}),
      ...(spec.guard === 'none'
        ? {}
        : {
            guard: (s: State, params: Record<string, number>) =>
              spec.guard === 'below' ? (s[spec.variable] ?? 0) < spec.limit : (s[spec.variable] ?? 0) !== param(params),
          }),
      apply: (s: State, params: Record<string, number>) => {
        const current = s[spec.variable] ?? 0
        const value =
          spec.effect === 'set'
            ? param(params)
            : spec.effect === 'increment'
              ? (current + 1) % MODULUS
              : spec.effect === 'add'
                ? (current + param(params)) % MODULUS
                : spec.effect === 'copy'
                  ? (s[spec.other] ?? 0)
                  : 0
        const next = { ...s, [spec.variable]: value }
        return spec.reversed ? Object.fromEntries(Object.entries(next).reverse()) : next
      },
    }
  })
  return { initial, domains: { small: [0, 1, 2] }, operations }
}

/** Canonical JSON: keys sorted. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  return JSON.stringify(value)
}

function referenceSearch(store: StoreDefinition<State>) {
  const seen = new Set([canonical(store.initial)])
  let level = [store.initial]
  let steps = 0
  let depth = 0
  while (level.length > 0) {
    const next: State[] = []
    for (const state of level)
      for (const operation of Object.values(store.operations)) {
        const combinations = operation.params ? (store.domains?.small ?? []).map((v) => ({ v })) : [{}]
        for (const params of combinations) {
          if (operation.guard && !operation.guard(state, params)) continue
          const after = operation.apply(state, params)
          steps++
          const key = canonical(after)
          if (!seen.has(key)) {
            seen.add(key)
            next.push(after)
          }
        }
      }
    if (next.length > 0) depth++
    level = next
  }
  return { states: [...seen].sort(), steps, depth }
}

describe('exploreStore: the reachable states of random stores', () => {
  it('are exactly those of a reference breadth-first search', () => {
    const initial = fc.dictionary(fc.constantFrom(...VARIABLES), fc.integer({ min: 0, max: MODULUS - 1 }), {
      minKeys: 1,
    })
    fc.assert(
      fc.property(initial, fc.array(operationSpec, { minLength: 1, maxLength: 5 }), (start, specs) => {
        const store = buildStore(start, specs)
        const visited: string[] = []
        const outcome = exploreStore(
          's',
          { ...store, invariants: { spy: (s) => visited.push(canonical(s)) > 0 } },
          { bounds: DEFAULT_BOUNDS },
        )
        const reference = referenceSearch(store)
        // Random guards may enable an operation nowhere (operation/never-enabled, tested in coverage.test.ts).
        expect(outcome?.findings.filter(({ rule }) => rule !== 'operation/never-enabled')).toEqual([])
        expect(visited.sort()).toEqual(reference.states)
        expect(outcome?.stats).toMatchObject({
          states: reference.states.length,
          transitions: reference.steps,
          depth: reference.depth,
          complete: true,
        })
      }),
      { numRuns: 300 },
    )
  })
})
