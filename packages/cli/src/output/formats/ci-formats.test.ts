/**
 * The formats CI reads: SARIF validated against the official 2.1.0 schema, JUnit read back by
 * a JUnit XML parser, GitHub annotations compared exactly, escaping included.
 */
import { readFileSync } from 'node:fs'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { buildReport, rules, type Report } from '@plumbline/core'
import { parse as parseJunit } from 'junit2json'
import type { Log } from 'sarif'
import { describe, expect, it } from 'vitest'
import { styleFor } from '../../style.js'
import { formatGithub } from './github.js'
import { formatJunit } from './junit.js'
import { formatSarif } from './sarif.js'
import type { FormatContext } from './types.js'

const hostile = 'api, v2: 100%'

function sampleReport(): Report {
  return buildReport([
    {
      file: 'models/accounts.ts',
      system: 'accounts',
      diagnostics: [
        {
          rule: 'invariant/violated',
          severity: 'error',
          message: 'uniqueEmails broke: two users share "ann@x"',
          element: 'stores.accounts.invariants.uniqueEmails',
          location: { file: 'models/accounts.ts', line: 42, column: 5 },
          initial: { users: [] },
          trace: [
            { action: 'signUp', params: { email: 'ann@x' }, state: { users: ['ann@x'] } },
            { action: 'signUp', params: { email: 'ann@x' }, state: { users: ['ann@x', 'ann@x'] } },
          ],
        },
        {
          rule: 'decision/stale',
          severity: 'warning',
          message: 'no such finding',
          element: 'decisions.old.answers',
          location: { file: 'models/accounts.ts', line: 60, column: 5 },
        },
        {
          rule: 'model/invalid',
          severity: 'info',
          message: 'unknown zone "a\u0001b"\nsecond line <&> \'%\'\r',
          element: `components[${JSON.stringify(hostile)}].zone`,
          location: { file: 'models/accounts.ts' },
        },
      ],
      exploration: [],
      decided: [],
      questions: [],
    },
    { file: 'models/clean.ts', system: 'clean', diagnostics: [], exploration: [], decided: [], questions: [] },
  ])
}

const context: FormatContext = {
  style: styleFor({ write: () => {}, isTTY: false }, {}),
  checks: new Map([
    [
      'models/accounts.ts',
      [
        { kind: 'flow', element: 'flows.signUp' },
        { kind: 'store', element: 'stores.accounts' },
        { kind: 'invariant', element: 'stores.accounts.invariants.uniqueEmails' },
      ],
    ],
  ]),
}

describe('sarif', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../../../../test/fixtures/schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
  )
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false })
  addFormats.default(ajv)
  const validate = ajv.compile(schema)

  it('is valid SARIF 2.1.0 by the official schema', () => {
    const log = JSON.parse(formatSarif(sampleReport(), context))
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true)
  })

  it('is valid with a baseline too', () => {
    const report = sampleReport()
    const [first] = report.models
    first!.baselined = first!.diagnostics.splice(1, 1)
    report.baseline = { file: 'plumbline-baseline.json', known: 1, fixed: [] }
    const log: Log = JSON.parse(formatSarif(report, context))
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true)
    expect(log.runs[0]?.results?.map((r) => [r.ruleId, r.baselineState, r.suppressions?.[0]?.justification])).toEqual([
      ['invariant/violated', 'new', undefined],
      ['model/invalid', 'new', undefined],
      ['decision/stale', 'unchanged', 'recorded in plumbline-baseline.json'],
    ])
  })

  it('describes every rule of the catalogue, as GitHub code scanning shows them', () => {
    const log: Log = JSON.parse(formatSarif(sampleReport(), context))
    const driver = log.runs[0]?.tool.driver
    expect(driver?.name).toBe('Plumbline')
    // The catalogue first, in order; then any rule a finding names that the catalogue does not have.
    expect(driver?.rules?.slice(0, rules.length).map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id))
    for (const [index, rule] of rules.entries())
      expect(driver?.rules?.[index]).toMatchObject({
        id: rule.id,
        shortDescription: { text: rule.summary },
        fullDescription: { text: rule.summary },
        help: { text: rule.explanation },
        defaultConfiguration: { level: rule.severity === 'info' ? 'note' : rule.severity },
      })
    expect(driver?.rules?.find((rule) => rule.id === 'contract/unknown')?.name).toBe('ContractUnknown')
  })

  it('gives each finding its rule, level, message and physical location, and the trace as a code flow', () => {
    const log: Log = JSON.parse(formatSarif(sampleReport(), context))
    const run = log.runs[0]
    const [violated, stale, invalid] = run?.results ?? []
    for (const result of run?.results ?? [])
      expect(run?.tool.driver.rules?.[result.ruleIndex ?? -1]?.id ?? result.ruleId).toBe(result.ruleId)
    expect(violated).toMatchObject({
      ruleId: 'invariant/violated',
      level: 'error',
      message: { text: 'stores.accounts.invariants.uniqueEmails: uniqueEmails broke: two users share "ann@x"' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'models/accounts.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: 42, startColumn: 5 },
          },
          logicalLocations: [{ fullyQualifiedName: 'stores.accounts.invariants.uniqueEmails' }],
        },
      ],
    })
    expect(violated?.codeFlows?.[0]?.threadFlows[0]?.locations.map((l) => l.location?.message?.text)).toEqual([
      'from {"users":[]}',
      '1. signUp {"email":"ann@x"} → {"users":["ann@x"]}',
      '2. signUp {"email":"ann@x"} → {"users":["ann@x","ann@x"]}',
    ])
    expect(stale?.level).toBe('warning')
    expect(invalid?.level).toBe('note')
    // Where the line is not known, the file alone.
    expect(invalid?.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'models/accounts.ts', uriBaseId: '%SRCROOT%' },
    })
    // Fingerprints identify a finding by file, rule and element, whatever its line.
    const moved = sampleReport()
    moved.models[0]!.diagnostics[0]!.location = { file: 'models/accounts.ts', line: 50, column: 1 }
    expect(JSON.parse(formatSarif(moved, context)).runs[0].results[0].partialFingerprints).toEqual(
      violated?.partialFingerprints,
    )
  })
})

