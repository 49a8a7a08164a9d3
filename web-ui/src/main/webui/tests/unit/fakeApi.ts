import { configureApi } from '@/api'

export interface FakeRequest {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  headers: Record<string, string>
}

export interface FakeResponse {
  status?: number
  body?: unknown
  contentType?: string
  /** resolve only when this promise does (to see "running" states) */
  until?: Promise<unknown>
}

type Handler = FakeResponse | ((req: FakeRequest, params: Record<string, string>) => FakeResponse | Promise<FakeResponse>)

/**
 * A fake of the services behind /api for component and store tests: routes like `GET /api/heatpumps/:id`, every
 * call recorded. Unrouted calls answer 404 problem+json so a test sees what it forgot.
 */
export function fakeApi(routes: Record<string, Handler>, options: { token?: string | null } = {}) {
  const calls: FakeRequest[] = []
  const compiled = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ')
    const names: string[] = []
    const regex = new RegExp(
      '^' + pattern.replace(/:(\w+)/g, (_m, name: string) => (names.push(name), '([^/]+)')) + '$',
    )
    return { method, regex, names, handler }
  })

  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input, 'http://localhost')
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>))
    const req: FakeRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers,
    }
    calls.push(req)
    for (const r of compiled) {
      const m = r.method === req.method ? r.regex.exec(req.path) : null
      if (m) {
        const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]))
        const res = typeof r.handler === 'function' ? await r.handler(req, params) : r.handler
        if (res.until) await res.until
        if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError')
        const status = res.status ?? 200
        const type = res.contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json')
        return new Response(status === 204 || res.body === undefined ? null : JSON.stringify(res.body), { status, headers: { 'content-type': type } })
      }
    }
    return new Response(JSON.stringify({ title: 'Not Found', status: 404, detail: `no fake for ${req.method} ${req.path}` }), {
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
    })
  }

  const onUnauthorized = vi.fn()
  configureApi({ fetch, token: () => options.token ?? null, onUnauthorized })
  return {
    calls,
    onUnauthorized,
    /** the calls to one path (and method) */
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  }
}

/** A promise and the function that resolves it: holds a fake answer back. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void
  const promise = new Promise<void>((resolve) => (open = resolve))
  return { promise, open }
}
