import { describe, expect, it } from 'vitest'
import { workspaceToModel } from './to-model.js'
import { workspaceSchema } from './workspace-schema.js'

const workspace = workspaceSchema.parse({
  name: 'W',
  model: {
    people: [{ id: '1', name: 'User', tags: 'Element,Person,Customer' }],
    softwareSystems: [
      {
        id: '2',
        name: 'Shop',
        containers: [
          {
            id: '3',
            name: 'API',
            technology: 'Go',
            components: [
              {
                id: '4',
                name: 'API',
                relationships: [{ id: 'r1', sourceId: '4', destinationId: '5', description: 'Reads' }],
              },
            ],
          },
          { id: '5', name: 'Store', tags: 'Element,Container,Database' },
        ],
        relationships: [{ id: 'r2', sourceId: '2', destinationId: '5', linkedRelationshipId: 'r1' }],
      },
    ],
    deploymentNodes: [
      {
        id: 'n1',
        name: 'dc',
        environment: 'Live',
        instances: '2',
        children: [
          { id: 'n2', name: 'db', environment: 'Live', containerInstances: [{ id: 'i1', containerId: '5' }] },
          {
            id: 'n3',
            name: 'db',
            environment: 'Live',
            instances: '1..N',
            relationships: [{ id: 'r3', sourceId: 'n3', destinationId: 'n2', description: 'Replicates data to' }],
          },
        ],
      },
    ],
  },
  views: {
    dynamicViews: [
      {
        key: 'read',
        relationships: [
          { id: 'r1', order: '2', response: true, description: 'Rows' },
          { id: 'r1', order: '1' },
        ],
      },
    ],
  },
})

describe('workspaceToModel', () => {
  const { system, notes } = workspaceToModel(workspace)

  it('nests elements by their Structurizr parents, names a clash apart by its parent, and keeps custom tags only', () => {
    expect(system.components).toEqual({
      User: { kind: 'person', tags: ['Customer'] },
      Shop: { kind: 'system' },
      API: { kind: 'container', partOf: 'Shop', technology: 'Go' },
      'API (API)': { kind: 'component', partOf: 'API' },
      Store: { kind: 'datastore', partOf: 'Shop', tags: ['Database'] },
    })
  })

  it('maps explicit relationships only, dynamic views as flows in order with responses drawn back, and nodes per environment', () => {
    expect(system.relations).toEqual([{ from: 'API (API)', to: 'Store', description: 'Reads' }])
    expect(system.flows).toEqual({
      read: {
        steps: [
          { from: 'API (API)', to: 'Store', message: 'Reads' },
          { from: 'Store', to: 'API (API)', message: 'Rows' },
        ],
      },
    })
    expect(system.deployment).toEqual({
      Live: {
        nodes: { dc: { instances: 2, nodes: { db: { runs: ['Store'] }, 'db (dc)': {} } } },
        relations: [{ from: 'db (dc)', to: 'db', description: 'Replicates data to' }],
      },
    })
  })

  it('lists every renaming and everything not mapped', () => {
    expect(notes).toEqual([
      'element "API" is named "API (API)": Plumbline needs names unique and without surrounding spaces',
      '1 relationship Structurizr implies from others: plumbline render rolls relations up itself',
      'deployment node "db" in "Live" is named "db (dc)": node names are unique within an environment',
      'the instances of deployment node "db (dc)" ("1..N") are not a whole number',
    ])
  })
})
