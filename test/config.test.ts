/**
 * plumbline.config.ts through the built command: found from below, its settings applied,
 * and the mistakes a new user makes reported by key, with exit 2.
 */
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtures, makeProject, runCli, STACK_FRAME } from './helpers/cli.js'
import { shopWith, UNKNOWN_ZONE } from './helpers/shop.js'

const config = (body: string) =>
  `import { defineConfig } from '@plumbline/cli'\n\nexport default defineConfig(${body})\n`

describe('plumbline.config.ts', () => {
  it('is found walking up from the working directory; its globs are relative to it', async () => {
    const project = await makeProject({
      'plumbline.config.ts': config(`{ models: ['architecture/**/*.model.ts'], rules: { 'model/invalid': 'warn' } }`),
      'architecture/shop.model.ts': shopWith(UNKNOWN_ZONE),
      'architecture/helpers.ts': 'export const notAModel = 1\n',
      'src/app/index.ts': 'export {}\n',
    })
    const result = await runCli(['check', '--format', 'json'], { cwd: `${project}/src/app` })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    const report = JSON.parse(result.stdout)
    // Outside the working directory, files are shown by their absolute path.
    expect(report.models.map((m: { file: string }) => m.file)).toEqual([`${project}/architecture/shop.model.ts`])
    expect(report.models[0].diagnostics.map((d: { rule: string; severity: string }) => [d.rule, d.severity])).toEqual([
      ['model/invalid', 'warning'],
    ])
  })

  it('is the one --config names, and paths on the command line win over its models', async () => {
    const project = await makeProject({
      'ci/strict.config.ts': config(`{ models: ['../nowhere'], rules: { 'model/invalid': 'off' } }`),
      'models/shop.ts': shopWith(UNKNOWN_ZONE),
    })
    const result = await runCli(['check', 'models', '--config', 'ci/strict.config.ts', '--format', 'json'], {
      cwd: project,
    })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0, questions: 3 })
  })

  describe('mistakes a new user makes: exit 2, one line per problem, naming the file and the key', () => {
    it.each([
      [
        'a typo in a key',
        `{ rule: { 'model/invalid': 'warn' } }`,
        'error: plumbline.config.ts: rule: unknown key (did you mean "rules"?)\n',
      ],
      [
        'a severity from another tool',
        `{ rules: { 'model/invalid': 'warning' } }`,
        'error: plumbline.config.ts: rules["model/invalid"]: expected one of "off", "info", "warn", "error", got "warning"\n',
      ],
      [
        'a misspelt rule id',
        `{ rules: { 'model/invalidd': 'off' } }`,
        'error: plumbline.config.ts: rules["model/invalidd"]: unknown rule (did you mean "model/invalid"?)\n',
      ],
      [
        'a bad severity and a misspelt rule id, both said at once',
        `{ rules: { 'model/invalid': 'warning', 'model/invalidd': 'off' } }`,
        'error: plumbline.config.ts: rules["model/invalid"]: expected one of "off", "info", "warn", "error", got "warning"\n' +
          'error: plumbline.config.ts: rules["model/invalidd"]: unknown rule (did you mean "model/invalid"?)\n',
      ],
      [
        'a string for a list',
        `{ models: 'models' }`,
        'error: plumbline.config.ts: models: expected an array, got the string "models"\n',
      ],
      [
        'a bad bound and an unknown bound',
        `{ explore: { maxStates: 0, maxDeph: 5 } }`,
        'error: plumbline.config.ts: explore.maxStates: expected a number of at least 1, got number 0\n' +
          'error: plumbline.config.ts: explore.maxDeph: unknown key (did you mean "maxDepth"?)\n',
      ],
    ])('%s', async (_, body, stderr) => {
      const project = await makeProject({ 'plumbline.config.ts': config(body), 'models/shop.ts': shopWith() })
      expect(await runCli(['check'], { cwd: project })).toEqual({ exitCode: 2, stdout: '', stderr })
    })

    it('a config that throws', async () => {
      const project = await makeProject({
        'plumbline.config.ts': `import { defineConfig } from '@plumbline/cli'\nconst limits = JSON.parse('{')\nexport default defineConfig({ explore: limits })\n`,
        'models/shop.ts': shopWith(),
      })
      const result = await runCli(['check'], { cwd: project })
      expect(result.exitCode).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(/^error: plumbline\.config\.ts:2:\d+: threw while loading: SyntaxError: /)
      expect(result.stderr).not.toMatch(STACK_FRAME)
    })

    it('a config without a default export', async () => {
      const project = await makeProject({
        'plumbline.config.ts': `export const config = {}\n`,
        'models/shop.ts': shopWith(),
      })
      expect(await runCli(['check'], { cwd: project })).toEqual({
        exitCode: 2,
        stdout: '',
        stderr:
          'error: plumbline.config.ts: has no default export; a config file must `export default defineConfig({ … })`\n',
      })
    })

    it('a --config that does not exist', async () => {
      const project = await makeProject({ 'models/shop.ts': shopWith() })
      expect(await runCli(['check', '--config', 'plumbline.confg.ts'], { cwd: project })).toEqual({
        exitCode: 2,
        stdout: '',
        stderr: 'error: plumbline.confg.ts: no such config file\n',
      })
    })
  })
})

