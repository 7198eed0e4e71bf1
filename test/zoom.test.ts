/**
 * Nested models as a user writes them, through the command: a broken partOf and a cycle are
 * model/invalid at their element paths and lines, and a deployment that misses an element a
 * flow uses is deployment/undeployed.
 */
import { describe, expect, it } from 'vitest'
import { makeProject, runCli } from './helpers/cli.js'

const model = (components: string, deployment: string) => `import { defineSystem } from '@plumbline/core'

export default defineSystem({
  name: 'bank',
  components: {
${components}
  },
  flows: {
    'sign in': { steps: [{ from: 'customer', to: 'signIn' }, { from: 'signIn', to: 'db', onFailure: '503' }] },
  },
  deployment: ${deployment},
})
`

const COMPONENTS = `    customer: { kind: 'person' },
    banking: { kind: 'system' },
    api: { kind: 'container', partOf: 'banking' },
    signIn: { kind: 'component', partOf: 'api' },
    db: { kind: 'datastore', partOf: 'banking' },`

async function check(source: string) {
  const dir = await makeProject({ 'models/bank.ts': source })
  const result = await runCli(['check', 'models/bank.ts', '--format', 'json'], { cwd: dir })
  const report = JSON.parse(result.stdout)
  return {
    exitCode: result.exitCode,
    diagnostics: report.models[0].diagnostics.map(
      (d: { rule: string; element: string; message: string; location?: { line: number } }) => [
        d.rule,
        d.element,
        d.message,
        d.location?.line,
      ],
    ),
  }
}

describe('nested models through plumbline check', () => {
  it('a partOf naming no element and a cycle are model/invalid at their element paths and lines', async () => {
    const components = COMPONENTS.replace("partOf: 'api' }", "partOf: 'apl' }").replace(
      "banking: { kind: 'system' }",
      "banking: { kind: 'system', partOf: 'db' }",
    )
    const result = await check(
      model(components, `{ Live: { nodes: { server: { instances: 2, runs: ['banking'] } } } }`),
    )
    expect(result.diagnostics).toEqual([
      ['model/invalid', 'components.signIn.partOf', 'unknown element "apl" (did you mean "api"?)', 9],
      [
        'model/invalid',
        'components.banking.partOf',
        '"banking" is part of itself: "banking" → "db" → "banking" (partOf must make a tree)',
        7,
      ],
      // signIn is part of no element that runs, so Live does not run it either.
      [
        'deployment/undeployed',
        'deployment.Live.runs.signIn',
        '"signIn" is used by a flow but no node of environment "Live" runs it (nor an element it is part of, nor one of its parts)',
        15,
      ],
    ])
    expect(result.exitCode).toBe(1)
  })

  it('a deployment that misses an element a flow uses is deployment/undeployed; one running the container is not', async () => {
    const result = await check(
      model(
        COMPONENTS,
        `{ Live: { nodes: { server: { instances: 2, runs: ['api'] } } }, Dev: { nodes: { laptop: { runs: ['banking'] } } } }`,
      ),
    )
    expect(result.diagnostics).toEqual([
      [
        'deployment/undeployed',
        'deployment.Live.runs.db',
        '"db" is used by a flow but no node of environment "Live" runs it (nor an element it is part of, nor one of its parts)',
        15,
      ],
    ])
    expect(result.exitCode).toBe(0)
  })
})
