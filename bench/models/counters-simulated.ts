/**
 * The simulation case of `pnpm bench` (`bench/simulation.ts`): the trace bench's counters
 * store, which walks up and down for as long as a behaviour lasts, beside the counters machine
 * (4 counters in 0..9, one INC event with the counter as payload).
 */
import { defineSystem } from '@plumbline/core'
import walk from './counters-walk.js'
import { countersMachine } from './counters-machine.js'

export default defineSystem({
  name: 'counters-simulated',
  stores: { ...walk.stores },
  machines: { counters: countersMachine(4, 10) },
})
