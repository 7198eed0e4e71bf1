import type { Report } from '@plumbline/core'
import { expectTypeOf } from 'vitest'
import type { z } from 'zod'
import type { reportSchema } from './report-schema.js'

// The schema and core's Report type are one contract: a field added to one and not the other fails here.
expectTypeOf<z.output<typeof reportSchema>>().toEqualTypeOf<Report>()