describe('sarif file URIs', () => {
  it('percent-encodes what a URI reads as syntax, so a file name with # ? : stays one path', () => {
    const report = sampleReport()
    for (const model of report.models) {
      model.file = `models/v2#draft?${model.file.slice('models/'.length)}`
      for (const diagnostic of model.diagnostics) if (diagnostic.location) diagnostic.location.file = model.file
    }
    report.models[0]!.file = report.models[0]!.diagnostics[0]!.location!.file = 'a:b 1%.ts'
    const log = JSON.parse(formatSarif(report, context)) as Log
    expect(
      log.runs[0]?.results?.map((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri),
    ).toEqual(['a%3Ab%201%25.ts', 'models/v2%23draft%3Faccounts.ts', 'models/v2%23draft%3Faccounts.ts'])
  })
})

describe('junit', () => {
  it('has one test case per model and per check, failures with the message and trace', async () => {
    const xml = formatJunit(sampleReport(), context)
    const parsed = (await parseJunit(xml)) as any
    expect(parsed).toMatchObject({ name: 'plumbline', tests: 5, failures: 1, errors: 0 })
    const [accounts, clean] = parsed.testsuite
    expect(accounts).toMatchObject({ name: 'models/accounts.ts (accounts)', tests: 4, failures: 1 })
    expect(accounts.testcase.map((c: any) => [c.classname, c.name])).toEqual([
      ['accounts', 'model'],
      ['accounts', 'flow flows.signUp'],
      ['accounts', 'store stores.accounts'],
      ['accounts', 'invariant stores.accounts.invariants.uniqueEmails'],
    ])
    const [model, flow, store, invariant] = accounts.testcase
    expect(flow.failure).toBeUndefined()
    expect(store.failure).toBeUndefined()
    expect(invariant.failure).toEqual([
      {
        message: 'uniqueEmails broke: two users share "ann@x"',
        type: 'invariant/violated',
        inner: [
          'error invariant/violated at stores.accounts.invariants.uniqueEmails (models/accounts.ts:42:5)',
          'uniqueEmails broke: two users share "ann@x"',
          'from {"users":[]}',
          '1. signUp {"email":"ann@x"} → {"users":["ann@x"]}',
          '2. signUp {"email":"ann@x"} → {"users":["ann@x","ann@x"]}',
        ].join('\n'),
      },
    ])
    // Warnings and infos do not fail: they are the case's output, escaped, with characters XML cannot hold removed.
    expect(model.failure).toBeUndefined()
    expect(model['system-out']).toEqual([
      [
        'warning decision/stale at decisions.old.answers (models/accounts.ts:60:5)',
        'no such finding',
        '',
        `info model/invalid at components["${hostile}"].zone`,
        'unknown zone "ab"',
        "second line <&> '%'\r",
      ].join('\n'),
    ])
    expect(clean).toMatchObject({ name: 'models/clean.ts (clean)', tests: 1, failures: 0 })
  })

  it('is the same text for the same report', () => {
    expect(formatJunit(sampleReport(), context)).toBe(formatJunit(sampleReport(), context))
  })
})

describe('github', () => {
  it('prints one annotation per finding, escaped as the Actions toolkit reads them', () => {
    expect(formatGithub(sampleReport(), context).split('\n')).toEqual([
      '::error file=models/accounts.ts,line=42,col=5,title=invariant/violated%3A stores.accounts.invariants.uniqueEmails::uniqueEmails broke: two users share "ann@x"%0Afrom {"users":[]}%0A1. signUp {"email":"ann@x"} → {"users":["ann@x"]}%0A2. signUp {"email":"ann@x"} → {"users":["ann@x","ann@x"]}',
      '::warning file=models/accounts.ts,line=60,col=5,title=decision/stale%3A decisions.old.answers::no such finding',
      '::notice file=models/accounts.ts,title=model/invalid%3A components["api%2C v2%3A 100%25"].zone::unknown zone "a\u0001b"%0Asecond line <&> \'%25\'%0D',
      '',
    ])
  })

  it('prints nothing for a clean run', () => {
    expect(
      formatGithub(
        buildReport([{ file: 'm.ts', system: 'm', diagnostics: [], exploration: [], decided: [], questions: [] }]),
        context,
      ),
    ).toBe('')
  })
})
