/** Reading one trace line as a JSON object with known fields, and how a step is named in messages. */
import { isPlainObject } from '../../model/recognise.js'
import { closest } from '../../model/suggest.js'
import { TraceLineError } from './trace-line-error.js'

/** The line's object; a line that is not a JSON object, or has a field no line has (a misspelt `state`?), is malformed. */
export function readLine(
  text: string,
  line: number,
  fields: readonly string[],
  shape: string,
): Record<string, unknown> {
  let entry: unknown
  try {
    entry = JSON.parse(text)
  } catch (error) {
    throw new TraceLineError(line, `not JSON (${(error as Error).message}); ${shape}`)
  }
  if (!isPlainObject(entry)) throw new TraceLineError(line, `not a JSON object; ${shape}`)
  for (const field in entry) {
    if (fields.includes(field)) continue
    const suggestion = closest(field, fields)
    throw new TraceLineError(
      line,
      `unknown field ${JSON.stringify(field)}${suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`}; ${shape}`,
    )
  }
  return entry
}

/** `signUp {"email":"a@x"}`, or the bare name without params. */
export function showStep({ action, params }: { action: string; params: Record<string, unknown> }): string {
  return Object.keys(params).length === 0 ? action : `${action} ${JSON.stringify(params)}`
}
