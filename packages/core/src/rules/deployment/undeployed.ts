import { deploymentNodesOf } from '../../model/deployment.js'
import { ancestorsOf, kindOf } from '../../model/hierarchy.js'
import type { Model } from '../../model/model.js'
import { own } from '../../model/own.js'
import { defineRule } from '../define-rule.js'
import { quoted } from '../wording.js'

export const deploymentUndeployed = defineRule({
  id: 'deployment/undeployed',
  severity: 'warning',
  summary: 'An element a flow uses runs on no node of a deployment environment.',
  explanation: `Every element a flow calls must run somewhere in each environment the model describes: a
flow through an element no node runs cannot happen there, and what the environment is
missing is found in production instead of in the model. An element runs where a node runs
it, one of the elements it is part of, or one of its parts. People and external elements
are not deployed. The finding names the environment and the element (deployment.Live.runs.db);
add the element to a node's runs, or record a decision that answers it.

Bad:
  components: { api: { kind: 'container' }, db: { kind: 'datastore' } },
  flows: { read: { steps: [{ from: 'api', to: 'db', onFailure: '503' }] } },
  deployment: { Live: { nodes: { server: { runs: ['api'] } } } }

Good:
  deployment: { Live: { nodes: { server: { runs: ['api'] }, 'db-server': { runs: ['db'] } } } }`,
  check: (model, report) => {
    const used = [
      ...new Set(Object.values(model.flows).flatMap((flow) => flow.steps.flatMap((step) => [step.from, step.to]))),
    ].filter((element) => own(model.components, element) !== undefined && isDeployable(model, element))
    for (const [environment, { nodes }] of Object.entries(model.deployment)) {
      const running = new Set(deploymentNodesOf(environment, nodes).flatMap(({ node }) => node.runs ?? []))
      for (const element of used) {
        if (runsIn(model, element, running)) continue
        report(
          ['deployment', environment, 'runs', element],
          `${quoted(element)} is used by a flow but no node of environment ${quoted(environment)} runs it (nor an element it is part of, nor one of its parts)`,
        )
      }
    }
  },
})

function isDeployable(model: Model, element: string): boolean {
  const kind = kindOf(model, element)
  return kind !== 'person' && kind !== 'external'
}

/** The element runs where it, an element it is part of, or one of its parts is run by a node. */
function runsIn(model: Model, element: string, running: ReadonlySet<string>): boolean {
  if (running.has(element) || ancestorsOf(model, element).some((ancestor) => running.has(ancestor))) return true
  return [...running].some((deployed) => ancestorsOf(model, deployed).includes(element))
}
