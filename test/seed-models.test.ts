/**
 * The project's own models against their naive variants: the seed essay's login system,
 * done right (models/accounts.ts) and done as a quick prompt does it
 * (test/fixtures/accounts-naive.ts), and two-phase commit, correct and naive.
 */
import { describe, expect, it } from 'vitest'
import { fixtures, makeProject, repoRoot, runCli } from './helpers/cli.js'

interface JsonDiagnostic {
  rule: string
  severity: string
  element: string
  message: string
  initial?: unknown
  trace?: Array<{ action: string; params: Record<string, unknown>; state: unknown }>
}

async function checkJson(args: string[], cwd: string) {
  const result = await runCli(['check', ...args, '--format', 'json'], { cwd })
  expect(result.stderr).toBe('')
  return { exitCode: result.exitCode, report: JSON.parse(result.stdout) }
}

const ann = 'ann@example.org'
const user = (id: number, password = 'secret') => ({ id, email: ann, password })

describe('the seed essay’s login system, done naively', () => {
  it('check reports exactly the seed’s failures: reset and delete address users by a non-unique email, and break their effects in three steps', async () => {
    const { exitCode, report } = await checkJson(['accounts-naive.ts'], fixtures)
    expect(exitCode).toBe(1)
    const [model] = report.models
    const signUpTwice = [
      { action: 'signUp', params: { email: ann }, state: { users: [user(1)] } },
      { action: 'signUp', params: { email: ann }, state: { users: [user(1), user(2)] } },
    ]
    expect(
      model.diagnostics.map(({ rule, severity, element, message, initial, trace }: JsonDiagnostic) => ({
        rule,
        severity,
        element,
        message,
        initial,
        trace,
      })),
    ).toEqual([
      {
        rule: 'identity/uniqueness-undecided',
        severity: 'warning',
        element: 'entities.User',
        message: `field "email" looks identifying, but entity "User" decides nothing about uniqueness: add unique: [["email"]], or unique: 'none' if values may repeat`,
        initial: undefined,
        trace: undefined,
      },
      {
        rule: 'identity/ambiguous-target',
        severity: 'error',
        element: 'stores.users.operations.resetPassword.target',
        message:
          'operation "resetPassword" addresses User by [email], which is neither its identity ([id]) nor a unique key (none declared): one call may act on several User records',
        initial: undefined,
        trace: undefined,
      },
      {
        rule: 'identity/ambiguous-target',
        severity: 'error',
        element: 'stores.users.operations.deleteAccount.target',
        message:
          'operation "deleteAccount" addresses User by [email], which is neither its identity ([id]) nor a unique key (none declared): one call may act on several User records',
        initial: undefined,
        trace: undefined,
      },
      {
        rule: 'effect/violated',
        severity: 'error',
        element: 'stores.users.effects.resetChangesOneAccount',
        message: `effect "resetChangesOneAccount" does not hold for resetPassword {"email":"${ann}","password":"new secret"}`,
        initial: { users: [] },
        trace: [
          ...signUpTwice,
          {
            action: 'resetPassword',
            params: { email: ann, password: 'new secret' },
            state: { users: [user(1, 'new secret'), user(2, 'new secret')] },
          },
        ],
      },
      {
        rule: 'effect/violated',
        severity: 'error',
        element: 'stores.users.effects.deleteRemovesOneAccount',
        message: `effect "deleteRemovesOneAccount" does not hold for deleteAccount {"email":"${ann}"}`,
        initial: { users: [] },
        trace: [...signUpTwice, { action: 'deleteAccount', params: { email: ann }, state: { users: [] } }],
      },
    ])
  })

  it('questions raises the seed essay’s five questions', async () => {
    const result = await runCli(['questions', 'accounts-naive.ts', '--format', 'json'], { cwd: fixtures })
    expect(result.exitCode).toBe(0)
    const questions = JSON.parse(result.stdout).models[0].questions as Array<{
      question: string
      source: string
      alsoFrom?: string[]
    }>
    // The first is the rule's question too: asked once, in the rule's words.
    const fromPack = questions.filter(
      ({ source, alsoFrom }) => source === 'pack:accounts' || alsoFrom?.includes('pack:accounts'),
    )
    expect(fromPack.map(({ question }) => question)).toEqual([
      'Should User.email be unique?',
      'Should User accounts be verified?',
      'Should users reset passwords, and by which unique field is the User account found?',
      'Should roles exist for User accounts, and what may each role do?',
      'What is the security model: which trust zones are there, and who may call what across them?',
    ])
  })
})

