/** Wording shared by the adapters' messages. */

/** What a model function threw, on one line: `TypeError: x is not a function`. */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) {
    const message = error.message.replace(/\s*\n\s*/g, ' ').trim()
    return message === '' ? error.name : `${error.name}: ${message}`
  }
  return `${typeof error === 'string' ? JSON.stringify(error) : String(error)} (thrown, not an Error)`
}
