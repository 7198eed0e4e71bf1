/**
 * The HTTP side of `plumbline serve`: the site folder, read-only, under the policy of
 * `response-policy.ts`, plus one stream of Server-Sent Events that tells the pages to
 * reload when the model changed (same origin: EventSource sends no credentials elsewhere,
 * and the stream answers only this server's own Host and Origin).
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { ALLOWED_METHODS, contentType, isAllowedHost, isSameOrigin, SECURITY_HEADERS } from './response-policy.js'
import { resolveSitePath } from './site-path.js'

/** Where pages listen for reloads (the pages name it in a `<meta>`, see render/site.ts). */
export const LIVE_EVENTS_PATH = '/__plumbline/events'

export interface SiteServer {
  /**
   * Listens on `address` (one server each; the first with port 0 picks the port) and
   * returns the port. Rejects as `listen` does (EADDRINUSE, EADDRNOTAVAIL, …).
   */
  listen(address: string, port: number): Promise<number>
  /** Tells every open page to reload. */
  reload(): void
  close(): Promise<void>
}

/**
 * `allowedHosts`: read on every request, so it can be settled once the port is known;
 * `files`: the site's files (relative, `/`-separated), read on every request too, as each
 * render may change them.
 */
export function createSiteServer(
  root: string,
  allowedHosts: () => ReadonlySet<string>,
  files: () => ReadonlySet<string>,
): SiteServer {
  const listeners = new Set<ServerResponse>()
  const servers: Server[] = []
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    void answer(request, response).catch(() => {
      if (!response.headersSent) plain(response, 500, 'Internal error')
      else response.destroy()
    })
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const allowed = allowedHosts()
    if (!isAllowedHost(request.headers.host, allowed)) return plain(response, 403, 'Unknown host')
    const method = request.method ?? ''
    if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
      response.setHeader('Allow', ALLOWED_METHODS.join(', '))
      return plain(response, 405, 'Method not allowed')
    }
    const target = request.url ?? ''
    if (target.split('?', 1)[0] === LIVE_EVENTS_PATH) {
      if (!isSameOrigin(request.headers.origin, allowed)) return plain(response, 403, 'Cross-origin request')
      return subscribe(response, method === 'HEAD')
    }
    const file = await resolveSitePath(root, target, files())
    if (file === undefined) return plain(response, 404, 'Not found')
    const { size } = await stat(file)
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType(file), 'Content-Length': size })
    if (method === 'HEAD') {
      response.end()
      return
    }
    createReadStream(file).pipe(response)
  }

  function subscribe(response: ServerResponse, headOnly: boolean): void {
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8' })
    if (headOnly) {
      response.end()
      return
    }
    response.write(': plumbline\n\n')
    listeners.add(response)
    response.on('close', () => listeners.delete(response))
  }

  return {
    listen: (address, port) =>
      new Promise((resolve, reject) => {
        const server = createServer(handle)
        server.once('error', reject)
        server.listen({ host: address, port, ipv6Only: address.includes(':') }, () => {
          servers.push(server)
          const bound = server.address()
          resolve(typeof bound === 'object' && bound !== null ? bound.port : port)
        })
      }),
    reload: () => {
      for (const listener of listeners) listener.write('event: reload\ndata: model changed\n\n')
    },
    close: async () => {
      for (const listener of listeners) listener.end()
      await Promise.all(
        servers.map((server) => {
          server.closeAllConnections()
          return new Promise<void>((resolve) => server.close(() => resolve()))
        }),
      )
    },
  }
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(`${text}\n`)
}