describe('the project’s models', () => {
  it('pass check with no finding, every exploration complete', async () => {
    const { exitCode, report } = await checkJson(['models'], repoRoot)
    expect(exitCode).toBe(0)
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0, questions: 0 })
    expect(report.models.map((model: { system: string }) => model.system)).toEqual([
      'accounts',
      'Big Bank plc - Internet Banking System',
      'checkout',
      'two-phase commit',
    ])
    const explorations = report.models.flatMap(
      (model: { exploration: Array<{ element: string; states: number; complete: boolean }> }) =>
        model.exploration.map(({ element, states, complete }) => [element, states, complete]),
    )
    expect(explorations).toEqual([
      ['machines.account', 17, true],
      ['stores.accounts', 3513, true],
      ['stores.resets', 29, true],
      ['machines.checkout', 16, true],
      ['stores.payments', 70, true],
      ['stores.protocol', 288, true],
    ])
  })

  it('leave no question open', async () => {
    const result = await runCli(['questions', 'models', '--format', 'json'], { cwd: repoRoot })
    expect(JSON.parse(result.stdout).models.map((model: { questions: unknown[] }) => model.questions)).toEqual([
      [],
      [],
      [],
      [],
    ])
  })

  it('catch the accounts model’s first decision being undone: without unique emails, lookups by email are ambiguous again', async () => {
    const project = await makeProject({
      'models/undecided.ts': `import accounts from '../../../../models/accounts.js'
const { unique, ...user } = accounts.entities.User
export default { ...accounts, entities: { ...accounts.entities, User: user } }
`,
    })
    const { exitCode, report } = await checkJson([], project)
    expect(exitCode).toBe(1)
    expect(report.models[0].diagnostics.map(({ rule, element }: JsonDiagnostic) => `${rule} ${element}`)).toEqual([
      'identity/uniqueness-undecided entities.User',
      'identity/ambiguous-target stores.accounts.operations.signUp.target',
      'identity/ambiguous-target stores.accounts.operations.requestPasswordReset.target',
    ])
    const questions = await runCli(['questions', '--format', 'json'], { cwd: project })
    expect(
      JSON.parse(questions.stdout).models[0].questions.map(
        ({ source, element, alsoFrom }: { source: string; element: string; alsoFrom?: string[] }) =>
          `${[source, ...(alsoFrom ?? [])].join(' and ')} ${element}`,
      ),
    ).toContain('identity/uniqueness-undecided and pack:accounts entities.User')
  })
})

describe('two-phase commit', () => {
  it('holds consistency in every one of its 288 states', async () => {
    const { exitCode, report } = await checkJson(['models/two-phase-commit.ts'], repoRoot)
    expect(exitCode).toBe(0)
    expect(report.models[0].exploration).toEqual([
      expect.objectContaining({
        element: 'stores.protocol',
        states: 288,
        transitions: 1145,
        complete: true,
        depth: 10,
      }),
    ])
  })

  it('done naively (a prepared resource manager aborts on a timeout) breaks consistency in nine steps', async () => {
    const { exitCode, report } = await checkJson(['two-phase-commit-naive.ts'], fixtures)
    expect(exitCode).toBe(1)
    const [diagnostic] = report.models[0].diagnostics as JsonDiagnostic[]
    expect(report.models[0].diagnostics.map(({ rule }: JsonDiagnostic) => rule)).toEqual([
      'invariant/violated',
      'liveness/violated',
    ])
    expect(diagnostic?.element).toBe('stores.protocol.invariants.consistent')
    expect(
      diagnostic?.trace?.map(
        ({ action, params }) => `${action}${params.rm === undefined ? '' : ` ${String(params.rm)}`}`,
      ),
    ).toEqual([
      'rmPrepare rm1',
      'tmReceivePrepared rm1',
      'rmPrepare rm2',
      'tmReceivePrepared rm2',
      'rmPrepare rm3',
      'tmReceivePrepared rm3',
      'tmCommit',
      'rmReceiveCommit rm1',
      'rmTimeoutAfterVoting rm2',
    ])
    expect(diagnostic?.trace?.at(-1)?.state).toMatchObject({
      rmState: { rm1: 'committed', rm2: 'aborted' },
      tmState: 'committed',
    })
  })

  it('done naively, with no fairness for the coordinator: it never decides, a lasso of two steps to a vote received again for ever', async () => {
    const { report } = await checkJson(['two-phase-commit-naive.ts'], fixtures)
    const lasso = (report.models[0].diagnostics as JsonDiagnostic[]).find(({ rule }) => rule === 'liveness/violated')
    const prepared = { rm1: 'prepared', rm2: 'working', rm3: 'working' }
    const voted = { rmState: prepared, tmState: 'init', tmPrepared: ['rm1'], msgs: ['Prepared rm1'] }
    expect(lasso).toMatchObject({
      element: 'stores.protocol.liveness.coordinatorDecides',
      message:
        'liveness "coordinatorDecides" does not hold: from the initial state, a fair behaviour never reaches a state where then holds (it loops for ever; no fairness declared)',
      trace: [
        {
          action: 'rmPrepare',
          params: { rm: 'rm1' },
          state: { rmState: prepared, tmState: 'init', tmPrepared: [], msgs: ['Prepared rm1'] },
        },
        { action: 'tmReceivePrepared', params: { rm: 'rm1' }, state: voted },
        { action: 'tmReceivePrepared', params: { rm: 'rm1' }, state: voted },
      ],
      loop: 2,
    })
    const pretty = await runCli(['check', 'two-phase-commit-naive.ts'], { cwd: fixtures })
    expect(pretty.stdout).toContain(
      [
        '    1. rmPrepare {"rm":"rm1"}',
        '       rmState.rm1: "working" → "prepared"',
        '       msgs[0]: absent → "Prepared rm1"',
        '    2. tmReceivePrepared {"rm":"rm1"}',
        '       tmPrepared[0]: absent → "rm1"',
        '    ↻ from here, repeated for ever:',
        '    3. tmReceivePrepared {"rm":"rm1"}',
        '       (nothing changes)',
        '    ↻ back to the state after step 2',
        '  explored stores.protocol: 459 states, 2276 transitions, depth 10',
      ].join('\n'),
    )
  })
})
