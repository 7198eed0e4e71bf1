import { describe, expect, it } from 'vitest'
import { findingsOf, questionsOf } from '../../testing/rule-findings.js'
import { failureSingleInstance } from './single-instance.js'

const system = (deployment: Record<string, unknown>) => ({
  name: 's',
  components: { api: { kind: 'container' }, Database: { kind: 'datastore' }, cache: { kind: 'queue' } },
  deployment,
})

describe('failure/single-instance', () => {
  it('reports a datastore run once on one node with no link, at its runs entry, with a question', () => {
    const model = system({
      Live: { nodes: { 'Big Bank plc': { nodes: { 'bigbank-db01': { runs: ['cache', 'Database'] } } } } },
    })
    expect(findingsOf(failureSingleInstance, model)).toEqual([
      {
        rule: 'failure/single-instance',
        element: 'deployment.Live.nodes["Big Bank plc"].nodes["bigbank-db01"].runs[1]',
        message:
          'datastore "Database" runs as a single instance in environment "Live" (on node "bigbank-db01"), with no replica and no failover',
      },
    ])
    expect(questionsOf(failureSingleInstance, model)).toEqual([
      [
        'deployment.Live.nodes["Big Bank plc"].nodes["bigbank-db01"].runs[1]',
        'What happens to Database when bigbank-db01 is down?',
      ],
    ])
  })

  it.each([
    ['instances on the node', { Live: { nodes: { db: { instances: 2, runs: ['Database'] } } } }],
    [
      'instances on a node around it',
      { Live: { nodes: { dc: { instances: 3, nodes: { db: { runs: ['Database'] } } } } } },
    ],
    ['a second node running it', { Live: { nodes: { a: { runs: ['Database'] }, b: { runs: ['Database'] } } } }],
    [
      'a failover link from a node around it',
      {
        Live: {
          nodes: { db01: { nodes: { oracle: { runs: ['Database'] } } }, db02: {} },
          relations: [{ from: 'db01', to: 'db02', description: 'Replicates data to' }],
        },
      },
    ],
    ['only other kinds run once', { Live: { nodes: { a: { runs: ['api', 'cache'] } } } }],
  ])('is silent for %s', (_, deployment) => {
    expect(findingsOf(failureSingleInstance, system(deployment))).toEqual([])
  })
})
