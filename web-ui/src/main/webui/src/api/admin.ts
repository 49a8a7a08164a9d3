import { request } from './client'
import type { Role } from './types'

// The administration resources of the device-registry-service (snake_case as on the wire): alert rules, jobs, the
// audit log, users and API tokens. Shapes from AlertView/AlertInput, JobView/JobInput, AuditView, UserView/UserInput,
// TokenView/TokenInput/Created.

export type AlertCondition = '<' | '>' | '=' | '!=' | '<=' | '>='
export const ALERT_CONDITIONS: AlertCondition[] = ['>', '>=', '<', '<=', '=', '!=']

/** GET /api/alerts; heatpump_id null = every pump. */
export interface AlertRule {
  id: string
  heatpump_id: string | null
  name: string | null
  sensor: string
  condition: AlertCondition
  threshold: number
  interval_seconds: number
  enabled: boolean
  created_at?: string
  updated_at?: string
}

export interface AlertRuleInput {
  heatpump_id: string | null
  name?: string | null
  sensor: string
  condition: AlertCondition
  threshold: number
  interval_seconds?: number
  enabled?: boolean
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'
export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/** GET /api/jobs: a scheduled write. */
export interface Job {
  id: string
  heatpump_id: string
  name: string | null
  sensor: string
  value: number | boolean | string
  time: string
  days: Weekday[]
  time_zone: string | null
  enabled: boolean
  next_run_at?: string | null
  created_at?: string
  updated_at?: string
}

export interface JobInput {
  heatpump_id: string
  name?: string | null
  sensor: string
  value: number | boolean | string
  time: string
  days: Weekday[]
  time_zone?: string | null
  enabled?: boolean
}

/** GET /api/jobs/{id}/runs, newest first. */
export interface JobRun {
  id: string
  scheduled_for: string
  started_at: string | null
  command_id: string | null
  outcome: string | null
  detail: string | null
}

/** GET /api/audit, newest first. */
export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  target_type: string | null
  target_id: string | null
  heatpump_id: string | null
  field: string | null
  old_value: string | null
  new_value: string | null
  outcome: string | null
  command_id: string | null
}

/** GET /api/users. */
export interface User {
  username: string
  role: Role
  groups?: string[]
  created_at?: string
  updated_at?: string
  password_changed_at?: string | null
}

export interface UserInput {
  username?: string
  password?: string
  role?: Role
}

/** GET /api/tokens (never the token text). */
export interface ApiToken {
  id: string
  name: string
  role: Role
  created_by: string | null
  created_at: string
  expires_at: string
  revoked_at: string | null
  active: boolean
}

export interface ApiTokenInput {
  name: string
  role: Role
  expires_in_days?: number
}

/** POST /api/tokens → 201: the only time the token text is shown. */
export interface CreatedApiToken {
  id: string
  name: string
  role: Role
  token: string
  created_at: string
  expires_at: string
}

const enc = encodeURIComponent

export const adminPaths = {
  alerts: '/api/alerts',
  alert: (id: string) => `/api/alerts/${enc(id)}`,
  jobs: '/api/jobs',
  job: (id: string) => `/api/jobs/${enc(id)}`,
  jobRuns: (id: string) => `/api/jobs/${enc(id)}/runs`,
  audit: '/api/audit',
  users: '/api/users',
  user: (username: string) => `/api/users/${enc(username)}`,
  tokens: '/api/tokens',
  token: (id: string) => `/api/tokens/${enc(id)}`,
} as const

export const adminApi = {
  alerts: {
    list: (signal?: AbortSignal) => request<AlertRule[]>('GET', adminPaths.alerts, { signal }),
    create: (input: AlertRuleInput) => request<AlertRule>('POST', adminPaths.alerts, { body: input }),
    update: (id: string, input: AlertRuleInput) => request<AlertRule>('PUT', adminPaths.alert(id), { body: input }),
    remove: (id: string) => request<void>('DELETE', adminPaths.alert(id)),
  },
  jobs: {
    list: (signal?: AbortSignal) => request<Job[]>('GET', adminPaths.jobs, { signal }),
    runs: (id: string, signal?: AbortSignal) => request<JobRun[]>('GET', adminPaths.jobRuns(id), { signal }),
    create: (input: JobInput) => request<Job>('POST', adminPaths.jobs, { body: input }),
    update: (id: string, input: JobInput) => request<Job>('PUT', adminPaths.job(id), { body: input }),
    remove: (id: string) => request<void>('DELETE', adminPaths.job(id)),
  },
  audit: {
    search: (filter: { heatpump_id?: string; command_id?: string; limit: number }, signal?: AbortSignal) =>
      request<AuditEntry[]>('GET', adminPaths.audit, { query: filter, signal }),
  },
  users: {
    list: (signal?: AbortSignal) => request<User[]>('GET', adminPaths.users, { signal }),
    create: (input: Required<Pick<UserInput, 'username' | 'password' | 'role'>>) =>
      request<User>('POST', adminPaths.users, { body: input }),
    update: (username: string, input: UserInput) => request<User>('PUT', adminPaths.user(username), { body: input }),
    remove: (username: string) => request<void>('DELETE', adminPaths.user(username)),
  },
  tokens: {
    list: (signal?: AbortSignal) => request<ApiToken[]>('GET', adminPaths.tokens, { signal }),
    create: (input: ApiTokenInput) => request<CreatedApiToken>('POST', adminPaths.tokens, { body: input }),
    revoke: (id: string) => request<void>('DELETE', adminPaths.token(id)),
  },
}
