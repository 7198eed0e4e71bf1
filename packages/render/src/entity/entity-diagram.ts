/**
 * The entities as an `erDiagram`: each with its fields and their Zod types, identity
 * fields marked PK and the fields of unique keys UK. Attribute names are bare words in
 * Mermaid, so a field whose name is not a plain identifier is shown through its comment,
 * which holds any text.
 */
import type { EntityDefinition, Model } from '@plumbline/core'
import type { z } from 'zod'
import { diagramText, type MermaidDiagram } from '../diagram.js'
import { IdAllocator } from '../escape/ids.js'
import { mermaidInlineLabel } from '../escape/label.js'
import { fieldType } from './field-type.js'

/** What Mermaid 10 and 11 both take as an attribute name (PK, FK, UK are key words in any case). */
const PLAIN_ATTRIBUTE = /^[A-Za-z_][A-Za-z0-9_]*$/u
const KEY_WORD = /^(?:pk|fk|uk)$/iu

export function entityDiagram(model: Model): MermaidDiagram {
  const ids = new IdAllocator('e_')
  const lines: Array<readonly [number, string]> = [[0, 'erDiagram']]
  for (const [name, entity] of Object.entries(model.entities)) {
    const attributes = attributeLines(entity)
    const head = `${ids.idFor(name)}["${mermaidInlineLabel(name)}"]`
    if (attributes.length === 0) lines.push([1, head])
    else lines.push([1, `${head} {`], ...attributes.map((line) => [2, line] as const), [1, '}'])
  }
  return { text: diagramText(lines), edges: 0 }
}

function attributeLines(entity: EntityDefinition): string[] {
  const shape = entity.schema.shape as Record<string, z.ZodType>
  const isPlain = (field: string): boolean => PLAIN_ATTRIBUTE.test(field) && !KEY_WORD.test(field)
  // Plain names first, so a name made for another field never takes one of them.
  const names = new IdAllocator('')
  for (const field of Object.keys(shape)) if (isPlain(field)) names.idFor(field)
  return Object.entries(shape).map(([field, schema]) => {
    const type = fieldType(schema)
    const plain = isPlain(field)
    const keys = [
      ...(entity.identity?.includes(field) ? ['PK'] : []),
      ...(uniqueKeysWith(entity, field).length > 0 ? ['UK'] : []),
    ]
    const comment = [
      ...(plain ? [] : [field]),
      ...(type.optional ? ['optional'] : []),
      ...(type.nullable ? ['nullable'] : []),
      ...uniqueKeysWith(entity, field)
        .filter((key) => key.length > 1)
        .map((key) => `unique with ${key.filter((other) => other !== field).join(', ')}`),
    ].join('; ')
    const name = names.idFor(field, `f_${field}`)
    return [type.word, name, keys.join(', '), comment === '' ? '' : `"${mermaidInlineLabel(comment)}"`]
      .filter((part) => part !== '')
      .join(' ')
  })
}

function uniqueKeysWith(entity: EntityDefinition, field: string): string[][] {
  return entity.unique === undefined || entity.unique === 'none'
    ? []
    : entity.unique.filter((key) => key.includes(field))
}
