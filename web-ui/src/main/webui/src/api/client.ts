import type { Problem } from './types'

/**
 * The one HTTP client of the app: JSON in and out, the session's bearer token on every call, problem+json turned into
 * an {@link ApiError} that knows the fields at fault. All requests go to the same origin (/api/**); the web-ui module
 * (local run) or the ingress (Kubernetes) routes them to the services.
 */

export type ErrorKind = 'network' | 'http' | 'timeout'

export class ApiError extends Error {
  readonly kind: ErrorKind
  readonly status: number
  readonly problem: Problem | null

  constructor(kind: ErrorKind, status: number, problem: Problem | null, message?: string) {
    super(message ?? problem?.detail ?? problem?.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.kind = kind
    this.status = status
    this.problem = problem
  }

  /** field → message for each field the service named (`connection.host`, `device_config.circuits[0]`, …). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const e of this.problem?.errors ?? []) {
      if (e && typeof e.field === 'string' && !(e.field in out)) {
        out[e.field] = e.message
      }
    }
    return out
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>

export interface RequestOptions {
  query?: Query
  body?: unknown
  signal?: AbortSignal
  /** no bearer token and no session-expired handling (login) */
  anonymous?: boolean
  timeoutMs?: number
}

interface ClientConfig {
  fetch: (input: string, init?: RequestInit) => Promise<Response>
  token: () => string | null
  onUnauthorized: () => void
  timeoutMs: number
}

const config: ClientConfig = {
  fetch: (input, init) => globalThis.fetch(input, init),
  token: () => null,
  onUnauthorized: () => {},
  timeoutMs: 30_000,
}

/** Wires the client to the session (token source, what to do on 401) and, in tests, to a fake fetch. */
export function configureApi(options: Partial<ClientConfig>): void {
  Object.assign(config, options)
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) {
    return path
  }
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') {
      continue
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      params.append(key, String(v))
    }
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) {
    return null
  }
  try {
    const body = await response.json()
    return body && typeof body === 'object' ? (body as Problem) : null
  } catch {
    return null
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  const token = options.anonymous ? null : config.token()
  if (token) {
    headers.Authorization = `Bearer ${token}`
  }
  let body: string | undefined
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? config.timeoutMs)
  const onAbort = () => timeout.abort()
  options.signal?.addEventListener('abort', onAbort)
  let response: Response
  try {
    response = await config.fetch(buildUrl(path, options.query), { method, headers, body, signal: timeout.signal })
  } catch (e) {
    if (options.signal?.aborted) {
      throw e
    }
    const timedOut = timeout.signal.aborted
    throw new ApiError(timedOut ? 'timeout' : 'network', 0, null, timedOut ? 'timeout' : String(e))
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onAbort)
  }
  if (!response.ok) {
    const problem = await readProblem(response)
    if (response.status === 401 && token) {
      config.onUnauthorized()
    }
    throw new ApiError('http', response.status, problem)
  }
  if (response.status === 204) {
    return undefined as T
  }
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}
