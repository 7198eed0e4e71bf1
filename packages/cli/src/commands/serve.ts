/**
 * `plumbline serve [paths..]`: renders the viewer (`render --html`) into a folder and serves
 * that folder on this machine's loopback, rendering again and reloading open pages on
 * every save. It serves the site and nothing else (`serve/site-path.ts`), under the policy
 * of `serve/response-policy.ts`; another address than loopback only with --host, with a
 * warning. Runs until Ctrl-C.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { hostname, networkInterfaces, tmpdir } from 'node:os'
import path from 'node:path'
import { configFileFor } from '../config/load-config.js'
import { CHECK_FLAGS } from '../options/check-flags.js'
import { UsageError } from '../errors.js'
import type { Io } from '../io.js'
import { displayPath, findModelFiles } from '../load/find-model-files.js'
import { allowedHosts, isLoopback } from '../serve/response-policy.js'
import { createSiteServer, LIVE_EVENTS_PATH, type SiteServer } from '../serve/site-server.js'
import type { CheckedSystem } from '../run/check-systems.js'
import { planRender, runRender, type RenderFlags, type RenderPlan } from './render.js'
import type { RegisterCommand } from './types.js'

const DEFAULT_PORT = 4777

export const registerServe: RegisterCommand = (program, { io, setExitCode }) => {
  program
    .command('serve')
    .description('serve the viewer on this machine (127.0.0.1), rendered again and reloaded on every save')
    .argument('[paths...]', "model files, folders or globs (default: the config's models, else models/)")
    .option('-p, --port <port>', `the port (0: any free one)`, String(DEFAULT_PORT))
    .option('--host <host>', 'listen on this address instead of 127.0.0.1 and ::1 (other machines may then reach it)')
    .option('-o, --out <folder>', 'where the site is written (default: a temporary folder, removed on exit)')
    .addOption(CHECK_FLAGS.config.option)
    .addHelpText(
      'after',
      `
The server answers GET and HEAD for the site's own files only, to requests whose Host
is its own address; every response carries a Content-Security-Policy (scripts from the
site only) and X-Content-Type-Options: nosniff.

Examples:
  $ plumbline serve                        http://127.0.0.1:${DEFAULT_PORT}/ for the models under models/
  $ plumbline serve models/shop.ts -p 0    one model, any free port

Exit codes:
  0  stopped (Ctrl-C)
  2  unusable input: a bad port, an address or port that cannot be listened on`,
    )
    .action(async (paths: string[], flags: ServeFlags) => {
      setExitCode(await serveCommand(paths, flags, io))
    })
}

interface ServeFlags {
  port: string
  host?: string
  out?: string
  config?: string
}

async function serveCommand(paths: readonly string[], flags: ServeFlags, io: Io): Promise<number> {
  const port = parsePort(flags.port)
  const host = flags.host?.trim()
  if (host === '') throw new UsageError('--host needs an address, and was given an empty one')
  const out =
    flags.out === undefined ? await mkdtemp(path.join(tmpdir(), 'plumbline-site-')) : path.resolve(io.cwd, flags.out)
  let allowed = new Set<string>()
  let siteFiles = new Set<string>()
  const site = createSiteServer(
    out,
    () => allowed,
    () => siteFiles,
  )
  try {
    const bound = await listen(site, host, port)
    allowed = allowedHosts(host, bound, machineNames())
    if (host !== undefined && !isLoopback(host))
      io.stderr.write(
        `warning: listening on ${host}: anyone who can reach this address can read the site (the models' diagrams and findings)\n`,
      )
    const url = `http://${host === undefined || isLoopback(host) ? '127.0.0.1' : hostInUrl(host)}:${bound}/`
    const renderFlags: RenderFlags = {
      out,
      html: true,
      ...(flags.config === undefined ? {} : { config: flags.config }),
    }
    let first = true
    /** After each render, failed or not: the first time where to look, then "reload" to open pages. */
    const rendered = (): void => {
      if (first) io.stderr.write(`serving ${displayPath(out, io.cwd)} at ${url}\n`)
      else site.reload()
      first = false
    }
    // Each model file's check in the previous render, reused where nothing it is made of changed.
    const previous = new Map<string, CheckedSystem>()
    const { watchModels } = await import('../watch/watch-models.js')
    return await watchModels<RenderPlan>(
      {
        plan: async (options) => {
          const plan = await planRender(paths, renderFlags, io, options).catch((error: unknown) => {
            rendered()
            throw error
          })
          return {
            ...plan,
            outputs: { ...plan.outputs, live: LIVE_EVENTS_PATH },
            written: (files) => {
              siteFiles = new Set(files.map((file) => path.relative(out, file).split(path.sep).join('/')))
            },
          }
        },
        run: async (plan, options) => {
          try {
            return await runRender(plan, io, options, previous)
          } finally {
            rendered()
          }
        },
        models: (plan) => plan.settings.models,
        modelFiles: ({ settings }) => findModelFiles(settings.models.paths, settings.models.base),
      },
      configFileFor(io.cwd, flags.config),
      io,
    )
  } finally {
    await site.close()
    if (flags.out === undefined) await rm(out, { recursive: true, force: true })
  }
}

function parsePort(text: string): number {
  const port = Number(text)
  if (!/^\d+$/u.test(text) || port > 65_535)
    throw new UsageError(`--port must be a number from 0 to 65535, not ${JSON.stringify(text)}`)
  return port
}

/** Loopback: 127.0.0.1, and ::1 where this machine has IPv6; else the one address asked for. */
async function listen(site: SiteServer, host: string | undefined, port: number): Promise<number> {
  try {
    if (host !== undefined && !isLoopback(host)) return await site.listen(host, port)
    const bound = await site.listen('127.0.0.1', port)
    await site.listen('::1', bound).catch((error: NodeJS.ErrnoException) => {
      // No IPv6 loopback here: 127.0.0.1 alone serves.
      if (error.code !== 'EADDRNOTAVAIL' && error.code !== 'EAFNOSUPPORT') throw error
    })
    return bound
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException
    const where = `${host ?? '127.0.0.1'} port ${port}`
    if (code === 'EADDRINUSE')
      throw new UsageError(`cannot listen on ${where}: it is in use (pick another with --port)`)
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES')
      throw new UsageError(
        `cannot listen on ${where}: ${code === 'EACCES' ? 'permission denied' : 'no such address here'}`,
      )
    throw error
  }
}

/** This machine's host name and interface addresses: the names a wildcard --host is reached by. */
function machineNames(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((entries) =>
    (entries ?? []).map(({ address }) => address.replace(/%.*$/u, '')),
  )
  return [hostname(), ...addresses]
}

function hostInUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}
