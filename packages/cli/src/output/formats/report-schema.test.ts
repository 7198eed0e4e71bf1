import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { buildReport, type Report } from '@plumbline/core'
import { describe, expect, it } from 'vitest'
import { reportJsonSchema } from './report-schema.js'

const shipped = new URL('../../../report.schema.json', import.meta.url)

describe('the JSON Schema of the report', () => {
  it('is the one shipped in the package (update with `vitest -u`)', async () => {
    await expect(reportJsonSchema()).toMatchFileSnapshot(shipped.pathname)
  })

  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(shipped, 'utf8')))
  const report: Report = {
    ...buildReport([
      {
        file: 'models/accounts.ts',
        system: 'accounts',
        diagnostics: [
          {
            rule: 'invariant/violated',
            severity: 'error',
            message: 'two users share an email',
            element: 'stores.accounts.invariants.uniqueEmails',
            location: { file: 'models/accounts.ts', line: 42, column: 5 },
            initial: { users: [] },
            trace: [{ action: 'signUp', params: { email: 'ann@x' }, state: { users: ['ann@x'] } }],
          },
        ],
        exploration: [
          {
            element: 'stores.accounts',
            states: 13,
            transitions: 52,
            complete: true,
            ms: 3,
            depth: 4,
            collisionProbability: 4.6e-18,
          },
          {
            element: 'machines.account',
            states: 1000,
            transitions: 4000,
            complete: false,
            ms: 9,
            depth: 12,
            bound: 'states',
            collisionProbability: 2.7e-14,
          },
        ],
        decided: [],
        questions: [
          {
            question: 'Should User.email be unique?',
            element: 'entities.User',
            source: 'identity/uniqueness-undecided',
            alsoFrom: ['pack:accounts'],
          },
        ],
        baselined: [
          {
            rule: 'decision/stale',
            severity: 'warning',
            message: 'stale',
            element: 'decisions.x.answers',
            location: { file: 'models/accounts.ts' },
          },
        ],
      },
    ]),
    baseline: {
      file: 'plumbline-baseline.json',
      known: 1,
      fixed: [{ file: 'models/accounts.ts', rule: 'r/x', element: 'e', message: 'm' }],
    },
  }

  it('accepts a report with every field', () => {
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
  })

  it.each([
    [
      'an unknown severity',
      (r: any) => (r.models[0].diagnostics[0].severity = 'fatal'),
      '/models/0/diagnostics/0/severity must be equal to one of the allowed values',
    ],
    [
      'line 0',
      (r: any) => (r.models[0].diagnostics[0].location.line = 0),
      '/models/0/diagnostics/0/location/line must be >= 1',
    ],
    ['another version', (r: any) => (r.version = 2), '/version must be equal to constant'],
    [
      'a field the contract does not have',
      (r: any) => (r.models[0].extra = true),
      '/models/0 must NOT have additional properties',
    ],
    ['a missing summary', (r: any) => delete r.summary, " must have required property 'summary'"],
  ])('rejects %s', (_, spoil, error) => {
    const spoilt = structuredClone(report)
    spoil(spoilt)
    expect(validate(spoilt)).toBe(false)
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toContain(error)
  })
})
