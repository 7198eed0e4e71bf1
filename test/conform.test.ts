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
})
