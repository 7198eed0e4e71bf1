/**
 * The user's files and machine: inject never damages a file, file-system errors read as the
 * user's errors, each model file counts once, and a bound can fail CI.
 */
import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtures, makeProject, runCli, STACK_FRAME } from './helpers/cli.js'
import { shop } from './helpers/shop.js'

const shopSource = await readFile(path.join(fixtures, 'render/shop.ts'), 'utf8')
const MARKERS = '<!-- plumbline:shop -->\n<!-- /plumbline:shop -->\n'

function expectUserError(result: { exitCode: number; stdout: string; stderr: string }, stderr: string): void {
  expect(result.stderr).not.toMatch(/internal error/)
  expect(result.stderr).not.toMatch(STACK_FRAME)
  expect(result).toEqual({ exitCode: 2, stdout: '', stderr })
}

describe('render --inject never damages a file', () => {
  it('refuses a Latin-1 file and leaves its bytes as they were', async () => {
    const project = await makeProject({ 'models/shop.ts': shopSource })
    const bytes = Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(`\n\n${MARKERS}`)])
    await writeFile(path.join(project, 'notes.md'), bytes)
    const result = await runCli(['render', '--inject', 'notes.md'], { cwd: project })
    expectUserError(
      result,
      'error: --inject notes.md: it is not UTF-8 (line 1); it is left as it is (inject edits UTF-8 Markdown only)\n',
    )
    expect(await readFile(path.join(project, 'notes.md'))).toEqual(bytes)
    expect((await runCli(['render', '--check', '--inject', 'notes.md'], { cwd: project })).exitCode).toBe(2)
  })

  it('refuses a binary file', async () => {
    const project = await makeProject({ 'models/shop.ts': shopSource })
    const bytes = Buffer.from(`${MARKERS}\u0000\u0001`)
    await writeFile(path.join(project, 'blob.md'), bytes)
    expectUserError(
      await runCli(['render', '--inject', 'blob.md'], { cwd: project }),
      'error: --inject blob.md: it holds a NUL byte (at byte 49): it looks binary; it is left as it is (inject edits UTF-8 Markdown only)\n',
    )
    expect(await readFile(path.join(project, 'blob.md'))).toEqual(bytes)
  })

  it('writes through a symlink to its target, and keeps the target mode', async () => {
    const project = await makeProject({ 'models/shop.ts': shopSource, 'docs/real.md': `# Shop\n\n${MARKERS}` })
    await chmod(path.join(project, 'docs/real.md'), 0o600)
    await symlink('docs/real.md', path.join(project, 'link.md'))
    const result = await runCli(['render', '--inject', 'link.md'], { cwd: project })
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'wrote link.md\n1 written, 0 unchanged\n' })
    expect((await lstat(path.join(project, 'link.md'))).isSymbolicLink()).toBe(true)
    expect(await readlink(path.join(project, 'link.md'))).toBe('docs/real.md')
    expect(await readFile(path.join(project, 'docs/real.md'), 'utf8')).toContain('```mermaid')
    expect((await stat(path.join(project, 'docs/real.md'))).mode & 0o777).toBe(0o600)
    expect(await readdir(path.join(project, 'docs'))).toEqual(['real.md'])
  })

  it('a temporary left by a killed run is reported by --check and removed by the next render', async () => {
    const project = await makeProject({ 'models/shop.ts': shopSource })
    expect((await runCli(['render'], { cwd: project })).exitCode).toBe(0)
    // No process has pid 2^22 + 1 (above Linux's pid_max default).
    const leftover = path.join(project, 'docs/models/.shop.md.4194305.0123abcd.tmp')
    await writeFile(leftover, 'half a docu')
    expect(await runCli(['render', '--check'], { cwd: project })).toEqual({
      exitCode: 0,
      stdout: '',
      stderr:
        'note: docs/models/.shop.md.4194305.0123abcd.tmp was left by a run that was killed; the next render removes it\nup to date: 1 file\n',
    })
    expect(await runCli(['render'], { cwd: project })).toEqual({
      exitCode: 0,
      stdout: '',
      stderr:
        'removed docs/models/.shop.md.4194305.0123abcd.tmp (left by a run that was killed)\n0 written, 1 unchanged\n',
    })
    expect(await readdir(path.join(project, 'docs/models'))).toEqual(['shop.md'])
  })
})

