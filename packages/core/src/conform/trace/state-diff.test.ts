import { describe, expect, it } from 'vitest'
import { stateDiff as diffStates } from '../../model/state-diff.js'
import { describeDifferences } from './state-diff.js'

describe('diffStates', () => {
  it('finds nothing between equal states written in another key order', () => {
    expect(diffStates({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 })).toEqual([])
  })

  it('reports each differing field at its deepest path: changed, only in the model, only observed', () => {
    expect(
      diffStates(
        { users: [{ email: 'a', password: 'p' }, { email: 'b' }], count: 2, gone: true },
        { users: [{ email: 'a', password: 'q' }], count: '2', extra: null },
      ),
    ).toEqual([
      { path: 'users[0].password', model: 'p', observed: 'q' },
      { path: 'users[1]', model: { email: 'b' } },
      { path: 'count', model: 2, observed: '2' },
      { path: 'gone', model: true },
      { path: 'extra', observed: null },
    ])
  })

  it('a value of another kind is one difference where it is; the root has the empty path', () => {
    expect(diffStates({ list: [1] }, { list: { 0: 1 } })).toEqual([{ path: 'list', model: [1], observed: { 0: 1 } }])
    expect(diffStates(1, 2)).toEqual([{ path: '', model: 1, observed: 2 }])
  })

  it('describes at most five differences, counting the rest', () => {
    const differences = diffStates([1, 2, 3, 4, 5, 6, 7], [0, 0, 0, 0, 0, 0, 0])
    expect(describeDifferences(differences, 'state')).toBe(
      'state[0]: the model has 1, observed 0; state[1]: the model has 2, observed 0; state[2]: the model has 3, observed 0; state[3]: the model has 4, observed 0; state[4]: the model has 5, observed 0; and 2 more differences',
    )
    expect(describeDifferences([{ path: '', model: 1, observed: 2 }], 'state')).toBe(
      'state: the model has 1, observed 2',
    )
  })
})
