/**
 * `plumbline mcp` (issues 17 and 20) driven by the MCP SDK's own client over stdio, against the
 * built command: every tool answers what the matching command prints; bad input, a model that
 * throws or whose top level never returns, roots the client cannot give, and every way out of
 * the roots (absolute, `..`, a symbolic link, a root the client names) are tool errors, after
 * which the server still answers; a guard that never returns is a finding; a client gone ends it.
 */
import { existsSync } from 'node:fs'
import { readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fixtures, makeProject, runCli, STACK_FRAME } from './helpers/cli.js'
import { callTool, connectMcp, startRawMcp } from './helpers/mcp-client.js'

/** A small model with a store; its top level runs `top` first. */
function model(name: string, top = ''): string {
  return `import { defineStore, defineSystem } from '@plumbline/core'
${top}
const counter = defineStore({
  initial: { n: 0 },
  operations: { inc: { guard: (s) => s.n < 2, apply: (s) => ({ n: s.n + 1 }) } },
})

export default defineSystem({ name: '${name}', stores: { counter } })
`
}

/** A model that, when loaded, leaves a file beside itself: proof it was (or was not) loaded. */
function markingModel(marker: string): string {
  return model(
    'outside',
    `import { writeFileSync } from 'node:fs'\nwriteFileSync(${JSON.stringify(marker)}, 'loaded')\n`,
  )
}

