import { rules, rulesById } from '@plumbline/core'
import { describe, expect, it } from 'vitest'
import { runCli, STACK_FRAME } from './helpers/cli.js'

describe('plumbline explain', () => {
  it('prints a rule’s severity, summary and explanation, and how to answer or silence it', async () => {
    const rule = rulesById.get('identity/uniqueness-undecided')
    const result = await runCli(['explain', 'identity/uniqueness-undecided'])
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe(
      [
        'identity/uniqueness-undecided  default severity: warning',
        '',
        rule?.summary,
        '',
        rule?.explanation,
        '',
        'Open findings of this rule are also questions (plumbline questions).',
        'Where the model is right as it is, record a decision that answers the finding:',
        "  decisions: { someId: { decision: '…', because: '…', answers: { rule: 'identity/uniqueness-undecided', element: '<element, as plumbline check prints it>' } } }",
        'Set its severity for a run: plumbline check --rule identity/uniqueness-undecided=off|info|warn|error',
        '',
      ].join('\n'),
    )
  })

  it('explains the accounts pack: its five questions, where each is answered and by what', async () => {
    const result = await runCli(['explain', 'pack:accounts'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout.split('\n').filter((line) => line.startsWith('? '))).toEqual([
      '? Should {entity} emails be unique?',
      '? Should {entity} accounts be verified?',
      '? Should users reset passwords, and by which unique field is the {entity} account found?',
      '? Should roles exist for {entity} accounts, and what may each role do?',
      '? What is the security model: which trust zones are there, and who may call what across them?',
    ])
    expect(result.stdout).toContain(
      '  at machines, answered by any of:\n  - a machine state named like "verif"\n  - a field named like "verif"\n',
    )
  })

  it.each([
    [
      ['explain', 'identiy/missing'],
      'error: unknown rule "identiy/missing" (did you mean "identity/missing"?); plumbline rules lists them\n',
    ],
    [['explain', 'nonsense'], 'error: unknown rule "nonsense"; plumbline rules lists them\n'],
  ])('rejects %j with exit 2 and a suggestion', async (args, stderr) => {
    expect(await runCli(args)).toEqual({ exitCode: 2, stdout: '', stderr })
  })

  it('needs a rule', async () => {
    const result = await runCli(['explain'])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain("missing required argument 'rule'")
    expect(result.stderr).not.toMatch(STACK_FRAME)
  })
})

describe('plumbline rules', () => {
  it('lists every rule once, sorted by id, with its default severity and whether it asks questions', async () => {
    const result = await runCli(['rules'])
    expect(result.exitCode).toBe(0)
    const lines = result.stdout.split('\n')
    const ids = [...rules.map((rule) => rule.id)].sort()
    expect(lines.slice(0, ids.length).map((line) => line.split(' ')[0])).toEqual(ids)
    expect(lines).toContain(
      'identity/missing                   error    ?  An entity does not say what makes two records the same thing (no `identity`).',
    )
    expect(lines).toContain(
      "contract/mismatch                  error       A flow step's from/to disagree with the contract it names.",
    )
    expect(lines).toContain(
      `${rules.length} rules. ? marks rules whose open findings are also questions (plumbline questions).`,
    )
  })

  it('lists them as JSON', async () => {
    const result = await runCli(['rules', '--format', 'json'])
    expect(result.exitCode).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(json.version).toBe(1)
    expect(json.rules).toHaveLength(rules.length)
    expect(json.rules).toContainEqual({
      id: 'failure/unhandled',
      severity: 'warning',
      summary:
        'A step calls a datastore, queue or external service without saying what happens when it fails; or a machine invokes an actor with no onError.',
      asksQuestions: true,
    })
  })

  it("lists them as a Markdown table (the README's rule list)", async () => {
    const result = await runCli(['rules', '--format', 'markdown'])
    expect(result.exitCode).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines.slice(0, 2)).toEqual(['| Rule | Default | Asks | Reports |', '| --- | --- | --- | --- |'])
    expect(lines).toHaveLength(rules.length + 3)
    expect(lines).toContain(
      '| `identity/missing` | error | yes | An entity does not say what makes two records the same thing (no `identity`). |',
    )
    expect(lines).toContain(
      "| `contract/mismatch` | error |  | A flow step's from/to disagree with the contract it names. |",
    )
  })
})

describe('a misspelt name, wherever a command takes one: the closest one suggested, exit 2', () => {
  it.each([
    [
      ['explain', 'identity/uniqueness'],
      'error: unknown rule "identity/uniqueness" (did you mean "identity/uniqueness-undecided"?); plumbline rules lists them\n',
    ],
    [
      ['explain', 'unreachable'],
      'error: unknown rule "unreachable" (did you mean "state/unreachable"?); plumbline rules lists them\n',
    ],
    [
      ['explain', 'pack:acount'],
      'error: unknown rule "pack:acount" (did you mean "pack:accounts"?); plumbline rules lists them\n',
    ],
    [
      ['check', '--rule', 'identity/uniqueness=off'],
      `error: option '--rule <rule=severity>' argument 'identity/uniqueness=off' is invalid. unknown rule "identity/uniqueness" (did you mean "identity/uniqueness-undecided"?); plumbline rules lists them\n(run plumbline --help for usage)\n`,
    ],
    [
      ['questions', '--rule', 'identity/uniqueness=warning'],
      `error: option '--rule <rule=severity>' argument 'identity/uniqueness=warning' is invalid. unknown rule "identity/uniqueness" (did you mean "identity/uniqueness-undecided"?); plumbline rules lists them\n(run plumbline --help for usage)\n`,
    ],
    [
      ['check', '--format', 'jsn'],
      `error: option '-f, --format <format>' argument 'jsn' is invalid. Allowed choices are pretty, json, sarif, junit, github (did you mean "json"?).\n(run plumbline --help for usage)\n`,
    ],
    [
      ['questions', '--format', 'jsno'],
      `error: option '-f, --format <format>' argument 'jsno' is invalid. Allowed choices are pretty, json (did you mean "json"?).\n(run plumbline --help for usage)\n`,
    ],
    [
      ['rules', '--format', 'markdwn'],
      `error: option '-f, --format <format>' argument 'markdwn' is invalid. Allowed choices are pretty, json, markdown (did you mean "markdown"?).\n(run plumbline --help for usage)\n`,
    ],
    [
      ['check', '--output-file', 'sarfi=x.sarif'],
      `error: option '-o, --output-file <[format=]path>' argument 'sarfi=x.sarif' is invalid. unknown format "sarfi" (did you mean "sarif"? formats: pretty, json, sarif, junit, github); for a file whose name has "=", write ./sarfi=x.sarif\n(run plumbline --help for usage)\n`,
    ],
    [['chek'], "error: unknown command 'chek'\n(Did you mean check?)\n(run plumbline --help for usage)\n"],
  ])('%j', async (args, stderr) => {
    expect(await runCli(args)).toEqual({ exitCode: 2, stdout: '', stderr })
  })
})
