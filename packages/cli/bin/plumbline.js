#!/usr/bin/env node
import { main } from '../bundle/index.js'

process.exitCode = await main(process.argv.slice(2))
