import { describe, expect, test } from 'vitest'
import { renderDocument } from '../document/document.js'
import { bankModel } from '../testing/fixture-models.js'
import { parseFlowchart } from '../testing/mermaid.js'
import { VERSIONS } from '../testing/model-expectations.js'
import { deploymentDiagram } from './deployment-diagram.js'
import { viewDiagram } from './view-diagram.js'
import { zoomViews } from './zoom-levels.js'

const slug = (name: string): string => name.replace(/\W+/gu, '-')

describe('zoom-level views', () => {
  test('a landscape, a context and a containers view per system, a components view per container', async () => {
    const model = await bankModel()
    expect(zoomViews(model, slug).map(({ key, title }) => [key, title])).toEqual([
      ['landscape', 'Landscape'],
      ['context-Internet-Banking-System', 'Context of Internet Banking System'],
      ['containers-Internet-Banking-System', 'Containers of Internet Banking System'],
      ['components-API-Application', 'Components of API Application'],
    ])
  })

  test('the components view nests boundaries, shows the neighbours of the parts, and rolls relations up to them', async () => {
    const model = await bankModel()
    const view = zoomViews(model, slug).find(({ key }) => key === 'components-API-Application')
    if (view === undefined) throw new Error('no view')
    const diagram = viewDiagram(model, view)
    expect(diagram.text).toBe(`flowchart LR
  subgraph b_Internet_Banking_System["Internet Banking System"]
    subgraph b_API_Application["API Application"]
      e_Sign_In_Controller["Sign In Controller"]
      e_Security_Component["Security Component"]
    end
    e_Database[("Database")]
  end
  e_Personal_Banking_Customer(["Personal Banking Customer"])
  e_Security_Component -->|"Reads from and writes to #91;JDBC#93;"| e_Database
  e_Personal_Banking_Customer -->|"Submits credentials"| e_Sign_In_Controller
  e_Sign_In_Controller -->|"Validates credentials"| e_Security_Component
`)
    expect(diagram.edges).toBe(3)
    for (const version of VERSIONS) {
      const parsed = await parseFlowchart(version, diagram.text)
      expect(parsed.subgraphs.map(({ label, nodes }) => [label, [...nodes].sort()])).toEqual([
        ['API Application', ['e_Security_Component', 'e_Sign_In_Controller']],
        ['Internet Banking System', ['b_API_Application', 'e_Database']],
      ])
    }
  })

  test('the containers view draws a relation between components once, between their containers', async () => {
    const model = await bankModel()
    const view = zoomViews(model, slug).find(({ key }) => key === 'containers-Internet-Banking-System')
    if (view === undefined) throw new Error('no view')
    expect(view.relations.map(({ from, to, description }) => [from, to, description])).toEqual([
      ['Personal Banking Customer', 'Web Application', 'Visits'],
      ['API Application', 'Database', 'Reads from and writes to'],
      ['API Application', 'E-mail System', 'Sends e-mail using'],
      ['Personal Banking Customer', 'API Application', 'Submits credentials'],
    ])
  })

  test('a deployment view: nodes as nested subgraphs with technology and instances, an instance per node, node links dotted', async () => {
    const model = await bankModel()
    const live = model.deployment.Live
    if (live === undefined) throw new Error('no Live')
    const diagram = deploymentDiagram(model, live)
    expect(diagram.text).toBe(`flowchart TB
  subgraph n_bigbank_api___["bigbank-api#42;#42;#42; #91;Ubuntu 16.04 LTS#93; ×8"]
    i_Web_Application["Web Application"]
    i_API_Application["API Application"]
  end
  subgraph n_bigbank_db01["bigbank-db01 #91;Ubuntu 16.04 LTS#93;"]
    i_Database[("Database")]
  end
  subgraph n_bigbank_db02["bigbank-db02 #91;Ubuntu 16.04 LTS#93;"]
    i_Database_2[("Database")]
  end
  i_API_Application -->|"Reads from and writes to #91;JDBC#93;"| i_Database
  i_API_Application -->|"Reads from and writes to #91;JDBC#93;"| i_Database_2
  n_bigbank_db01 -.->|"Replicates data to"| n_bigbank_db02
`)
    expect(diagram.edges).toBe(3)
    for (const version of VERSIONS) {
      const parsed = await parseFlowchart(version, diagram.text)
      expect(parsed.edges.map(({ from, to, stroke }) => [from, to, stroke])).toEqual([
        ['i_API_Application', 'i_Database', 'normal'],
        ['i_API_Application', 'i_Database_2', 'normal'],
        ['n_bigbank_db01', 'n_bigbank_db02', 'dotted'],
      ])
    }
  })

  test('a view past the limits GitHub draws is a sentence saying so, and the other views are still drawn', async () => {
    const model = await bankModel()
    const parts = Array.from({ length: 520 }, (_, index) => `part ${index}`)
    const big = {
      ...model,
      components: {
        ...model.components,
        ...Object.fromEntries(
          parts.map((part) => [part, { kind: 'component' as const, partOf: 'Security Component' }]),
        ),
      },
      relations: parts.slice(1).map((part, index) => ({ from: parts[index] ?? '', to: part })),
      flows: {},
    }
    const { markdown, blocks } = renderDocument({
      model: big,
      source: 'bank.ts',
      check: { diagnostics: [], questions: [], exploration: [] },
    })
    expect(blocks.get('bank/views/components-Security-Component')).toMatch(
      /^The view Components of Security Component is not drawn: it has 519 edges and \d+ characters of Mermaid, and GitHub and GitLab draw at most 500 edges and 50000 characters\.\n$/u,
    )
    expect(markdown).toContain('### Components of API Application\n\n```mermaid\n')
  })
})
