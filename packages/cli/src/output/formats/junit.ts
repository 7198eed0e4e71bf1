/**
 * JUnit XML for CI test tabs: one test suite per model file, one test case for the model as
 * a whole and one per check it declares (each flow, machine, store, invariant, `never`
 * constraint and effect). A finding belongs to the check whose element encloses its own,
 * else to the model. Findings at error level fail their case, with the message and the
 * trace; warnings and infos are the case's output. No times: the same model gives the same XML.
 */
import type { Diagnostic, ModelReport } from '@plumbline/core'
import { owningCheck, type CheckItem } from '../../run/list-checks.js'
import { formatTrace } from './trace-text.js'
import type { Formatter } from './types.js'
import { xmlAttribute, xmlText } from './xml.js'

interface TestCase {
  name: string
  findings: Diagnostic[]
}

export const formatJunit: Formatter = (report, { checks, repositoryPath = (file) => file }) => {
  const suites = report.models.map((model) => suite(model, checks?.get(model.file) ?? [], repositoryPath(model.file)))
  const tests = suites.reduce((sum, s) => sum + s.tests, 0)
  const failures = suites.reduce((sum, s) => sum + s.failures, 0)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="plumbline" tests="${tests}" failures="${failures}" errors="0" skipped="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n')
}

/** `fileAttribute`: the model file from the repository's root, as CI reporters that annotate from JUnit read it. */
function suite(
  model: ModelReport,
  items: readonly CheckItem[],
  fileAttribute: string,
): { xml: string; tests: number; failures: number } {
  const cases: TestCase[] = [
    { name: 'model', findings: [] },
    ...items.map((item) => ({ name: `${item.kind} ${item.element}`, findings: [] as Diagnostic[] })),
  ]
  for (const diagnostic of model.diagnostics) {
    const owner = owningCheck(diagnostic.element, items)
    const testCase = owner === undefined ? cases[0] : cases[items.indexOf(owner) + 1]
    testCase?.findings.push(diagnostic)
  }
  const failing = cases.filter((c) => c.findings.some(isError)).length
  const attributes = `name="${xmlAttribute(`${model.file} (${model.system})`)}" tests="${cases.length}" failures="${failing}" errors="0" skipped="0" file="${xmlAttribute(fileAttribute)}"`
  return {
    xml: [
      `  <testsuite ${attributes}>`,
      ...cases.map((c) => testCaseXml(c, model, fileAttribute)),
      '  </testsuite>',
    ].join('\n'),
    tests: cases.length,
    failures: failing,
  }
}

function testCaseXml({ name, findings }: TestCase, model: ModelReport, fileAttribute: string): string {
  const open = `    <testcase classname="${xmlAttribute(model.system)}" name="${xmlAttribute(name)}" file="${xmlAttribute(fileAttribute)}"`
  if (findings.length === 0) return `${open}/>`
  const errors = findings.filter(isError)
  const others = findings.filter((finding) => !isError(finding))
  const lines = [`${open}>`]
  if (errors.length > 0) {
    const message = errors.length === 1 ? (errors[0]?.message ?? '') : `${errors.length} findings at error level`
    const type = [...new Set(errors.map((error) => error.rule))].join(' ')
    lines.push(
      `      <failure message="${xmlAttribute(message)}" type="${xmlAttribute(type)}">${xmlText(errors.map(describe).join('\n\n'))}</failure>`,
    )
  }
  if (others.length > 0) lines.push(`      <system-out>${xmlText(others.map(describe).join('\n\n'))}</system-out>`)
  lines.push('    </testcase>')
  return lines.join('\n')
}

function describe(diagnostic: Diagnostic): string {
  const where =
    diagnostic.location?.line === undefined
      ? ''
      : ` (${diagnostic.location.file}:${diagnostic.location.line}:${diagnostic.location.column ?? 1})`
  const head = `${diagnostic.severity} ${diagnostic.rule} at ${diagnostic.element || '(model)'}${where}\n${diagnostic.message}`
  return diagnostic.trace
    ? `${head}\n${formatTrace(diagnostic.trace, diagnostic.initial, undefined, { loop: diagnostic.loop }).join('\n')}`
    : head
}

function isError(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error'
}
