import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseShard, shardFiles } from './shard.js'

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/3', { index: 2, count: 3 }],
    [' 10/12 ', { index: 10, count: 12 }],
  ])('%j', (text, shard) => expect(parseShard(text)).toEqual(shard))

  it.each(['0/3', '4/3', '1/0', '1', '1/2/3', 'a/b', '-1/2', '1.5/3', '01/3', ''])('rejects %j', (text) => {
    expect(parseShard(text)).toBeUndefined()
  })
})

describe('shardFiles', () => {
  it('cuts near-equal contiguous slices in order', () => {
    const files = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    expect([1, 2, 3].map((index) => shardFiles(files, { index, count: 3 }))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f', 'g'],
    ])
    expect([1, 2, 3].map((index) => shardFiles(['a'], { index, count: 3 }))).toEqual([[], [], ['a']])
  })

  it('puts every file in exactly one shard, for any number of files and shards', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 60 }), fc.integer({ min: 1, max: 20 }), (files, count) => {
        const shards = Array.from({ length: count }, (_, i) => shardFiles(files, { index: i + 1, count }))
        expect(shards.flat()).toEqual(files)
        const sizes = shards.map((shard) => shard.length)
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
      }),
    )
  })
})
