/**
 * The check section: counts, every finding (severity, rule, element, message), what each
 * exploration covered — and where it stopped at a bound, that nothing is proven — and a
 * trace diagram for every finding that carries a counterexample.
 */
import { elementPath, summarize, type Diagnostic, type Model, type SystemCheck } from '@plumbline/core'
import type { AnyStateMachine } from 'xstate'
import type { MermaidDiagram } from '../diagram.js'
import { markdownCode, markdownRow, markdownText } from '../escape/markdown.js'
import { traceDiagram } from '../trace/trace-diagram.js'
import { heading, paragraphs, plural, type Draw } from './markdown-blocks.js'
import { traceStates } from './trace-states.js'

type CheckResult = Pick<SystemCheck, 'diagnostics' | 'exploration'>

/** `level`: the heading level of each counterexample. */
export function checkSummary(model: Model, check: CheckResult, level: number, draw: Draw): string {
  const { errors, warnings, infos } = summarize([{ diagnostics: check.diagnostics, questions: [] }])
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}.`
  const traced = check.diagnostics.filter((diagnostic) => diagnostic.trace !== undefined)
  return paragraphs(
    markdownText(counts),
    findingsTable(check.diagnostics),
    explorationTable(check),
    ...traced.map((diagnostic, index) =>
      counterexample(model, diagnostic, level, (diagram, what) => draw(`trace-${index + 1}`, diagram, what)),
    ),
  )
}

function findingsTable(diagnostics: readonly Diagnostic[]): string | undefined {
  if (diagnostics.length === 0) return undefined
  return [
    markdownRow(['Severity', 'Rule', 'Element', 'Message']),
    markdownRow(['---', '---', '---', '---']),
    ...diagnostics.map((diagnostic) =>
      markdownRow([
        diagnostic.severity,
        markdownCode(diagnostic.rule),
        markdownCode(diagnostic.element),
        markdownText(diagnostic.message),
      ]),
    ),
  ].join('\n')
}

/** Counts only: the time an exploration took differs from run to run, and documents must not. */
function explorationTable({ exploration }: CheckResult): string | undefined {
  if (exploration.length === 0) return undefined
  return [
    markdownRow(['Explored', 'States', 'Transitions', 'Complete']),
    markdownRow(['---', '---:', '---:', '---']),
    ...exploration.map((stats) =>
      markdownRow([
        markdownCode(stats.element),
        String(stats.states),
        String(stats.transitions),
        stats.complete ? 'yes' : 'no: stopped at a bound, nothing proven',
      ]),
    ),
  ].join('\n')
}

function counterexample(
  model: Model,
  diagnostic: Diagnostic,
  level: number,
  draw: (diagram: MermaidDiagram, what: string) => string,
): string {
  const title = `${diagnostic.rule} at ${diagnostic.element}`
  const { subject, machine } = explored(model, diagnostic.element)
  const trace = diagnostic.trace ?? []
  const diagram = traceDiagram({
    subject,
    initial: diagnostic.initial,
    trace,
    conclusion: diagnostic.message,
    ...(machine === undefined ? {} : { machine }),
    loop: diagnostic.loop,
  })
  return paragraphs(
    heading(level, title),
    draw(diagram, `The trace of ${title}`),
    trace.length === 0 ? undefined : traceStates(diagnostic.initial, trace),
  )
}

/** The store or machine an element belongs to (`stores.accounts.invariants.x` → `accounts`), and the machine itself. */
function explored(model: Model, element: string): { subject: string; machine?: AnyStateMachine } {
  const owners = [
    ...Object.keys(model.stores).map((id) => [id, elementPath(['stores', id]), undefined] as const),
    ...Object.entries(model.machines).map(([id, entry]) => [id, elementPath(['machines', id]), entry.machine] as const),
  ]
  for (const [id, path, machine] of owners)
    if (element === path || element.startsWith(`${path}.`) || element.startsWith(`${path}[`))
      return machine === undefined ? { subject: id } : { subject: id, machine }
  return { subject: element }
}
