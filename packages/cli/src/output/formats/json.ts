import { jsonText } from '../text/json.js'
import type { Formatter } from './types.js'

/** DESIGN.md's JSON report, version 1: two-space indented, one trailing newline. */
export const formatJson: Formatter = (report) => jsonText(report)
