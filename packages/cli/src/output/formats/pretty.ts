/**
 * The human report: findings grouped by model file, each with its severity, rule id,
 * element path and message, where it is written (with a code frame of the model's source),
 * the trace as numbered steps where there is one, what each exploration covered, and a
 * summary line, then how many questions the models leave open. With a baseline: how many findings it holds, and which of its entries no
 * longer occur. No timings: the same model prints the same text.
 */
import { codeFrameColumns } from '@babel/code-frame'
import type {
  BaselineSummary,
  ConformanceStats,
  Diagnostic,
  ExplorationStats,
  ModelReport,
  Severity,
} from '@plumbline/core'
import type { Style } from '../../style.js'
import { compactJson } from '../text/json.js'
import { plural } from '../text/plural.js'
import { formatTrace } from './trace-text.js'
import type { FormatContext, Formatter } from './types.js'

const MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' }
const COLOUR: Record<Severity, 'red' | 'yellow' | 'blue'> = { error: 'red', warning: 'yellow', info: 'blue' }

export const formatPretty: Formatter = (report, context) => {
  const { style } = context
  const blocks = report.models.map((model) => formatModel(model, context))
  if (report.baseline) blocks.push(formatBaseline(report.baseline, style))
  const { errors, warnings, infos } = report.summary
  const checked = `${plural(report.models.length, 'model')} checked`
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`
  const summary =
    errors > 0
      ? style(['bold', 'red'], `${MARK.error} ${counts}`)
      : warnings > 0
        ? style(['bold', 'yellow'], counts)
        : style(['bold', 'green'], `✔ ${counts}`)
  const questions = report.summary.questions
  const open =
    questions > 0 ? `${style('yellow', `${plural(questions, 'open question')}`)} — plumbline questions\n` : ''
  return `${blocks.join('\n')}${blocks.length > 0 ? '\n' : ''}${checked}: ${summary}\n${open}`
}

function formatModel(model: ModelReport, context: FormatContext): string {
  const { style } = context
  const header = `${style('underline', model.file)} ${style('dim', `(${model.system})`)}`
  const lines = [header]
  if (model.diagnostics.length === 0) lines.push(`  ${style('green', '✔')} no findings`)
  for (const diagnostic of model.diagnostics) lines.push(...formatDiagnostic(diagnostic, context))
  for (const exploration of model.exploration) lines.push(style('dim', `  ${formatExploration(exploration)}`))
  for (const conformance of model.conformance ?? []) lines.push(style('dim', `  ${formatConformance(conformance)}`))
  if (model.decided.length > 0)
    lines.push(style('dim', `  ${plural(model.decided.length, 'finding')} answered by decisions in the model`))
  if (model.baselined !== undefined && model.baselined.length > 0)
    lines.push(style('dim', `  ${plural(model.baselined.length, 'finding')} in the baseline`))
  return `${lines.join('\n')}\n`
}

function formatDiagnostic(diagnostic: Diagnostic, { style, sources }: FormatContext): string[] {
  const { severity, location } = diagnostic
  const lines = [
    `  ${style(COLOUR[severity], `${MARK[severity]} ${severity}`)}  ${style('bold', diagnostic.element || '(model)')}  ${style('dim', diagnostic.rule)}`,
    `    ${diagnostic.message}`,
  ]
  if (location?.line !== undefined) {
    lines.push(`    ${style('dim', `at ${location.file}:${location.line}:${location.column ?? 1}`)}`)
    const source = sources?.get(location.file)
    if (source !== undefined)
      lines.push(...codeFrame(source, location.line, location.column, style).map((line) => `    ${line}`))
  }
  if (diagnostic.trace)
    lines.push(
      ...formatTrace(diagnostic.trace, diagnostic.initial, style, { changes: true, loop: diagnostic.loop }).map(
        (line) => `    ${line}`,
      ),
    )
  // A step refused where the state is (a recorded trace's): the state, and no step taken from it.
  else if (diagnostic.initial !== undefined) lines.push(`    ${style('dim', 'in')} ${compactJson(diagnostic.initial)}`)
  return lines
}

/** Two lines either side of the element, with a caret under its first character. */
function codeFrame(source: string, line: number, column: number | undefined, style: Style): string[] {
  const start = column === undefined ? { line } : { line, column }
  return codeFrameColumns(
    source,
    { start },
    { linesAbove: 2, linesBelow: 2, highlightCode: style.enabled, forceColor: style.enabled },
  ).split('\n')
}

function formatExploration(stats: ExplorationStats): string {
  const { element, states, transitions, depth, complete, bound, liveness, coverage, simulation } = stats
  const covered = `explored ${element}: ${plural(states, 'state')}, ${plural(transitions, 'transition')}, depth ${depth}`
  const unchecked = liveness === 'unchecked' ? '; liveness unchecked' : ''
  const line = complete
    ? covered
    : simulation !== undefined
      ? `${covered}; then simulated ${plural(simulation.behaviours, 'behaviour')} of up to ${plural(simulation.depth, 'step')} (${plural(simulation.steps, 'step')}), seed ${simulation.seed} (incomplete: simulation is not a proof${bound === undefined ? '' : `; the search stopped at the ${bound} bound`}${unchecked})`
      : `${covered} (incomplete: ${bound === undefined ? 'a step failed' : `stopped at the ${bound} bound`}${unchecked})`
  // --coverage: one line per operation (event type), as TLC's coverage lists its actions.
  const lines = (coverage ?? []).map(
    ({ name, enabled, taken }) =>
      `\n    ${name}: enabled in ${plural(enabled, 'state')}, taken ${taken === 1 ? 'once' : `${taken} times`}`,
  )
  return line + lines.join('')
}

function formatBaseline(baseline: BaselineSummary, style: Style): string {
  const lines = [
    `${style('underline', baseline.file)} ${style('dim', `(${plural(baseline.known, 'known finding')} not counted)`)}`,
  ]
  if (baseline.fixed.length === 0) lines.push(`  ${style('green', '✔')} every entry still occurs`)
  else {
    lines.push(
      `  ${plural(baseline.fixed.length, 'entry', 'entries')} no longer ${baseline.fixed.length === 1 ? 'occurs' : 'occur'}: run \`plumbline check --update-baseline\` to drop them`,
    )
    for (const entry of baseline.fixed)
      lines.push(`    ${entry.file}  ${style('bold', entry.element || '(model)')}  ${style('dim', entry.rule)}`)
  }
  return `${lines.join('\n')}\n`
}

function formatConformance(stats: ConformanceStats): string {
  const { element, sequences, steps, transitions, states, rejections, random } = stats
  const parts = [
    `conformance of ${element}: ${plural(sequences, 'sequence')}, ${plural(steps, 'step')}`,
    `transitions covered ${transitions.covered}/${transitions.reachable}`,
    `states ${states.covered}/${states.reachable}`,
  ]
  if (rejections !== undefined) parts.push(`${plural(rejections, 'rejection')} tried`)
  if (random !== undefined)
    parts.push(`${plural(random.count, 'random sequence')} of up to ${random.maxLength} steps, seed ${random.seed}`)
  return `${parts.join(', ')}${stats.complete ? '' : ' (the exploration was incomplete)'}`
}
