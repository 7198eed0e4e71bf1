import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtures, makeProject, runCli, STACK_FRAME } from './helpers/cli.js'

const malformed = path.join(fixtures, 'malformed')

describe('plumbline check', () => {
  it('passes a valid model: exit 0, a clean human report', async () => {
    const result = await runCli(['check', 'valid/tiny.ts'], { cwd: fixtures })
    expect(result).toEqual({
      exitCode: 0,
      // No findings, but the accounts pack's questions are open: the closing line says so.
      stdout:
        'valid/tiny.ts (tiny)\n  ✔ no findings\n\n1 model checked: ✔ 0 errors, 0 warnings, 0 infos\n3 open questions — plumbline questions\n',
      stderr: '',
    })
  })

  it('prints exactly the JSON report on stdout with --format json', async () => {
    const result = await runCli(['check', 'unknown-references.js', '--format', 'json'], { cwd: malformed })
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe('')
    const at = (line: number, column: number) => ({ file: 'unknown-references.js', line, column })
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      models: [
        {
          file: 'unknown-references.js',
          system: 'checkout',
          diagnostics: [
            {
              rule: 'model/invalid',
              severity: 'error',
              message: 'unknown zone "ap" (did you mean "app"?)',
              element: 'components.api.zone',
              location: at(9, 12),
            },
            {
              rule: 'contract/unknown',
              severity: 'error',
              message: 'unknown contract "reserve" (contracts: "pay")',
              element: 'flows.checkout.steps[1].contract',
              location: at(17, 35),
            },
            {
              rule: 'model/invalid',
              severity: 'error',
              message: 'unknown component "paymnts" (did you mean "payments"?)',
              element: 'flows.checkout.steps[2].to',
              location: at(18, 24),
            },
          ],
          exploration: [],
          decided: [],
          questions: [],
        },
      ],
      summary: { errors: 3, warnings: 0, infos: 0, questions: 0 },
    })
    expect(result.stdout.endsWith('}\n')).toBe(true)
  })

  it('reports shape errors with their element paths', async () => {
    const result = await runCli(['check', 'bad-shape.js', '--format', 'json'], { cwd: malformed })
    expect(result.exitCode).toBe(1)
    const [model] = JSON.parse(result.stdout).models
    expect(model.diagnostics.map((d: { element: string; message: string }) => [d.element, d.message])).toEqual([
      ['zones.app.trust', 'expected a number, got the string "high"'],
      ['flows.f.steps[0].to', 'is required (a string)'],
      ['compnents', 'unknown key "compnents" (did you mean "components"?)'],
    ])
  })

  it('reports store state that is not plain data', async () => {
    const result = await runCli(['check', 'not-plain-state.js', '--format', 'json'], { cwd: malformed })
    expect(result.exitCode).toBe(1)
    expect(JSON.parse(result.stdout).models[0].diagnostics).toEqual([
      {
        rule: 'model/invalid',
        severity: 'error',
        message: 'store state must be plain data; found an instance of Map',
        element: 'stores.sessions.initial.open',
        location: { file: 'not-plain-state.js', line: 7, column: 18 },
      },
    ])
  })

  describe('a model that cannot be loaded: exit 2, one paragraph naming the file, no stack trace', () => {
    it.each([
      ['syntax-error.ts', 'error: syntax-error.ts:5:29: syntax error: Unexpected token\n'],
      [
        'throws.ts',
        `error: throws.ts:3:21: threw while loading: SyntaxError: Unexpected token '}', "{"max": }" is not valid JSON\n`,
      ],
      [
        // The line runs indented otherwise and without its types: the column is the source's.
        'throws-after-types.ts',
        "error: throws-after-types.ts:7:58: threw while loading: TypeError: Cannot read properties of null (reading 'max')\n",
      ],
      [
        'no-default.ts',
        'error: no-default.ts: has no default export; a model file must `export default defineSystem({ … })` (a folder of models skips helper modules whose names start with _)\n',
      ],
      [
        'not-a-system.ts',
        'error: not-a-system.ts: its default export is not a system: expected defineSystem({ … }), got a function\n',
      ],
      [
        'a-machine.ts',
        'error: a-machine.ts: its default export is not a system: expected defineSystem({ … }), got an instance of StateMachine\n',
      ],
      [
        'missing-import.ts',
        'error: missing-import.ts: cannot load: it imports "./limits-that-do-not-exist.js", which cannot be found (no such file)\n',
      ],
    ])('%s', async (file, stderr) => {
      for (const format of ['pretty', 'json']) {
        const result = await runCli(['check', file, '--format', format], { cwd: malformed })
        expect(result).toEqual({ exitCode: 2, stdout: '', stderr })
      }
    })

    it('shows the stack with --debug', async () => {
      const result = await runCli(['check', 'throws.ts', '--debug'], { cwd: malformed })
      expect(result.exitCode).toBe(2)
      expect(result.stderr).toMatch(STACK_FRAME)
      expect(result.stderr).toContain('throws.ts:3:')
      // The command runs from a bundle; its frames are mapped back to the TypeScript sources.
      expect(result.stderr).toMatch(
        /at (async )?loadDefaultExport \(.*packages\/cli\/src\/load\/load-model\.ts:\d+:\d+\)/,
      )
    })

    it('lists every model that fails to load, not only the first', async () => {
      const result = await runCli(['check', 'no-default.ts', 'not-a-system.ts'], { cwd: malformed })
      expect(result.exitCode).toBe(2)
      expect(
        result.stderr
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(':')[1]),
      ).toEqual([' no-default.ts', ' not-a-system.ts'])
      expect(result.stderr).not.toMatch(STACK_FRAME)
    })
  })

  describe('paths', () => {
    it('checks every model file under a folder, skipping helpers, tests and declarations', async () => {
      const model = (name: string) =>
        `import { defineSystem } from '@plumbline/core'\nexport default defineSystem({ name: '${name}' })\n`
      const project = await makeProject({
        'models/a.ts': model('a'),
        'models/nested/b.mts': model('b'),
        'models/c.js': model('c'),
        'models/_shared.ts': 'export const helper = 1\n',
        'models/_lib/util.ts': 'export const util = 2\n',
        'models/a.test.ts': 'export {}\n',
        'models/types.d.ts': 'export {}\n',
      })
      const result = await runCli(['check', 'models', '--format', 'json'], { cwd: project })
      expect(result.exitCode).toBe(0)
      const report = JSON.parse(result.stdout)
      expect(report.models.map((m: { file: string; system: string }) => [m.file, m.system])).toEqual([
        ['models/a.ts', 'a'],
        ['models/c.js', 'c'],
        ['models/nested/b.mts', 'b'],
      ])
    })

    it('checks models/ when no path is given', async () => {
      const project = await makeProject({
        'models/only.ts': `import { defineSystem } from '@plumbline/core'\nexport default defineSystem({ name: 'only' })\n`,
      })
      const result = await runCli(['check', '--format', 'json'], { cwd: project })
      expect(JSON.parse(result.stdout).models.map((m: { system: string }) => m.system)).toEqual(['only'])
    })

    it.each([
      [['check', 'nowhere'], 'error: nowhere: no such file or folder\n'],
      [['check', 'empty'], 'error: empty: no model files in this folder (looked for *.ts, *.mts, *.js, *.mjs)\n'],
    ])('rejects %j with exit 2', async (args, stderr) => {
      const project = await makeProject({ 'empty/README.md': '# nothing here\n' })
      expect(await runCli(args, { cwd: project })).toEqual({ exitCode: 2, stdout: '', stderr })
    })
  })

  describe('usage', () => {
    it('rejects an unknown format with exit 2', async () => {
      const result = await runCli(['check', '--format', 'xml'])
      expect(result.exitCode).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toContain(
        "argument 'xml' is invalid. Allowed choices are pretty, json, sarif, junit, github.",
      )
    })

    it('rejects an unknown command with exit 2', async () => {
      const result = await runCli(['chek'])
      expect(result.exitCode).toBe(2)
      expect(result.stderr).toContain("unknown command 'chek'")
    })

    it('prints the version', async () => {
      const { version } = (await import('../packages/cli/package.json', { with: { type: 'json' } })).default
      expect(await runCli(['--version'])).toEqual({ exitCode: 0, stdout: `${version}\n`, stderr: '' })
    })

    it('has examples and exit codes in --help', async () => {
      const result = await runCli(['check', '--help'])
      expect(result.exitCode).toBe(0)
      expect(result.stdout).toContain('$ plumbline check models --format json > report.json')
      expect(result.stdout).toContain('2  unusable input')
    })
  })
})
