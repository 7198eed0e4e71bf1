/**
 * `--shard i/n`: the i-th of n near-equal, contiguous slices of the model files in path
 * order, as vitest and Playwright shard, so a CI matrix of n jobs checks every file exactly
 * once. The order is the files' display paths, so every machine cuts the same slices.
 */
export interface Shard {
  /** 1-based. */
  index: number
  count: number
}

/** `2/3` → { index: 2, count: 3 }; undefined for anything else. */
export function parseShard(text: string): Shard | undefined {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(text.trim())
  if (!match) return undefined
  const shard = { index: Number(match[1]), count: Number(match[2]) }
  return shard.index <= shard.count ? shard : undefined
}

/** The files of one shard; `files` must be in a stable order. */
export function shardFiles<T>(files: readonly T[], { index, count }: Shard): T[] {
  const start = Math.floor(((index - 1) * files.length) / count)
  const end = Math.floor((index * files.length) / count)
  return files.slice(start, end)
}
