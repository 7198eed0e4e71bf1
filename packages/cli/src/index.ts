export { main } from './main.js'
export { createProgram } from './program.js'
export { defineConfig, type PlumblineConfig } from './config/define-config.js'
export type { Io, Writer } from './io.js'
