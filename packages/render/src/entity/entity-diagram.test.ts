import { describe, expect, test } from 'vitest'
import { hostileModel, shopModel } from '../testing/fixture-models.js'
import { parseEntityDiagram } from '../testing/mermaid.js'
import { VERSIONS } from '../testing/model-expectations.js'
import { entityDiagram } from './entity-diagram.js'

describe('entityDiagram', () => {
  test('fields with their Zod types, identity as PK, unique keys as UK', async () => {
    expect(entityDiagram(await shopModel()).text).toBe(`erDiagram
  e_Customer["Customer"] {
    uuid id PK
    email email UK
    string name UK "optional#59; unique with age"
    string[] tags
    int age UK "nullable#59; unique with name"
    string f_display_name "display name"
    boolean f_pk "pk"
  }
  e_Parcel["Parcel"] {
    string id PK
    number weight
  }
`)
  })

  test('a field Mermaid cannot name is shown by its comment', async () => {
    const text = entityDiagram(await hostileModel()).text
    for (const version of VERSIONS)
      expect(await parseEntityDiagram(version, text)).toEqual([
        {
          id: 'e_class',
          label: 'class',
          attributes: [
            { type: 'string', name: 'f_PK', keys: ['PK'], comment: 'PK' },
            { type: 'number', name: 'f_weird_name', keys: ['UK'], comment: 'weird-name; unique with ünïcode' },
            { type: 'boolean', name: 'f__n_code', keys: ['UK'], comment: 'ünïcode; unique with weird-name' },
            { type: 'string', name: 'f___', keys: [], comment: '%%' },
          ],
        },
      ])
  })
})
