import { buildReport } from '@plumbline/core'
import { describe, expect, it } from 'vitest'
import { styleFor } from '../../style.js'
import { formatPretty } from './pretty.js'

const plain = styleFor({ write: () => {}, isTTY: false }, {})

describe('formatPretty', () => {
  it('prints findings grouped by model, with the trace as numbered steps and the fields each changed, and what each exploration covered', () => {
    const report = buildReport([
      {
        file: 'models/accounts.ts',
        system: 'accounts',
        diagnostics: [
          {
            rule: 'effect/violated',
            severity: 'error',
            message: 'resetPassword changed 2 accounts',
            element: 'stores.accounts.effects.oneAccountPerReset',
            location: { file: 'models/accounts.ts', line: 42, column: 5 },
            initial: { users: [] },
            trace: [
              { action: 'signUp', params: { email: 'ann@x' }, state: { users: ['ann@x'] } },
              { action: 'reset', params: {}, state: { users: [] } },
            ],
          },
          { rule: 'decision/stale', severity: 'warning', message: 'stale', element: 'decisions.old.answers' },
        ],
        exploration: [
          {
            element: 'stores.accounts',
            states: 13,
            transitions: 52,
            complete: true,
            ms: 3,
            depth: 4,
            collisionProbability: 0,
          },
          {
            element: 'machines.session',
            states: 1000,
            transitions: 2997,
            complete: false,
            ms: 90,
            depth: 12,
            bound: 'states',
            collisionProbability: 0,
          },
        ],
        decided: [{ rule: 'identity/missing', element: 'e', message: 'm', decision: 'd', text: 't', because: 'b' }],
        questions: [
          {
            question: 'Should User.email be unique?',
            element: 'entities.User',
            source: 'identity/uniqueness-undecided',
          },
          { question: 'Should User accounts be verified?', element: 'machines', source: 'pack:accounts' },
        ],
      },
      { file: 'models/ok.ts', system: 'ok', diagnostics: [], exploration: [], decided: [], questions: [] },
    ])
    expect(formatPretty(report, { style: plain })).toBe(
      [
        'models/accounts.ts (accounts)',
        '  ✖ error  stores.accounts.effects.oneAccountPerReset  effect/violated',
        '    resetPassword changed 2 accounts',
        '    at models/accounts.ts:42:5',
        '    from {"users":[]}',
        '    1. signUp {"email":"ann@x"}',
        '       users[0]: absent → "ann@x"',
        '    2. reset',
        '       users[0]: "ann@x" → absent',
        '  ⚠ warning  decisions.old.answers  decision/stale',
        '    stale',
        '  explored stores.accounts: 13 states, 52 transitions, depth 4',
        '  explored machines.session: 1000 states, 2997 transitions, depth 12 (incomplete: stopped at the states bound)',
        '  1 finding answered by decisions in the model',
        '',
        'models/ok.ts (ok)',
        '  ✔ no findings',
        '',
        '2 models checked: ✖ 1 error, 1 warning, 0 infos',
        '2 open questions — plumbline questions',
        '',
      ].join('\n'),
    )
  })
  it('marks a lasso: where its loop starts and that it goes back there, or that it stops; and liveness left unchecked', () => {
    const lasso = (loop: number) =>
      buildReport([
        {
          file: 'models/reset.ts',
          system: 'reset',
          diagnostics: [
            {
              rule: 'liveness/violated',
              severity: 'error',
              message: 'liveness "resetEnds" does not hold',
              element: 'stores.reset.liveness.resetEnds',
              initial: { reset: 'none' },
              trace: [
                { action: 'request', params: {}, state: { reset: 'pending', sent: 1 } },
                { action: 'resend', params: {}, state: { reset: 'pending', sent: 2 } },
              ],
              loop,
            },
          ],
          exploration: [
            {
              element: 'stores.big',
              states: 10,
              transitions: 20,
              complete: false,
              ms: 1,
              depth: 3,
              bound: 'states',
              collisionProbability: 0,
              liveness: 'unchecked',
            },
          ],
          decided: [],
          questions: [],
        },
      ])
    expect(formatPretty(lasso(1), { style: plain }).split('\n').slice(1, 13)).toEqual([
      '  ✖ error  stores.reset.liveness.resetEnds  liveness/violated',
      '    liveness "resetEnds" does not hold',
      '    from {"reset":"none"}',
      '    1. request',
      '       reset: "none" → "pending"',
      '       sent: absent → 1',
      '    ↻ from here, repeated for ever:',
      '    2. resend',
      '       sent: 1 → 2',
      '    ↻ back to the state after step 1',
      '  explored stores.big: 10 states, 20 transitions, depth 3 (incomplete: stopped at the states bound; liveness unchecked)',
      '',
    ])
    expect(formatPretty(lasso(2), { style: plain }).split('\n').slice(4, 10)).toEqual([
      '    1. request',
      '       reset: "none" → "pending"',
      '       sent: absent → 1',
      '    2. resend',
      '       sent: 1 → 2',
      '    ■ stops here for ever: nothing is enabled',
    ])
  })

  it('with coverage, lists each operation under its exploration: the states it is enabled in, the steps taken', () => {
    const report = buildReport([
      {
        file: 'models/c.ts',
        system: 'c',
        diagnostics: [],
        exploration: [
          {
            element: 'stores.c',
            states: 10,
            transitions: 15,
            complete: true,
            ms: 1,
            depth: 6,
            collisionProbability: 0,
            coverage: [
              { name: 'up', enabled: 6, taken: 9 },
              { name: 'follow', enabled: 1, taken: 1 },
              { name: 'reset', enabled: 0, taken: 0 },
            ],
          },
        ],
        decided: [],
        questions: [],
      },
    ])
    expect(formatPretty(report, { style: plain }).split('\n').slice(1, 6)).toEqual([
      '  ✔ no findings',
      '  explored stores.c: 10 states, 15 transitions, depth 6',
      '    up: enabled in 6 states, taken 9 times',
      '    follow: enabled in 1 state, taken once',
      '    reset: enabled in 0 states, taken 0 times',
    ])
  })

  it('shows a code frame of the model source at the element, where the source is at hand', () => {
    const source = [
      'export default defineSystem({',
      "  name: 'shop',",
      '  zones: {',
      "    app: { trust: 'high' },",
      '  },',
      '})',
      '',
    ].join('\n')
    const report = buildReport([
      {
        file: 'models/shop.ts',
        system: 'shop',
        diagnostics: [
          {
            rule: 'model/invalid',
            severity: 'error',
            message: 'expected a number, got the string "high"',
            element: 'zones.app.trust',
            location: { file: 'models/shop.ts', line: 4, column: 12 },
          },
        ],
        exploration: [],
        decided: [],
        questions: [],
      },
    ])
    expect(formatPretty(report, { style: plain, sources: new Map([['models/shop.ts', source]]) })).toBe(
      [
        'models/shop.ts (shop)',
        '  ✖ error  zones.app.trust  model/invalid',
        '    expected a number, got the string "high"',
        '    at models/shop.ts:4:12',
        "      2 |   name: 'shop',",
        '      3 |   zones: {',
        "    > 4 |     app: { trust: 'high' },",
        '        |            ^',
        '      5 |   },',
        '      6 | })',
        '',
        '1 model checked: ✖ 1 error, 0 warnings, 0 infos',
        '',
      ].join('\n'),
    )
  })

  it('counts findings the baseline holds, and lists its entries that no longer occur', () => {
    const known = {
      rule: 'contract/unknown' as const,
      severity: 'error' as const,
      message: 'm',
      element: 'flows.f.steps[0].contract',
    }
    const report = {
      ...buildReport([
        {
          file: 'models/a.ts',
          system: 'a',
          diagnostics: [],
          exploration: [],
          decided: [],
          questions: [],
          baselined: [known],
        },
      ]),
      baseline: {
        file: 'plumbline-baseline.json',
        known: 1,
        fixed: [{ file: 'models/a.ts', rule: 'model/invalid', element: 'zones.x.trust', message: 'old' }],
      },
    }
    expect(formatPretty(report, { style: plain })).toBe(
      [
        'models/a.ts (a)',
        '  ✔ no findings',
        '  1 finding in the baseline',
        '',
        'plumbline-baseline.json (1 known finding not counted)',
        '  1 entry no longer occurs: run `plumbline check --update-baseline` to drop them',
        '    models/a.ts  zones.x.trust  model/invalid',
        '',
        '1 model checked: ✔ 0 errors, 0 warnings, 0 infos',
        '',
      ].join('\n'),
    )
  })
})

describe('styleFor', () => {
  const tty = { write: () => {}, isTTY: true }
  it('colours a terminal', () => expect(styleFor(tty, {})('red', 'x')).toBe('\u001b[31mx\u001b[39m'))
  it('never colours with NO_COLOR', () => expect(styleFor(tty, { NO_COLOR: '1' })('red', 'x')).toBe('x'))
  it('never colours a pipe', () => expect(styleFor({ ...tty, isTTY: false }, {})('red', 'x')).toBe('x'))
  it('colours a pipe with FORCE_COLOR', () =>
    expect(styleFor({ ...tty, isTTY: false }, { FORCE_COLOR: '1' })('red', 'x')).toBe('\u001b[31mx\u001b[39m'))
})
