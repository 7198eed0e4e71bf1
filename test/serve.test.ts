/**
 * `plumbline serve` as a user starts it, probed from this machine's loopback: the site's
 * files and nothing else (traversal, encoded variants, absolute targets, a symlink out),
 * only its own Host, only GET and HEAD, the security headers, loopback sockets only, and a
 * reload event when the model changes.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fixtures, repoRoot, runCli } from './helpers/cli.js'

const bin = path.join(repoRoot, 'packages/cli/bin/plumbline.js')
const doorSource = readFileSync(path.join(fixtures, 'viewer/door.ts'), 'utf8')

interface Served {
  child: ChildProcess
  port: number
  stderr: () => string
}

/** Starts serve and waits for the line that says it is up. */
function serve(args: readonly string[], cwd: string): Promise<Served> {
  return new Promise((resolve, reject) => {
    const { FORCE_COLOR: _forced, NODE_PATH: _pnpmPath, ...env } = process.env
    const child = spawn(process.execPath, [bin, 'serve', ...args], { cwd, env: { ...env, NO_COLOR: '1' } })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      const port = /^serving .* at http:\/\/[^/]+:(\d+)\/$/mu.exec(stderr)?.[1]
      if (port !== undefined) resolve({ child, port: Number(port), stderr: () => stderr })
    })
    child.on('error', reject)
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
}

async function stop({ child }: Served): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One request with the target sent exactly as given (no normalisation), from loopback. */
function probe(
  port: number,
  target: string,
  options: { method?: string; host?: string; address?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: options.address ?? '127.0.0.1',
        port,
        path: target,
        method: options.method ?? 'GET',
        headers: { Host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (response) => {
        let body = ''
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
      },
    )
    sent.on('error', reject)
    sent.end()
  })
}

let project: string
let served: Served

beforeAll(async () => {
  const base = path.join(repoRoot, 'test/.tmp')
  await mkdir(base, { recursive: true })
  project = await mkdtemp(path.join(base, 'serve-'))
  await mkdir(path.join(project, '.git'))
  await mkdir(path.join(project, 'models'))
  await writeFile(path.join(project, 'models/door.ts'), doorSource)
  await writeFile(path.join(project, 'secret.txt'), 'SECRET')
  // A file of the user's in the folder given to --out: not part of the site, never served.
  await mkdir(path.join(project, 'site'))
  await writeFile(path.join(project, 'site/notes.txt'), 'NOTES')
  served = await serve(['--port', '0', '--out', 'site'], project)
  await symlink(path.join(project, 'secret.txt'), path.join(project, 'site/out.txt'))
  await symlink(project, path.join(project, 'site/up'))
}, 60_000)

afterAll(async () => {
  if (served !== undefined) await stop(served)
  await rm(project, { recursive: true, force: true })
})

test('serves the site with its security headers, and pages that listen for reloads', async () => {
  const index = await probe(served.port, '/')
  expect(index.status).toBe(200)
  expect(index.body).toContain('<a href="front-door.html">front door</a>')
  expect(index.headers['content-security-policy']).toBe(
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  )
  expect(index.headers['x-content-type-options']).toBe('nosniff')
  const page = await probe(served.port, '/front-door.html')
  expect(page.body).toContain('<meta name="plumbline-live" content="/__plumbline/events">')
  expect(page.body).toBe(await readFile(path.join(project, 'site/front-door.html'), 'utf8'))
  const script = await probe(served.port, '/assets/viewer.js', { method: 'HEAD' })
  expect([script.status, script.headers['content-type'], script.body]).toEqual([
    200,
    'text/javascript; charset=utf-8',
    '',
  ])
  expect(await probe(served.port, '/', { address: '::1', host: `[::1]:${served.port}` })).toMatchObject({
    status: 200,
  })
  expect(await probe(served.port, '/', { host: `localhost:${served.port}` })).toMatchObject({ status: 200 })
})

describe('a request for anything but a file of the site is 404', () => {
  test.each([
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/%00',
    '//etc/passwd',
    '/etc/passwd',
    'http://127.0.0.1/../secret.txt',
    '/out.txt',
    '/up/secret.txt',
    '/assets',
    '/assets/',
    '/missing.html',
    '/notes.txt',
  ])('%s', async (target) => {
    const answer = await probe(served.port, target)
    expect([answer.status, answer.body]).toEqual([404, 'Not found\n'])
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
  })
})

