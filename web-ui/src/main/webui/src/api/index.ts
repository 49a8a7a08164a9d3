import { request } from './client'
import type {
  AvailableSensor,
  Dashboard,
  Heatpump,
  HeatpumpInput,
  LoginResponse,
  Manufacturer,
  ModelSetup,
  ProbeRequest,
  ProbeResponse,
  PumpData,
  RangeResult,
} from './types'

export { ApiError, configureApi } from './client'
export type * from './types'

/**
 * Every endpoint the UI calls, in one place (ARCHITECTURE.md route table: registry, polling, ingest). When a service
 * changes a path or a parameter, this file is the only one to adjust.
 */
export const paths = {
  login: '/api/auth/login',
  heatpumps: '/api/heatpumps',
  heatpump: (id: string) => `/api/heatpumps/${encodeURIComponent(id)}`,
  manufacturers: '/api/manufacturers',
  modelSetup: (manufacturer: string, model: string) =>
    `/api/manufacturers/${encodeURIComponent(manufacturer)}/models/${encodeURIComponent(model)}/setup`,
  probe: '/api/probe',
  dashboards: '/api/dashboards',
  data: '/api/data',
  queryRange: '/api/metrics/query_range',
  available: '/api/metrics/available',
} as const

/** The probe may take as long as the device's timeout (≤ 30 s) plus connection set-up. */
const PROBE_TIMEOUT_MS = 45_000

export const api = {
  auth: {
    login: (username: string, password: string) =>
      request<LoginResponse>('POST', paths.login, { body: { username, password }, anonymous: true }),
  },

  heatpumps: {
    list: (signal?: AbortSignal) => request<Heatpump[]>('GET', paths.heatpumps, { signal }),
    get: (id: string, signal?: AbortSignal) => request<Heatpump>('GET', paths.heatpump(id), { signal }),
    /** `verify: false` adds a pump that does not answer today (the registry skips its connection test). */
    create: (input: HeatpumpInput, options: { verify?: boolean } = {}) =>
      request<Heatpump>('POST', paths.heatpumps, {
        body: input,
        query: options.verify === false ? { verify: false } : undefined,
        timeoutMs: PROBE_TIMEOUT_MS,
      }),
    update: (id: string, changes: Partial<HeatpumpInput>) =>
      request<Heatpump>('PUT', paths.heatpump(id), { body: changes }),
    remove: (id: string) => request<void>('DELETE', paths.heatpump(id)),
  },

  catalogue: {
    manufacturers: (signal?: AbortSignal) => request<Manufacturer[]>('GET', paths.manufacturers, { signal }),
    setup: (manufacturer: string, model: string, signal?: AbortSignal) =>
      request<ModelSetup>('GET', paths.modelSetup(manufacturer, model), { signal }),
  },

  probe: (body: ProbeRequest, signal?: AbortSignal) =>
    request<ProbeResponse>('POST', paths.probe, { body, signal, timeoutMs: PROBE_TIMEOUT_MS }),

  dashboards: {
    forHeatpump: (heatpumpId: string, signal?: AbortSignal) =>
      request<Dashboard[]>('GET', paths.dashboards, { query: { heatpump_id: heatpumpId }, signal }),
  },

  data: {
    /** Latest value of every sensor, keyed by heat pump id (all pumps, or those given). */
    latest: (heatpumpIds?: string[], signal?: AbortSignal) =>
      request<Record<string, PumpData>>('GET', paths.data, { query: { heatpump_id: heatpumpIds }, signal }),
  },

  metrics: {
    queryRange: (
      params: { sensor: string; heatpumpIds: string[]; range?: string; start?: string; end?: string; step?: string },
      signal?: AbortSignal,
    ) =>
      request<RangeResult>('GET', paths.queryRange, {
        query: {
          sensor: params.sensor,
          heatpump_id: params.heatpumpIds,
          range: params.range,
          start: params.start,
          end: params.end,
          step: params.step,
        },
        signal,
      }),
    available: (heatpumpIds: string[], signal?: AbortSignal) =>
      request<Record<string, AvailableSensor[]>>('GET', paths.available, { query: { heatpump_id: heatpumpIds }, signal }),
  },
}

export type Api = typeof api
