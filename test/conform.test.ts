import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.js'

describe('plumbline conform', () => {
  it('passes a conforming implementation with every transition covered, in JSON with the coverage', async () => {
    const result = await runCli(['conform', 'test/fixtures/conform/users.adapter.ts', '--format', 'json'])
    expect(result.exitCode).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report.models[0].diagnostics).toEqual([])
    expect(report.models[0].conformance[0]).toMatchObject({
      element: 'stores.users',
      transitions: { covered: 4, reachable: 4 },
      states: { covered: 5, reachable: 5 },
    })
  })

  it('names the file and element of a misspelt operation, with did you mean, and exits 2', async () => {
    const result = await runCli(['conform', 'test/fixtures/conform/misspelt.adapter.ts'])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain(
      'test/fixtures/conform/misspelt.adapter.ts: operations.signUpp: store "users" has no operation "signUpp" (did you mean "signUp"?)',
    )
  })

  it.each([
    [
      'a store the model does not have, with did you mean',
      'test/fixtures/conform/wrong-store.adapter.ts',
      'error: test/fixtures/conform/wrong-store.adapter.ts: store: the model has no store "user" (did you mean "users"?)\n',
    ],
    [
      'a file that is a model, not an adapter',
      'test/fixtures/conform/users.model.ts',
      'error: test/fixtures/conform/users.model.ts: an adapter file must `export default defineAdapter(model, { … })`; its default export is an object\n',
    ],
    ['a missing file', 'test/fixtures/conform/nope.ts', 'error: test/fixtures/conform/nope.ts: no such file\n'],
  ])('names %s, and exits 2', async (_, file, message) => {
    const result = await runCli(['conform', file])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toBe(message)
  })

  it('--paths states: every reachable state, in fewer sequences than every transition', async () => {
    const result = await runCli([
      'conform',
      'test/fixtures/conform/order.adapter.ts',
      '--paths',
      'states',
      '--format',
      'json',
    ])
    expect(result.exitCode).toBe(0)
    const { ms, ...figures } = JSON.parse(result.stdout).models[0].conformance[0]
    expect(figures).toEqual({
      element: 'machines.order',
      paths: 'states',
      sequences: 4,
      steps: 14,
      transitions: { covered: 8, reachable: 12 },
      states: { covered: 9, reachable: 9 },
      complete: true,
    })
  })

  it('--random finds what the covering sequences miss, shrunk, and prints the seed to replay it', async () => {
    const adapter = 'test/fixtures/conform/worn-switch.adapter.ts'
    expect((await runCli(['conform', adapter])).exitCode).toBe(0)
    const args = ['conform', adapter, '--random', '3', '--seed', '1', '--max-length', '10', '--format', 'json']
    const result = await runCli(args)
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe('random sequences: seed 1 (replay with --random 3 --seed 1 --max-length 10)\n')
    const [model] = JSON.parse(result.stdout).models
    const [finding] = model.diagnostics
    expect(finding.rule).toBe('conform/state-mismatch')
    // The first toggle that finds the worn switch is the fifth: no shorter sequence fails.
    expect(finding.trace.map((step: { action: string }) => step.action)).toEqual(Array(5).fill('toggle'))
    expect(finding.trace[4].diff).toEqual([{ path: 'on', model: true, observed: false }])
    expect(model.conformance[0].random).toEqual({ count: 3, seed: 1, maxLength: 10 })
    // The same seed, the same run.
    const again = JSON.parse((await runCli(args)).stdout).models[0]
    expect(again.diagnostics).toEqual(model.diagnostics)
    expect({ ...again.conformance[0], ms: 0 }).toEqual({ ...model.conformance[0], ms: 0 })
  })

  it.each([
    [
      'github',
      /^::error file=test\/fixtures\/conform\/one-user\.adapter\.ts,title=conform\/rejected%3A stores\.users\.operations\.signUp::the real system refused signUp/,
    ],
    ['junit', /<failure message="the real system refused signUp [^"]*" type="conform\/rejected">/],
    ['sarif', /"ruleId": "conform\/rejected",\n\s+"ruleIndex": \d+,\n\s+"level": "error"/],
  ])('reports a divergence in %s too, exit 1', async (format, expected) => {
    const result = await runCli(['conform', 'test/fixtures/conform/one-user.adapter.ts', '--format', format])
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(expected)
  })
})
