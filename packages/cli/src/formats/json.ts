import type { Formatter } from './types.js'

/** DESIGN.md's JSON report, version 1: two-space indented, one trailing newline. */
export const formatJson: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`
