/**
 * Packs and questions under a user's control, through the built command: a pack switched off
 * or given a severity as a rule is (flag and config), a decision answering several findings
 * or a whole pack, one question where a rule and a pack ask the same thing, and `check`
 * saying how many questions are open.
 */
import { describe, expect, it } from 'vitest'
import { makeProject, runCli } from './helpers/cli.js'

/** A guest checkout: a Customer with an email, in a model that is no account system. */
const guestCheckout = (decisions = '{}') => `import { z } from 'zod'
import { defineSystem } from '@plumbline/core'

export default defineSystem({
  name: 'guest checkout',
  components: { browser: { kind: 'actor' }, shop: {} },
  entities: {
    Customer: { schema: z.object({ id: z.string(), email: z.email() }), identity: ['id'] },
  },
  decisions: ${decisions},
})
`

const config = (body: string) =>
  `import { defineConfig } from '@plumbline/cli'\n\nexport default defineConfig(${body})\n`

const CLEAN = '1 model checked: ✔ 0 errors, 0 warnings, 0 infos\n'

describe('a checklist pack set like a rule', () => {
  it('asks the pack’s questions by default, the one a rule shares asked once, and check counts them', async () => {
    const project = await makeProject({ 'models/checkout.ts': guestCheckout() })
    const questions = await runCli(['questions'], { cwd: project })
    expect(questions.stdout).toBe(
      [
        'models/checkout.ts (guest checkout)',
        '  ? Should Customer.email be unique?',
        '    entities.Customer  identity/uniqueness-undecided, pack:accounts',
        '  ? Should Customer accounts be verified?',
        '    machines  pack:accounts',
        '  ? Should users reset passwords, and by which unique field is the Customer account found?',
        '    flows  pack:accounts',
        '  ? Should roles exist for Customer accounts, and what may each role do?',
        '    entities.Customer.schema  pack:accounts',
        '  ? What is the security model: which trust zones are there, and who may call what across them?',
        '    zones  pack:accounts',
        '',
        '5 open questions in 1 model',
        'Answer a question in the model, or record the decision with its reason:',
        "  decisions: { someId: { decision: '…', because: '…', answers: { rule: '<source>', element: '<element>' } } }",
        '',
      ].join('\n'),
    )
    const check = await runCli(['check'], { cwd: project })
    expect(check.exitCode).toBe(0)
    expect(check.stdout.split('\n').slice(-3)).toEqual([
      '1 model checked: 0 errors, 1 warning, 0 infos',
      '5 open questions — plumbline questions',
      '',
    ])
    const json = JSON.parse((await runCli(['check', '--format', 'json'], { cwd: project })).stdout)
    expect(json.summary).toEqual({ errors: 0, warnings: 1, infos: 0, questions: 5 })
    expect(json.models[0].questions[0]).toEqual({
      question: 'Should Customer.email be unique?',
      element: 'entities.Customer',
      source: 'identity/uniqueness-undecided',
      alsoFrom: ['pack:accounts'],
    })
  })

  it.each([
    ['--rule', { 'models/checkout.ts': guestCheckout() }, ['--rule', 'pack:accounts=off']],
    [
      'the config',
      {
        'models/checkout.ts': guestCheckout(),
        'plumbline.config.ts': config(`{ rules: { 'pack:accounts': 'off' } }`),
      },
      [],
    ],
  ])('switches the pack off with %s: only the rule’s question is left', async (_, files, flags) => {
    const project = await makeProject(files)
    const questions = JSON.parse((await runCli(['questions', '--format', 'json', ...flags], { cwd: project })).stdout)
    expect(questions.models[0].questions).toEqual([
      {
        question: 'Should Customer.email be unique?',
        element: 'entities.Customer',
        source: 'identity/uniqueness-undecided',
      },
    ])
    const check = await runCli(['check', ...flags], { cwd: project })
    expect(
      check.stdout.endsWith('1 model checked: 0 errors, 1 warning, 0 infos\n1 open question — plumbline questions\n'),
    ).toBe(true)
  })

  it('makes the pack’s open questions findings at the severity it is given', async () => {
    const project = await makeProject({ 'models/checkout.ts': guestCheckout() })
    const result = await runCli(['check', '--rule', 'pack:accounts=error', '--format', 'json'], { cwd: project })
    expect(result.exitCode).toBe(1)
    const { models, summary } = JSON.parse(result.stdout)
    expect(
      models[0].diagnostics.map(
        (d: { rule: string; severity: string; element: string }) => `${d.severity} ${d.rule} at ${d.element}`,
      ),
    ).toEqual([
      'warning identity/uniqueness-undecided at entities.Customer',
      'error pack:accounts at machines',
      'error pack:accounts at flows',
      'error pack:accounts at entities.Customer.schema',
      'error pack:accounts at zones',
    ])
    expect(summary).toEqual({ errors: 4, warnings: 1, infos: 0, questions: 5 })
  })

  it('rejects a misspelt pack in --rule with exit 2 and a suggestion', async () => {
    const project = await makeProject({ 'models/checkout.ts': guestCheckout() })
    expect(await runCli(['check', '--rule', 'pack:acounts=off'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'error: --rule: unknown rule "pack:acounts" (did you mean "pack:accounts"?); plumbline rules lists them\n',
    })
  })

  it('names a misspelt pack in the config’s rules', async () => {
    const project = await makeProject({
      'models/checkout.ts': guestCheckout(),
      'plumbline.config.ts': config(`{ rules: { 'pack:acounts': 'off' } }`),
    })
    const result = await runCli(['check'], { cwd: project })
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain('rules["pack:acounts"]: unknown rule (did you mean "pack:accounts"?)')
  })
})

describe('decisions answering several findings', () => {
  it('answers two findings with one decision, and the whole pack with another', async () => {
    const decisions = `{
    guests: {
      decision: 'Customers are guests: an email may repeat, and they have no roles',
      because: 'checkout without sign-up',
      answers: [
        { rule: 'identity/uniqueness-undecided', element: 'entities.Customer' },
        { rule: 'pack:accounts', element: 'entities.Customer.schema' },
      ],
    },
    noAccounts: { decision: 'No accounts', because: 'guest checkout', answers: { rule: 'pack:accounts' } },
  }`
    const project = await makeProject({ 'models/checkout.ts': guestCheckout(decisions) })
    const result = await runCli(['check', '--format', 'json'], { cwd: project })
    expect(result.stderr).toBe('')
    const [model] = JSON.parse(result.stdout).models
    expect(model.diagnostics).toEqual([])
    expect(model.questions).toEqual([])
    expect(
      model.decided.map(
        (d: { rule: string; element: string; decision: string }) => `${d.decision}: ${d.rule} at ${d.element}`,
      ),
    ).toEqual([
      'guests: identity/uniqueness-undecided at entities.Customer',
      'noAccounts: pack:accounts at machines',
      'noAccounts: pack:accounts at flows',
      'guests: pack:accounts at entities.Customer.schema',
      'noAccounts: pack:accounts at zones',
    ])
    expect((await runCli(['check'], { cwd: project })).stdout.endsWith(`\n${CLEAN}`)).toBe(true)
  })

  it('reports each answer of a list that matches nothing as stale, at its place in the list', async () => {
    const decisions = `{
    guests: {
      decision: 'Customers are guests',
      because: 'no sign-up',
      answers: [
        { rule: 'identity/uniqueness-undecided', element: 'entities.Customer' },
        { rule: 'identity/uniqueness-undecided', element: 'entities.Costumer' },
      ],
    },
  }`
    const project = await makeProject({ 'models/checkout.ts': guestCheckout(decisions) })
    const [model] = JSON.parse((await runCli(['check', '--format', 'json'], { cwd: project })).stdout).models
    expect(
      model.diagnostics.map((d: { rule: string; element: string; message: string; location: unknown }) => [
        d.rule,
        d.element,
        d.message,
        d.location,
      ]),
    ).toEqual([
      [
        'decision/stale',
        'decisions.guests.answers[1]',
        'decision "guests" answers identity/uniqueness-undecided at "entities.Costumer", but there is no such finding',
        { file: 'models/checkout.ts', line: 16, column: 9 },
      ],
    ])
  })
})
