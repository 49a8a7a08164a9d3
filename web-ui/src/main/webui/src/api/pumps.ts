import { request } from './client'
import type { AlertRuleRef, CommandView, JobRef, PasswordChange, WatchedPump } from './pumpTypes'
import type { Dashboard, SensorValueType } from './types'

export type * from './pumpTypes'

/** The pump-centred endpoints beyond api/index.ts: own password, dashboard editing, control, removal counts, anomalies. */
export const pumpPaths = {
  password: '/api/auth/password',
  dashboards: '/api/dashboards',
  dashboard: (id: string) => `/api/dashboards/${encodeURIComponent(id)}`,
  control: (heatpumpId: string) => `/api/control/${encodeURIComponent(heatpumpId)}`,
  command: (heatpumpId: string, commandId: string) =>
    `/api/control/${encodeURIComponent(heatpumpId)}/commands/${encodeURIComponent(commandId)}`,
  alerts: '/api/alerts',
  jobs: '/api/jobs',
  anomalies: '/api/anomalies/pumps',
} as const

export const pumpApi = {
  changePassword: (body: PasswordChange) => request<void>('PUT', pumpPaths.password, { body }),

  dashboards: {
    /** PUT replaces name, layout and widgets of a stored dashboard. */
    update: (dashboard: Dashboard) => request<Dashboard>('PUT', pumpPaths.dashboard(dashboard.id ?? ''), { body: dashboard }),
    create: (dashboard: Omit<Dashboard, 'id'> & { id?: string | null }) =>
      request<Dashboard>('POST', pumpPaths.dashboards, { body: dashboard }),
  },

  control: {
    write: (heatpumpId: string, sensor: string, value: SensorValueType) =>
      request<CommandView>('POST', pumpPaths.control(heatpumpId), { body: { sensor, value } }),
    command: (heatpumpId: string, commandId: string, signal?: AbortSignal) =>
      request<CommandView>('GET', pumpPaths.command(heatpumpId, commandId), { signal }),
  },

  /** The alert rules that apply to a pump (includes rules for every pump: heatpump_id null). */
  alertsOf: (heatpumpId: string, signal?: AbortSignal) =>
    request<AlertRuleRef[]>('GET', pumpPaths.alerts, { query: { heatpump_id: heatpumpId }, signal }),
  jobsOf: (heatpumpId: string, signal?: AbortSignal) =>
    request<JobRef[]>('GET', pumpPaths.jobs, { query: { heatpump_id: heatpumpId }, signal }),

  anomalies: (signal?: AbortSignal) => request<WatchedPump[]>('GET', pumpPaths.anomalies, { signal }),
}
