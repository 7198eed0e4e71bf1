import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.js'

// The examples start a real Postgres (PGlite, in WASM): seconds each.
describe('examples/login on a real database', { timeout: 120_000 }, () => {
  it('fails the vibe implementation with sign up · sign up · reset, two rows changed', async () => {
    const result = await runCli(['conform', 'examples/login/vibe.adapter.ts', '--format', 'json'])
    expect(result.exitCode).toBe(1)
    const [finding] = JSON.parse(result.stdout).models[0].diagnostics
    expect(finding.rule).toBe('conform/state-mismatch')
    expect(finding.trace.map((step: { action: string }) => step.action)).toEqual(['signUp', 'signUp', 'resetPassword'])
    expect(finding.trace[2].observed.users.map((user: { password: string }) => user.password)).toEqual([
      'second',
      'second',
    ])
    expect(finding.trace[2].diff).toEqual([{ path: 'users[1].password', model: 'first', observed: 'second' }])
  })

  it('passes the engineered one with full transition coverage, rejections included', async () => {
    const result = await runCli(['conform', 'examples/login/engineered.adapter.ts', '--rejections', '--format', 'json'])
    expect(result.exitCode).toBe(0)
    const { transitions } = JSON.parse(result.stdout).models[0].conformance[0]
    expect(transitions.covered).toBe(transitions.reachable)
  })
})
