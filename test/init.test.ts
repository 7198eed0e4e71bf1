import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { STARTER_CONFIG, STARTER_MODEL } from '../packages/cli/src/init/starter-files.js'
import { makeProject, repoRoot, runCli } from './helpers/cli.js'

describe('plumbline init', () => {
  it('writes a config and a first model into an empty folder, and then check passes', async () => {
    const project = await makeProject({})
    const init = await runCli(['init'], { cwd: project })
    expect(init).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: 'wrote plumbline.config.ts\nwrote models/shop.ts\n\nNext: plumbline check\n',
    })
    expect(await readFile(path.join(project, 'plumbline.config.ts'), 'utf8')).toBe(STARTER_CONFIG)
    expect(await readFile(path.join(project, 'models/shop.ts'), 'utf8')).toBe(STARTER_MODEL)

    expect(await runCli(['check'], { cwd: project })).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: [
        'models/shop.ts (shop)',
        '  ✔ no findings',
        '  explored machines.signUp: 4 states, 4 transitions, depth 2',
        '  explored stores.users: 5 states, 4 transitions, depth 2',
        '',
        '1 model checked: ✔ 0 errors, 0 warnings, 0 infos',
        // The accounts pack asks of the shop's User what a first model has not decided yet.
        '3 open questions — plumbline questions',
        '',
      ].join('\n'),
    })
  })

  it('writes files that typecheck', async () => {
    const project = await makeProject({
      'tsconfig.json': JSON.stringify({
        extends: '../../../tsconfig.base.json',
        compilerOptions: { noEmit: true },
        include: ['**/*.ts'],
      }),
    })
    await runCli(['init'], { cwd: project })
    const tsc = path.join(repoRoot, 'node_modules/.bin/tsc')
    await expect(promisify(execFile)(tsc, ['-p', project])).resolves.toMatchObject({ stdout: '' })
  })

  it('never overwrites a file', async () => {
    const project = await makeProject({ 'plumbline.config.ts': '// mine\n' })
    const first = await runCli(['init'], { cwd: project })
    expect(first.stdout).toBe(
      'plumbline.config.ts exists; left as it is\nwrote models/shop.ts\n\nNext: plumbline check\n',
    )
    await writeFile(path.join(project, 'models/shop.ts'), '// edited\n')
    const second = await runCli(['init'], { cwd: project })
    expect(second.stdout).toBe(
      'plumbline.config.ts exists; left as it is\nmodels/shop.ts exists; left as it is\n\nNext: plumbline check\n',
    )
    expect(await readFile(path.join(project, 'plumbline.config.ts'), 'utf8')).toBe('// mine\n')
    expect(await readFile(path.join(project, 'models/shop.ts'), 'utf8')).toBe('// edited\n')
  })

  it('says which packages to install where the models cannot find them', async () => {
    // Outside the repository, where no node_modules has them.
    const dir = await mkdtemp(path.join(tmpdir(), 'plumbline-init-'))
    try {
      const result = await runCli(['init'], { cwd: dir })
      expect(result.stdout).toContain(
        '\nThe models need these packages: npm install --save-dev @plumbline/cli @plumbline/core zod xstate\n',
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
