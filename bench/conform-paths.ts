/**
 * Covering paths for machines against xstate/graph's getShortestPaths, on the counters
 * machine at 10⁴ snapshots, in one run (a ratio, never a timed assertion):
 * `node --import jiti/register bench/conform-paths.ts`.
 */
import { defineSystem, machinePaths } from '@plumbline/core'
import { getShortestPaths } from 'xstate/graph'
import { countersMachine } from './models/counters-machine.js'

const model = countersMachine(4, 10)
const system = defineSystem({ name: 'counters', machines: { counters: model } })
const events = (model.events?.INC ?? []).map((payload) => ({ type: 'INC' as const, ...payload }))

// Both warmed once on a small machine first: the first to run would otherwise pay for loading and JIT alone.
const small = countersMachine(2, 3)
await machinePaths(defineSystem({ name: 'warm', machines: { counters: small } }), 'counters')
getShortestPaths(small.machine, {
  events: (small.events?.INC ?? []).map((payload) => ({ type: 'INC' as const, ...payload })),
})

let started = performance.now()
const ours = await machinePaths(system, 'counters')
const oursMs = performance.now() - started
const steps = ours.paths.reduce((sum, path) => sum + path.length, 0)

started = performance.now()
const theirs = getShortestPaths(model.machine, { events })
const theirsMs = performance.now() - started

console.log(
  `machinePaths: ${ours.states.reachable} snapshots, ${ours.transitions.reachable} transitions, ${ours.paths.length} paths, ${steps} steps, ${oursMs.toFixed(0)} ms`,
)
console.log(`getShortestPaths: ${theirs.length} paths, ${theirsMs.toFixed(0)} ms`)
console.log(`ratio: ${(theirsMs / oursMs).toFixed(2)}× faster`)
