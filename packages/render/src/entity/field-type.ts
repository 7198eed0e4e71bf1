/**
 * A Zod field's type as one word an `erDiagram` attribute can carry: `string`, `uuid`,
 * `email` (string formats), `int`, `enum`, `string[]`, … Wrappers (optional, nullable,
 * default, readonly) are looked through and reported beside the type.
 */
import type { z } from 'zod'

export interface FieldType {
  /** Matches Mermaid's attribute type token in 10 and 11: `[A-Za-z_][A-Za-z0-9_\[\]]*`. */
  word: string
  optional: boolean
  nullable: boolean
}

interface ZodDefinition {
  type: string
  format?: string
  innerType?: z.ZodType
  element?: z.ZodType
  in?: z.ZodType
}

const LOOKED_THROUGH = new Set(['default', 'prefault', 'readonly', 'catch', 'nonoptional', 'lazy'])

export function fieldType(schema: z.ZodType): FieldType {
  let definition = definitionOf(schema)
  let optional = false
  let nullable = false
  for (;;) {
    if (definition.type === 'optional') optional = true
    else if (definition.type === 'nullable') nullable = true
    else if (!LOOKED_THROUGH.has(definition.type) && definition.type !== 'pipe') break
    const inner = definition.type === 'pipe' ? definition.in : definition.innerType
    if (inner === undefined) break
    definition = definitionOf(inner)
  }
  return { word: typeWord(definition), optional, nullable }
}

function typeWord(definition: ZodDefinition): string {
  if (definition.type === 'array' && definition.element !== undefined)
    return `${typeWord(definitionOf(definition.element))}[]`
  if (
    definition.type === 'number' &&
    (definition.format === 'safeint' || definition.format === 'int32' || definition.format === 'uint32')
  )
    return 'int'
  const word = definition.type === 'string' && definition.format !== undefined ? definition.format : definition.type
  return word.replace(/[^A-Za-z0-9_]/gu, '_')
}

function definitionOf(schema: z.ZodType): ZodDefinition {
  return schema._zod.def as unknown as ZodDefinition
}
