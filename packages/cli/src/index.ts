export { main } from './main.js'
export { createProgram } from './program.js'
export type { Io, Writer } from './io.js'
