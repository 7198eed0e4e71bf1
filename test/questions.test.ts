import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtures, makeProject, runCli, STACK_FRAME } from './helpers/cli.js'

const accounts = path.join(fixtures, 'accounts')

// The pack's "Should User emails be unique?" is the rule's question: asked once, in the rule's words.
const SEED_QUESTIONS: Array<{ question: string; element: string; source: string; alsoFrom?: string[] }> = [
  {
    question: 'Should User.email be unique?',
    element: 'entities.User',
    source: 'identity/uniqueness-undecided',
    alsoFrom: ['pack:accounts'],
  },
  {
    question:
      'Should resetPassword act on every User with the same email, or address one User by its identity or a unique key?',
    element: 'stores.users.operations.resetPassword.target',
    source: 'identity/ambiguous-target',
  },
  {
    question:
      'Should deleteAccount act on every User with the same email, or address one User by its identity or a unique key?',
    element: 'stores.users.operations.deleteAccount.target',
    source: 'identity/ambiguous-target',
  },
  { question: 'Should User accounts be verified?', element: 'machines', source: 'pack:accounts' },
  {
    question: 'Should users reset passwords, and by which unique field is the User account found?',
    element: 'flows',
    source: 'pack:accounts',
  },
  {
    question: 'Should roles exist for User accounts, and what may each role do?',
    element: 'entities.User.schema',
    source: 'pack:accounts',
  },
  {
    question: 'What is the security model: which trust zones are there, and who may call what across them?',
    element: 'zones',
    source: 'pack:accounts',
  },
]

describe('plumbline questions', () => {
  it('lists the seed essay’s five questions for the naive accounts model, and none for the decided one, as JSON', async () => {
    const result = await runCli(['questions', 'accounts-naive.ts', 'accounts/decided.ts', '--format', 'json'], {
      cwd: fixtures,
    })
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      models: [
        { file: 'accounts-naive.ts', system: 'accounts (naive)', questions: SEED_QUESTIONS },
        { file: 'accounts/decided.ts', system: 'decided accounts', questions: [] },
      ],
    })
    expect(result.stdout.endsWith('}\n')).toBe(true)
  })

  it('prints each question with its element and source', async () => {
    const result = await runCli(['questions', 'accounts-naive.ts', 'accounts/decided.ts'], { cwd: fixtures })
    expect(result).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: [
        'accounts-naive.ts (accounts (naive))',
        ...SEED_QUESTIONS.flatMap(({ question, element, source, alsoFrom }) => [
          `  ? ${question}`,
          `    ${element}  ${[source, ...(alsoFrom ?? [])].join(', ')}`,
        ]),
        '',
        'accounts/decided.ts (decided accounts)',
        '  ✔ no open questions',
        '',
        '7 open questions in 2 models',
        'Answer a question in the model, or record the decision with its reason:',
        "  decisions: { someId: { decision: '…', because: '…', answers: { rule: '<source>', element: '<element>' } } }",
        '',
      ].join('\n'),
    })
  })

  it('asks one question per open finding of a decision rule', async () => {
    const result = await runCli(['questions', 'every-gap.ts', '--format', 'json'], { cwd: accounts })
    expect(result.exitCode).toBe(0)
    expect(
      JSON.parse(result.stdout).models[0].questions.filter((q: { source: string }) => !q.source.startsWith('pack:')),
    ).toEqual([
      {
        question: 'What makes two Product records the same Product?',
        element: 'entities.Product',
        source: 'identity/missing',
      },
      {
        question: 'Should Customer.email be unique?',
        element: 'entities.Customer',
        source: 'identity/uniqueness-undecided',
        alsoFrom: ['pack:accounts'],
      },
      {
        question:
          'Should deleteAccount act on every Customer with the same email, or address one Customer by its identity or a unique key?',
        element: 'stores.customers.operations.deleteAccount.target',
        source: 'identity/ambiguous-target',
      },
      {
        question: 'What should checkout do when placeOrder answers OutOfStock (step 1: browser → api)?',
        element: 'flows.checkout.steps[0].onError.OutOfStock',
        source: 'error/unhandled',
      },
      {
        question: 'Where does step 2 of checkout (api → db) get orderId from?',
        element: 'flows.checkout.steps[1].consumes[0]',
        source: 'sequence/use-before-produce',
      },
      {
        question: 'What happens when db fails during checkout step 2?',
        element: 'flows.checkout.steps[1].onFailure',
        source: 'failure/unhandled',
      },
      {
        question: 'What should machine order do when charge fails (invoked in state paying)?',
        element: 'machines.order.states.paying.invoke.charge',
        source: 'failure/unhandled',
      },
      {
        question: 'Which trust zone is mailer in?',
        element: 'components.mailer.zone',
        source: 'boundary/undeclared-zone',
      },
      {
        question: 'Who may call placeOrder from the internet zone?',
        element: 'contracts.placeOrder.auth',
        source: 'boundary/unauthenticated-crossing',
      },
    ])
  })

  it('drops a question a decision answers, and the questions of a rule set to off', async () => {
    const project = await makeProject({
      'models/answered.ts': `import base from '../../../fixtures/accounts-naive.js'
export default {
  ...base,
  decisions: {
    sharedEmails: { decision: 'Emails may repeat', because: 'families share one', answers: { rule: 'identity/uniqueness-undecided', element: 'entities.User' } },
    noRoles: { decision: 'Everyone may do everything', because: 'a tool for one team', answers: { rule: 'pack:accounts', element: 'entities.User.schema' } },
  },
}
`,
    })
    const result = await runCli(['questions', '--format', 'json', '--rule', 'identity/ambiguous-target=off'], {
      cwd: project,
    })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.stdout).models[0].questions.map((q: { element: string }) => q.element)).toEqual([
      'machines',
      'flows',
      'zones',
    ])
  })

  it('refuses a model too malformed to ask anything of: exit 2, the file and the first problem', async () => {
    const project = await makeProject({
      'models/broken.js': "export default { name: 'broken', flows: { f: { steps: 'none' } } }\n",
    })
    const result = await runCli(['questions', '--format', 'json'], { cwd: project })
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'error: models/broken.js: the model is malformed, so its questions cannot be listed: flows.f.steps: expected an array, got the string "none" (plumbline check shows every problem)\n',
    })
    expect(result.stderr).not.toMatch(STACK_FRAME)
  })

  it('rejects an unknown format with exit 2', async () => {
    const result = await runCli(['questions', '--format', 'sarif'], { cwd: accounts })
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain("argument 'sarif' is invalid. Allowed choices are pretty, json.")
  })
})
