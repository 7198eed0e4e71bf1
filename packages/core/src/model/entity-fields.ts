import type { EntitySchema } from './types.js'

/** The fields an entity's schema declares. */
export function fieldsOf(schema: EntitySchema): string[] {
  return Object.keys(schema.shape)
}
