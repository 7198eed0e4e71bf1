import { defineRule } from '../define-rule.js'

/** Reported while loading the model (`validate/validate-system.ts`), before any other rule runs. */
export const modelInvalid = defineRule({
  id: 'model/invalid',
  severity: 'error',
  summary: 'The model is malformed: a wrong shape, an unknown name, a repeated name, or state that is not plain data.',
  explanation: `A model is checked against the model language before anything else: every section has its
shape, every zone, component, contract, machine, entity, field and domain it names exists,
lists of names do not repeat, a store's state is plain data (objects, arrays, strings,
finite numbers, booleans, null), and every delay and invoked actor a machine names has an
implementation in its setup(). The element path says where the problem is. When the shape
itself is broken no other rule can run, so fix these first.

Bad:
  components: { db: { zone: 'dta', kind: 'datastore' } }   // no zone "dta"

Good:
  zones: { data: { trust: 2 } },
  components: { db: { zone: 'data', kind: 'datastore' } }`,
})
