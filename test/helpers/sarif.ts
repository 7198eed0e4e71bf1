/** SARIF 2.1.0's own JSON schema (OASIS), as GitHub code scanning reads SARIF. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { fixtures } from './run-cli.js'

export function sarifValidator() {
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false })
  addFormats.default(ajv)
  return ajv.compile(JSON.parse(readFileSync(path.join(fixtures, 'schemas/sarif-schema-2.1.0.json'), 'utf8')))
}
