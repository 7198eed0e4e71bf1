/**
 * Recognising the foreign objects a model holds: Zod schemas and XState machines. Checked
 * by shape rather than `instanceof`, so a model that resolves its own copy of zod or
 * xstate is still understood.
 */
import type { AnyStateMachine } from 'xstate'
import type { z } from 'zod'

export function isZodSchema(value: unknown): value is z.ZodType {
  return (
    typeof value === 'object' &&
    value !== null &&
    '_zod' in value &&
    typeof (value as { _zod: unknown })._zod === 'object' &&
    (value as { _zod: { def?: unknown } })._zod.def !== undefined
  )
}

export function isZodObject(value: unknown): value is z.ZodObject {
  return isZodSchema(value) && (value as z.ZodType)._zod.def.type === 'object'
}

export function isStateMachine(value: unknown): value is AnyStateMachine {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Partial<Record<'transition' | 'getInitialSnapshot' | 'root', unknown>>
  return (
    typeof candidate.transition === 'function' &&
    typeof candidate.getInitialSnapshot === 'function' &&
    typeof candidate.root === 'object' &&
    candidate.root !== null
  )
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value) as unknown
  return prototype === Object.prototype || prototype === null
}
