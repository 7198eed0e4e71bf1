import { describe, expect, test } from 'vitest'
import { allowedHosts, contentType, isAllowedHost, isSameOrigin, SECURITY_HEADERS } from './response-policy.js'

describe('the Host check', () => {
  const loopback = allowedHosts(undefined, 4777)

  test('answers the loopback names with the port, in any case, and nothing else', () => {
    for (const host of ['127.0.0.1:4777', 'localhost:4777', 'LOCALHOST:4777', '[::1]:4777'])
      expect(isAllowedHost(host, loopback)).toBe(true)
    for (const host of [undefined, '', 'evil.example:4777', 'localhost', '127.0.0.1:80', 'localhost.evil.example:4777'])
      expect(isAllowedHost(host, loopback)).toBe(false)
  })

  test('with --host, that name only; port 80 may go unsaid', () => {
    const lan = allowedHosts('192.168.1.5', 80)
    expect([...lan]).toEqual(['192.168.1.5:80', '192.168.1.5'])
    expect(isAllowedHost('localhost:80', lan)).toBe(false)
    expect([...allowedHosts('fe80::1', 8080)]).toEqual(['[fe80::1]:8080'])
  })

  test("on a wildcard address, the machine's own names and addresses as well", () => {
    const every = allowedHosts('0.0.0.0', 4777, ['box.local', '192.168.1.5', 'fe80::1'])
    expect([...every]).toEqual([
      '127.0.0.1:4777',
      'localhost:4777',
      '[::1]:4777',
      'box.local:4777',
      '192.168.1.5:4777',
      '[fe80::1]:4777',
    ])
    expect(isAllowedHost('evil.example:4777', every)).toBe(false)
  })

  test('an Origin is this server or absent', () => {
    expect(isSameOrigin(undefined, loopback)).toBe(true)
    expect(isSameOrigin('http://localhost:4777', loopback)).toBe(true)
    expect(isSameOrigin('http://evil.example', loopback)).toBe(false)
    expect(isSameOrigin('null', loopback)).toBe(false)
  })
})

test('every response forbids inline and foreign scripts and sniffing', () => {
  expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("script-src 'self';")
  expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("default-src 'none'")
  expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff')
  expect(contentType('/x/viewer.JS')).toBe('text/javascript; charset=utf-8')
  expect(contentType('/x/unknown.bin')).toBe('application/octet-stream')
})
