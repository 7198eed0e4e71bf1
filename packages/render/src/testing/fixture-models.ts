/** Test support: the render fixtures (test/fixtures/render) as validated models. */
import { checkSystem, type Model } from '@plumbline/core'
import hostile from '../../../../test/fixtures/render/hostile.js'
import shop from '../../../../test/fixtures/render/shop.js'
import bank from '../../../../test/fixtures/render/bank.js'

async function modelOf(system: unknown): Promise<Model> {
  const { model, diagnostics } = await checkSystem(system)
  if (model === undefined) throw new Error(`fixture does not validate: ${JSON.stringify(diagnostics)}`)
  return model
}

export const shopModel = (): Promise<Model> => modelOf(shop)
export const hostileModel = (): Promise<Model> => modelOf(hostile)
export const bankModel = (): Promise<Model> => modelOf(bank)
