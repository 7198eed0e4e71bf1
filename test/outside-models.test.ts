/**
 * Liveness, symmetry and coverage on models written outside this repository (an outside
 * tester's, `fixtures/probe18/`), whose verdicts were computed independently: liveness by
 * SPIN 6.5 on the equivalent Promela (`spin/`), lassos' lengths by hand, reduced state counts
 * by a brute-force orbit count (`_tools/orbits.mjs`: the least image over every permutation),
 * coverage by a breadth-first search of its own (`_tools/covbfs.mjs`). The README there has
 * the table; this holds the check to it.
 */
import path from 'node:path'
import { expect, it } from 'vitest'
import { fixtures, runCli } from './helpers/cli.js'

const probe = path.join(fixtures, 'probe18')

/** Each finding as [rule, element, trace length, loop], then each exploration as ['states', element, states, symmetry]. */
async function summary(file: string): Promise<unknown[]> {
  const result = await runCli(['check', file, '--format', 'json'], { cwd: probe })
  const report = JSON.parse(result.stdout) as {
    models: {
      diagnostics: { rule: string; element: string; trace?: unknown[]; loop?: number }[]
      exploration: { element: string; states: number; symmetry?: string[] }[]
    }[]
  }
  return report.models.flatMap((model) => [
    ...model.diagnostics.map(({ rule, element, trace, loop }) => [rule, element, trace?.length ?? null, loop ?? null]),
    ...model.exploration.map(({ element, states, symmetry }) => ['states', element, states, symmetry ?? null]),
  ])
}

