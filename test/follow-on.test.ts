/**
 * A machine naming an actor and a delay with no implementation, through the built command:
 * the two `model/invalid` findings, and nothing that only follows from them (no deadlock in a
 * state the machine does not start in, no unused XState events); no XState id in the output.
 */
import { describe, expect, it } from 'vitest'
import { makeProject, runCli } from './helpers/cli.js'

const ticket = `import { setup } from 'xstate'
import { defineSystem } from '@plumbline/core'

const ticket = setup({}).createMachine({
  id: 'ticket',
  initial: 'open',
  states: {
    open: {
      invoke: { src: 'assignAgent', onDone: 'assigned', onError: 'escalated' },
      after: { slaTimeout: 'escalated' },
    },
    assigned: { on: { RESOLVE: 'closed' } },
    escalated: { on: { RESOLVE: 'closed' } },
    closed: { type: 'final' },
  },
})

export default defineSystem({ name: 'tickets', machines: { ticket } })
`

describe('a machine missing an actor and a delay', () => {
  it('reports the two missing implementations and nothing that follows from them', async () => {
    const project = await makeProject({ 'models/tickets.ts': ticket })
    const result = await runCli(['check'], { cwd: project })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe(
      [
        'models/tickets.ts (tickets)',
        '  ✖ error  machines.ticket.states.open.after.slaTimeout  model/invalid',
        '    machine "ticket" has no delay "slaTimeout": XState would take the transition at once; give the delay a duration in setup({ delays })',
        '    at models/tickets.ts:10:16',
        '       8 |     open: {',
        "       9 |       invoke: { src: 'assignAgent', onDone: 'assigned', onError: 'escalated' },",
        "    > 10 |       after: { slaTimeout: 'escalated' },",
        '         |                ^',
        '      11 |     },',
        "      12 |     assigned: { on: { RESOLVE: 'closed' } },",
        '  ✖ error  machines.ticket.states.open.invoke[0]  model/invalid',
        '    machine "ticket" has no actor "assignAgent": entering the state would stop the machine with an error; give it the actor\'s logic in setup({ actors })',
        '    at models/tickets.ts:9:7',
        '       7 |   states: {',
        '       8 |     open: {',
        "    >  9 |       invoke: { src: 'assignAgent', onDone: 'assigned', onError: 'escalated' },",
        '         |       ^',
        "      10 |       after: { slaTimeout: 'escalated' },",
        '      11 |     },',
        '  explored machines.ticket: 4 states, 5 transitions, depth 2',
        '',
        '1 model checked: ✖ 2 errors, 0 warnings, 0 infos',
        '',
      ].join('\n'),
    )
    expect(result.stdout).not.toMatch(/xstate\./)
  })

  it('shows a trace through the failed actor in the machine’s words, from the state the machine starts in', async () => {
    const stuck = ticket.replace("escalated: { on: { RESOLVE: 'closed' } },", 'escalated: {},')
    const project = await makeProject({ 'models/tickets.ts': stuck })
    const result = await runCli(['check'], { cwd: project })
    expect(result.stdout).toContain(
      [
        '  ✖ error  machines.ticket.states.escalated  state/deadlock',
        '    state "escalated" is a deadlock: the machine is not done, and no event it accepts is enabled',
      ].join('\n'),
    )
    expect(result.stdout).toContain(
      [
        '    from {"value":"open","context":{}}',
        '    1. assignAgent failed (invoked in state "open")',
        '       value: "open" → "escalated"',
      ].join('\n'),
    )
    expect(result.stdout).not.toMatch(/xstate\./)
  })
})