describe('plumbline.config.ts and questions', () => {
  const privacyPack = `{
    name: 'privacy',
    description: 'Personal data',
    entitiesWithField: ['email'],
    questions: [{ question: 'Who may read {entity}.email?', element: 'entities.{entity}.schema', answeredBy: [{ field: 'emailReaders' }] }],
  }`

  it('asks the questions of the checklist packs the config adds', async () => {
    const project = await makeProject({
      'plumbline.config.ts': config(`{ packs: [${privacyPack}] }`),
      'models/shop.ts': shopWith(),
    })
    const result = await runCli(['questions', '--format', 'json'], { cwd: project })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout).models[0].questions).toContainEqual({
      question: 'Who may read User.email?',
      element: 'entities.User.schema',
      source: 'pack:privacy',
    })
  })

  it('names the key of a bad pack', async () => {
    const project = await makeProject({
      'plumbline.config.ts': config(`{ packs: [{ ...${privacyPack}, entitiesWithField: [] }] }`),
      'models/shop.ts': shopWith(),
    })
    expect(await runCli(['questions'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'error: plumbline.config.ts: packs[0].entitiesWithField: a pack needs at least one field pattern\n',
    })
  })

  it('words a pack key of the wrong type or missing as every other key: expected what, got what', async () => {
    const project = await makeProject({
      'plumbline.config.ts': config(`{ packs: [{ name: 'privacy', questions: 'who?' }] }`),
      'models/shop.ts': shopWith(),
    })
    expect(await runCli(['questions'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: [
        'error: plumbline.config.ts: packs[0].description: missing (expected a string)',
        'error: plumbline.config.ts: packs[0].entitiesWithField: missing (expected an array)',
        'error: plumbline.config.ts: packs[0].questions: expected an array, got the string "who?"',
        '',
      ].join('\n'),
    })
  })
})

