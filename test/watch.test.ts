/**
 * check --watch and render --watch as long-running subprocesses with pipes: a good save, a
 * broken save and a fixed save, each answered by a fresh run under a header naming the saved
 * file; a broken model never ends the watch; only the models made of the saved file are loaded
 * again; SIGTERM ends it even in the middle of a long first run.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeProject, repoRoot, runCli } from './helpers/cli.js'
import { type Mistake, shopWith, UNKNOWN_ZONE } from './helpers/shop.js'

const WATCHING = /Watching for changes \(Ctrl-C to stop\)…\n/
/** The header a re-run opens with: the time, and what changed. */
const HEADER = /^(\d\d:\d\d:\d\d) (.*) changed\n/

class Watcher {
  stdout = ''
  stderr = ''
  /** What the last re-run's header said changed (its time checked and left out); undefined for a run without one. */
  changed: string | undefined
  private readonly child: ChildProcessWithoutNullStreams
  readonly exited: Promise<number | null>

  constructor(args: readonly string[], cwd: string) {
    const { FORCE_COLOR: _forced, ...env } = process.env
    this.child = spawn(process.execPath, [path.join(repoRoot, 'packages/cli/bin/plumbline.js'), ...args], {
      cwd,
      env: { ...env, NO_COLOR: '1' },
    })
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk))
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk))
    this.exited = new Promise((resolve) => this.child.on('close', resolve))
  }

  /** Waits for the n-th run to finish (its "Watching…" line), then returns and clears what it printed. */
  async run(n: number): Promise<{ stdout: string; stderr: string }> {
    const deadline = Date.now() + 20_000
    while ((this.stderr.match(new RegExp(WATCHING, 'g'))?.length ?? 0) < n) {
      if (Date.now() > deadline) throw new Error(`no run ${n}; stdout: ${this.stdout}\nstderr: ${this.stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    const stderr = this.stderr.split(WATCHING).at(n - 1) ?? ''
    const header = HEADER.exec(stderr)
    this.changed = header?.[2]
    if (header) expect(header[1]).toMatch(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/)
    const printed = { stdout: this.stdout, stderr: header ? stderr.slice(header[0].length) : stderr }
    this.stdout = ''
    return printed
  }

  /** Waits until stderr has `text`. */
  async saw(text: string): Promise<void> {
    const deadline = Date.now() + 20_000
    while (!this.stderr.includes(text)) {
      if (Date.now() > deadline) throw new Error(`never saw ${text}; stderr: ${this.stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal)
  }

  stop(): Promise<number | null> {
    this.child.kill('SIGINT')
    return this.exited
  }
}

const running: Watcher[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((watcher) => watcher.stop()))
})

function watch(args: readonly string[], cwd: string): Watcher {
  const watcher = new Watcher(args, cwd)
  running.push(watcher)
  return watcher
}

