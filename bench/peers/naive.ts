/**
 * The naive search: breadth-first, each state keyed by JSON.stringify in a Set of strings,
 * every reachable state's invariants checked, as a first version would be written.
 */
import type { StoreDefinition } from '@plumbline/core'
import { machineOf, parseArguments, report, storeOf } from './scale-models.js'
import { inertScope } from './inert-scope.js'

const { family, size } = parseArguments()
if (family === 'counters-machine') {
  const { machine, events = {}, invariants = {} } = machineOf(family, size)
  const scope = inertScope()
  const sent = Object.entries(events).flatMap(([type, payloads]) =>
    (payloads ?? []).map((payload) => ({ ...payload, type })),
  )
  const started = performance.now()
  const initial = machine.getInitialSnapshot(scope)
  const seen = new Set([JSON.stringify({ value: initial.value, context: initial.context })])
  let level = [initial]
  let transitions = 0
  while (level.length > 0) {
    const next = []
    for (const snapshot of level) {
      for (const check of Object.values(invariants)) if (!check(snapshot)) throw new Error('invariant broken')
      for (const event of sent) {
        const after = machine.transition(snapshot, event as never, scope)
        if (after === snapshot) continue
        transitions++
        const key = JSON.stringify({ value: after.value, context: after.context })
        if (!seen.has(key)) {
          seen.add(key)
          next.push(after)
        }
      }
    }
    level = next
  }
  report({ states: seen.size, transitions, ms: performance.now() - started })
} else {
  const store = storeOf(family, size) as StoreDefinition
  const actions = Object.values(store.operations).flatMap((operation) => {
    const params = Object.entries(operation.params ?? {})
    let combinations: Record<string, unknown>[] = [{}]
    for (const [name, domain] of params)
      combinations = combinations.flatMap((partial) =>
        (store.domains?.[domain] ?? []).map((value) => ({ ...partial, [name]: value })),
      )
    return combinations.map((values) => ({ operation, values }))
  })
  const started = performance.now()
  const seen = new Set([JSON.stringify(store.initial)])
  let level = [store.initial]
  let transitions = 0
  while (level.length > 0) {
    const next = []
    for (const state of level) {
      for (const check of Object.values(store.invariants ?? {})) if (!check(state)) throw new Error('invariant broken')
      for (const { operation, values } of actions) {
        if (operation.guard && !operation.guard(state, values)) continue
        const after = operation.apply(state, values)
        transitions++
        const key = JSON.stringify(after)
        if (!seen.has(key)) {
          seen.add(key)
          next.push(after)
        }
      }
    }
    level = next
  }
  report({ states: seen.size, transitions, ms: performance.now() - started })
}
