/**
 * The baseline, sharding and parallel checking through the built command.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, runCli } from './helpers/cli.js'
import { RENAMED, shopWith, UNKNOWN_CONTRACT, UNKNOWN_ZONE } from './helpers/shop.js'

describe('the baseline', () => {
  it('round trip: record, pass, fail only on a new finding, report an entry that no longer occurs', async () => {
    const project = await makeProject({ 'models/shop.ts': shopWith(UNKNOWN_ZONE) })
    const model = path.join(project, 'models/shop.ts')
    const baselineFile = path.join(project, 'plumbline-baseline.json')

    const recorded = await runCli(['check', '--update-baseline'], { cwd: project })
    expect(recorded.exitCode).toBe(0)
    expect(recorded.stderr).toBe('wrote plumbline-baseline.json: 1 finding of 1 model recorded\n')
    expect(JSON.parse(await readFile(baselineFile, 'utf8'))).toEqual({
      version: 1,
      findings: [
        {
          file: 'models/shop.ts',
          rule: 'model/invalid',
          element: 'components.api.zone',
          message: 'unknown zone "ap" (did you mean "app"?)',
        },
      ],
    })

    // Matched by file, rule and element: a reworded message still matches.
    const baseline = JSON.parse(await readFile(baselineFile, 'utf8'))
    baseline.findings[0].message = 'worded otherwise'
    await writeFile(baselineFile, JSON.stringify(baseline))
    const known = await runCli(['check'], { cwd: project })
    expect(known).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: [
        'models/shop.ts (shop)',
        '  ✔ no findings',
        '  explored machines.signUp: 4 states, 4 transitions, depth 2',
        '  explored stores.users: 5 states, 4 transitions, depth 2',
        '  1 finding in the baseline',
        '',
        'plumbline-baseline.json (1 known finding not counted)',
        '  ✔ every entry still occurs',
        '',
        '1 model checked: ✔ 0 errors, 0 warnings, 0 infos',
        '3 open questions — plumbline questions',
        '',
      ].join('\n'),
    })

    await writeFile(model, shopWith(UNKNOWN_ZONE, UNKNOWN_CONTRACT))
    const added = await runCli(['check', '--format', 'json'], { cwd: project })
    expect(added.exitCode).toBe(1)
    const report = JSON.parse(added.stdout)
    expect(report.models[0].diagnostics.map((d: { element: string }) => d.element)).toEqual([
      'flows.signUp.steps[0].contract',
    ])
    expect(report.models[0].baselined.map((d: { element: string }) => d.element)).toEqual(['components.api.zone'])
    expect(report.baseline).toEqual({ file: 'plumbline-baseline.json', known: 1, fixed: [] })
    expect(report.summary).toEqual({ errors: 1, warnings: 0, infos: 0, questions: 3 })

    await writeFile(model, shopWith())
    const fixed = await runCli(['check'], { cwd: project })
    expect(fixed.exitCode).toBe(0)
    expect(fixed.stdout).toContain(
      [
        'plumbline-baseline.json (0 known findings not counted)',
        '  1 entry no longer occurs: run `plumbline check --update-baseline` to drop them',
        '    models/shop.ts  components.api.zone  model/invalid',
      ].join('\n'),
    )
    await runCli(['check', '--update-baseline'], { cwd: project })
    expect(JSON.parse(await readFile(baselineFile, 'utf8'))).toEqual({ version: 1, findings: [] })
  })

  it('is updated for the files a run checked only, keeping the others', async () => {
    const project = await makeProject({
      'models/a.ts': shopWith(UNKNOWN_ZONE),
      'models/b.ts': shopWith(UNKNOWN_CONTRACT, RENAMED),
    })
    const read = async () =>
      JSON.parse(await readFile(path.join(project, 'plumbline-baseline.json'), 'utf8')).findings as Array<{
        file: string
        element: string
      }>
    await runCli(['check', '--update-baseline'], { cwd: project })
    const before = await read()
    expect(before.filter((f) => f.file === 'models/a.ts').map((f) => f.element)).toEqual(['components.api.zone'])
    expect(before.filter((f) => f.file === 'models/b.ts').map((f) => f.element)).toContain(
      'flows.signUp.steps[0].contract',
    )

    await writeFile(path.join(project, 'models/a.ts'), shopWith())
    await runCli(['check', 'models/a.ts', '--update-baseline'], { cwd: project })
    expect(await read()).toEqual(before.filter((f) => f.file === 'models/b.ts'))
  })

  it('rejects a file that is not a baseline', async () => {
    const project = await makeProject({ 'models/shop.ts': shopWith(), 'plumbline-baseline.json': '{"findings": 3}' })
    const result = await runCli(['check'], { cwd: project })
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toBe(
      'error: plumbline-baseline.json: not a Plumbline baseline (expected {"version": 1, "findings": [{ "file", "rule", "element", "message" }]}); fix it, or delete it and run `plumbline check --update-baseline`\n',
    )
  })
})

describe('--shard', () => {
  const names = ['a', 'b', 'c', 'd', 'e']
  const files = Object.fromEntries(
    names.map((name) => [
      `models/${name}.ts`,
      `import { defineSystem } from '@plumbline/core'\nexport default defineSystem({ name: '${name}' })\n`,
    ]),
  )

  it.each([1, 2, 3, 4, 6])('splits the model files over %i shards, each file in exactly one', async (count) => {
    const project = await makeProject(files)
    const shards = await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const result = await runCli(['check', '--shard', `${index + 1}/${count}`, '--format', 'json'], { cwd: project })
        expect(result.exitCode).toBe(0)
        return JSON.parse(result.stdout).models.map((m: { system: string }) => m.system)
      }),
    )
    expect(shards.flat()).toEqual(names)
  })

  it('says so when a shard is empty', async () => {
    const project = await makeProject(files)
    expect(await runCli(['check', '--shard', '1/6', '--format', 'json'], { cwd: project })).toMatchObject({
      exitCode: 0,
      stderr: 'shard 1/6 has no model files\n',
    })
  })

  it.each(['0/2', '3/2', 'half'])('rejects --shard %s with exit 2', async (value) => {
    const result = await runCli(['check', '--shard', value])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain(
      `option '--shard <i/n>' argument '${value}' is invalid. Expected i/n with 1 ≤ i ≤ n, e.g. 2/3.`,
    )
  })
})

describe('parallel checking', () => {
  // Each model takes a while to load; `name` may use `threadId`, the thread that loaded it.
  const slowModel = (name: string) =>
    `import { threadId } from 'node:worker_threads'\nimport { defineSystem } from '@plumbline/core'\nconst until = Date.now() + 300\nwhile (Date.now() < until) {}\nexport default defineSystem({ name: ${name} })\n`
  const project = (name: (file: string) => string) =>
    makeProject(Object.fromEntries(['a', 'b', 'c', 'd'].map((file) => [`models/${file}.ts`, slowModel(name(file))])))
  const systems = (stdout: string): string[] => JSON.parse(stdout).models.map((m: { system: string }) => m.system)

  it('gives the same report with and without workers, in file order', async () => {
    const dir = await project((file) => `'${file}'`)
    const serial = await runCli(['check', '--workers', '0', '--format', 'json'], { cwd: dir })
    const parallel = await runCli(['check', '--workers', '3', '--format', 'json'], { cwd: dir })
    expect(serial.exitCode).toBe(0)
    expect(systems(parallel.stdout)).toEqual(['a', 'b', 'c', 'd'])
    expect(parallel.stdout).toBe(serial.stdout)
  })

  it('lets other workers check models while one is busy, each loading its models itself', async () => {
    // a is slow enough that workers start after it. b then blocks whichever thread loads it until a
    // model loaded by another thread says it is there (or 10 s pass): with workers, c and d are
    // checked meanwhile.
    const waiting = `import { existsSync } from 'node:fs'
import { threadId } from 'node:worker_threads'
import { defineSystem } from '@plumbline/core'
const marker = new URL('./.loaded-elsewhere', import.meta.url)
const until = Date.now() + 10_000
while (!existsSync(marker) && Date.now() < until) {}
export default defineSystem({ name: \`b in thread \${threadId}, \${existsSync(marker) ? 'not alone' : 'alone'}\` })
`
    const marking = (name: string) => `import { writeFileSync } from 'node:fs'
import { threadId } from 'node:worker_threads'
import { defineSystem } from '@plumbline/core'
writeFileSync(new URL('./.loaded-elsewhere', import.meta.url), '')
export default defineSystem({ name: \`${name} in thread \${threadId}\` })
`
    const dir = await makeProject({
      'models/a.ts': slowModel("'a'"),
      'models/b.ts': waiting,
      'models/c.ts': marking('c'),
      'models/d.ts': marking('d'),
    })
    const [a, b, ...others] = systems(
      (await runCli(['check', '--workers', '2', '--format', 'json'], { cwd: dir })).stdout,
    )
    // Model code runs in workers only (the main thread watches them): b waits in the first one.
    expect(a).toBe('a')
    const thread = /^b in thread (\d+), not alone$/.exec(b ?? '')?.[1]
    expect(thread).toBeDefined()
    expect(others.some((name) => !name.endsWith(`in thread ${thread}`))).toBe(true)
  })

  it('never runs model code on the main thread, which watches the workers', async () => {
    const dir = await makeProject(
      Object.fromEntries(
        ['a', 'b', 'c'].map((file) => [
          `models/${file}.ts`,
          slowModel(`\`${file} thread \${threadId}\``).replace('+ 300', '+ 0'),
        ]),
      ),
    )
    const names = systems((await runCli(['check', '--workers', '2', '--format', 'json'], { cwd: dir })).stdout)
    expect(names.map((name) => name.replace(/\d+$/, 'N'))).toEqual(['a thread N', 'b thread N', 'c thread N'])
    expect(names.filter((name) => name.endsWith(' thread 0'))).toEqual([])
  })

  it('reports every model that fails to load, in file order, whichever thread loaded it', async () => {
    const dir = await project((file) => `'${file}'`)
    await writeFile(path.join(dir, 'models/b.ts'), 'export default 42\n')
    await writeFile(path.join(dir, 'models/d.ts'), 'export const nothing = 1\n')
    const result = await runCli(['check', '--workers', '3'], { cwd: dir })
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: [
        'error: models/b.ts: its default export is not a system: expected defineSystem({ … }), got number 42',
        'error: models/d.ts: has no default export; a model file must `export default defineSystem({ … })` (a folder of models skips helper modules whose names start with _)',
        '',
      ].join('\n'),
    })
  })
})
