/**
 * The JSON report (DESIGN.md, "JSON report") as a Zod schema: the source of the JSON Schema
 * shipped as `@plumbline/cli/report.schema.json`. A type test holds it equal to core's
 * `Report` type, so a field added to the report and not here fails the typecheck.
 */
import { type FindingSource, REPORT_VERSION } from '@plumbline/core'
import { z } from 'zod'
import { jsonText } from '../text/json.js'

const severity = z.enum(['error', 'warning', 'info']).meta({ id: 'Severity' })
const count = z.int().min(0)

const location = z
  .strictObject({
    file: z.string().describe('The file, relative to the working directory, with / separators.'),
    line: z.int().min(1).exactOptional().describe('1-based; absent where the line is not known.'),
    column: z.int().min(1).exactOptional().describe('1-based.'),
  })
  .meta({ id: 'SourceLocation' })

const stateDifference = z
  .strictObject({
    path: z.string().describe('Where the states differ, e.g. users[1].password; empty for the whole state.'),
    model: z.unknown().optional().describe("The model's value there; absent where the model has none."),
    observed: z.unknown().optional().describe('The observed value there; absent where the real system has none.'),
  })
  .meta({ id: 'StateDifference' })

const traceStep = z
  .strictObject({
    action: z.string().describe('The operation name (stores) or event type (machines).'),
    params: z
      .record(z.string(), z.unknown())
      .describe("The operation's params, or the event's payload without `type`."),
    state: z.unknown().describe('The state after the step.'),
    observed: z
      .unknown()
      .optional()
      .describe('plumbline conform: the state observe read from the real system after the step.'),
    diff: z
      .array(stateDifference)
      .exactOptional()
      .describe("plumbline conform: where the observed state differs from the model's, field by field."),
    refused: z
      .string()
      .exactOptional()
      .describe('plumbline conform: what the real system threw when it refused the step.'),
    modelDisallows: z
      .enum(['refuses', 'ignores'])
      .exactOptional()
      .describe(
        'plumbline conform, a --rejections probe: the model does not take this step (it refuses or ignores it), which the real system took; state is where the model stays.',
      ),
    description: z
      .string()
      .exactOptional()
      .describe(
        "For an event XState names itself (a delay firing, an invoked actor done or failed): the event in the machine's words.",
      ),
  })
  .meta({ id: 'TraceStep' })

/**
 * A rule id or a pack's source: a plain string in the JSON Schema (which lists no ids, so a new
 * rule changes no schema), typed as core's `FindingSource` so the schema stays core's `Report`.
 */
const findingSource = z.string() as unknown as z.ZodType<FindingSource>

const diagnostic = z
  .strictObject({
    rule: findingSource.describe('Stable rule id, category/name.'),
    severity,
    message: z.string(),
    element: z.string().describe('Element path in the model, e.g. flows.signUp.steps[2].to.'),
    location: location.exactOptional(),
    initial: z.unknown().exactOptional().describe('For behavioural findings: the initial state the trace starts from.'),
    trace: z
      .array(traceStep)
      .exactOptional()
      .describe('For behavioural findings: the shortest sequence of steps that shows the finding.'),
    loop: count
      .exactOptional()
      .describe(
        "For liveness findings (a lasso): the steps from trace[loop] on repeat for ever, the last returning to the state before trace[loop]; equal to the trace's length where the behaviour stops, nothing being enabled.",
      ),
  })
  .meta({ id: 'Diagnostic' })

