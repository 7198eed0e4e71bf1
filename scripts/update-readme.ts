/**
 * `pnpm readme`: rewrites the README's generated parts (the example model, its output, the
 * rules table; see test/helpers/readme-blocks.ts) and its diagrams (plumbline render --inject),
 * and the outputs shown in the model reference (test/helpers/reference-blocks.ts).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { README, regenerated } from '../test/helpers/readme-blocks.js'
import { REFERENCE, regeneratedReference } from '../test/helpers/reference-blocks.js'

await writeFile(README, await regenerated(await readFile(README, 'utf8')))
await writeFile(REFERENCE, await regeneratedReference(await readFile(REFERENCE, 'utf8')))
