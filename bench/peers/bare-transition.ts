/**
 * XState's bare transition function over the same steps the engine takes: every reachable
 * snapshot (found first, untimed) with every event, through the machine's own transition
 * and one actor scope. What remains of the engine's time beyond this is what it adds.
 */
import { machineOf, parseArguments, report } from './scale-models.js'
import { inertScope } from './inert-scope.js'

const { family, size } = parseArguments()
const { machine, events = {} } = machineOf(family, size)
const scope = inertScope()
const sent = Object.entries(events).flatMap(([type, payloads]) => (payloads ?? []).map((payload) => ({ ...payload, type }))) as never[]
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
const started = performance.now()
let transitions = 0
for (const snapshot of snapshots) for (const event of sent) if (machine.transition(snapshot, event, scope) !== snapshot) transitions++
report({ states: snapshots.length, transitions, ms: performance.now() - started })
