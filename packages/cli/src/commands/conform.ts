/**
 * `plumbline conform`: the real system against the model (DESIGN.md, "Conformance"). Option
 * parsing and dispatch only: `ADAPTER.ts` runs sequences through an adapter
 * (`conform/adapter-run.ts`); `MODEL.ts --store ID|--machine ID --trace FILE.jsonl` checks a
 * recorded trace (the trace runner).
 */
import { InvalidArgumentError, Option } from 'commander'
import { runAdapter } from '../conform/adapter-run.js'
import type { ConformFlags } from '../conform/conform-flags.js'
import { runTraceConformance } from '../conform/trace-run.js'
import { settleRun } from '../config/run-settings.js'
import { UsageError } from '../errors.js'
import { EXIT_CODES_HELP } from '../help.js'
import type { Io } from '../io.js'
import { CHECK_FLAGS } from '../options/check-flags.js'
import { ruleSeverityOption } from '../options/rule-severities.js'
import { resolveTargets } from '../output/targets.js'
import { writeReports } from '../output/write-reports.js'
import { maxDepthOption, maxStatesOption, stepTimeoutOption, timeoutOption } from '../options/exploration.js'
import type { RegisterCommand } from './types.js'

export const registerConform: RegisterCommand = (program, { io, setExitCode }) => {
  program
    .command('conform')
    .description('the real system against the model: sequences through an adapter, or a recorded trace')
    .argument('<file>', 'an adapter file (export default defineAdapter(model, { … })), or with --trace a model file')
    .addOption(
      new Option('--paths <cover>', 'covering sequences: every reachable transition, or every reachable state')
        .choices(['transitions', 'states'])
        .default('transitions'),
    )
    .addOption(new Option('--random <count>', 'also run this many random sequences of enabled steps').argParser(count))
    .addOption(new Option('--seed <seed>', 'seed of the random sequences (printed when not given)').argParser(count))
    .addOption(
      new Option('--max-length <steps>', 'greatest length of a random sequence (default: 20)').argParser(count),
    )
    .addOption(new Option('--rejections', 'also try, where the model disables a step, that the real system refuses it'))
    .addOption(new Option('--store <id>', 'with --trace: the store the trace was recorded from'))
    .addOption(new Option('--machine <id>', 'with --trace: the machine the trace was recorded from'))
    .addOption(new Option('--trace <file.jsonl>', 'check a recorded trace (one JSON object a line) against the model'))
    .addOption(CHECK_FLAGS.format.option)
    .addOption(CHECK_FLAGS.outputFile.option)
    .addOption(ruleSeverityOption())
    .addOption(CHECK_FLAGS.config.option)
    .addOption(maxStatesOption())
    .addOption(maxDepthOption())
    .addOption(timeoutOption())
    .addOption(stepTimeoutOption())
    .addHelpText(
      'after',
      `
An adapter binds a store (or a machine) of a model to the real implementation:
  export default defineAdapter(model, {
    store: 'users',                                  // or machine: 'order'
    setup: async () => ({ db: await freshDatabase() }),  // a fresh real system per sequence
    teardown: async (real) => real.db.close(),       // optional
    operations: { signUp: (real, { email }) => … },  // machines: events: { TYPE: (real, event) => … }
    observe: async (real) => ({ users: … }),         // the model's state, read from the real system
  })
A throw (or rejection) from an operation is the real system refusing it. After every step,
observe(real) must equal the model's state (key order ignored); the first divergence is shown
as a shortest sequence, each step with the model's and the observed state and a field diff.
Findings: conform/state-mismatch, conform/rejected (refused a step the model allows),
conform/accepted (accepted one it forbids, with --rejections), conform/error (setup,
observe or teardown threw, or a call into the adapter did not settle within --step-timeout,
10s by default: that sequence stops there). JSON has the coverage: sequences, steps, transitions and states
covered of those reachable. The config's rules and --rule set these rules' severities as for
check (a divergence fails the run only at error level); its explore bounds apply too.

A trace (--trace FILE.jsonl, with --store ID or --machine ID) has one JSON object a line:
  {"op": "signUp", "params": {"email": "a@x"}, "state": {…}}            a store's step; state optional
  {"event": {"type": "SUBMIT"}, "value": "checking", "context": {…}}   a machine's; value, context optional
Each step must be enabled where the model stands and the state, where given, equal the
model's; invariants, never and effects must hold. The first line that does not is reported
by its number (conform/trace-disabled, conform/trace-mismatch, or the invariant's rule); a
malformed line is exit 2, naming it. A param outside its domain is replayed as it is; the first
such line is a warning (conform/trace-outside-domain). The file is streamed, never read whole.

Examples:
  $ plumbline conform examples/login/engineered.adapter.ts
                                         every reachable transition, each by a shortest prefix
  $ plumbline conform users.adapter.ts --paths states --rejections
  $ plumbline conform users.adapter.ts --random 200 --max-length 30 --seed 42
  $ plumbline conform users.adapter.ts --format json > conformance.json
  $ plumbline conform models/accounts.ts --store accounts --trace run.jsonl
${EXIT_CODES_HELP.replace('clean: no finding at error level (with a baseline: none that the baseline lacks)', 'the real system conforms').replace('findings at error level (with a baseline: new ones)', 'a divergence: the real system and the model disagree')}`,
    )
    .action(async (file: string, flags: ConformFlags) => {
      setExitCode(await conformCommand(file, flags, io))
    })
}

async function conformCommand(file: string, flags: ConformFlags, io: Io): Promise<number> {
  if (flags.trace === undefined) {
    if (flags.store !== undefined || flags.machine !== undefined)
      throw new UsageError('--store and --machine go with --trace; an adapter names what it binds itself')
  } else if ((flags.store === undefined) === (flags.machine === undefined))
    throw new UsageError('--trace needs the store or the machine it was recorded from: --store ID or --machine ID')
  // The config's rules and explore bounds, with --rule and the bound flags on top, as for check.
  const { config, checkOptions } = await settleRun([], flags, io, { fresh: false })
  if (flags.trace === undefined)
    return runAdapter(file, flags, io, {
      ...checkOptions,
      stepTimeoutMs: flags.stepTimeout ?? config?.config.explore?.stepTimeout,
    })
  const targets = resolveTargets(flags.format, flags.outputFile ?? [])
  const run = await runTraceConformance({
    modelFile: file,
    traceFile: flags.trace,
    cwd: io.cwd,
    severities: checkOptions.severities ?? {},
    ...(flags.store === undefined ? {} : { store: flags.store }),
    ...(flags.machine === undefined ? {} : { machine: flags.machine }),
  })
  // No code frames: a trace may be large and its lines long; the location names the line.
  await writeReports(run.report, targets, { checks: new Map(), sources: new Map() }, io)
  io.stderr.write(`${run.summary}\n`)
  return run.exitCode
}

function count(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError('expected a whole number, e.g. 100')
  return Number(text)
}
