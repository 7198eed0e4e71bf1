import { deploymentNodesOf, type PlacedNode } from '../../model/deployment.js'
import { type PathSegment, samePath } from '../../model/element-path.js'
import { kindOf } from '../../model/hierarchy.js'
import type { Model } from '../../model/model.js'
import { defineRule } from '../define-rule.js'
import { quoted } from '../wording.js'

export const failureSingleInstance = defineRule({
  id: 'failure/single-instance',
  severity: 'warning',
  summary: 'A datastore is deployed as a single instance, with no replica, failover or decision.',
  explanation: `A datastore that runs on one node, once, is lost with that node: every flow through it stops,
and whatever was written since the last backup may be gone. Run it on more than one
instance (instances: 2, or a second node that runs it), link its node to another with a
relation (replication, failover), or record the decision that one instance is enough there
(a development laptop) by answering the finding, which is also an open question. Read per
environment, for the datastores a node names in its runs.

Bad:
  deployment: { Live: { nodes: { 'db01': { runs: ['db'] } } } }

Good:
  deployment: {
    Live: {
      nodes: { 'db01': { runs: ['db'] }, 'db02': { runs: ['db'], tags: ['Failover'] } },
      relations: [{ from: 'db01', to: 'db02', description: 'Replicates data to' }],
    },
  }`,
  check: (model, report) => {
    for (const [environment, { nodes, relations }] of Object.entries(model.deployment)) {
      const placed = deploymentNodesOf(environment, nodes)
      const linked = new Set((relations ?? []).flatMap((relation) => [relation.from, relation.to]))
      for (const datastore of datastoresIn(model, placed)) {
        const hosts = placed.filter(({ node }) => node.runs?.includes(datastore))
        const instances = hosts.reduce((sum, { instances }) => sum + instances, 0)
        const host = hosts[0]
        if (host === undefined || instances > 1 || hosts.some((entry) => isLinked(entry, linked))) continue
        report(
          [...host.path, 'runs', host.node.runs?.indexOf(datastore) ?? 0],
          `datastore ${quoted(datastore)} runs as a single instance in environment ${quoted(environment)} (on node ${quoted(host.name)}), with no replica and no failover`,
        )
      }
    }
  },
  question: (finding, model) => {
    const located = hostAt(model, finding.path)
    if (located === undefined) return finding.message
    return `What happens to ${located.datastore} when ${located.node} is down?`
  },
})

function datastoresIn(model: Model, placed: readonly PlacedNode[]): string[] {
  const run = new Set(placed.flatMap(({ node }) => node.runs ?? []))
  return [...run].filter((element) => kindOf(model, element) === 'datastore')
}

/** A node linked to another (replication, failover), itself or a node around it. */
function isLinked(entry: PlacedNode, linked: ReadonlySet<string>): boolean {
  return linked.has(entry.name) || entry.within.some((outer) => linked.has(outer))
}

/** The datastore and its node a finding's element names, read back from the model. */
function hostAt(model: Model, element: readonly PathSegment[]): { datastore: string; node: string } | undefined {
  for (const [environment, { nodes }] of Object.entries(model.deployment))
    for (const { name, path, node } of deploymentNodesOf(environment, nodes))
      for (const [index, datastore] of (node.runs ?? []).entries())
        if (samePath([...path, 'runs', index], element)) return { datastore, node: name }
  return undefined
}
