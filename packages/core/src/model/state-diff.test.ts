import { describe, expect, it } from 'vitest'
import { describeChanges, describeDifference, describeDifferences, stateDiff } from './state-diff.js'

describe('stateDiff', () => {
  it('ignores key order and reports each differing field by its path', () => {
    const model = {
      users: [
        { id: 1, email: 'a@x', password: 'p1' },
        { id: 2, email: 'a@x', password: 'p1' },
      ],
    }
    const observed = {
      users: [
        { password: 'p2', id: 1, email: 'a@x' },
        { email: 'a@x', id: 2, password: 'p2' },
      ],
    }
    expect(stateDiff(model, observed)).toEqual([
      { path: 'users[0].password', model: 'p1', observed: 'p2' },
      { path: 'users[1].password', model: 'p1', observed: 'p2' },
    ])
    expect(stateDiff({ b: 1, a: [1, 2] }, { a: [1, 2], b: 1 })).toEqual([])
  })

  it('names rows and keys only one side has, and reads dates as JSON does', () => {
    expect(stateDiff({ users: [{ id: 1 }] }, { users: [{ id: 1 }, { id: 2 }], extra: true })).toEqual([
      { path: 'users[1]', observed: { id: 2 } },
      { path: 'extra', observed: true },
    ])
    expect(
      stateDiff({ at: '2026-01-01T00:00:00.000Z', gone: undefined }, { at: new Date(Date.UTC(2026, 0, 1)) }),
    ).toEqual([])
    expect(stateDiff('idle', 'busy')).toEqual([{ path: '', model: 'idle', observed: 'busy' }])
  })

  it('is described in a message as path, model value and observed value', () => {
    expect(describeDifference({ path: 'users[1]', observed: { id: 2 } })).toBe(
      'users[1]: model absent, observed {"id":2}',
    )
    expect(describeDifference({ path: '', model: 'idle', observed: 'busy' })).toBe(
      'the state: model "idle", observed "busy"',
    )
  })

  it('a value of another kind is one difference where it is; the root has the empty path', () => {
    expect(stateDiff({ list: [1] }, { list: { 0: 1 } })).toEqual([{ path: 'list', model: [1], observed: { 0: 1 } }])
    expect(stateDiff(1, 2)).toEqual([{ path: '', model: 1, observed: 2 }])
  })

  it('is described in a message under a root, at most five differences spelt out and the rest counted', () => {
    expect(describeDifferences(stateDiff([1, 2, 3, 4, 5, 6, 7], [0, 0, 0, 0, 0, 0, 0]), 'state')).toBe(
      'state[0]: model 1, observed 0; state[1]: model 2, observed 0; state[2]: model 3, observed 0; state[3]: model 4, observed 0; state[4]: model 5, observed 0; and 2 more differences',
    )
    expect(describeDifferences([{ path: 'users[0].email', model: 'a', observed: 'b' }], 'state')).toBe(
      'state.users[0].email: model "a", observed "b"',
    )
    expect(describeDifferences([{ path: '', model: 1, observed: 2 }], 'state')).toBe('state: model 1, observed 2')
  })
})

describe('describeChanges', () => {
  it('says what a step changed, field by field, from the old value to the new', () => {
    expect(
      describeChanges(
        {
          users: [
            { email: 'a@x', password: 'secret' },
            { email: 'b@x', password: 'secret' },
          ],
          count: 2,
        },
        {
          users: [
            { email: 'a@x', password: 'secret' },
            { email: 'b@x', password: 'new' },
          ],
          count: 2,
          open: true,
        },
      ),
    ).toEqual(['users[1].password: "secret" → "new"', 'open: absent → true'])
    expect(describeChanges({ value: 'a', context: {} }, { value: 'a', context: {} })).toEqual([])
    expect(describeChanges(1n, 2n)).toEqual(['the state: 1 → 2'])
  })
})