describe('check --watch', () => {
  it('runs again on a good save, a broken save and a fixed save, and survives the broken one', async () => {
    const project = await makeProject({ 'models/shop.ts': shopWith() })
    const model = path.join(project, 'models/shop.ts')
    const watcher = watch(['check', '--watch'], project)

    const first = await watcher.run(1)
    expect(first.stdout).toBe(
      'models/shop.ts (shop)\n  ✔ no findings\n  explored machines.signUp: 4 states, 4 transitions, depth 2\n  explored stores.users: 5 states, 4 transitions, depth 2\n\n1 model checked: ✔ 0 errors, 0 warnings, 0 infos\n3 open questions — plumbline questions\n',
    )

    // A good save that introduces a finding.
    await writeFile(model, shopWith(UNKNOWN_ZONE))
    const second = await watcher.run(2)
    expect(watcher.changed).toBe('models/shop.ts')
    expect(second.stdout).toContain('  ✖ error  components.api.zone  model/invalid\n')

    // A broken save: the error, then the watch goes on.
    await writeFile(model, `${shopWith()}\nexport const broken = {\n`)
    const third = await watcher.run(3)
    expect(third.stdout).toBe('')
    expect(third.stderr).toMatch(/^error: models\/shop\.ts:\d+:\d+: syntax error: /)

    // The fixed save: clean again.
    await writeFile(model, shopWith())
    const fourth = await watcher.run(4)
    expect(fourth.stdout).toBe(
      'models/shop.ts (shop)\n  ✔ no findings\n  explored machines.signUp: 4 states, 4 transitions, depth 2\n  explored stores.users: 5 states, 4 transitions, depth 2\n\n1 model checked: ✔ 0 errors, 0 warnings, 0 infos\n3 open questions — plumbline questions\n',
    )

    expect(await watcher.stop()).toBe(0)
  })

  it('runs again when a file the model imports changes, outside the models folder too, and loads it afresh', async () => {
    const imported = shopWith()
      .replace(
        "import { defineStore, defineSystem } from '@plumbline/core'",
        "import { defineStore, defineSystem } from '@plumbline/core'\nimport { apiZone } from '../src/zones.js'",
      )
      .replace("api: { zone: 'app', kind: 'service' }", "api: { zone: apiZone, kind: 'service' }")
    const project = await makeProject({ 'models/shop.ts': imported, 'src/zones.ts': "export const apiZone = 'app'\n" })
    const watcher = watch(['check', '--watch'], project)
    expect((await watcher.run(1)).stdout).toContain('✔ no findings')

    await writeFile(path.join(project, 'src/zones.ts'), "export const apiZone = 'ap'\n")
    expect((await watcher.run(2)).stdout).toContain('unknown zone "ap" (did you mean "app"?)')
    expect(watcher.changed).toBe('src/zones.ts')

    await writeFile(path.join(project, 'src/zones.ts'), "export const apiZone: string = 'app'\n")
    expect((await watcher.run(3)).stdout).toContain('✔ no findings')
  })

  it('runs again when the config changes, and shows a broken config without stopping', async () => {
    const config = (rules: string) =>
      `import { defineConfig } from '@plumbline/cli'\nexport default defineConfig({ rules: ${rules} })\n`
    const project = await makeProject({ 'models/shop.ts': shopWith(UNKNOWN_ZONE), 'plumbline.config.ts': config('{}') })
    const watcher = watch(['check', '--watch'], project)
    expect((await watcher.run(1)).stdout).toContain('✖ 1 error')

    await writeFile(path.join(project, 'plumbline.config.ts'), config(`{ 'model/invalid': 'nope' }`))
    expect((await watcher.run(2)).stderr).toBe(
      'error: plumbline.config.ts: rules["model/invalid"]: expected one of "off", "info", "warn", "error", got "nope"\n\n',
    )

    await writeFile(path.join(project, 'plumbline.config.ts'), config(`{ 'model/invalid': 'off' }`))
    expect((await watcher.run(3)).stdout).toContain('✔ 0 errors')
  })
  it('checks again only the models made of the saved file; the report still has them all', async () => {
    const printing = (name: string, ...mistakes: Mistake[]) =>
      shopWith(["name: 'shop',", `name: '${name}',`], ...mistakes).replace(
        'const ',
        `console.log('loading ${name}')\nconst `,
      )
    const project = await makeProject({
      'models/a.ts': printing('a'),
      'models/b.ts': printing('b'),
    })
    const watcher = watch(['check', '--watch'], project)
    const first = await watcher.run(1)
    expect(first.stderr).toBe('models/a.ts: loading a\nmodels/b.ts: loading b\n\n')
    expect(first.stdout).toContain('2 models checked: ✔ 0 errors')

    await writeFile(path.join(project, 'models/a.ts'), printing('a', UNKNOWN_ZONE))
    const second = await watcher.run(2)
    expect(watcher.changed).toBe('models/a.ts')
    expect(second.stderr).toBe('models/a.ts: loading a\n\n')
    expect(second.stdout).toContain('models/b.ts (b)\n  ✔ no findings\n')
    expect(second.stdout).toContain('2 models checked: ✖ 1 error')
  })

  it('ends on SIGTERM in the middle of a long first run, within 2 s', async () => {
    const project = await makeProject({
      'models/slow.ts': shopWith().replace(
        'const ',
        "console.log('started')\nconst until = Date.now() + 60_000\nwhile (Date.now() < until) {}\nconst ",
      ),
    })
    const watcher = watch(['check', '--watch', '--step-timeout', '5m'], project)
    await watcher.saw('models/slow.ts: started\n')
    const sent = Date.now()
    watcher.signal('SIGTERM')
    await watcher.exited
    expect(Date.now() - sent).toBeLessThan(2000)
  })
})

