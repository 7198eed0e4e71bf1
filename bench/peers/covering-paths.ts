/**
 * Covering paths for a machine: Plumbline's `machinePaths` and xstate/graph's
 * `getShortestPaths` on the same machine with the same events, timed in turn in this one
 * process (same warm-up, same other load on the machine), medians of `rounds`. Both are
 * warmed on a small machine first: the first to run would otherwise pay for loading and JIT
 * alone. Also timed in turn: XState's bare transition function over every reachable snapshot
 * with every event (the snapshots found first, untimed), the steps both must take at least:
 * getShortestPaths / bare is the most any planner built on XState's transitions could reach.
 * Prints one JSON line: the medians, and what each produced.
 */
import { defineSystem, machinePaths } from '@plumbline/core'
import { getShortestPaths } from 'xstate/graph'
import { median } from '../lib/statistics.js'
import { countersMachine } from '../models/counters-machine.js'
import { inertScope } from './inert-scope.js'
import { COUNTER_TOP } from './scale-models.js'

const [size, rounds] = process.argv.slice(2).map(Number) as [number, number]

function subject(k: number, m: number) {
  const model = countersMachine(k, m)
  return {
    model,
    system: defineSystem({ name: 'counters', machines: { counters: model } }),
    events: (model.events?.INC ?? []).map((payload) => ({ type: 'INC' as const, ...payload })),
  }
}

const small = subject(2, 3)
await machinePaths(small.system, 'counters')
getShortestPaths(small.model.machine, { events: small.events })

const { model, system, events } = subject(size, COUNTER_TOP)
const scope = inertScope()
const initial = model.machine.getInitialSnapshot(scope)
const seen = new Set([JSON.stringify(initial.context)])
const snapshots = [initial]
for (let index = 0; index < snapshots.length; index++)
  for (const event of events) {
    const after = model.machine.transition(snapshots[index]!, event, scope)
    const key = JSON.stringify(after.context)
    if (!seen.has(key)) {
      seen.add(key)
      snapshots.push(after)
    }
  }

const ours: number[] = []
const theirs: number[] = []
const bare: number[] = []
let planned: Awaited<ReturnType<typeof machinePaths>> | undefined
let shortest = 0
for (let round = 0; round < rounds; round++) {
  let started = performance.now()
  planned = await machinePaths(system, 'counters')
  ours.push(performance.now() - started)
  started = performance.now()
  shortest = getShortestPaths(model.machine, { events }).length
  theirs.push(performance.now() - started)
  started = performance.now()
  for (const snapshot of snapshots) for (const event of events) model.machine.transition(snapshot, event, scope)
  bare.push(performance.now() - started)
}
if (planned === undefined || planned.transitions.covered !== planned.transitions.reachable)
  throw new Error('machinePaths did not cover every reachable transition')
process.stdout.write(
  `${JSON.stringify({
    oursMs: median(ours),
    theirsMs: median(theirs),
    bareMs: median(bare),
    snapshots: planned.states.reachable,
    transitions: planned.transitions.reachable,
    paths: planned.paths.length,
    steps: planned.paths.reduce((sum, path) => sum + path.length, 0),
    shortestPaths: shortest,
  })}\n`,
)
