/**
 * `plumbline import structurizr`: Structurizr's public example workspaces become models that
 * type-check, load and check without model/invalid, and render with every element's name;
 * a malformed workspace is exit 2 naming the JSON path.
 */
import { spawnSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtures, makeProject, repoRoot, runCli } from './helpers/cli.js'

const workspaces = ['big-bank-plc.json', 'financial-risk-system.json']

/** Every element's name in a workspace, as Structurizr writes it. */
async function elementNames(file: string): Promise<string[]> {
  const workspace = JSON.parse(await readFile(path.join(fixtures, 'structurizr', file), 'utf8'))
  const names: string[] = []
  for (const person of workspace.model.people ?? []) names.push(person.name)
  for (const system of workspace.model.softwareSystems ?? []) {
    names.push(system.name)
    for (const container of system.containers ?? []) {
      names.push(container.name)
      for (const component of container.components ?? []) names.push(component.name)
    }
  }
  return names
}

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'preserve',
    moduleResolution: 'bundler',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  include: ['models/**/*.ts'],
})

describe.each(workspaces)('plumbline import structurizr %s', (file) => {
  it('writes a model that type-checks, checks without model/invalid, and renders every name at its level', async () => {
    const dir = await makeProject({ 'tsconfig.json': TSCONFIG })
    const imported = await runCli(
      ['import', 'structurizr', path.join(fixtures, 'structurizr', file), '--out', 'models/imported.ts'],
      { cwd: dir },
    )
    expect(imported.stderr).toMatch(/^wrote models\/imported\.ts \(\d+ elements\)\n$/u)
    expect(imported.exitCode).toBe(0)

    const tsc = spawnSync(path.join(repoRoot, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], {
      cwd: dir,
      encoding: 'utf8',
    })
    expect(tsc.stdout + tsc.stderr).toBe('')

    const model = (await import(path.join(dir, 'models/imported.ts'))).default as { components: object }
    const names = await elementNames(file)
    expect(Object.keys(model.components)).toEqual(names)

    const check = await runCli(['check', 'models/imported.ts', '--format', 'json'], { cwd: dir })
    const report = JSON.parse(check.stdout)
    expect(report.models[0].diagnostics.filter((d: { rule: string }) => d.rule === 'model/invalid')).toEqual([])

    const render = await runCli(['render', 'models/imported.ts', '--out', 'docs'], { cwd: dir })
    expect(render.exitCode).toBe(0)
    const documents = (await readdir(path.join(dir, 'docs'))).filter((name) => name.endsWith('.md'))
    expect(documents).toHaveLength(1)
    // The views come before the flows: every name must be in a view, not only in a sequence diagram.
    const [views] = (await readFile(path.join(dir, 'docs', documents[0] ?? ''), 'utf8')).split('## Flows')
    for (const name of names) expect(views).toContain(`"${labelOf(name)}"`)
  })
})

describe('plumbline import structurizr on bad input', () => {
  it('a workspace of the wrong shape is exit 2 naming each JSON path', async () => {
    const dir = await makeProject({
      'bad.json': JSON.stringify({
        name: 'x',
        model: { softwareSystems: [{ id: '1', name: 'A', containers: [{ id: '2', name: 7 }] }], people: {} },
      }),
    })
    const result = await runCli(['import', 'structurizr', 'bad.json'], { cwd: dir })
    expect(result.stderr).toBe(
      'error: bad.json: model.people: Invalid input: expected array, received object\n' +
        'error: bad.json: model.softwareSystems[0].containers[0].name: Invalid input: expected string, received number\n',
    )
    expect(result.exitCode).toBe(2)
  })

  it('a file that is not JSON, or is missing, is exit 2 naming it', async () => {
    const dir = await makeProject({ 'bad.json': '{ "name": ' })
    const notJson = await runCli(['import', 'structurizr', 'bad.json'], { cwd: dir })
    expect(notJson.stderr).toMatch(/^error: bad\.json: not JSON: /u)
    expect(notJson.exitCode).toBe(2)
    const missing = await runCli(['import', 'structurizr', 'gone.json'], { cwd: dir })
    expect(missing.stderr).toBe('error: gone.json: cannot be read (ENOENT)\n')
    expect(missing.exitCode).toBe(2)
  })

  it('prints the model without --out, with what is not mapped in its header', async () => {
    const dir = await makeProject({})
    await writeFile(
      path.join(dir, 'w.json'),
      JSON.stringify({
        name: 'W',
        model: { people: [{ id: '1', name: 'User' }], softwareSystems: [{ id: '2', name: 'S', location: 'External' }] },
        views: { filteredViews: [{}], configuration: {} },
      }),
    )
    const result = await runCli(['import', 'structurizr', 'w.json'], { cwd: dir })
    expect(result.stdout).toBe(`/**
 * Imported from the Structurizr workspace "W" (w.json)
 * by plumbline import structurizr.
 *
 * Not mapped, or mapped under another name:
 * - filteredViews (1)
 * - views.configuration: styles, themes, branding and terminology
 */
import { defineSystem } from '@plumbline/core'

export default defineSystem({
  name: "W",
  components: {
    User: {
      kind: "person",
    },
    S: {
      kind: "external",
    },
  },
})
`)
    expect(result.exitCode).toBe(0)
  })
})

/** A name as the flowchart label writes it: characters outside the safe set as entity codes. */
function labelOf(name: string): string {
  return [...name].map((c) => (/^[A-Za-z0-9 .,\-'!?/@+^]$/u.test(c) ? c : `#${c.codePointAt(0)};`)).join('')
}
