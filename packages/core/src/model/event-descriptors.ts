/**
 * XState's event descriptors: an exact type, `*`, or a prefix wildcard `a.b.*`. Matched as
 * XState's own `matchesEventDescriptor` does (it is not exported).
 */
export function matchesEventDescriptor(eventType: string, descriptor: string): boolean {
  if (descriptor === eventType || descriptor === '*') return true
  if (!descriptor.endsWith('.*')) return false
  const prefix = descriptor.split('.').slice(0, -1)
  const tokens = eventType.split('.')
  return prefix.every((token, index) => tokens[index] === token)
}

/** Event types a user names: not wildcards, not eventless, not XState's own `xstate.*` events. */
export function isUserEventType(descriptor: string): boolean {
  return descriptor !== '' && !descriptor.includes('*') && !descriptor.startsWith('xstate.')
}