describe('file-system errors are the user’s errors, worded', () => {
  it.each([
    [
      '--out names a file',
      ['render', '--out', 'README.md'],
      'error: cannot open README.md/shop.md: a part of the path is a file, not a folder: choose a path through folders (ENOTDIR)\n',
    ],
    [
      '--out /dev/null',
      ['render', '--out', '/dev/null'],
      'error: cannot open /dev/null/shop.md: a part of the path is a file, not a folder: choose a path through folders (ENOTDIR)\n',
    ],
    [
      '--inject names a folder',
      ['render', '--inject', 'models'],
      'error: cannot read models: it is a folder where a file is expected: name a file (EISDIR)\n',
    ],
    [
      'a report file names a folder',
      ['check', '-o', 'json=models'],
      'error: cannot write models: it is a folder where a file is expected: name a file (EISDIR)\n',
    ],
    [
      'a name too long for the file system',
      ['render', '--out', 'x'.repeat(300)],
      `error: cannot open ${'x'.repeat(300)}/shop.md: the name is too long for the file system: choose a shorter path (ENAMETOOLONG)\n`,
    ],
    ['an empty --out', ['render', '--out', ''], 'error: --out needs a folder, and was given an empty path\n'],
  ])('%s', async (_, args, stderr) => {
    const project = await makeProject({ 'models/shop.ts': shopSource, 'README.md': '# readme\n' })
    expectUserError(await runCli(args, { cwd: project }), stderr)
  })

  it.skipIf(process.getuid?.() === 0)('a folder without write permission', async () => {
    const project = await makeProject({ 'models/shop.ts': shopSource })
    await mkdir(path.join(project, 'locked'))
    await chmod(path.join(project, 'locked'), 0o555)
    const result = await runCli(['render', '--out', 'locked'], { cwd: project })
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(/^error: cannot open locked\/\.shop\.md\.\d+\.[0-9a-f]{8}\.tmp: permission denied/)
  })
})

describe('each model file counts once', () => {
  it('a symlink to a parent folder among the models does not count a file twice', async () => {
    const project = await makeProject({ 'models/shop.ts': shop })
    await symlink('..', path.join(project, 'models/up'))
    const result = await runCli(['check', 'models'], { cwd: project })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('1 model checked')
  })

  it('two files of one system name are the same error in check and in render', async () => {
    const project = await makeProject({ 'models/a.ts': shop, 'models/b.ts': shop })
    const message = 'error: models/b.ts: system "shop" is also defined in models/a.ts; each system needs its own name\n'
    expectUserError(await runCli(['check'], { cwd: project }), message)
    expectUserError(await runCli(['render'], { cwd: project }), message)
  })
})

describe('a bound can fail CI', () => {
  it('--fail-on-incomplete makes explore/incomplete an error', async () => {
    const project = await makeProject({ 'models/shop.ts': shop })
    const bounded = await runCli(['check', '--max-states', '2', '--format', 'json'], { cwd: project })
    expect(bounded.exitCode).toBe(0)
    const failing = await runCli(['check', '--max-states', '2', '--fail-on-incomplete', '--format', 'json'], {
      cwd: project,
    })
    expect(failing.exitCode).toBe(1)
    const severities = JSON.parse(failing.stdout).models[0].diagnostics.map(
      (d: { rule: string; severity: string }) => `${d.rule} ${d.severity}`,
    )
    expect(severities).toEqual(['explore/incomplete error', 'explore/incomplete error'])
  })

  it('the config key does the same', async () => {
    const project = await makeProject({
      'models/shop.ts': shop,
      'plumbline.config.ts':
        "import { defineConfig } from '@plumbline/cli'\nexport default defineConfig({ explore: { maxStates: 2, failOnIncomplete: true } })\n",
    })
    expect((await runCli(['check'], { cwd: project })).exitCode).toBe(1)
  })
})

describe('odd values in a model', () => {
  it('a getter that throws is a finding naming the file, not an internal error', async () => {
    const project = await makeProject({
      'models/odd.js': "export default { name: 'odd', get components() { throw new Error('nope') } }\n",
    })
    const result = await runCli(['check', '--format', 'json'], { cwd: project })
    expect(result.exitCode).toBe(1)
    expect(JSON.parse(result.stdout).models[0].diagnostics).toEqual([
      expect.objectContaining({
        rule: 'model/invalid',
        message: 'reading the model threw: Error: nope (a getter or a Proxy in the model?)',
        location: { file: 'models/odd.js', line: 1, column: 16 },
      }),
    ])
  })
})
