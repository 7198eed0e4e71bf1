import { describe, expect, it } from 'vitest'
import { parseOutputFile, resolveTargets } from './targets.js'

const targets = (formats: string[] | undefined, files: string[]) =>
  resolveTargets(formats as never, files.map(parseOutputFile))

describe('report targets', () => {
  it.each([
    [undefined, [], [{ format: 'pretty' }]],
    [['json'], [], [{ format: 'json' }]],
    [['json'], ['report.json'], [{ format: 'json', file: 'report.json' }]],
    [undefined, ['report.txt'], [{ format: 'pretty', file: 'report.txt' }]],
    [
      ['json', 'sarif'],
      ['sarif=out/report.sarif'],
      [{ format: 'json' }, { format: 'sarif', file: 'out/report.sarif' }],
    ],
    [undefined, ['sarif=report.sarif'], [{ format: 'sarif', file: 'report.sarif' }]],
    [
      ['pretty'],
      ['sarif=r.sarif', 'junit=r.xml'],
      [{ format: 'pretty' }, { format: 'sarif', file: 'r.sarif' }, { format: 'junit', file: 'r.xml' }],
    ],
    [['json'], ['./weird=name.json'], [{ format: 'json', file: './weird=name.json' }]],
    [['json'], ['out/a=b.json'], [{ format: 'json', file: 'out/a=b.json' }]],
  ])('--format %j --output-file %j', (formats, files, expected) => {
    expect(targets(formats, files)).toEqual(expected)
  })

  it.each([
    [
      ['json', 'sarif'],
      [],
      'formats json and sarif would both print to stdout; send all but one to files with --output-file FORMAT=PATH',
    ],
    [
      ['json', 'sarif'],
      ['report.json'],
      '--output-file report.json: with several formats, say which format goes to which file: --output-file FORMAT=PATH (e.g. --output-file sarif=plumbline.sarif)',
    ],
    [['json'], ['json=a.json', 'json=b.json'], '--output-file: two files for json; give each format one file'],
    [['json'], ['json=a.json', 'b.json'], '--output-file: two files for json; give each format one file'],
    [
      undefined,
      ['sarif=out/r.txt', 'junit=out/./r.txt'],
      '--output-file: sarif and junit would both write out/r.txt; give each format its own file',
    ],
  ])('rejects --format %j --output-file %j', (formats, files, message) => {
    expect(() => targets(formats, files)).toThrow(message)
  })

  it('refuses a misspelt format rather than writing a file named after it', () => {
    expect(() => parseOutputFile('sarfi=x.sarif')).toThrow(
      'unknown format "sarfi" (did you mean "sarif"? formats: pretty, json, sarif, junit, github); for a file whose name has "=", write ./sarfi=x.sarif',
    )
  })
})
