/**
 * Fields that look like they identify someone or something: a `z.email()` field, or a field
 * named like email, username, handle, slug or phone (`primaryEmail`, `user_name`, `phone:
 * z.number()`; not `emailVerified: z.boolean()`). Two records sharing one of these is usually a bug nobody
 * decided on (the seed essay's shared email).
 */
import type { z } from 'zod'
import type { EntitySchema } from '../../model/types.js'

/** Values that name a fact about something rather than identify it: `emailVerified: z.boolean()`, `phoneChangedAt: z.date()`. */
const NOT_IDENTIFYING_TYPES = new Set(['boolean', 'date', 'array', 'object', 'record', 'map', 'set', 'tuple'])

/** Words (of a camelCase, snake_case or kebab-case field name) that make a field look identifying. */
const IDENTIFYING_WORDS = new Set(['email', 'username', 'handle', 'slug', 'phone'])

/** The schema's fields that look identifying, in the schema's order. */
export function identifyingFields(schema: EntitySchema): string[] {
  return Object.entries(schema.shape)
    .filter(([name, field]) => {
      const base = unwrap(field as z.core.$ZodType)
      return isEmail(base) || (!NOT_IDENTIFYING_TYPES.has(base._zod.def.type) && looksIdentifying(name))
    })
    .map(([name]) => name)
}

function looksIdentifying(name: string): boolean {
  const words = wordsOf(name)
  // "user name" and "e mail" are identifying too, written as two words.
  const joined = words.slice(1).map((word, index) => `${words[index]}${word}`)
  return [...words, ...joined].some((word) => IDENTIFYING_WORDS.has(word))
}

/** `primaryEmail` → primary, email; `user_name` → user, name; `phoneNumber` → phone, number. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter(Boolean)
}

/** The schema under optional, nullable, default, read-only and similar wrappers. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema
  for (let inner = innerOf(current); inner !== undefined; inner = innerOf(current)) current = inner
  return current
}

function innerOf(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  return (schema._zod.def as { innerType?: z.core.$ZodType }).innerType
}

/** `z.email()` or `z.string().email()`. */
function isEmail(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as { format?: string; checks?: Array<{ _zod: { def: { format?: string } } }> }
  return def.format === 'email' || def.checks?.some((check) => check._zod.def.format === 'email') === true
}
