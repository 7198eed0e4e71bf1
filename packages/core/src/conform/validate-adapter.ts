/**
 * An adapter file's default export, checked before anything runs: that it is an adapter,
 * that it names a store or machine the model has, and that it binds a function to every
 * operation (or event) and to nothing else. Every problem names the element of the binding
 * where it is (`operations.resetPasword`), as model errors do.
 */
import { elementPath } from '../model/element-path.js'
import { closest } from '../model/suggest.js'
import { describeValue } from '../validate/validate-system.js'
import { isAdapter, type AnyAdapter } from './define-adapter.js'

export interface AdapterProblem {
  /** Where in the binding (the second argument of defineAdapter), e.g. `operations.signUp`; empty for the whole. */
  element: string
  message: string
}

/** Thrown where an adapter cannot be run: the CLI prints each problem with the file, and exits 2. */
export class AdapterError extends Error {
  constructor(readonly problems: readonly AdapterProblem[]) {
    super(problems.map(({ element, message }) => (element === '' ? message : `${element}: ${message}`)).join('\n'))
  }
}

export interface ParsedAdapter {
  model: unknown
  binding: AnyAdapter
  kind: 'store' | 'machine'
  id: string
}

/** The adapter's shape, before the model is looked at. */
export function parseAdapter(value: unknown): ParsedAdapter {
  if (!isAdapter(value))
    throw new AdapterError([
      {
        element: '',
        message: `an adapter file must \`export default defineAdapter(model, { … })\`; its default export is ${describeValue(value)}`,
      },
    ])
  const binding = value.binding as unknown
  if (typeof binding !== 'object' || binding === null)
    throw new AdapterError([{ element: '', message: `the binding must be an object; got ${describeValue(binding)}` }])
  const record = binding as Record<string, unknown>
  const problems: AdapterProblem[] = []
  const hasStore = record.store !== undefined
  const hasMachine = record.machine !== undefined
  if (hasStore === hasMachine)
    problems.push({
      element: '',
      message: hasStore
        ? 'name either a store or a machine, not both'
        : "name what it binds: store: 'id' (a store of the model) or machine: 'id'",
    })
  const kind = hasMachine ? 'machine' : 'store'
  const id = record[kind]
  if ((hasStore || hasMachine) && (typeof id !== 'string' || id === ''))
    problems.push({ element: kind, message: `must be the id of a ${kind} of the model; got ${describeValue(id)}` })
  for (const name of ['setup', 'observe'] as const)
    if (typeof record[name] !== 'function')
      problems.push({ element: name, message: `must be a function; got ${describeValue(record[name])}` })
  if (record.teardown !== undefined && typeof record.teardown !== 'function')
    problems.push({ element: 'teardown', message: `must be a function; got ${describeValue(record.teardown)}` })
  const handlers = kind === 'store' ? 'operations' : 'events'
  const table = record[handlers]
  if (typeof table !== 'object' || table === null || Array.isArray(table))
    problems.push({
      element: handlers,
      message: `must be an object with a function per ${kind === 'store' ? 'operation' : 'event type'}; got ${describeValue(table)}`,
    })
  else
    for (const [name, handler] of Object.entries(table))
      if (typeof handler !== 'function')
        problems.push({
          element: elementPath([handlers, name]),
          message: `must be a function; got ${describeValue(handler)}`,
        })
  if (problems.length > 0) throw new AdapterError(problems)
  return { model: value.model, binding: binding as AnyAdapter, kind, id: id as string }
}

/** The binding's functions against what the model's store or machine needs: every name bound, nothing more. */
export function checkBindings(parsed: ParsedAdapter, needed: readonly string[]): void {
  const handlers = parsed.kind === 'store' ? 'operations' : 'events'
  const what = parsed.kind === 'store' ? 'operation' : 'event'
  const table = (parsed.binding as unknown as Record<string, Record<string, unknown>>)[handlers] ?? {}
  const bound = Object.keys(table)
  const neededSet = new Set(needed)
  const unknown = bound.filter((name) => !neededSet.has(name))
  const problems: AdapterProblem[] = unknown.map((name) => {
    const suggestion = closest(name, needed)
    return {
      element: elementPath([handlers, name]),
      message: `${parsed.kind} ${JSON.stringify(parsed.id)} has no ${what} ${JSON.stringify(name)}${suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`}`,
    }
  })
  for (const name of needed) {
    if (Object.hasOwn(table, name)) continue
    const misspelt = closest(name, unknown)
    problems.push({
      element: handlers,
      message: `${what} ${JSON.stringify(name)} of ${parsed.kind} ${JSON.stringify(parsed.id)} is not bound${misspelt === undefined ? '' : ` (did you mean ${JSON.stringify(name)} where it says ${JSON.stringify(misspelt)}?)`}: every ${what} the model can take must be performed on the real system too`,
    })
  }
  if (problems.length > 0) throw new AdapterError(problems)
}

/** The store or machine id is one the model has; else a problem with the ids it has. */
export function checkTarget(parsed: ParsedAdapter, ids: readonly string[]): void {
  if (ids.includes(parsed.id)) return
  const suggestion = closest(parsed.id, ids)
  const known =
    ids.length === 0
      ? `the model has no ${parsed.kind}s`
      : `its ${parsed.kind}s: ${ids.map((id) => JSON.stringify(id)).join(', ')}`
  throw new AdapterError([
    {
      element: parsed.kind,
      message: `the model has no ${parsed.kind} ${JSON.stringify(parsed.id)}${suggestion === undefined ? ` (${known})` : ` (did you mean ${JSON.stringify(suggestion)}?)`}`,
    },
  ])
}