test('another Host is refused (DNS rebinding), and so is any method but GET and HEAD', async () => {
  for (const host of ['evil.example', `evil.example:${served.port}`, `127.0.0.1.evil.example:${served.port}`])
    expect(await probe(served.port, '/', { host })).toMatchObject({ status: 403, body: 'Unknown host\n' })
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
    const answer = await probe(served.port, '/index.html', { method })
    expect([answer.status, answer.headers.allow]).toEqual([405, 'GET, HEAD'])
  }
  expect(await probe(served.port, '/__plumbline/events', { headers: { Origin: 'http://evil.example' } })).toMatchObject(
    { status: 403 },
  )
})

test('it listens on the loopback addresses only', async () => {
  const hex = served.port.toString(16).toUpperCase().padStart(4, '0')
  const listening = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/u))
      .filter((fields) => fields[1]?.endsWith(`:${hex}`) && fields[3] === '0A')
      .map((fields) => fields[1]?.split(':')[0]),
  )
  // 127.0.0.1, and ::1 where the machine has IPv6.
  expect(listening.length).toBeGreaterThan(0)
  for (const address of listening) expect(['0100007F', '00000000000000000000000001000000']).toContain(address)
})

test('a saved model is rendered again and open pages are told to reload', async () => {
  const events = await new Promise<{ read: () => string; close: () => void }>((resolve, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port: served.port,
        path: '/__plumbline/events',
        headers: { Host: `127.0.0.1:${served.port}` },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
        expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8')
        resolve({ read: () => text, close: () => sent.destroy() })
      },
    )
    sent.on('error', reject)
    sent.end()
  })
  try {
    await writeFile(path.join(project, 'models/door.ts'), doorSource.replace("name: 'front door'", "name: 'back door'"))
    await expect.poll(() => events.read(), { timeout: 30_000 }).toContain('event: reload\n')
    expect((await probe(served.port, '/')).body).toContain('<a href="back-door.html">back door</a>')
  } finally {
    events.close()
  }
}, 60_000)

test('--host names another address, with a warning; a bad port is exit 2', async () => {
  const other = await serve(['--port', '0', '--host', '127.0.0.2', 'models/door.ts'], project)
  try {
    expect(other.stderr()).toContain(
      "warning: listening on 127.0.0.2: anyone who can reach this address can read the site (the models' diagrams and findings)\n",
    )
    expect(await probe(other.port, '/', { address: '127.0.0.2', host: `127.0.0.2:${other.port}` })).toMatchObject({
      status: 200,
    })
    expect(await probe(other.port, '/', { address: '127.0.0.2', host: `127.0.0.1:${other.port}` })).toMatchObject({
      status: 403,
    })
  } finally {
    await stop(other)
  }
  expect(await runCli(['serve', '--port', 'eighty'], { cwd: project })).toEqual({
    exitCode: 2,
    stdout: '',
    stderr: 'error: --port must be a number from 0 to 65535, not "eighty"\n',
  })
}, 60_000)

test('a model that does not load is reported, the server stays up, and the fixed model is served', async () => {
  const broken = await mkdtemp(path.join(repoRoot, 'test/.tmp', 'serve-broken-'))
  await mkdir(path.join(broken, '.git'))
  await mkdir(path.join(broken, 'models'))
  await writeFile(path.join(broken, 'models/door.ts'), 'export default {')
  const running = await serve(['--port', '0'], broken)
  try {
    await expect.poll(running.stderr, { timeout: 30_000 }).toMatch(/^error: models\/door\.ts:\d+:\d+: syntax error/mu)
    expect(await probe(running.port, '/')).toMatchObject({ status: 404 })
    await writeFile(path.join(broken, 'models/door.ts'), doorSource)
    await expect.poll(async () => (await probe(running.port, '/')).status, { timeout: 30_000 }).toBe(200)
  } finally {
    await stop(running)
    await rm(broken, { recursive: true, force: true })
  }
}, 60_000)
