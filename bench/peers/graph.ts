/** xstate/graph's getAdjacencyMap over the same machine, with the same events. */
import { getAdjacencyMap } from 'xstate/graph'
import { machineOf, parseArguments, report } from './scale-models.js'

const { family, size } = parseArguments()
const { machine, events = {} } = machineOf(family, size)
const sent = Object.entries(events).flatMap(([type, payloads]) =>
  (payloads ?? []).map((payload) => ({ ...payload, type })),
)
const started = performance.now()
const adjacency = getAdjacencyMap(machine, { events: sent as never })
const ms = performance.now() - started
const states = Object.keys(adjacency).length
const transitions = Object.values(adjacency).reduce(
  (sum, { state, transitions: steps }) =>
    sum + Object.values(steps).filter((step) => (step as { state: unknown }).state !== state).length,
  0,
)
report({ states, transitions, ms })
