/**
 * `pnpm readme`: rewrites the README's generated parts (the example model, its output, the
 * rules table; see test/helpers/readme-blocks.ts) and its diagrams (plumbline render --inject).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { README, regenerated } from '../test/helpers/readme-blocks.js'

await writeFile(README, await regenerated(await readFile(README, 'utf8')))