describe('render --watch', () => {
  const WROTE = 'wrote docs/models/shop.md\n1 written, 0 unchanged\n\n'

  it('draws again on a good save, a broken save and a fixed save, and survives the broken one', async () => {
    const project = await makeProject({ 'models/shop.ts': shopWith() })
    const model = path.join(project, 'models/shop.ts')
    const document = path.join(project, 'docs/models/shop.md')
    const watcher = watch(['render', '--watch'], project)

    expect(await watcher.run(1)).toEqual({ stdout: '', stderr: WROTE })
    const clean = await readFile(document, 'utf8')
    expect(clean).toContain('\n## Check\n\n0 errors, 0 warnings, 0 infos.\n')

    // A good save that introduces a finding: the document shows it.
    await writeFile(model, shopWith(UNKNOWN_ZONE))
    expect(await watcher.run(2)).toEqual({ stdout: '', stderr: WROTE })
    expect(watcher.changed).toBe('models/shop.ts')
    expect(await readFile(document, 'utf8')).toContain(
      '\n| error | `model/invalid` | `components.api.zone` | unknown zone "ap" (did you mean "app"?) |\n',
    )

    // A broken save: the error, the document left as it was, and the watch goes on.
    await writeFile(model, `${shopWith()}\nexport const broken = {\n`)
    const third = await watcher.run(3)
    expect(third.stdout).toBe('')
    expect(third.stderr).toMatch(/^error: models\/shop\.ts:\d+:\d+: syntax error: .*\n\n$/)
    expect(await readFile(document, 'utf8')).toContain('`model/invalid`')

    // The fixed save: the clean document again, byte for byte.
    await writeFile(model, shopWith())
    expect(await watcher.run(4)).toEqual({ stdout: '', stderr: WROTE })
    expect(await readFile(document, 'utf8')).toBe(clean)

    expect(await watcher.stop()).toBe(0)
  })

  it('draws again when a file the model imports changes, and when the config changes', async () => {
    const imported = shopWith()
      .replace(
        "import { defineStore, defineSystem } from '@plumbline/core'",
        "import { defineStore, defineSystem } from '@plumbline/core'\nimport { apiZone } from '../src/zones.js'",
      )
      .replace("api: { zone: 'app', kind: 'service' }", "api: { zone: apiZone, kind: 'service' }")
    const config = (rules: string) =>
      `import { defineConfig } from '@plumbline/cli'\nexport default defineConfig({ output: 'site', rules: ${rules} })\n`
    const project = await makeProject({
      'models/shop.ts': imported,
      'src/zones.ts': "export const apiZone = 'app'\n",
      'plumbline.config.ts': config('{}'),
    })
    const document = path.join(project, 'site/shop.md')
    const watcher = watch(['render', '--watch'], project)
    const wrote = { stdout: '', stderr: 'wrote site/shop.md\n1 written, 0 unchanged\n\n' }
    expect(await watcher.run(1)).toEqual(wrote)

    await writeFile(path.join(project, 'src/zones.ts'), "export const apiZone = 'ap'\n")
    expect(await watcher.run(2)).toEqual(wrote)
    expect(await readFile(document, 'utf8')).toContain('`model/invalid`')

    // The config turns the rule off: the finding leaves the document.
    await writeFile(path.join(project, 'plumbline.config.ts'), config(`{ 'model/invalid': 'off' }`))
    expect(await watcher.run(3)).toEqual(wrote)
    expect(await readFile(document, 'utf8')).not.toContain('`model/invalid`')
  })

  it('draws again only the models made of the saved file, and writes only their documents', async () => {
    const printing = (name: string, ...mistakes: Mistake[]) =>
      shopWith(["name: 'shop',", `name: '${name}',`], ...mistakes).replace(
        'const ',
        `console.log('loading ${name}')\nconst `,
      )
    const project = await makeProject({ 'models/a.ts': printing('a'), 'models/b.ts': printing('b') })
    const watcher = watch(['render', '--watch'], project)
    expect(await watcher.run(1)).toEqual({
      stdout: '',
      stderr:
        'models/a.ts: loading a\nmodels/b.ts: loading b\nwrote docs/models/a.md\nwrote docs/models/b.md\n2 written, 0 unchanged\n\n',
    })

    await writeFile(path.join(project, 'models/a.ts'), printing('a', UNKNOWN_ZONE))
    expect(await watcher.run(2)).toEqual({
      stdout: '',
      stderr: 'models/a.ts: loading a\nwrote docs/models/a.md\n1 written, 1 unchanged\n\n',
    })
    expect(watcher.changed).toBe('models/a.ts')
  })

  it('ends on SIGTERM while its first run holds the thread (a model whose top level runs long), within 2 s', async () => {
    const project = await makeProject({
      'models/slow.ts': shopWith().replace(
        'const ',
        "console.log('started')\nconst until = Date.now() + 60_000\nwhile (Date.now() < until) {}\nconst ",
      ),
    })
    const watcher = watch(['render', '--watch'], project)
    await watcher.saw('models/slow.ts: started\n')
    const sent = Date.now()
    watcher.signal('SIGTERM')
    await watcher.exited
    expect(Date.now() - sent).toBeLessThan(2000)
  })

  it('is refused with --check, a one-shot mode for CI: exit 2', async () => {
    const project = await makeProject({ 'models/shop.ts': shopWith() })
    expect(await runCli(['render', '--watch', '--check'], { cwd: project })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "error: option '-w, --watch' cannot be used with option '--check'\n(run plumbline --help for usage)\n",
    })
  })
})

