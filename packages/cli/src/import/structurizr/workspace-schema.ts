/**
 * The parts of a Structurizr workspace JSON (https://github.com/structurizr/json) the
 * importer reads, checked with Zod: a malformed workspace is refused with the JSON path of
 * each problem. Everything else in it is let through (loose objects) and listed as not
 * mapped by `to-model.ts`, never silently dropped.
 */
import { z } from 'zod'

const relationship = z.looseObject({
  id: z.string(),
  sourceId: z.string(),
  destinationId: z.string(),
  description: z.string().optional(),
  technology: z.string().optional(),
  tags: z.string().optional(),
  /** Set on the relationships Structurizr implies from others: Plumbline rolls them up itself. */
  linkedRelationshipId: z.string().optional(),
})

const element = {
  id: z.string(),
  name: z.string().min(1, { message: 'an element needs a name' }),
  description: z.string().optional(),
  technology: z.string().optional(),
  tags: z.string().optional(),
  location: z.string().optional(),
  relationships: z.array(relationship).optional(),
}

const component = z.looseObject(element)
const container = z.looseObject({ ...element, components: z.array(component).optional() })
const softwareSystem = z.looseObject({ ...element, containers: z.array(container).optional() })

const instance = z.looseObject({
  id: z.string(),
  containerId: z.string().optional(),
  softwareSystemId: z.string().optional(),
  relationships: z.array(relationship).optional(),
})

export interface DeploymentNodeJson {
  id: string
  name: string
  description?: string | undefined
  technology?: string | undefined
  tags?: string | undefined
  environment?: string | undefined
  instances?: number | string | undefined
  children?: DeploymentNodeJson[] | undefined
  containerInstances?: Array<z.infer<typeof instance>> | undefined
  softwareSystemInstances?: Array<z.infer<typeof instance>> | undefined
  infrastructureNodes?: Array<z.infer<typeof component>> | undefined
  relationships?: Array<z.infer<typeof relationship>> | undefined
}

const deploymentNode: z.ZodType<DeploymentNodeJson> = z.looseObject({
  id: z.string(),
  name: z.string().min(1, { message: 'a deployment node needs a name' }),
  description: z.string().optional(),
  technology: z.string().optional(),
  tags: z.string().optional(),
  environment: z.string().optional(),
  // Older workspaces write a number, newer ones a string ("4", or a range such as "1..N").
  instances: z.union([z.number(), z.string()]).optional(),
  get children() {
    return z.array(deploymentNode).optional()
  },
  containerInstances: z.array(instance).optional(),
  softwareSystemInstances: z.array(instance).optional(),
  infrastructureNodes: z.array(component).optional(),
  relationships: z.array(relationship).optional(),
})

const dynamicView = z.looseObject({
  key: z.string().min(1, { message: 'a view needs a key' }),
  description: z.string().optional(),
  relationships: z.array(
    z.looseObject({
      id: z.string(),
      description: z.string().optional(),
      order: z.union([z.string(), z.number()]).optional(),
      response: z.boolean().optional(),
    }),
  ),
})

export const workspaceSchema = z.looseObject({
  name: z.string().min(1, { message: 'the workspace needs a name' }),
  description: z.string().optional(),
  model: z.looseObject({
    people: z.array(z.looseObject(element)).optional(),
    softwareSystems: z.array(softwareSystem).optional(),
    deploymentNodes: z.array(deploymentNode).optional(),
  }),
  views: z.looseObject({ dynamicViews: z.array(dynamicView).optional() }).optional(),
})

export type Workspace = z.infer<typeof workspaceSchema>
export type RelationshipJson = z.infer<typeof relationship>
