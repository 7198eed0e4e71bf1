/**
 * `plumbline conform MODEL --store ID --trace FILE.jsonl`: a recorded trace checked against
 * the model, streamed, the first line that does not conform named with its number.
 */
import { createWriteStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, runCli } from './helpers/cli.js'

const MODEL = 'test/fixtures/conform/users.model.ts'
const signUp = (email: string, state?: unknown) =>
  JSON.stringify({ op: 'signUp', params: { email }, ...(state === undefined ? {} : { state }) })

async function trace(lines: string[]): Promise<string> {
  const project = await makeProject({ 'run.jsonl': `${lines.join('\n')}\n` })
  return path.join(project, 'run.jsonl')
}

describe('plumbline conform --trace', () => {
  it('passes a conforming trace, observed states included', async () => {
    const file = await trace([signUp('ann@x', { users: [{ email: 'ann@x' }] }), signUp('bob@x')])
    const result = await runCli(['conform', MODEL, '--store', 'users', '--trace', file, '--format', 'json'])
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.stdout).models[0].diagnostics).toEqual([])
    expect(result.stderr).toMatch(/run\.jsonl: 2 steps checked, conforming to stores\.users\n$/)
  })

  it('names the first line whose step the model does not enable, with the state before it', async () => {
    const file = await trace([signUp('ann@x'), signUp('bob@x'), signUp('ann@x'), signUp('bob@x')])
    const result = await runCli(['conform', MODEL, '--store', 'users', '--trace', file, '--format', 'json'])
    expect(result.exitCode).toBe(1)
    const [diagnostic] = JSON.parse(result.stdout).models[0].diagnostics
    expect(diagnostic).toMatchObject({
      rule: 'conform/trace-disabled',
      element: 'stores.users.operations.signUp.guard',
      message: 'signUp {"email":"ann@x"} is not enabled: its guard is false in the model\'s state before the line',
      location: { line: 3 },
      initial: { users: [{ email: 'ann@x' }, { email: 'bob@x' }] },
    })
  })

  it('says "after 1 step that does" when one step conformed before the failing line', async () => {
    const file = await trace([signUp('ann@x'), signUp('ann@x')])
    const result = await runCli(['conform', MODEL, '--store', 'users', '--trace', file])
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(
      /run\.jsonl:2: does not conform to stores\.users \(conform\/trace-disabled\), after 1 step that does\n$/,
    )
  })

  it('replays a param outside its domain, and warns of the first such line (an error with --rule)', async () => {
    const file = await trace([signUp('ann@x'), signUp('carol@x'), signUp('dave@x')])
    const shown = path.relative(process.cwd(), file)
    const args = ['conform', MODEL, '--store', 'users', '--trace', file]
    const warned = await runCli(args)
    expect(warned.exitCode).toBe(0)
    expect(warned.stdout).toBe(`${MODEL} (users)
  ⚠ warning  stores.users.operations.signUp.params.email  conform/trace-outside-domain
    signUp {"email":"carol@x"}: "email" is "carol@x", not a value of its domain "emails" ("ann@x", "bob@x"): no exploration checked this step
    at ${shown}:2:1
    in {"users":[{"email":"ann@x"}]}

1 model checked: 0 errors, 1 warning, 0 infos
`)
    expect(warned.stderr).toBe(
      `${shown}: 3 steps checked, conforming to stores.users, but line 2 has params outside the model's domains (conform/trace-outside-domain)\n`,
    )
    const failed = await runCli([...args, '--rule', 'conform/trace-outside-domain=error'])
    expect(failed.exitCode).toBe(1)
  })

  it('names a line whose observed state differs, field by field', async () => {
    const file = await trace([signUp('ann@x', { users: [{ email: 'ann@y' }] })])
    const result = await runCli(['conform', MODEL, '--store', 'users', '--trace', file, '--format', 'json'])
    expect(result.exitCode).toBe(1)
    const [diagnostic] = JSON.parse(result.stdout).models[0].diagnostics
    expect([diagnostic.rule, diagnostic.location.line, diagnostic.message]).toEqual([
      'conform/trace-mismatch',
      1,
      'the observed state differs from the model\'s after signUp {"email":"ann@x"}: state.users[0].email: model "ann@x", observed "ann@y"',
    ])
  })

  it('checks a machine trace: events (a delay among them) through XState, the first disabled one named by its line', async () => {
    const machineLine = (line: object) => JSON.stringify(line)
    const lines = [
      machineLine({ event: { type: 'ADD' }, value: 'cart', context: { items: 1 } }),
      machineLine({ event: { type: 'SUBMIT' }, value: 'paying' }),
      machineLine({ event: { type: 'xstate.after.paymentWindow.order.paying' }, value: 'cart', context: { items: 1 } }),
      machineLine({ event: { type: 'CANCEL' } }),
    ]
    const args = (file: string) => [
      'conform',
      'test/fixtures/conform/order.model.ts',
      '--machine',
      'order',
      '--trace',
      file,
    ]
    const conforming = await runCli(args(await trace(lines.slice(0, 3))))
    expect(conforming.exitCode).toBe(0)
    expect(conforming.stderr).toMatch(/run\.jsonl: 3 steps checked, conforming to machines\.order\n$/)
    const failing = await runCli([...args(await trace(lines)), '--format', 'json'])
    expect(failing.exitCode).toBe(1)
    const [diagnostic] = JSON.parse(failing.stdout).models[0].diagnostics
    expect(diagnostic).toMatchObject({
      rule: 'conform/trace-disabled',
      element: 'machines.order.states.cart',
      message: 'event "CANCEL" is not enabled: in state "cart" XState takes no transition for it',
      location: { line: 4 },
      initial: { value: 'cart', context: { items: 1 } },
    })
    expect(failing.stderr).toMatch(
      /run\.jsonl:4: does not conform to machines\.order \(conform\/trace-disabled\), after 3 steps that do\n$/,
    )
  })

  it('a malformed line is exit 2 naming its line', async () => {
    const file = await trace([signUp('ann@x'), '{"op": oops'])
    const result = await runCli(['conform', MODEL, '--store', 'users', '--trace', file])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(/run\.jsonl:2: not JSON/)
  })

  it('an unknown store is exit 2 with "did you mean"', async () => {
    const file = await trace([signUp('ann@x')])
    const result = await runCli(['conform', MODEL, '--store', 'user', '--trace', file])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain('did you mean "users"?')
  })

  it('checks a trace of a million lines in bounded memory (streamed, never read whole)', async () => {
    const project = await makeProject({
      'flip.ts': `import { defineStore, defineSystem } from '@plumbline/core'
const flip = defineStore({ initial: { on: false }, operations: { toggle: { apply: (s) => ({ on: !s.on }) } } })
export default defineSystem({ name: 'flip', stores: { flip } })
`,
    })
    const file = path.join(project, 'run.jsonl')
    const out = createWriteStream(file)
    const line = '{"op":"toggle","params":{}}\n'
    for (let block = 0; block < 1000; block++) out.write(line.repeat(1000))
    await new Promise((resolve) => out.end(resolve))
    await writeFile(path.join(project, 'package.json'), '{"type":"module"}\n')
    // 28 MB of trace under a 64 MB heap: reading it whole (and splitting it) would not fit.
    const result = await runCli(['conform', 'flip.ts', '--store', 'flip', '--trace', 'run.jsonl'], {
      cwd: project,
      env: { NODE_OPTIONS: '--max-old-space-size=64' },
    })
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toBe('run.jsonl: 1,000,000 steps checked, conforming to stores.flip\n')
  }, 120_000)
})