const exploration = z
  .strictObject({
    element: z.string(),
    states: count.describe('Distinct reachable states visited.'),
    transitions: count.describe('Enabled actions taken.'),
    complete: z
      .boolean()
      .describe('False when a bound stopped the exploration, or a step threw: then nothing is proven.'),
    ms: z.number().min(0),
    depth: count.describe('The greatest number of steps from the initial state to a visited state.'),
    bound: z
      .enum(['states', 'depth', 'time', 'memory'])
      .exactOptional()
      .describe('The bound that stopped the exploration, where one did.'),
    collisionProbability: z
      .number()
      .min(0)
      .max(1)
      .describe(
        'The chance that two distinct states shared a 64-bit fingerprint, so one was not explored: about states² / 2⁶⁵.',
      ),
    liveness: z
      .enum(['checked', 'unchecked'])
      .exactOptional()
      .describe(
        'Where the element declares liveness properties: checked on a complete exploration, unchecked on an incomplete one (never reported as holding).',
      ),
    symmetry: z
      .array(z.string())
      .exactOptional()
      .describe('The symmetric domains whose permutations made equal states one, where any did.'),
    simulation: z
      .strictObject({
        behaviours: count.describe('Random behaviours run.'),
        steps: count.describe('Steps taken in all of them.'),
        depth: count.describe('Steps in each, at most.'),
        seed: z.int().min(0).describe('The seed: --seed replays the same behaviours.'),
        ms: z.number().min(0),
      })
      .exactOptional()
      .describe(
        'With --simulate: random behaviours after the search, from its frontier where a bound stopped it; complete is then false (never a proof).',
      ),
    coverage: z
      .array(
        z
          .strictObject({
            name: z.string().describe('The operation (stores) or event type (machines).'),
            enabled: count.describe('Visited states in which some step of it was enabled.'),
            taken: count.describe('Steps of it taken.'),
          })
          .meta({ id: 'CoverageEntry' }),
      )
      .exactOptional()
      .describe('With --coverage: each operation (event type), in order, how often enabled and taken.'),
  })
  .meta({ id: 'ExplorationStats' })

const covered = z.strictObject({ covered: count, reachable: count })

const conformance = z
  .strictObject({
    element: z.string().describe('The store or machine, e.g. stores.users.'),
    paths: z.enum(['transitions', 'states']).describe('The covering sequences: every reachable transition, or state.'),
    sequences: count.describe('Sequences run on the real system, each from a fresh setup.'),
    steps: count.describe('Steps run on the real system, in all sequences.'),
    transitions: covered.describe('Reachable transitions of the model, and how many conforming steps took.'),
    states: covered.describe('Reachable states of the model, and how many conforming steps reached.'),
    rejections: count.exactOptional().describe('With --rejections: disabled operations or events tried.'),
    random: z
      .strictObject({ count, seed: z.int().min(0), maxLength: count })
      .exactOptional()
      .describe('With --random: the random sequences, their seed and their greatest length.'),
    complete: z.boolean().describe("False when the model's exploration was incomplete."),
    ms: z.number().min(0),
  })
  .meta({ id: 'ConformanceStats' })

const decided = z
  .strictObject({
    rule: findingSource,
    element: z.string(),
    message: z.string(),
    decision: z.string().describe('The id of the decision in `decisions`.'),
    text: z.string(),
    because: z.string(),
  })
  .meta({ id: 'DecidedFinding' })

const question = z
  .strictObject({
    question: z.string().describe('Plain words: "Should User.email be unique?"'),
    element: z.string().describe('Where the answer would be written, e.g. entities.User.'),
    source: findingSource.describe('What raised it: a rule id, or a pack (pack:accounts).'),
    alsoFrom: z
      .array(z.string())
      .exactOptional()
      .describe("Packs that ask the same thing, asked once in the rule's words; absent when none does."),
  })
  .meta({ id: 'Question' })

const baselineEntry = z
  .strictObject({ file: z.string(), rule: z.string(), element: z.string(), message: z.string() })
  .meta({ id: 'BaselineEntry' })

export const reportSchema = z
  .strictObject({
    version: z.literal(REPORT_VERSION),
    models: z.array(
      z.strictObject({
        file: z.string(),
        system: z.string(),
        diagnostics: z.array(diagnostic),
        exploration: z.array(exploration),
        decided: z.array(decided).describe('Findings answered by decisions in the model: recorded, not counted.'),
        questions: z
          .array(question)
          .describe('The decisions the model leaves open, as `plumbline questions` lists them.'),
        baselined: z.array(diagnostic).exactOptional().describe('Findings the baseline already has: not counted.'),
        conformance: z
          .array(conformance)
          .exactOptional()
          .describe('plumbline conform: what the sequences run on the real system covered.'),
      }),
    ),
    summary: z.strictObject({
      errors: count,
      warnings: count,
      infos: count,
      questions: count.describe('Open questions of every model: counted, but they fail nothing.'),
    }),
    baseline: z
      .strictObject({
        file: z.string(),
        known: count,
        fixed: z.array(baselineEntry).describe('Baseline entries, of the files checked, that no longer occur.'),
      })
      .exactOptional(),
  })
  .meta({ title: 'Plumbline check report', description: 'The output of `plumbline check --format json`.' })

/** The JSON Schema text shipped in the package (`report.schema.json`). */
export function reportJsonSchema(): string {
  return jsonText(z.toJSONSchema(reportSchema))
}
