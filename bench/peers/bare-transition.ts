/**
 * XState's bare transition function over the same steps the engine takes: every reachable
 * snapshot (found first, untimed) with every event, through the machine's own transition
 * and one actor scope. What the engine takes beyond this is what it adds.
 *
 * The engine is timed here too, in turn with the bare loop in the same process (same code,
 * same warm-up, the same other load on the machine): the ratio of the two is the figure.
 */
import { checkSystem, defineSystem } from '@plumbline/core'
import { median } from '../lib/statistics.js'
import { inertScope } from './inert-scope.js'
import { machineOf, parseArguments, report } from './scale-models.js'

const ROUNDS = 3

const { family, size } = parseArguments()
const model = machineOf(family, size)
const { machine, events = {} } = model
const scope = inertScope()
const sent = Object.entries(events).flatMap(([type, payloads]) =>
  (payloads ?? []).map((payload) => ({ ...payload, type })),
) as never[]
const initial = machine.getInitialSnapshot(scope)
const seen = new Set([JSON.stringify({ value: initial.value, context: initial.context })])
const snapshots = [initial]
for (let index = 0; index < snapshots.length; index++)
  for (const event of sent) {
    const after = machine.transition(snapshots[index]!, event, scope)
    const key = JSON.stringify({ value: after.value, context: after.context })
    if (!seen.has(key)) {
      seen.add(key)
      snapshots.push(after)
    }
  }

const bare: number[] = []
const engine: number[] = []
let transitions = 0
for (let round = 0; round < ROUNDS; round++) {
  let started = performance.now()
  transitions = 0
  for (const snapshot of snapshots)
    for (const event of sent) if (machine.transition(snapshot, event, scope) !== snapshot) transitions++
  bare.push(performance.now() - started)
  started = performance.now()
  const result = await checkSystem(defineSystem({ name: family, machines: { counters: model } }), {
    bounds: { maxStates: 5_000_000 },
  })
  engine.push(performance.now() - started)
  if (result.exploration[0]?.states !== snapshots.length)
    throw new Error('the engine and the bare search disagree on the number of snapshots')
}
report({ states: snapshots.length, transitions, ms: median(bare), engineMs: median(engine) })