describe('plumbline.config.ts and render', () => {
  const shopSource = readFileSync(path.join(fixtures, 'render/shop.ts'), 'utf8')
  const privacyPack = `{
    name: 'privacy',
    description: 'Personal data',
    entitiesWithField: ['email'],
    questions: [{ question: 'Who may read {entity}.email?', element: 'entities.{entity}.schema', answeredBy: [{ field: 'emailReaders' }] }],
  }`

  it("draws the config's models into its output folder, checked with its rules and packs, the same bytes from a folder below", async () => {
    const project = await makeProject({
      'plumbline.config.ts': config(
        `{ models: ['architecture'], output: 'site/models', rules: { 'failure/unhandled': 'off' }, packs: [${privacyPack}] }`,
      ),
      'architecture/shop.ts': shopSource,
      'src/app/index.ts': 'export {}\n',
    })
    const document = path.join(project, 'site/models/shop.md')
    // Outside the working directory, files are shown by their absolute path.
    expect(await runCli(['render'], { cwd: path.join(project, 'src/app') })).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: `wrote ${document}\n1 written, 0 unchanged\n`,
    })

    const text = await readFile(document, 'utf8')
    // The model file is named from the config's folder, not from where render ran.
    expect(text.split('\n')[0]).toBe(
      '<!-- Generated by plumbline render from architecture/shop.ts. Edit the model, not this file. -->',
    )
    expect(text).toContain('\n- Who may read Customer.email? (`entities.Customer.schema`)\n')
    expect(text).toContain('\n## Check\n\n2 errors, 2 warnings, 0 infos.\n')
    expect(text).not.toContain('failure/unhandled')
    expect(await runCli(['render', '--check'], { cwd: project })).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'up to date: 1 file\n',
    })
  })

  it("--out wins over the config's output, and paths given win over its models", async () => {
    const project = await makeProject({
      'plumbline.config.ts': config(`{ models: ['nowhere'], output: 'site/models' }`),
      'models/shop.ts': shopSource,
    })
    expect(await runCli(['render', 'models', '--out', 'docs/here'], { cwd: project })).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'wrote docs/here/shop.md\n1 written, 0 unchanged\n',
    })
    expect(existsSync(path.join(project, 'site'))).toBe(false)
  })

  it('is the one --config names; its exploration bounds bound the check the document shows, which says it is incomplete', async () => {
    const project = await makeProject({
      'ci/docs.config.ts': config(`{ models: ['../models'], output: '../docs', explore: { maxStates: 5 } }`),
      'models/shop.ts': shopSource,
    })
    expect(await runCli(['render', '--config', 'ci/docs.config.ts'], { cwd: project })).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'wrote docs/shop.md\n1 written, 0 unchanged\n',
    })
    const text = await readFile(path.join(project, 'docs/shop.md'), 'utf8')
    expect(text).toContain(
      '| warning | `explore/incomplete` | `machines.order` | exploration stopped at the bound of 5 states, after 5 states and 7 transitions to depth 2: states beyond it are not checked |\n',
    )
    expect(text).toContain('| `machines.order` | 5 | 7 | no: stopped at a bound, nothing proven |\n')
  })

  it('a broken config stops render as it stops check: exit 2, the key named, nothing written', async () => {
    const project = await makeProject({ 'plumbline.config.ts': config(`{ output: '' }`), 'models/shop.ts': shopSource })
    expect(await runCli(['render'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'error: plumbline.config.ts: output: expected a non-empty string, got the string ""\n',
    })
    expect(existsSync(path.join(project, 'docs'))).toBe(false)
  })

  it('a malformed model whose problems the config turns off still cannot be drawn: exit 2, said so', async () => {
    const project = await makeProject({
      'plumbline.config.ts': config(`{ rules: { 'model/invalid': 'off' } }`),
      'models/bad-shape.js': readFileSync(path.join(fixtures, 'malformed/bad-shape.js'), 'utf8'),
    })
    expect(await runCli(['render'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'error: models/bad-shape.js: cannot be drawn: its shape is broken, and the config turns off the rules that would say where\n',
    })
  })
})

describe('plumbline.config.ts and explain', () => {
  const pack = (name: string) => `{
    name: '${name}',
    description: 'Personal data',
    entitiesWithField: ['email'],
    questions: [{ question: 'Who may read {entity}.email?', element: 'entities.{entity}.schema', answeredBy: [{ field: 'emailReaders' }] }],
  }`

  it("explains the config's packs, and one that replaces a built-in pack", async () => {
    const project = await makeProject({
      'plumbline.config.ts': config(`{ packs: [${pack('privacy')}, ${pack('accounts')}] }`),
    })
    const explained = (name: string) =>
      [
        `pack:${name}  checklist pack`,
        '',
        'Personal data',
        'Asked about each entity with a field named like "email"; {entity} is its name.',
        '',
        '? Who may read {entity}.email?',
        '  at entities.{entity}.schema, answered by any of:',
        '  - a field named like "emailReaders"',
        '',
        'Answer a question in the model, or with a decision (answers may list several):',
        `  decisions: { someId: { decision: '…', because: '…', answers: { rule: 'pack:${name}', element: '<element, as plumbline questions prints it>' } } }`,
        `Answer every question of the pack at once: answers: { rule: 'pack:${name}' }`,
        `Its questions are questions only; make them findings, or switch the pack off: plumbline check --rule pack:${name}=off|info|warn|error`,
        '',
      ].join('\n')
    expect(await runCli(['explain', 'pack:privacy'], { cwd: project })).toEqual({
      exitCode: 0,
      stdout: explained('privacy'),
      stderr: '',
    })
    expect(await runCli(['explain', 'pack:accounts'], { cwd: project })).toEqual({
      exitCode: 0,
      stdout: explained('accounts'),
      stderr: '',
    })
  })

  it("suggests the config's packs for a misspelt one; elsewhere they are unknown", async () => {
    const project = await makeProject({ 'ci/plumbline.config.ts': config(`{ packs: [${pack('privacy')}] }`) })
    expect(await runCli(['explain', 'pack:privasy', '--config', 'ci/plumbline.config.ts'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'error: unknown rule "pack:privasy" (did you mean "pack:privacy"?); plumbline rules lists them\n',
    })
    expect(await runCli(['explain', 'pack:privacy'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'error: unknown rule "pack:privacy"; plumbline rules lists them\n',
    })
  })
})
