/** A count and its noun: `1 file`, `2 files`; `nouns` where the plural is not the noun and an s (`entry`, `entries`). */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`
}
