/** Plumbline's check of one scale model, in process: the engine without the command around it. */
import { checkSystem, defineSystem } from '@plumbline/core'
import { machineOf, parseArguments, report, storeOf } from './scale-models.js'

const { family, size } = parseArguments()
const system =
  family === 'counters-machine'
    ? defineSystem({ name: family, machines: { counters: machineOf(family, size) } })
    : defineSystem({ name: family, stores: { model: storeOf(family, size) } })
const started = performance.now()
const result = await checkSystem(system, { bounds: { maxStates: 5_000_000 } })
const ms = performance.now() - started
const [stats] = result.exploration
if (stats === undefined || !stats.complete)
  throw new Error(`not explored to the end: ${JSON.stringify(result.exploration)}`)
report({ states: stats.states, transitions: stats.transitions, ms })
