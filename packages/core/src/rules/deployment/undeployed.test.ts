import { describe, expect, it } from 'vitest'
import { findingsOf } from '../../testing/rule-findings.js'
import { deploymentUndeployed } from './undeployed.js'

const system = (deployment: Record<string, unknown>) => ({
  name: 's',
  components: {
    customer: { kind: 'person' },
    banking: { kind: 'system' },
    api: { kind: 'container', partOf: 'banking' },
    signIn: { kind: 'component', partOf: 'api' },
    db: { kind: 'datastore', partOf: 'banking' },
    mail: { kind: 'external' },
  },
  flows: {
    'sign in': {
      steps: [
        { from: 'customer', to: 'signIn' },
        { from: 'signIn', to: 'db', onFailure: '503' },
        { from: 'signIn', to: 'mail', onFailure: 'retried' },
      ],
    },
  },
  deployment,
})

describe('deployment/undeployed', () => {
  it('reports each element a flow uses that no node of an environment runs, per environment', () => {
    expect(
      findingsOf(
        deploymentUndeployed,
        system({
          Development: { nodes: { laptop: { nodes: { docker: { runs: ['api'] } } } } },
          Live: { nodes: { 'db 01': { runs: ['db'] } } },
        }),
      ),
    ).toEqual([
      {
        rule: 'deployment/undeployed',
        element: 'deployment.Development.runs.db',
        message:
          '"db" is used by a flow but no node of environment "Development" runs it (nor an element it is part of, nor one of its parts)',
      },
      {
        rule: 'deployment/undeployed',
        element: 'deployment.Live.runs.signIn',
        message:
          '"signIn" is used by a flow but no node of environment "Live" runs it (nor an element it is part of, nor one of its parts)',
      },
    ])
  })

  it.each([
    [
      'an element running with the container it is part of, and people and externals never deployed',
      { Live: { nodes: { n: { runs: ['api', 'db'] } } } },
    ],
    ['the system running as a whole', { Live: { nodes: { n: { runs: ['banking'] } } } }],
    ['a model without deployment', {}],
  ])('is silent for %s', (_, deployment) => {
    expect(findingsOf(deploymentUndeployed, system(deployment))).toEqual([])
  })
})
