/**
 * A model's sections are records keyed by user-chosen names, and a name may be anything,
 * "constructor" or "toString" included: look names up as own keys only, never through the
 * prototype.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined
}
