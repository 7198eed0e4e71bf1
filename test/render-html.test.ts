/**
 * `plumbline render --html`: the viewer's site written like the documents are — atomically,
 * byte-identical from run to run, checked by --check — and never mixed with --inject or --svg.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'
import { fixtures, makeProject, runCli } from './helpers/cli.js'

const doorSource = await readFile(path.join(fixtures, 'viewer/door.ts'), 'utf8')
const hostileSource = await readFile(path.join(fixtures, 'render/hostile.ts'), 'utf8')

async function siteOf(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name)
      files.set(path.relative(folder, file), await readFile(file, 'utf8'))
    }
  return files
}

test('writes the site into --out, the same bytes on the next run, and --check finds it current', async () => {
  const project = await makeProject({ 'models/door.ts': doorSource, 'models/hostile.ts': hostileSource })
  const first = await runCli(['render', '--html', '--out', 'site'], { cwd: project })
  expect(first).toEqual({
    exitCode: 0,
    stdout: '',
    stderr: [
      'wrote site/front-door.html',
      'wrote site/end-hostile-script.html',
      'wrote site/index.html',
      'wrote site/assets/mermaid.min.js',
      'wrote site/assets/viewer.js',
      'wrote site/assets/viewer.css',
      '6 written, 0 unchanged',
      '',
    ].join('\n'),
  })
  const written = await siteOf(path.join(project, 'site'))
  expect([...written.keys()].sort()).toEqual([
    'assets/mermaid.min.js',
    'assets/viewer.css',
    'assets/viewer.js',
    'end-hostile-script.html',
    'front-door.html',
    'index.html',
  ])
  const page = written.get('front-door.html') ?? ''
  expect(page).toContain('<script src="assets/viewer.js" defer></script>')
  // Static: no reload stream to listen to.
  expect(page).not.toContain('plumbline-live')
  // No inline script: the only script element without src is the JSON island.
  expect(page.match(/<script(?![^>]*\ssrc=)[^>]*>/gu)).toEqual(['<script type="application/json" id="plumbline-data">'])
  expect(written.get('end-hostile-script.html')).toContain('<h1>end; %% &quot;hostile&quot; &lt;script&gt;</h1>')

  expect(await runCli(['render', '--html', '--out', 'site'], { cwd: project })).toEqual({
    exitCode: 0,
    stdout: '',
    stderr: '0 written, 6 unchanged\n',
  })
  expect(await siteOf(path.join(project, 'site'))).toEqual(written)
  expect(await runCli(['render', '--html', '--out', 'site', '--check'], { cwd: project })).toEqual({
    exitCode: 0,
    stdout: '',
    stderr: 'up to date: 6 files\n',
  })
  // A state renamed: its page changes, its findings (and so the index) do not.
  const renamed = doorSource.replace("OPEN: 'open'", "OPEN: 'ajar'").replace('open: { on', 'ajar: { on')
  await writeFile(path.join(project, 'models/door.ts'), renamed)
  expect(await runCli(['render', '--html', '--out', 'site', '--check'], { cwd: project })).toEqual({
    exitCode: 1,
    stdout: '',
    stderr: 'stale: site/front-door.html\n1 of 6 files stale: run plumbline render to update them\n',
  })
})

test('--html with --inject or --svg is a usage error, exit 2', async () => {
  const project = await makeProject({ 'models/door.ts': doorSource, 'README.md': '# x\n' })
  for (const other of [['--inject', 'README.md'], ['--svg']]) {
    const result = await runCli(['render', '--html', ...other], { cwd: project })
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(/^error: option '--html' cannot be used with option '--(inject|svg)/u)
  }
})
