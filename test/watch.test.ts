/**
 * check --watch and render --watch as long-running subprocesses with pipes: a good save, a
 * broken save and a fixed save, each answered by a fresh run; a broken model never ends the
 * watch.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeProject, repoRoot, runCli } from './helpers/cli.js'
import { shopWith, UNKNOWN_ZONE } from './helpers/shop.js'

const WATCHING = /Watching for changes \(Ctrl-C to stop\)…\n/

class Watcher {
  stdout = ''
  stderr = ''
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
    const printed = { stdout: this.stdout, stderr: this.stderr.split(WATCHING).at(n - 1) ?? '' }
    this.stdout = ''
    return printed
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
    const command = `NO_COLOR=1 ${process.execPath} ${path.join(repoRoot, 'packages/cli/bin/plumbline.js')} check --watch`
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', project)
    try {
      tmux('send-keys', '-t', session, command, 'Enter')
      // The command line itself is cleared away with the first run.
      expect(await settle(/Watching for changes/)).toBe(
        'models/shop.ts (shop)\n  ✔ no findings\n  explored machines.signUp: 4 states, 4 transitions, depth 2\n  explored stores.users: 5 states, 4 transitions, depth 2\n\n1 model checked: ✔ 0 errors, 0 warnings, 0 infos\n3 open questions — plumbline questions\n\nWatching for changes (Ctrl-C to stop)…\n',
      )

      await writeFile(model, shopWith(UNKNOWN_ZONE))
      const withFinding = await settle(/✖ 1 error[\s\S]*Watching/)
      expect(withFinding.startsWith('models/shop.ts (shop)\n  ✖ error  components.api.zone  model/invalid\n')).toBe(
        true,
      )
      expect(withFinding).not.toContain('✔ no findings')

      await writeFile(model, `${shopWith()}\nexport const broken = {\n`)
      const broken = await settle(/syntax error[\s\S]*Watching/)
      expect(broken).toMatch(
        /^error: models\/shop\.ts:\d+:\d+: syntax error: Unexpected token\n\nWatching for changes \(Ctrl-C to stop\)…\n$/,
      )

      await writeFile(model, shopWith())
      expect(await settle(/✔ no findings[\s\S]*Watching/)).toBe(
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