const EXPECTED: Record<string, unknown[]> = {
  'liveness-stores': [
    ['liveness/violated', 'stores.ticketNoFair.liveness.openCloses', 6, 3],
    ['liveness/violated', 'stores.ticketWeakClose.liveness.openCloses', 6, 3],
    ['liveness/violated', 'stores.ticketWeakAll.liveness.openCloses', 6, 3],
    ['liveness/violated', 'stores.jobNoFair.liveness.runningEnds', 2, 2],
    ['liveness/violated', 'stores.jobWeak.liveness.runningEnds', 2, 2],
    ['liveness/violated', 'stores.jobStrong.liveness.runningEnds', 2, 2],
    ['liveness/violated', 'stores.queueNoFair.liveness.u1Served', 3, 1],
    ['states', 'stores.ticketNoFair', 7, null],
    ['states', 'stores.ticketWeakClose', 7, null],
    ['states', 'stores.ticketStrongClose', 7, null],
    ['states', 'stores.ticketWeakAll', 7, null],
    ['states', 'stores.jobNoFair', 4, null],
    ['states', 'stores.jobWeak', 4, null],
    ['states', 'stores.jobStrong', 4, null],
    ['states', 'stores.queueNoFair', 4, null],
    ['states', 'stores.queueWeak', 4, null],
    ['states', 'stores.chain', 4, null],
  ],
  'liveness-machines': [
    ['liveness/violated', 'machines.sessionNoFair.liveness.timeoutFires', 3, 1],
    ['liveness/violated', 'machines.sessionWeakPoll.liveness.timeoutFires', 3, 1],
    ['liveness/violated', 'machines.spinnerNoFair.liveness.finishes', 1, 0],
    ['states', 'machines.sessionNoFair', 5, null],
    ['states', 'machines.sessionWeakTimer', 5, null],
    ['states', 'machines.sessionWeakPoll', 5, null],
    ['states', 'machines.spinnerNoFair', 2, null],
    ['states', 'machines.spinnerWeakAll', 2, null],
  ],
  'liveness-actor': [
    ['liveness/violated', 'machines.noFair.liveness.loads', 2, 0],
    ['liveness/violated', 'machines.weakAll.liveness.loads', 2, 0],
    ['states', 'machines.noFair', 3, null],
    ['states', 'machines.weakAll', 3, null],
    ['states', 'machines.strongDone', 3, null],
  ],
  'liveness-fairness-graphs': [
    ['liveness/violated', 'stores.g1StrongExit.liveness.reachesGoal', 2, 0],
    ['liveness/violated', 'stores.g1WeakExitY2.liveness.reachesGoal', 2, 0],
    ['liveness/violated', 'stores.g1StrongExitWeakY2.liveness.reachesGoal', 2, 0],
    ['liveness/violated', 'stores.g2WeakExit.liveness.reachesGoal', 2, 0],
    ['liveness/violated', 'stores.g3NoFair.liveness.reachesGoal', 1, 0],
    ['states', 'stores.g1StrongExit', 4, null],
    ['states', 'stores.g1StrongExitY2', 4, null],
    ['states', 'stores.g1WeakExitY2', 4, null],
    ['states', 'stores.g1StrongExitWeakY2', 4, null],
    ['states', 'stores.g2WeakExit', 3, null],
    ['states', 'stores.g3WeakExit', 2, null],
    ['states', 'stores.g3NoFair', 2, null],
  ],
  'symmetry-k234': [
    ['invariant/violated', 'stores.buggyk2Plain.invariants.mutualExclusion', 4, null],
    ['invariant/violated', 'stores.buggyk2Sym.invariants.mutualExclusion', 4, null],
    ['constraint/violated', 'stores.mutexk3Plain.never.threeRequesting', 3, null],
    ['constraint/violated', 'stores.buggyk3Plain.never.threeRequesting', 3, null],
    ['invariant/violated', 'stores.buggyk3Plain.invariants.mutualExclusion', 4, null],
    ['constraint/violated', 'stores.queuek3Plain.never.fullQueue', 3, null],
    ['constraint/violated', 'stores.mutexk3Sym.never.threeRequesting', 3, null],
    ['constraint/violated', 'stores.buggyk3Sym.never.threeRequesting', 3, null],
    ['invariant/violated', 'stores.buggyk3Sym.invariants.mutualExclusion', 4, null],
    ['constraint/violated', 'stores.queuek3Sym.never.fullQueue', 3, null],
    ['constraint/violated', 'stores.mutexk4Plain.never.threeRequesting', 3, null],
    ['constraint/violated', 'stores.buggyk4Plain.never.threeRequesting', 3, null],
    ['invariant/violated', 'stores.buggyk4Plain.invariants.mutualExclusion', 4, null],
    ['constraint/violated', 'stores.queuek4Plain.never.fullQueue', 3, null],
    ['constraint/violated', 'stores.mutexk4Sym.never.threeRequesting', 3, null],
    ['constraint/violated', 'stores.buggyk4Sym.never.threeRequesting', 3, null],
    ['invariant/violated', 'stores.buggyk4Sym.invariants.mutualExclusion', 4, null],
    ['constraint/violated', 'stores.queuek4Sym.never.fullQueue', 3, null],
    ['states', 'stores.mutexk2Plain', 40, null],
    ['states', 'stores.buggyk2Plain', 52, null],
    ['states', 'stores.queuek2Plain', 15, null],
    ['states', 'stores.mutexk2Sym', 21, ['users']],
    ['states', 'stores.buggyk2Sym', 27, ['users']],
    ['states', 'stores.queuek2Sym', 9, ['users']],
    ['states', 'stores.mutexk3Plain', 152, null],
    ['states', 'stores.buggyk3Plain', 287, null],
    ['states', 'stores.queuek3Plain', 48, null],
    ['states', 'stores.mutexk3Sym', 34, ['users']],
    ['states', 'stores.buggyk3Sym', 58, ['users']],
    ['states', 'stores.queuek3Sym', 12, ['users']],
    ['states', 'stores.mutexk4Plain', 496, null],
    ['states', 'stores.buggyk4Plain', 1408, null],
    ['states', 'stores.queuek4Plain', 195, null],
    ['states', 'stores.mutexk4Sym', 47, ['users']],
    ['states', 'stores.buggyk4Sym', 101, ['users']],
    ['states', 'stores.queuek4Sym', 15, ['users']],
  ],
  coverage: [
    ['operation/never-enabled', 'stores.cov.operations.unlock', null, null],
    ['states', 'stores.cov', 15, null],
  ],
}

it.each(Object.keys(EXPECTED))('%s: the verdicts, lassos, state counts and coverage computed outside', async (file) => {
  expect(await summary(`${file}.ts`)).toEqual(EXPECTED[file])
})

it('coverage.ts: how often each operation was enabled and taken, as an independent search counts them', async () => {
  const result = await runCli(['check', 'coverage.ts', '--format', 'json', '--coverage'], { cwd: probe })
  expect(JSON.parse(result.stdout).models[0].exploration[0].coverage).toEqual([
    { name: 'bumpA', enabled: 9, taken: 18 },
    { name: 'bumpB', enabled: 10, taken: 10 },
    { name: 'lock', enabled: 3, taken: 3 },
    { name: 'touch', enabled: 15, taken: 15 },
    { name: 'unlock', enabled: 0, taken: 0 },
  ])
})
