/**
 * Models for end-to-end tests, made from the model `plumbline init` writes (which passes
 * every rule), with deliberate mistakes swapped in, so a test's findings are exactly the
 * mistakes it made.
 */
import { STARTER_MODEL } from '../../packages/cli/src/init/starter-files.js'

export const shop = STARTER_MODEL

/** A mistake: the text to find in the model, and what to write instead. */
export type Mistake = readonly [find: string, replace: string]

/** The api in a zone that does not exist: `model/invalid` at `components.api.zone`. */
export const UNKNOWN_ZONE: Mistake = ["api: { zone: 'app', kind: 'service' }", "api: { zone: 'ap', kind: 'service' }"]
/** A step naming a contract that does not exist: `contract/unknown` at `flows.signUp.steps[0].contract`. */
export const UNKNOWN_CONTRACT: Mistake = ["contract: 'signUp',", "contract: 'signup',"]

/** Not a mistake: another system's name, for a second model beside the shop (one name, one system). */
export const RENAMED: Mistake = ["name: 'shop',", "name: 'other shop',"]

export function shopWith(...mistakes: Mistake[]): string {
  let text = shop
  for (const [find, replace] of mistakes) {
    if (!text.includes(find)) throw new Error(`the shop model has no ${JSON.stringify(find)}`)
    text = text.replace(find, replace)
  }
  return text
}
