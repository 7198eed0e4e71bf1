/**
 * The model's own shape, as a Zod schema: what `defineSystem` accepts, checked at load so
 * that a model written in plain JavaScript (or cast past the types) gets an error naming
 * the element path instead of a crash deeper in. Cross-references between names are
 * checked afterwards, in `references.ts`.
 */
import { z } from 'zod'
import { isPlainObject, isStateMachine, isZodObject, isZodSchema } from '../model/recognise.js'

/** A name: any non-empty string without leading or trailing white space. */
export const nameSchema = z
  .string()
  .min(1, { message: 'a name must not be empty' })
  .refine((name) => name.trim() === name, { message: 'a name must not start or end with white space' })

const text = z.string()
const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
  message: 'expected a function',
})
const zodType = z.custom<z.ZodType>(isZodSchema, { message: 'expected a Zod 4 schema' })
const zodObject = z.custom<z.ZodObject>(isZodObject, {
  message: 'expected a Zod object schema (z.object({ … }))',
})
const names = z.array(nameSchema)

const zone = z.strictObject({
  trust: z.number().refine(Number.isFinite, { message: 'trust must be a finite number' }),
  description: text.optional(),
})

const tags = z.array(z.string().min(1, { message: 'a tag must not be empty' }))

const relationFrom = z.strictObject({
  to: nameSchema,
  description: text.optional(),
  technology: text.optional(),
  tags: tags.optional(),
})

const relation = relationFrom.extend({ from: nameSchema })

const component = z.strictObject({
  zone: nameSchema.optional(),
  kind: z
    .enum(['person', 'actor', 'system', 'container', 'component', 'service', 'datastore', 'queue', 'external'])
    .optional(),
  partOf: nameSchema.optional(),
  technology: text.optional(),
  tags: tags.optional(),
  description: text.optional(),
  relations: z.array(relationFrom).optional(),
})

const deploymentNode = z.strictObject({
  technology: text.optional(),
  description: text.optional(),
  tags: tags.optional(),
  instances: z.int().min(1, { message: 'instances must be at least 1' }).optional(),
  runs: names.optional(),
  // A getter: the node's shape holds itself (Zod 4's way of a recursive object).
  get nodes() {
    return z.record(nameSchema, deploymentNode).optional()
  },
})

const environment = z.strictObject({
  description: text.optional(),
  nodes: z.record(nameSchema, deploymentNode),
  relations: z.array(relation).optional(),
})

const entity = z.strictObject({
  schema: zodObject,
  identity: names.min(1, { message: 'identity needs at least one field' }).optional(),
  unique: z
    .union([z.literal('none'), z.array(names.min(1, { message: 'a unique key needs at least one field' }))])
    .optional(),
  description: text.optional(),
})

const contract = z.strictObject({
  from: nameSchema,
  to: nameSchema,
  auth: nameSchema.optional(),
  request: zodType.optional(),
  response: zodType.optional(),
  errors: z.record(nameSchema, zodType).optional(),
  description: text.optional(),
})

const step = z.strictObject({
  from: nameSchema,
  to: nameSchema,
  contract: nameSchema.optional(),
  message: text.optional(),
  produces: names.optional(),
  consumes: names.optional(),
  onError: z.record(nameSchema, text).optional(),
  onFailure: text.optional(),
  event: nameSchema.optional(),
  auth: nameSchema.optional(),
  description: text.optional(),
})

const flow = z.strictObject({
  description: text.optional(),
  machine: nameSchema.optional(),
  steps: z.array(step),
})

const liveness = z.record(nameSchema, z.strictObject({ when: fn.optional(), then: fn, description: text.optional() }))

const fairness = z.strictObject({
  weak: z.union([z.literal('all'), names]).optional(),
  strong: names.optional(),
})

const machineModel = z.strictObject({
  machine: z.custom(isStateMachine, {
    message: 'expected an XState v5 machine (createMachine(…) or setup(…).createMachine(…))',
  }),
  input: z.unknown().optional(),
  events: z
    .record(nameSchema, z.array(z.custom(isPlainObject, { message: 'expected an event payload object' })))
    .optional(),
  invariants: z.record(nameSchema, fn).optional(),
  never: z.record(nameSchema, fn).optional(),
  liveness: liveness.optional(),
  fairness: fairness.optional(),
  description: text.optional(),
})

export const machineModelKeys = Object.keys(machineModel.shape)

/** A machine is given bare or with its samples and predicates; the object form is checked field by field. */
const machineEntry = z.unknown().superRefine((value, context) => {
  if (isStateMachine(value)) return
  if (!isPlainObject(value)) {
    context.addIssue({
      code: 'custom',
      message: 'expected an XState v5 machine, or { machine, events?, invariants?, never? }',
    })
    return
  }
  const result = machineModel.safeParse(value)
  if (!result.success)
    for (const issue of result.error.issues) context.addIssue({ ...issue, path: issue.path } as never)
})

const operation = z.strictObject({
  params: z.record(nameSchema, nameSchema).optional(),
  target: z
    .strictObject({ entity: nameSchema, by: names.min(1, { message: 'target.by needs at least one field' }) })
    .optional(),
  guard: fn.optional(),
  apply: fn,
  description: text.optional(),
})

const store = z.strictObject({
  initial: z.unknown(),
  domains: z
    .record(
      nameSchema,
      z.array(z.unknown()).min(1, {
        message: 'a domain needs at least one value: an operation with a param over an empty domain is never taken',
      }),
    )
    .optional(),
  operations: z.record(nameSchema, operation),
  invariants: z.record(nameSchema, fn).optional(),
  never: z.record(nameSchema, fn).optional(),
  effects: z.record(nameSchema, fn).optional(),
  liveness: liveness.optional(),
  fairness: fairness.optional(),
  description: text.optional(),
})

const answer = z.strictObject({ rule: z.string().min(1), element: z.string().optional() })

const decision = z.strictObject({
  decision: z.string().min(1, { message: 'a decision needs its text' }),
  because: z.string().min(1, { message: 'a decision needs its reason (because)' }),
  answers: z
    .union([answer, z.array(answer).min(1, { message: 'an answers list needs at least one answer' })])
    .optional(),
})

export const systemShape = z.strictObject({
  name: nameSchema,
  description: text.optional(),
  zones: z.record(nameSchema, zone).optional(),
  components: z.record(nameSchema, component).optional(),
  relations: z.array(relation).optional(),
  deployment: z.record(nameSchema, environment).optional(),
  entities: z.record(nameSchema, entity).optional(),
  contracts: z.record(nameSchema, contract).optional(),
  flows: z.record(nameSchema, flow).optional(),
  machines: z.record(nameSchema, machineEntry).optional(),
  stores: z.record(nameSchema, store).optional(),
  decisions: z.record(nameSchema, decision).optional(),
  outOfScope: z.array(z.string().min(1, { message: 'an out-of-scope entry must not be empty' })).optional(),
})