describe('plumbline mcp', () => {
  it('lists its five tools, each with an input schema', async () => {
    const session = await connectMcp(fixtures)
    const { tools } = await session.client.listTools()
    expect(tools.map(({ name }) => name).sort()).toEqual(['check', 'explain', 'questions', 'render', 'rules'])
    const render = tools.find(({ name }) => name === 'render')
    expect(render?.inputSchema.required).toEqual(['path'])
    expect(session.client.getServerVersion()?.name).toBe('plumbline')
  })

  it('questions on the naive accounts model: the seed essay’s five questions, as plumbline questions --format json', async () => {
    const session = await connectMcp(fixtures)
    const answer = await callTool(session, 'questions', { paths: ['accounts-naive.ts'] })
    const cli = await runCli(['questions', 'accounts-naive.ts', '--format', 'json'], { cwd: fixtures })
    expect(answer).toEqual({ isError: false, text: cli.stdout })
    const asked = JSON.parse(answer.text).models[0].questions.map(({ question }: { question: string }) => question)
    // The essay's five: unique emails, verified accounts, password resets, roles, the security model.
    expect(asked).toEqual([
      'Should User.email be unique?',
      'Should resetPassword act on every User with the same email, or address one User by its identity or a unique key?',
      'Should deleteAccount act on every User with the same email, or address one User by its identity or a unique key?',
      'Should User accounts be verified?',
      'Should users reset passwords, and by which unique field is the User account found?',
      'Should roles exist for User accounts, and what may each role do?',
      'What is the security model: which trust zones are there, and who may call what across them?',
    ])
    expect(session.errors).toEqual([])
  })

  it('check answers the JSON report of plumbline check --format json, findings included', async () => {
    const session = await connectMcp(fixtures)
    const answer = await callTool(session, 'check', { paths: ['accounts-naive.ts', 'valid/tiny.ts'] })
    const cli = await runCli(['check', 'accounts-naive.ts', 'valid/tiny.ts', '--format', 'json'], { cwd: fixtures })
    expect(cli.exitCode).toBe(1)
    // Exploration times differ from run to run; everything else is the same bytes.
    const untimed = (text: string) => text.replace(/"ms": \d+/g, '"ms": 0')
    expect(answer.isError).toBe(false)
    expect(untimed(answer.text)).toBe(untimed(cli.stdout))
  })

  it('explain and rules answer what the commands print; an unknown rule is a tool error', async () => {
    const session = await connectMcp(fixtures)
    const explained = await runCli(['explain', 'identity/uniqueness-undecided'], { cwd: fixtures })
    expect(await callTool(session, 'explain', { rule: 'identity/uniqueness-undecided' })).toEqual({
      isError: false,
      text: explained.stdout,
    })
    const pack = await runCli(['explain', 'pack:accounts'], { cwd: fixtures })
    expect(await callTool(session, 'explain', { rule: 'pack:accounts' })).toEqual({ isError: false, text: pack.stdout })
    const listed = await runCli(['rules', '--format', 'json'], { cwd: fixtures })
    expect(await callTool(session, 'rules')).toEqual({ isError: false, text: listed.stdout })
    const unknown = await runCli(['explain', 'identity/nope'], { cwd: fixtures })
    expect(await callTool(session, 'explain', { rule: 'identity/nope' })).toEqual({
      isError: true,
      text: unknown.stderr.replace(/^error: /, '').trimEnd(),
    })
  })

  it('render answers the Markdown and writes nothing; with write, the document plumbline render writes', async () => {
    const project = await makeProject({ 'models/counter.ts': model('counter') })
    const session = await connectMcp(project)
    const drawn = await callTool(session, 'render', { path: 'models/counter.ts' })
    expect(drawn.isError).toBe(false)
    expect(existsSync(path.join(project, 'docs'))).toBe(false)
    expect(await callTool(session, 'render', { path: 'models/counter.ts', write: true })).toEqual({
      isError: false,
      text: `${drawn.text}\n\nwrote docs/models/counter.md`,
    })
    const written = await readFile(path.join(project, 'docs/models/counter.md'), 'utf8')
    expect(written).toBe(drawn.text)
    expect((await runCli(['render', 'models', '--check'], { cwd: project })).exitCode).toBe(0)
    expect(await callTool(session, 'render', { path: 'models/counter.ts', write: true, out: '../elsewhere' })).toEqual({
      isError: true,
      text: `../elsewhere: outside the folders this server may read (${project})`,
    })
    expect(existsSync(path.join(project, '../elsewhere'))).toBe(false)
  })

  it('questions on a malformed model, or one with a syntax error, is the error plumbline questions prints', async () => {
    const session = await connectMcp(fixtures)
    for (const file of ['malformed/bad-shape.js', 'malformed/syntax-error.ts']) {
      const cli = await runCli(['questions', file], { cwd: fixtures })
      expect(await callTool(session, 'questions', { paths: [file] })).toEqual({
        isError: true,
        text: cli.stderr
          .replace(/^error: /, '')
          .replace('plumbline check shows', 'the check tool shows')
          .trimEnd(),
      })
    }
  })

  it('check compares with the baseline as plumbline check does', async () => {
    const project = await makeProject({
      'accounts.ts': await readFile(path.join(fixtures, 'accounts-naive.ts'), 'utf8'),
    })
    expect((await runCli(['check', '--update-baseline', 'accounts.ts'], { cwd: project })).exitCode).toBe(0)
    const session = await connectMcp(project)
    const answer = await callTool(session, 'check', { paths: ['accounts.ts'] })
    const cli = await runCli(['check', 'accounts.ts', '--format', 'json'], { cwd: project })
    const untimed = (text: string) => text.replace(/"ms": \d+/g, '"ms": 0')
    expect(JSON.parse(answer.text).models[0].baselined.length).toBeGreaterThan(0)
    expect(untimed(answer.text)).toBe(untimed(cli.stdout))
  })

  it('a promise a model rejects and nothing handles is a tool error naming the file, as render exits 2, and the server goes on', async () => {
    const project = await makeProject({
      'models/stray.ts': model(
        'stray',
        "import { isMainThread } from 'node:worker_threads'\nif (isMainThread) Promise.reject(new Error('thrown later'))\n",
      ),
    })
    const session = await connectMcp(project)
    const answer = await callTool(session, 'render', { path: 'models/stray.ts' })
    expect(answer).toEqual({ isError: true, text: expect.stringContaining('models/stray.ts') })
    expect(answer.text).toContain('a promise its code made was rejected and nothing handled it: Error: thrown later')
    expect((await callTool(session, 'rules')).isError).toBe(false)
  })

  it('a bad input is a tool error from the schema, and the server goes on', async () => {
    const session = await connectMcp(fixtures)
    const wrongType = await callTool(session, 'check', { paths: 'accounts-naive.ts' })
    expect(wrongType).toEqual({
      isError: true,
      text: 'MCP error -32602: Input validation error: Invalid arguments for tool check: Invalid input: expected array, received string at paths',
    })
    const missing = await callTool(session, 'render', {})
    expect(missing.isError).toBe(true)
    expect(missing.text).toContain('Invalid arguments for tool render')
    expect(await callTool(session, 'check', { paths: ['no-such-model.ts'] })).toEqual({
      isError: true,
      text: 'no-such-model.ts: no such file or folder',
    })
    expect((await callTool(session, 'rules')).isError).toBe(false)
  })

  it('oversized inputs are refused: a path too long, too many paths', async () => {
    const session = await connectMcp(fixtures)
    const long = await callTool(session, 'check', { paths: ['a'.repeat(5000)] })
    expect(long.isError).toBe(true)
    expect(long.text).toContain('Too big: expected string to have <=4096 characters')
    const many = await callTool(session, 'check', { paths: Array.from({ length: 101 }, () => 'accounts-naive.ts') })
    expect(many.isError).toBe(true)
    expect(many.text).toContain('Too big: expected array to have <=100 items')
    const rule = await callTool(session, 'explain', { rule: 'x'.repeat(201) })
    expect(rule.isError).toBe(true)
    expect((await callTool(session, 'rules')).isError).toBe(false)
  })

  it('a model that throws or calls process.exit() is a tool error naming the file; what models print never reaches stdout', async () => {
    const project = await makeProject({
      'models/throws.ts': "throw new Error('boom at import')\n",
      'models/exits.ts': 'process.exit(0)\nexport default {}\n',
      'models/noisy.ts': model('noisy', "console.log('hello from the model')\nprocess.stdout.write('raw write\\n')\n"),
    })
    const session = await connectMcp(project)
    const thrown = await callTool(session, 'check', { paths: ['models/throws.ts'] })
    expect(thrown.isError).toBe(true)
    expect(thrown.text).toMatch(/^models\/throws\.ts:1: threw while loading: boom at import$/)
    for (const tool of ['check', 'questions'])
      expect(await callTool(session, tool, { paths: ['models/exits.ts'] })).toEqual({
        isError: true,
        text: 'models/exits.ts: process.exit(0) was called by the model: a model must not end the process',
      })
    expect(await callTool(session, 'render', { path: 'models/exits.ts' })).toEqual({
      isError: true,
      text: 'models/exits.ts: process.exit(0) was called by the model: a model must not end the process',
    })
    const noisy = await callTool(session, 'check', { paths: ['models/noisy.ts'] })
    expect(noisy.isError).toBe(false)
    expect(JSON.parse(noisy.text).models[0].system).toBe('noisy')
    const rendered = await callTool(session, 'render', { path: 'models/noisy.ts' })
    expect(rendered.isError).toBe(false)
    expect(session.stderr()).toContain('models/noisy.ts: hello from the model\n')
    expect(session.stderr()).toContain('models/noisy.ts: raw write\n')
    expect(session.errors).toEqual([])
  })

  it('a model that never returns is stopped by the watchdog (the config’s stepTimeout): a tool error, and the server goes on', async () => {
    const project = await makeProject({
      'plumbline.config.ts': 'export default { explore: { stepTimeout: 1000 } }\n',
      'models/hangs.ts': 'while (true) {}\nexport default {}\n',
      'models/counter.ts': model('counter'),
    })
    const session = await connectMcp(project)
    const message =
      'models/hangs.ts: did not finish loading within 1 s: its top level (or a module it imports) does not return, or is far too slow (the limit is --step-timeout)'
    expect(await callTool(session, 'questions', { paths: ['models/hangs.ts'] })).toEqual({
      isError: true,
      text: message,
    })
    expect(await callTool(session, 'render', { path: 'models/hangs.ts' })).toEqual({ isError: true, text: message })
    const after = await callTool(session, 'check', { paths: ['models/counter.ts'] })
    expect(after.isError).toBe(false)
  })

  it('a model whose guard never returns: check answers its report with an explore/error finding, render draws it stopped there', async () => {
    const project = await makeProject({
      'plumbline.config.ts': 'export default { explore: { stepTimeout: 1000 } }\n',
      'models/loop.ts': model('loop').replace(
        'guard: (s) => s.n < 2',
        'guard: (s) => { if (s.n === 1) while (true) {} return true }',
      ),
    })
    const session = await connectMcp(project)
    const checked = await callTool(session, 'check', { paths: ['models/loop.ts'] })
    // Not a tool error: the report, as plumbline check gives it, with the hang as a finding.
    expect(checked.isError).toBe(false)
    const [finding] = JSON.parse(checked.text).models[0].diagnostics
    expect(finding.rule).toBe('explore/error')
    const drawn = await callTool(session, 'render', { path: 'models/loop.ts' })
    expect(drawn.isError).toBe(false)
    expect(drawn.text).toContain(finding.message)
  })

  describe('roots the client cannot give', () => {
    const cases = [
      {
        answer: 'an error',
        listRoots: () => {
          throw new Error('no roots here')
        },
        why: 'the client answered roots/list with an error (MCP error -32603: no roots here)',
      },
      {
        answer: 'a URI that is not file://',
        listRoots: () => ({ roots: [{ uri: 'https://example.com/repo' }] }),
        why: 'the client\'s answer to roots/list is not a list of roots (roots.0.uri: Invalid string: must start with "file://")',
      },
      {
        answer: 'a file:// URI of another machine',
        listRoots: () => ({ roots: [{ uri: 'file://server/share' }] }),
        why: 'file://server/share is not a file:// URI of a folder on this machine',
      },
    ]
    for (const { answer, listRoots, why } of cases)
      it(`roots/list answered with ${answer}: explain and rules answer, the other tools refuse, saying why`, async () => {
        const session = await connectMcp(fixtures, { listRoots })
        const explained = await runCli(['explain', 'identity/uniqueness-undecided'], { cwd: fixtures })
        expect(await callTool(session, 'explain', { rule: 'identity/uniqueness-undecided' })).toEqual({
          isError: false,
          text: explained.stdout,
        })
        expect((await callTool(session, 'rules')).isError).toBe(false)
        const refused = { isError: true, text: `the client's roots could not be used: ${why}; nothing was read` }
        expect(await callTool(session, 'check', { paths: ['accounts-naive.ts'] })).toEqual(refused)
        expect(await callTool(session, 'questions', {})).toEqual(refused)
        expect(await callTool(session, 'render', { path: 'valid/tiny.ts' })).toEqual(refused)
        expect(await callTool(session, 'explain', { rule: 'pack:accounts' })).toEqual(refused)
        expect(session.stderr()).not.toMatch(STACK_FRAME)
      })

    it('a client that never answers roots/list: the call is refused after 5 s, not the SDK’s 60', async () => {
      const session = await connectMcp(fixtures, { listRoots: () => new Promise(() => undefined) })
      expect(await callTool(session, 'check', { paths: ['accounts-naive.ts'] })).toEqual({
        isError: true,
        text: "the client's roots could not be used: the client did not answer roots/list within 5 s; nothing was read",
      })
    })
  })

  it('a line on stdin that is not JSON is dropped without a reply (the SDK’s stdio transport has no parse-error reply), and the server goes on', async () => {
    const server = await startRawMcp(fixtures)
    const before = server.messages.length
    server.send('this is not JSON')
    server.send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }))
    expect(await server.reply(2)).toEqual({ jsonrpc: '2.0', id: 2, result: {} })
    expect(server.messages.slice(before)).toEqual([{ jsonrpc: '2.0', id: 2, result: {} }])
  })

  describe('when the client is gone', () => {
    /** A call of check on a model that prints, then never returns (and the watchdog waits two minutes). */
    const printingForever = {
      'plumbline.config.ts': 'export default { explore: { stepTimeout: 120000 } }\n',
      'models/loud.ts': "setInterval(() => console.log('still here'), 5)\nwhile (true) console.log('NOISE')\n",
    }
    const callCheck = (file: string) =>
      JSON.stringify({
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'check', arguments: { paths: [file] } },
      })

    it('mid-call, every pipe closed: the server ends, exit code 0, its workers with it', async () => {
      const server = await startRawMcp(await makeProject(printingForever))
      server.send(callCheck('models/loud.ts'))
      // As a client that exits does: stdin ends, and nobody reads stdout or stderr any more.
      server.child.stdin.end()
      server.child.stdout.destroy()
      server.child.stderr.destroy()
      expect(await server.exited).toEqual({ code: 0, signal: null })
    })

    it('stdout’s pipe broken (EPIPE) with stdin still open: the server ends when it answers', async () => {
      const server = await startRawMcp(
        await makeProject({ 'models/noisy.ts': model('noisy', "console.log('hello from the model')\n") }),
      )
      server.child.stdout.destroy()
      server.child.stderr.destroy()
      server.send(callCheck('models/noisy.ts'))
      expect(await server.exited).toEqual({ code: 0, signal: null })
    })
  })

  describe('confinement to the roots', () => {
    it('refuses an absolute path outside and a .. out, and loads nothing there', async () => {
      const outside = await makeProject({})
      const marker = path.join(outside, 'loaded')
      const outsideModel = path.join(outside, 'model.ts')
      const project = await makeProject({ 'models/counter.ts': model('counter') })
      await writeFile(outsideModel, markingModel(marker))
      const session = await connectMcp(project)
      const relative = path.relative(project, outsideModel)
      for (const tool of ['check', 'questions'])
        for (const given of [outsideModel, relative])
          expect(await callTool(session, tool, { paths: [given] })).toEqual({
            isError: true,
            text: `${given}: outside the folders this server may read (${project})`,
          })
      expect(await callTool(session, 'render', { path: relative })).toEqual({
        isError: true,
        text: `${relative}: outside the folders this server may read (${project})`,
      })
      expect(existsSync(marker)).toBe(false)
      await expect(session.client.readResource({ uri: pathToFileURL(outsideModel).href })).rejects.toThrow(
        `${outsideModel}: outside the folders this server may read (${project})`,
      )
    })

    it('refuses a symbolic link out, given or met in a folder, and loads nothing through it', async () => {
      const outside = await makeProject({})
      const marker = path.join(outside, 'loaded')
      await writeFile(path.join(outside, 'model.ts'), markingModel(marker))
      const project = await makeProject({ 'models/counter.ts': model('counter') })
      await symlink(path.join(outside, 'model.ts'), path.join(project, 'models/link.ts'))
      await symlink(outside, path.join(project, 'linked-folder'))
      const session = await connectMcp(project)
      const leads = (shown: string) =>
        `${shown}: a symbolic link leads outside the folders this server may read (${project}), to `
      const given = await callTool(session, 'check', { paths: ['models/link.ts'] })
      expect(given.isError).toBe(true)
      expect(given.text).toBe(`${leads('models/link.ts')}${path.join(outside, 'model.ts')}`)
      const inFolder = await callTool(session, 'questions', { paths: ['models'] })
      expect(inFolder.text).toBe(`${leads('models/link.ts')}${path.join(outside, 'model.ts')}`)
      const throughFolder = await callTool(session, 'check', { paths: ['linked-folder/model.ts'] })
      expect(throughFolder.text).toBe(`${leads('linked-folder/model.ts')}${path.join(outside, 'model.ts')}`)
      expect(
        await callTool(session, 'render', { path: 'models/counter.ts', write: true, out: 'linked-folder' }),
      ).toEqual({ isError: true, text: `${leads('linked-folder')}${outside}` })
      expect(existsSync(marker)).toBe(false)
      expect(existsSync(path.join(outside, 'counter.md'))).toBe(false)
    })

    it('render with write and an out outside the roots is refused before the model is loaded', async () => {
      const project = await makeProject({})
      const marker = path.join(project, 'loaded')
      await writeFile(path.join(project, 'model.ts'), markingModel(marker))
      const session = await connectMcp(project)
      for (const out of ['../elsewhere', path.join(path.dirname(project), 'elsewhere')])
        expect(await callTool(session, 'render', { path: 'model.ts', write: true, out })).toEqual({
          isError: true,
          text: `${out}: outside the folders this server may read (${project})`,
        })
      expect(existsSync(marker)).toBe(false)
      expect((await callTool(session, 'render', { path: 'model.ts' })).isError).toBe(false)
      expect(existsSync(marker)).toBe(true)
    })

    it('plumbline mcp FOLDER serves that folder where the client names no roots', async () => {
      const started = await makeProject({})
      const served = await makeProject({ 'models/counter.ts': model('counter') })
      const session = await connectMcp(started, { folder: path.relative(started, served) })
      const checked = await callTool(session, 'check', { paths: ['models/counter.ts'] })
      expect(JSON.parse(checked.text).models.map(({ file }: { file: string }) => file)).toEqual(['models/counter.ts'])
      expect(session.stderr()).toContain(`files under ${served} unless the client names roots`)
    })

    it('with roots from the client, reads under them only: not the folder it was started in', async () => {
      const started = await makeProject({ 'models/here.ts': model('here') })
      const root = await makeProject({ 'models/counter.ts': model('counter') })
      const session = await connectMcp(started, { roots: [root] })
      const inRoot = await callTool(session, 'check', { paths: ['models/counter.ts'] })
      expect(JSON.parse(inRoot.text).models.map(({ file }: { file: string }) => file)).toEqual(['models/counter.ts'])
      const startedModel = path.join(started, 'models/here.ts')
      expect(await callTool(session, 'check', { paths: [startedModel] })).toEqual({
        isError: true,
        text: `${startedModel}: outside the folders this server may read (${root})`,
      })
      const { resources } = await session.client.listResources()
      expect(resources.map(({ name, uri }) => [name, uri])).toEqual([
        ['models/counter.ts', pathToFileURL(path.join(root, 'models/counter.ts')).href],
      ])
      await writeFile(path.join(root, '.env'), 'SECRET=1\n')
      await expect(session.client.readResource({ uri: pathToFileURL(path.join(root, '.env')).href })).rejects.toThrow(
        'not a model file (*.ts, *.mts, *.js, *.mjs)',
      )
      const read = await session.client.readResource({ uri: resources[0]?.uri ?? '' })
      expect(read.contents).toEqual([{ uri: resources[0]?.uri, mimeType: 'text/typescript', text: model('counter') }])
    })
  })
})
