/**
 * The human report: findings grouped by model file, each with its severity, rule id,
 * element path and message, the trace as numbered steps where there is one, what each
 * exploration covered, and a summary line. No timings: the same model prints the same text.
 */
import type { Diagnostic, ExplorationStats, ModelReport, Severity, TraceStep } from '@plumbline/core'
import type { Style } from '../style.js'
import type { Formatter } from './types.js'

const MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' }
const COLOUR: Record<Severity, 'red' | 'yellow' | 'blue'> = { error: 'red', warning: 'yellow', info: 'blue' }

export const formatPretty: Formatter = (report, { style }) => {
  const blocks = report.models.map((model) => formatModel(model, style))
  const { errors, warnings, infos } = report.summary
  const checked = `${report.models.length} model${report.models.length === 1 ? '' : 's'} checked`
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`
  const summary = errors > 0 ? style(['bold', 'red'], `${MARK.error} ${counts}`) : warnings > 0 ? style(['bold', 'yellow'], counts) : style(['bold', 'green'], `✔ ${counts}`)
  return `${blocks.join('\n')}${blocks.length > 0 ? '\n' : ''}${checked}: ${summary}\n`
}

function formatModel(model: ModelReport, style: Style): string {
  const header = `${style('underline', model.file)} ${style('dim', `(${model.system})`)}`
  const lines = [header]
  if (model.diagnostics.length === 0) lines.push(`  ${style('green', '✔')} no findings`)
  for (const diagnostic of model.diagnostics) lines.push(...formatDiagnostic(diagnostic, style))
  for (const exploration of model.exploration) lines.push(style('dim', `  ${formatExploration(exploration)}`))
  if (model.decided.length > 0)
    lines.push(style('dim', `  ${plural(model.decided.length, 'finding')} answered by decisions in the model`))
  return `${lines.join('\n')}\n`
}

function formatDiagnostic(diagnostic: Diagnostic, style: Style): string[] {
  const { severity } = diagnostic
  const where = diagnostic.location?.line === undefined ? '' : style('dim', `:${diagnostic.location.line}:${diagnostic.location.column ?? 1}`)
  const lines = [
    `  ${style(COLOUR[severity], `${MARK[severity]} ${severity}`)}  ${style('bold', diagnostic.element || '(model)')}${where}  ${style('dim', diagnostic.rule)}`,
    `    ${diagnostic.message}`,
  ]
  if (diagnostic.trace) lines.push(...formatTrace(diagnostic.trace, diagnostic.initial, style))
  return lines
}

function formatExploration({ element, states, transitions, depth, complete, bound }: ExplorationStats): string {
  const covered = `explored ${element}: ${plural(states, 'state')}, ${plural(transitions, 'transition')}, depth ${depth}`
  if (complete) return covered
  return `${covered} (incomplete: ${bound === undefined ? 'a step failed' : `stopped at the ${bound} bound`})`
}

function formatTrace(trace: readonly TraceStep[], initial: unknown, style: Style): string[] {
  const lines = [`    ${style('dim', 'from')} ${compact(initial)}`]
  if (trace.length === 0) lines.push(`    ${style('dim', '(already in the initial state)')}`)
  trace.forEach((step, index) => {
    const params = Object.keys(step.params).length === 0 ? '' : ` ${compact(step.params)}`
    lines.push(`    ${index + 1}. ${style('cyan', step.action)}${params} ${style('dim', '→')} ${compact(step.state)}`)
  })
  return lines
}

function compact(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined'
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
