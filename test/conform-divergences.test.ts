/**
 * `plumbline conform` on adapters that each diverge from test/fixtures/conform/users.model.ts
 * in one way: the finding of each rule, exactly as pretty and JSON print it, and the rules'
 * severities set by --rule and by the config file, as for check.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, runCli } from './helpers/cli.js'

const FIXTURES = 'test/fixtures/conform'

const ann = { email: 'ann@x' }
const bob = { email: 'bob@x' }

interface Divergence {
  rule: string
  adapter: string
  flags: string[]
  pretty: string
  diagnostic: Record<string, unknown>
  conformance: Record<string, unknown>
}

const DIVERGENCES: Divergence[] = [
  {
    rule: 'conform/state-mismatch',
    adapter: 'newest-first',
    flags: [],
    pretty: `${FIXTURES}/newest-first.adapter.ts (users)
  ✖ error  stores.users.operations.signUp  conform/state-mismatch
    signUp {"email":"bob@x"} (step 2: signUp · signUp), the real system's state differs from the model's: users[0].email: model "ann@x", observed "bob@x"; users[1].email: model "bob@x", observed "ann@x"
    from {"users":[]}
    1. signUp {"email":"ann@x"}
       users[0]: absent → {"email":"ann@x"}
    2. signUp {"email":"bob@x"}
       users[1]: absent → {"email":"bob@x"}
       observed {"users":[{"email":"bob@x"},{"email":"ann@x"}]}
       ≠ users[0].email: model "ann@x", observed "bob@x"
       ≠ users[1].email: model "bob@x", observed "ann@x"
  explored stores.users: 5 states, 4 transitions, depth 2
  conformance of stores.users: 2 sequences, 4 steps, transitions covered 2/4, states 3/5

1 model checked: ✖ 1 error, 0 warnings, 0 infos
`,
    diagnostic: {
      rule: 'conform/state-mismatch',
      severity: 'error',
      message:
        'signUp {"email":"bob@x"} (step 2: signUp · signUp), the real system\'s state differs from the model\'s: users[0].email: model "ann@x", observed "bob@x"; users[1].email: model "bob@x", observed "ann@x"',
      element: 'stores.users.operations.signUp',
      initial: { users: [] },
      trace: [
        { action: 'signUp', params: ann, state: { users: [ann] }, observed: { users: [ann] } },
        {
          action: 'signUp',
          params: bob,
          state: { users: [ann, bob] },
          observed: { users: [bob, ann] },
          diff: [
            { path: 'users[0].email', model: 'ann@x', observed: 'bob@x' },
            { path: 'users[1].email', model: 'bob@x', observed: 'ann@x' },
          ],
        },
      ],
      location: { file: `${FIXTURES}/newest-first.adapter.ts` },
    },
    conformance: {
      sequences: 2,
      steps: 4,
      transitions: { covered: 2, reachable: 4 },
      states: { covered: 3, reachable: 5 },
    },
  },
  {
    rule: 'conform/rejected',
    adapter: 'one-user',
    flags: [],
    pretty: `${FIXTURES}/one-user.adapter.ts (users)
  ✖ error  stores.users.operations.signUp  conform/rejected
    the real system refused signUp {"email":"bob@x"} (step 2: signUp · signUp), which the model allows: it threw Error: the users table is full
    from {"users":[]}
    1. signUp {"email":"ann@x"}
       users[0]: absent → {"email":"ann@x"}
    2. signUp {"email":"bob@x"}
       users[1]: absent → {"email":"bob@x"}
       refused: Error: the users table is full
       observed {"users":[{"email":"ann@x"}]}
       ≠ users[1]: model {"email":"bob@x"}, observed absent
  explored stores.users: 5 states, 4 transitions, depth 2
  conformance of stores.users: 2 sequences, 4 steps, transitions covered 2/4, states 3/5

1 model checked: ✖ 1 error, 0 warnings, 0 infos
`,
    diagnostic: {
      rule: 'conform/rejected',
      severity: 'error',
      message:
        'the real system refused signUp {"email":"bob@x"} (step 2: signUp · signUp), which the model allows: it threw Error: the users table is full',
      element: 'stores.users.operations.signUp',
      initial: { users: [] },
      trace: [
        { action: 'signUp', params: ann, state: { users: [ann] }, observed: { users: [ann] } },
        {
          action: 'signUp',
          params: bob,
          state: { users: [ann, bob] },
          observed: { users: [ann] },
          diff: [{ path: 'users[1]', model: bob }],
          refused: 'Error: the users table is full',
        },
      ],
      location: { file: `${FIXTURES}/one-user.adapter.ts` },
    },
    conformance: {
      sequences: 2,
      steps: 4,
      transitions: { covered: 2, reachable: 4 },
      states: { covered: 3, reachable: 5 },
    },
  },
  {
    rule: 'conform/accepted',
    adapter: 'no-unique',
    flags: ['--rejections'],
    pretty: `${FIXTURES}/no-unique.adapter.ts (users)
  ✖ error  stores.users.operations.signUp  conform/accepted
    the real system accepted signUp {"email":"ann@x"} (step 2: signUp · signUp), which the model does not allow in that state (it must refuse it: throw)
    from {"users":[]}
    1. signUp {"email":"ann@x"}
       users[0]: absent → {"email":"ann@x"}
    2. signUp {"email":"ann@x"} → not taken: the model refuses it here (stays {"users":[{"email":"ann@x"}]}); the real system took it
       observed {"users":[{"email":"ann@x"},{"email":"ann@x"}]}
       ≠ users[1]: model absent, observed {"email":"ann@x"}
  explored stores.users: 5 states, 4 transitions, depth 2
  conformance of stores.users: 8 sequences, 20 steps, transitions covered 4/4, states 5/5, 6 rejections tried

1 model checked: ✖ 1 error, 0 warnings, 0 infos
`,
    diagnostic: {
      rule: 'conform/accepted',
      severity: 'error',
      message:
        'the real system accepted signUp {"email":"ann@x"} (step 2: signUp · signUp), which the model does not allow in that state (it must refuse it: throw)',
      element: 'stores.users.operations.signUp',
      initial: { users: [] },
      trace: [
        { action: 'signUp', params: ann, state: { users: [ann] }, observed: { users: [ann] } },
        {
          action: 'signUp',
          params: ann,
          state: { users: [ann] },
          modelDisallows: 'refuses',
          observed: { users: [ann, ann] },
          diff: [{ path: 'users[1]', observed: ann }],
        },
      ],
      location: { file: `${FIXTURES}/no-unique.adapter.ts` },
    },
    conformance: {
      sequences: 8,
      steps: 20,
      transitions: { covered: 4, reachable: 4 },
      states: { covered: 5, reachable: 5 },
      rejections: 6,
    },
  },
  {
    rule: 'conform/error',
    adapter: 'lost-connection',
    flags: [],
    pretty: `${FIXTURES}/lost-connection.adapter.ts (users)
  ✖ error  stores.users  conform/error
    after signUp {"email":"bob@x"} (step 2: signUp · signUp), observe threw: Error: connection lost
    from {"users":[]}
    1. signUp {"email":"ann@x"}
       users[0]: absent → {"email":"ann@x"}
    2. signUp {"email":"bob@x"}
       users[1]: absent → {"email":"bob@x"}
  explored stores.users: 5 states, 4 transitions, depth 2
  conformance of stores.users: 2 sequences, 4 steps, transitions covered 2/4, states 3/5

1 model checked: ✖ 1 error, 0 warnings, 0 infos
`,
    diagnostic: {
      rule: 'conform/error',
      severity: 'error',
      message: 'after signUp {"email":"bob@x"} (step 2: signUp · signUp), observe threw: Error: connection lost',
      element: 'stores.users',
      initial: { users: [] },
      trace: [
        { action: 'signUp', params: ann, state: { users: [ann] }, observed: { users: [ann] } },
        { action: 'signUp', params: bob, state: { users: [ann, bob] } },
      ],
      location: { file: `${FIXTURES}/lost-connection.adapter.ts` },
    },
    conformance: {
      sequences: 2,
      steps: 4,
      transitions: { covered: 2, reachable: 4 },
      states: { covered: 3, reachable: 5 },
    },
  },
  {
    rule: 'conform/error',
    adapter: 'never-settles',
    flags: ['--step-timeout', '100ms'],
    pretty: `${FIXTURES}/never-settles.adapter.ts (users)
  ✖ error  stores.users.operations.signUp  conform/error
    the adapter's operation signUp {"email":"bob@x"} did not settle within 100 ms, after step 1 (signUp): the sequence stopped there
    from {"users":[]}
    1. signUp {"email":"ann@x"}
       users[0]: absent → {"email":"ann@x"}
    2. signUp {"email":"bob@x"}
       users[1]: absent → {"email":"bob@x"}
  explored stores.users: 5 states, 4 transitions, depth 2
  conformance of stores.users: 2 sequences, 4 steps, transitions covered 2/4, states 3/5

1 model checked: ✖ 1 error, 0 warnings, 0 infos
`,
    diagnostic: {
      rule: 'conform/error',
      severity: 'error',
      message:
        'the adapter\'s operation signUp {"email":"bob@x"} did not settle within 100 ms, after step 1 (signUp): the sequence stopped there',
      element: 'stores.users.operations.signUp',
      initial: { users: [] },
      trace: [
        { action: 'signUp', params: ann, state: { users: [ann] }, observed: { users: [ann] } },
        { action: 'signUp', params: bob, state: { users: [ann, bob] } },
      ],
      location: { file: `${FIXTURES}/never-settles.adapter.ts` },
    },
    conformance: {
      sequences: 2,
      steps: 4,
      transitions: { covered: 2, reachable: 4 },
      states: { covered: 3, reachable: 5 },
    },
  },
]

describe.each(DIVERGENCES)('plumbline conform: $rule', ({ adapter, flags, pretty, diagnostic, conformance }) => {
  const file = `${FIXTURES}/${adapter}.adapter.ts`

  it('prints the shortest diverging sequence, each step with both states and the diff, and exits 1', async () => {
    const result = await runCli(['conform', file, ...flags])
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe(pretty)
    expect(result.exitCode).toBe(1)
  })

  it('gives the same finding and the coverage in JSON', async () => {
    const result = await runCli(['conform', file, ...flags, '--format', 'json'])
    expect(result.exitCode).toBe(1)
    const [model] = JSON.parse(result.stdout).models
    expect(model.diagnostics).toEqual([diagnostic])
    const { ms, ...figures } = model.conformance[0]
    expect(typeof ms).toBe('number')
    expect(figures).toEqual({ element: 'stores.users', paths: 'transitions', complete: true, ...conformance })
  })
})

describe('plumbline conform: a call into the adapter that does not settle', () => {
  it("the config's explore.stepTimeout bounds an hour-long setup: conform/error, exit 1, and the process ends", async () => {
    const project = await makeProject({
      'plumbline.config.ts': `import { defineConfig } from '@plumbline/cli'\n\nexport default defineConfig({ explore: { stepTimeout: 100 } })\n`,
    })
    const result = await runCli([
      'conform',
      `${FIXTURES}/hour-long-setup.adapter.ts`,
      '--config',
      path.join(project, 'plumbline.config.ts'),
    ])
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe(`${FIXTURES}/hour-long-setup.adapter.ts (users)
  ✖ error  stores.users  conform/error
    setup did not settle within 100 ms
    from {"users":[]}
    (already in the initial state)
  explored stores.users: 5 states, 4 transitions, depth 2
  conformance of stores.users: 2 sequences, 0 steps, transitions covered 0/4, states 0/5

1 model checked: ✖ 1 error, 0 warnings, 0 infos
`)
    expect(result.exitCode).toBe(1)
  })
})

describe('plumbline conform: severities, as for check', () => {
  it('--rule makes a divergence a warning: reported, exit 0', async () => {
    const result = await runCli([
      'conform',
      `${FIXTURES}/one-user.adapter.ts`,
      '--rule',
      'conform/rejected=warn',
      '--format',
      'json',
    ])
    expect(result.exitCode).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report.models[0].diagnostics.map((d: { rule: string; severity: string }) => [d.rule, d.severity])).toEqual([
      ['conform/rejected', 'warning'],
    ])
    expect(report.summary).toMatchObject({ errors: 0, warnings: 1 })
  })

  it("the config file's rules turn a divergence off; --rule wins over them", async () => {
    const project = await makeProject({
      'plumbline.config.ts': `import { defineConfig } from '@plumbline/cli'\n\nexport default defineConfig({ rules: { 'conform/state-mismatch': 'off' } })\n`,
    })
    const config = path.join(project, 'plumbline.config.ts')
    const off = await runCli(['conform', `${FIXTURES}/newest-first.adapter.ts`, '--config', config, '--format', 'json'])
    expect(off.exitCode).toBe(0)
    expect(JSON.parse(off.stdout).models[0].diagnostics).toEqual([])
    const on = await runCli([
      'conform',
      `${FIXTURES}/newest-first.adapter.ts`,
      '--config',
      config,
      '--rule',
      'conform/state-mismatch=error',
      '--format',
      'json',
    ])
    expect(on.exitCode).toBe(1)
    expect(JSON.parse(on.stdout).models[0].diagnostics.map((d: { rule: string }) => d.rule)).toEqual([
      'conform/state-mismatch',
    ])
  })

  it('--rule sets the severity of a trace line that does not conform', async () => {
    const project = await makeProject({
      'run.jsonl': `${JSON.stringify({ op: 'signUp', params: ann })}\n${JSON.stringify({ op: 'signUp', params: ann })}\n`,
    })
    const args = [
      'conform',
      `${FIXTURES}/users.model.ts`,
      '--store',
      'users',
      '--trace',
      path.join(project, 'run.jsonl'),
    ]
    const warned = await runCli([...args, '--rule', 'conform/trace-disabled=warn', '--format', 'json'])
    expect(warned.exitCode).toBe(0)
    expect(
      JSON.parse(warned.stdout).models[0].diagnostics.map(
        (d: { rule: string; severity: string; location: unknown }) => [d.rule, d.severity, d.location],
      ),
    ).toEqual([['conform/trace-disabled', 'warning', { file: expect.stringMatching(/run\.jsonl$/), line: 2 }]])
  })

  it('a misspelt --rule is exit 2 with did you mean', async () => {
    const result = await runCli(['conform', `${FIXTURES}/users.adapter.ts`, '--rule', 'conform/rejectd=off'])
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain('did you mean "conform/rejected"?')
  })
})
