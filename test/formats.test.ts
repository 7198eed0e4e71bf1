/**
 * The report formats through the built command: several at once, each to its own file or to
 * stdout, read back the way CI reads them.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parse as parseJunit } from 'junit2json'
import { describe, expect, it } from 'vitest'
import { makeProject, repoRoot, runCli } from './helpers/cli.js'
import { sarifValidator } from './helpers/sarif.js'
import { RENAMED, shopWith, UNKNOWN_CONTRACT, UNKNOWN_ZONE } from './helpers/shop.js'

function reportValidator() {
  return new Ajv2020({ allErrors: true, strict: true }).compile(
    JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/report.schema.json'), 'utf8')),
  )
}

describe('check with several formats', () => {
  it('prints annotations and writes SARIF, JUnit and JSON files that their readers accept', async () => {
    const project = await makeProject({ 'models/shop.ts': shopWith(UNKNOWN_ZONE, UNKNOWN_CONTRACT) })
    const result = await runCli(
      [
        'check',
        '--format',
        'github',
        '--output-file',
        'sarif=reports/plumbline.sarif',
        '--output-file',
        'junit=reports/junit.xml',
        '-o',
        'json=report.json',
      ],
      { cwd: project },
    )
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe(
      [
        '::error file=models/shop.ts,line=47,col=12,title=model/invalid%3A components.api.zone::unknown zone "ap" (did you mean "app"?)',
        '::error file=models/shop.ts,line=71,col=11,title=contract/unknown%3A flows.signUp.steps[0].contract::unknown contract "signup" (did you mean "signUp"?)',
        '',
      ].join('\n'),
    )

    const sarif = JSON.parse(await readFile(path.join(project, 'reports/plumbline.sarif'), 'utf8'))
    const validateSarif = sarifValidator()
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true)
    const results = sarif.runs[0].results.map((r: any) => [
      r.ruleId,
      r.locations[0].physicalLocation.artifactLocation.uri,
      r.locations[0].physicalLocation.region,
    ])
    expect(results).toEqual([
      ['model/invalid', 'models/shop.ts', { startLine: 47, startColumn: 12 }],
      ['contract/unknown', 'models/shop.ts', { startLine: 71, startColumn: 11 }],
    ])

    const junit = (await parseJunit(await readFile(path.join(project, 'reports/junit.xml'), 'utf8'))) as any
    expect(junit).toMatchObject({ name: 'plumbline', tests: 5, failures: 2 })
    expect(junit.testsuite[0].testcase.map((c: any) => [c.name, c.failure?.[0]?.type ?? 'passed'])).toEqual([
      ['model', 'model/invalid'],
      ['flow flows.signUp', 'contract/unknown'],
      ['machine machines.signUp', 'passed'],
      ['store stores.users', 'passed'],
      ['invariant stores.users.invariants.emailsAreUnique', 'passed'],
    ])

    const json = JSON.parse(await readFile(path.join(project, 'report.json'), 'utf8'))
    const validateReport = reportValidator()
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true)
    expect(json.summary).toEqual({ errors: 2, warnings: 0, infos: 0, questions: 3 })
  })

  it('names files from the repository root in SARIF, annotations and JUnit, run from a subfolder as in a monorepo package', async () => {
    const project = await makeProject({ 'packages/shop/models/shop.ts': shopWith(UNKNOWN_ZONE) })
    const result = await runCli(
      [
        'check',
        '--format',
        'github',
        '-o',
        'sarif=plumbline.sarif',
        '-o',
        'json=report.json',
        '-o',
        'junit=report.xml',
      ],
      {
        cwd: path.join(project, 'packages/shop'),
      },
    )
    expect(result.stdout).toBe(
      '::error file=packages/shop/models/shop.ts,line=47,col=12,title=model/invalid%3A components.api.zone::unknown zone "ap" (did you mean "app"?)\n',
    )
    const sarif = JSON.parse(await readFile(path.join(project, 'packages/shop/plumbline.sarif'), 'utf8'))
    expect(sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation)).toEqual([
      { uri: 'packages/shop/models/shop.ts', uriBaseId: '%SRCROOT%' },
    ])
    // CI reporters annotate from JUnit's file attributes; the suite's name stays as the user ran it.
    const junit = await readFile(path.join(project, 'packages/shop/report.xml'), 'utf8')
    expect(junit).toContain(
      '<testsuite name="models/shop.ts (shop)" tests="5" failures="1" errors="0" skipped="0" file="packages/shop/models/shop.ts">',
    )
    expect(new Set(junit.match(/file="[^"]*"/g))).toEqual(new Set(['file="packages/shop/models/shop.ts"']))
    // The JSON report and the pretty one stay as the user sees the files: from where they ran.
    const json = JSON.parse(await readFile(path.join(project, 'packages/shop/report.json'), 'utf8'))
    expect(json.models[0].file).toBe('models/shop.ts')
  })

  it('writes byte-identical reports for the same models', async () => {
    const project = await makeProject({
      'models/shop.ts': shopWith(UNKNOWN_ZONE),
      'models/other.ts': shopWith(UNKNOWN_CONTRACT, RENAMED),
    })
    const outputs = ['sarif=a/p.sarif', 'junit=a/p.xml', 'json=a/p.json', 'github=a/p.txt']
    await runCli(['check', '--format', 'pretty', ...outputs.flatMap((o) => ['-o', o])], { cwd: project })
    const first = await Promise.all(outputs.map((o) => readFile(path.join(project, o.split('=')[1] ?? ''), 'utf8')))
    await runCli(['check', '--format', 'pretty', ...outputs.flatMap((o) => ['-o', o.replace('a/', 'b/')])], {
      cwd: project,
    })
    const second = await Promise.all(
      outputs.map((o) => readFile(path.join(project, (o.split('=')[1] ?? '').replace('a/', 'b/')), 'utf8')),
    )
    // The JSON report says how long each exploration took (DESIGN.md's `ms`): the one part that is not the model's.
    const withoutTimes = (reports: string[]) => reports.map((report) => report.replace(/"ms": \d+(\.\d+)?/g, '"ms": 0'))
    expect(withoutTimes(second)).toEqual(withoutTimes(first))
    expect(first.filter((report) => /"ms"/.test(report))).toHaveLength(1)
  })

  it('shows a code frame at the element in the human report', async () => {
    const project = await makeProject({ 'models/shop.ts': shopWith(UNKNOWN_ZONE) })
    const result = await runCli(['check'], { cwd: project })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe(
      [
        'models/shop.ts (shop)',
        '  ✖ error  components.api.zone  model/invalid',
        '    unknown zone "ap" (did you mean "app"?)',
        '    at models/shop.ts:47:12',
        '      45 |   components: {',
        "      46 |     browser: { zone: 'internet', kind: 'actor' },",
        "    > 47 |     api: { zone: 'ap', kind: 'service' },",
        '         |            ^',
        "      48 |     db: { zone: 'data', kind: 'datastore' },",
        '      49 |   },',
        '  explored machines.signUp: 4 states, 4 transitions, depth 2',
        '  explored stores.users: 5 states, 4 transitions, depth 2',
        '',
        '1 model checked: ✖ 1 error, 0 warnings, 0 infos',
        '3 open questions — plumbline questions',
        '',
      ].join('\n'),
    )
  })

  it.each([
    [
      ['--format', 'json', '--format', 'sarif'],
      'error: formats json and sarif would both print to stdout; send all but one to files with --output-file FORMAT=PATH\n',
    ],
    [
      ['-f', 'json', '-f', 'junit', '-o', 'out.xml'],
      'error: --output-file out.xml: with several formats, say which format goes to which file: --output-file FORMAT=PATH (e.g. --output-file sarif=plumbline.sarif)\n',
    ],
  ])('rejects %j with exit 2 and writes nothing', async (args, stderr) => {
    const project = await makeProject({ 'models/shop.ts': shopWith() })
    expect(await runCli(['check', ...args], { cwd: project })).toEqual({ exitCode: 2, stdout: '', stderr })
  })
})
