/**
 * SARIF 2.1.0, shaped as GitHub code scanning reads it: one run, one `rule` per rule in
 * core's catalogue (summary, explanation as help, default level), and one result per
 * finding with its physical location (the model's line, where known), its element path as
 * the logical location, and a fingerprint from (rule, element) so an alert survives edits
 * that move lines. A counterexample trace is a code flow, one step per thread-flow location.
 * With a baseline, findings the baseline has are results too, `unchanged` and suppressed.
 */
import { createHash } from 'node:crypto'
import { rules, type Diagnostic, type Rule, type Severity } from '@plumbline/core'
import type { Log, ReportingDescriptor, Result, Location, CodeFlow } from 'sarif'
import { jsonText } from '../text/json.js'
import { plural } from '../text/plural.js'
import { version } from '../../version.js'
import { formatTrace } from './trace-text.js'
import type { Formatter } from './types.js'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' }
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

export const formatSarif: Formatter = (report, { repositoryPath = (file) => file }) => {
  const descriptors = rules.map(descriptor)
  const index = new Map<string, number>(rules.map((rule, position) => [rule.id, position]))
  const ruleIndex = (id: string): number => {
    let position = index.get(id)
    if (position === undefined) {
      // A finding of a rule outside the catalogue still needs a rule for GitHub to show it.
      position =
        descriptors.push({ id, shortDescription: { text: id }, properties: { tags: ['plumbline', category(id)] } }) - 1
      index.set(id, position)
    }
    return position
  }
  const baselined = report.baseline !== undefined
  // Code scanning reads every path from the repository's root (%SRCROOT%).
  const fromRoot = (diagnostic: Diagnostic): Diagnostic =>
    diagnostic.location === undefined
      ? diagnostic
      : { ...diagnostic, location: { ...diagnostic.location, file: repositoryPath(diagnostic.location.file) } }
  const results = report.models.flatMap((model) => {
    const file = repositoryPath(model.file)
    return [
      ...model.diagnostics.map((diagnostic) =>
        result(fromRoot(diagnostic), file, ruleIndex(diagnostic.rule), baselined ? 'new' : undefined),
      ),
      ...(model.baselined ?? []).map((diagnostic) =>
        result(fromRoot(diagnostic), file, ruleIndex(diagnostic.rule), 'unchanged', report.baseline?.file),
      ),
    ]
  })
  const log: Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Plumbline', semanticVersion: version, version, rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return jsonText(log)
}

function descriptor(rule: Rule): ReportingDescriptor {
  return {
    id: rule.id,
    name: friendlyName(rule.id),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.summary },
    help: { text: rule.explanation, markdown: `${rule.summary}\n\n\`\`\`\n${rule.explanation}\n\`\`\`` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['plumbline', category(rule.id)] },
  }
}

function result(
  diagnostic: Diagnostic,
  file: string,
  ruleIndex: number,
  baselineState?: Result.baselineState,
  baselineFile?: string,
): Result {
  const location = physical(diagnostic, file)
  const result: Result = {
    ruleId: diagnostic.rule,
    ruleIndex,
    level: LEVEL[diagnostic.severity],
    message: { text: `${diagnostic.element || '(model)'}: ${diagnostic.message}` },
    locations: [{ ...location, logicalLocations: [{ fullyQualifiedName: diagnostic.element }] }],
    partialFingerprints: { 'plumblineFinding/v1': fingerprint(file, diagnostic) },
  }
  if (diagnostic.trace) result.codeFlows = [codeFlow(diagnostic, location)]
  if (baselineState) result.baselineState = baselineState
  if (baselineFile !== undefined)
    result.suppressions = [{ kind: 'external', status: 'accepted', justification: `recorded in ${baselineFile}` }]
  return result
}

function physical(diagnostic: Diagnostic, file: string): Location {
  const where = diagnostic.location ?? { file }
  const region =
    where.line === undefined
      ? undefined
      : { startLine: where.line, ...(where.column === undefined ? {} : { startColumn: where.column }) }
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(where.file), uriBaseId: '%SRCROOT%' },
      ...(region ? { region } : {}),
    },
  }
}

/**
 * A path as a relative URI: each segment percent-encoded, so `#`, `?` and a `:` in the first
 * segment are part of the file's name and not a fragment, a query or a scheme.
 */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/')
}

/** The trace as a code flow: the initial state, then one location per step, at the finding's place. */
function codeFlow(diagnostic: Diagnostic, location: Location): CodeFlow {
  const steps = diagnostic.trace?.length ?? 0
  return {
    message: { text: `${plural(steps, 'step')} from the initial state` },
    threadFlows: [
      {
        locations: formatTrace(diagnostic.trace ?? [], diagnostic.initial, undefined, { loop: diagnostic.loop }).map(
          (text, index) => ({
            executionOrder: index,
            location: { ...location, message: { text } },
          }),
        ),
      },
    ],
  }
}

/** Stable across runs and line moves: the file, the rule and the element identify a finding. */
function fingerprint(file: string, diagnostic: Diagnostic): string {
  return createHash('sha256')
    .update(`${file}\u0000${diagnostic.rule}\u0000${diagnostic.element}`)
    .digest('hex')
    .slice(0, 32)
}

/** SARIF's "friendly name" for a rule: one Pascal-case word, `contract/unknown` → `ContractUnknown`. */
function friendlyName(ruleId: string): string {
  return ruleId
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
}

function category(ruleId: string): string {
  return ruleId.split('/')[0] ?? ruleId
}
