/**
 * `plumbline conform MODEL.ts --store ID|--machine ID --trace FILE.jsonl`: a recorded trace
 * checked against the model (`conform/trace-run.ts`). Exit 0 when it conforms, 1 at the first
 * line that does not, 2 for unusable input (a malformed line, an unknown id).
 */
import { Option } from 'commander'
import { runTraceConformance } from '../conform/trace-run.js'
import { UsageError } from '../errors.js'
import { EXIT_CODES_HELP } from '../help.js'
import { CHECK_FLAGS } from '../options/check-flags.js'
import { resolveTargets } from '../output/targets.js'
import { writeReports } from '../output/write-reports.js'
import type { FormatName } from '../formats/index.js'
import type { OutputFileFlag } from '../output/targets.js'
import type { RegisterCommand } from './types.js'

interface ConformFlags {
  store?: string
  machine?: string
  trace?: string
  format?: FormatName[]
  outputFile?: OutputFileFlag[]
}

export const registerConform: RegisterCommand = (program, { io, setExitCode }) => {
  program
    .command('conform')
    .description('check the real system against the model: a trace recorded from it')
    .argument('<file>', 'the model file')
    .addOption(new Option('--store <id>', 'the store the trace was recorded from'))
    .addOption(new Option('--machine <id>', 'the machine the trace was recorded from'))
    .addOption(new Option('--trace <file>', 'a recorded trace, one JSON object a line (JSONL), read as a stream'))
    .addOption(CHECK_FLAGS.format.option)
    .addOption(CHECK_FLAGS.outputFile.option)
    .addHelpText(
      'after',
      `
Trace lines (JSONL; blank lines are skipped):
  store:   {"op": "signUp", "params": {"email": "a@x"}, "state": {…}}      state optional: the observed state after the step
  machine: {"event": {"type": "SUBMIT", …}, "value": "checking", "context": {…}}      value and context optional
Each line's step must be enabled where the model stands (a store's guard; for a machine, XState
takes a transition for the event), the observed state must equal the model's (key order ignored),
and the invariants, never predicates and effects must hold. The first line that does not is
reported with its line number, the model's state before it and why: conform/trace-disabled,
conform/trace-mismatch (with each field that differs), or the predicate's rule. A param's value
need not be in its domain.

Examples:
  $ plumbline conform models/accounts.ts --store users --trace run.jsonl
  $ plumbline conform models/orders.ts --machine order --trace order.jsonl --format json
${EXIT_CODES_HELP}
     (here also: a malformed trace line, named file:line; an unknown --store or --machine)`,
    )
    .action(async (file: string, flags: ConformFlags) => {
      if (flags.trace === undefined)
        throw new UsageError('conform: give --trace FILE.jsonl, a trace recorded from the running system')
      const targets = resolveTargets(flags.format, flags.outputFile ?? [])
      const run = await runTraceConformance({
        modelFile: file,
        traceFile: flags.trace,
        cwd: io.cwd,
        ...(flags.store === undefined ? {} : { store: flags.store }),
        ...(flags.machine === undefined ? {} : { machine: flags.machine }),
      })
      // No code frames: the trace may be large, and its lines are long; the location names the line.
      await writeReports(run.report, targets, { checks: new Map(), sources: new Map() }, io)
      io.stderr.write(`${run.summary}\n`)
      setExitCode(run.exitCode)
    })
}