describe('check --watch in a real terminal (tmux)', () => {
  const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' })
  const hasTmux = (() => {
    try {
      execFileSync('tmux', ['-V'])
      return true
    } catch {
      return false
    }
  })()

  it.skipIf(!hasTmux)('clears the screen for each run: a good save, a broken save, a fixed save', async () => {
    const project = await makeProject({ 'models/shop.ts': shopWith() })
    const model = path.join(project, 'models/shop.ts')
    const session = `plumbline-watch-${process.pid}`
    const screen = () => tmux('capture-pane', '-p', '-t', session).replace(/\n+$/, '\n')
    const settle = async (expected: RegExp) => {
      const deadline = Date.now() + 20_000
      while (!expected.test(screen())) {
        if (Date.now() > deadline) throw new Error(`the screen never showed ${expected}:\n${screen()}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      return screen()
    }
    // A re-run's screen opens with the header: the time and the saved file.
    const rerun = (text: string) => {
      expect(text).toMatch(/^\d\d:\d\d:\d\d models\/shop\.ts changed\n/)
      return text.replace(/^.*\n/, '')
    }
    const command = `NO_COLOR=1 ${process.execPath} ${path.join(repoRoot, 'packages/cli/bin/plumbline.js')} check --watch`
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', project)
    try {
      tmux('send-keys', '-t', session, command, 'Enter')
      // The command line itself is cleared away with the first run.
      expect(await settle(/Watching for changes/)).toBe(
        'models/shop.ts (shop)\n  ✔ no findings\n  explored machines.signUp: 4 states, 4 transitions, depth 2\n  explored stores.users: 5 states, 4 transitions, depth 2\n\n1 model checked: ✔ 0 errors, 0 warnings, 0 infos\n3 open questions — plumbline questions\n\nWatching for changes (Ctrl-C to stop)…\n',
      )

      await writeFile(model, shopWith(UNKNOWN_ZONE))
      const withFinding = rerun(await settle(/✖ 1 error[\s\S]*Watching/))
      expect(withFinding.startsWith('models/shop.ts (shop)\n  ✖ error  components.api.zone  model/invalid\n')).toBe(
        true,
      )
      expect(withFinding).not.toContain('✔ no findings')

      await writeFile(model, `${shopWith()}\nexport const broken = {\n`)
      const broken = rerun(await settle(/syntax error[\s\S]*Watching/))
      expect(broken).toMatch(
        /^error: models\/shop\.ts:\d+:\d+: syntax error: Unexpected token\n\nWatching for changes \(Ctrl-C to stop\)…\n$/,
      )

      await writeFile(model, shopWith())
      expect(rerun(await settle(/✔ no findings[\s\S]*Watching/))).toBe(
        'models/shop.ts (shop)\n  ✔ no findings\n  explored machines.signUp: 4 states, 4 transitions, depth 2\n  explored stores.users: 5 states, 4 transitions, depth 2\n\n1 model checked: ✔ 0 errors, 0 warnings, 0 infos\n3 open questions — plumbline questions\n\nWatching for changes (Ctrl-C to stop)…\n',
      )

      // Ctrl-C ends the watch with the last run's exit code.
      tmux('send-keys', '-t', session, 'C-c')
      tmux('send-keys', '-t', session, 'echo "exited with $?"', 'Enter')
      expect(await settle(/^exited with \d+$/m)).toMatch(/^exited with 0$/m)
    } finally {
      tmux('kill-session', '-t', session)
    }
  })
})
