import { effectiveZone, hasParts } from '../../model/hierarchy.js'
import { declaresZones } from '../../model/model.js'
import { defineRule } from '../define-rule.js'
import { quoted, quotedList } from '../wording.js'

export const boundaryUndeclaredZone = defineRule({
  id: 'boundary/undeclared-zone',
  severity: 'error',
  summary: 'A component has no zone in a system that declares zones.',
  explanation: `Once a system declares trust zones, every component must be in one: a component outside
all zones has no trust level, so no call to or from it can be checked for authentication
(boundary/unauthenticated-crossing cannot see it). An error by default, because it hides
the very crossings zones are declared to check. A system without zones is not checked for
boundaries at all. A nested element (partOf) is in its parent's zone unless it names its
own; an element with parts needs none (its parts are placed).

Bad:
  zones: { internet: { trust: 0 }, app: { trust: 1 } },
  components: { browser: { zone: 'internet' }, worker: { kind: 'service' } }

Good:
  components: { browser: { zone: 'internet' }, worker: { zone: 'app', kind: 'service' } }`,
  check: (model, report) => {
    if (!declaresZones(model)) return
    // An element with parts is placed by its parts (a system spanning zones); a part takes its parent's zone.
    for (const id of Object.keys(model.components))
      if (effectiveZone(model, id) === undefined && !hasParts(model, id))
        report(
          ['components', id, 'zone'],
          `component ${quoted(id)} is in no zone, but the system declares zones (${quotedList(Object.keys(model.zones))})`,
        )
  },
  question: (finding) => `Which trust zone is ${String(finding.path[1])} in?`,
})
