/**
 * plumbline.config.ts through the built command: found from below, its settings applied,
 * and the mistakes a new user makes reported by key, with exit 2.
 */
import { describe, expect, it } from 'vitest'
import { makeProject, runCli, STACK_FRAME } from './helpers/cli.js'
import { shopWith, UNKNOWN_ZONE } from './helpers/shop.js'

const config = (body: string) => `import { defineConfig } from '@plumbline/cli'\n\nexport default defineConfig(${body})\n`

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
    expect(report.models[0].diagnostics.map((d: { rule: string; severity: string }) => [d.rule, d.severity])).toEqual([['model/invalid', 'warning']])
  })

  it('is the one --config names, and paths on the command line win over its models', async () => {
    const project = await makeProject({
      'ci/strict.config.ts': config(`{ models: ['../nowhere'], rules: { 'model/invalid': 'off' } }`),
      'models/shop.ts': shopWith(UNKNOWN_ZONE),
    })
    const result = await runCli(['check', 'models', '--config', 'ci/strict.config.ts', '--format', 'json'], { cwd: project })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0 })
  })

  describe('mistakes a new user makes: exit 2, one line per problem, naming the file and the key', () => {
    it.each([
      ['a typo in a key', `{ rule: { 'model/invalid': 'warn' } }`, 'error: plumbline.config.ts: rule: unknown key (did you mean "rules"?)\n'],
      [
        'a severity from another tool',
        `{ rules: { 'model/invalid': 'warning' } }`,
        'error: plumbline.config.ts: rules["model/invalid"]: expected one of "off", "info", "warn", "error", got "warning"\n',
      ],
      ['a misspelt rule id', `{ rules: { 'model/invalidd': 'off' } }`, 'error: plumbline.config.ts: rules["model/invalidd"]: unknown rule (did you mean "model/invalid"?)\n'],
      ['a string for a list', `{ models: 'models' }`, 'error: plumbline.config.ts: models: expected an array, got the string "models"\n'],
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
      const project = await makeProject({ 'plumbline.config.ts': `export const config = {}\n`, 'models/shop.ts': shopWith() })
      expect(await runCli(['check'], { cwd: project })).toEqual({
        exitCode: 2,
        stdout: '',
        stderr: 'error: plumbline.config.ts: has no default export; a config file must `export default defineConfig({ … })`\n',
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
    const project = await makeProject({ 'plumbline.config.ts': config(`{ packs: [${privacyPack}] }`), 'models/shop.ts': shopWith() })
    const result = await runCli(['questions', '--format', 'json'], { cwd: project })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout).models[0].questions).toContainEqual({ question: 'Who may read User.email?', element: 'entities.User.schema', source: 'pack:privacy' })
  })

  it('names the key of a bad pack', async () => {
    const project = await makeProject({ 'plumbline.config.ts': config(`{ packs: [{ ...${privacyPack}, entitiesWithField: [] }] }`), 'models/shop.ts': shopWith() })
    expect(await runCli(['questions'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'error: plumbline.config.ts: packs[0].entitiesWithField: a pack needs at least one field pattern\n',
    })
  })
})
