// Shapes of the pump-centred calls the UI makes besides those in types.ts (snake_case as on the wire). Sources:
// registry ControlService.CommandView, AlertView, JobView; anomaly-service WatchedPump.
import type { SensorValueType } from './types'

/** PUT /api/auth/password body. */
export interface PasswordChange {
  current_password: string
  new_password: string
}

export type CommandOutcome = 'pending' | 'written_verified' | 'written_not_verified' | 'rejected' | 'failed'

/** POST /api/control/{id} → 202, GET /api/control/{id}/commands/{commandId}. */
export interface CommandView {
  command_id: string
  heatpump_id: string
  sensor: string
  value: SensorValueType
  requested_by?: string
  source?: string
  requested_at?: string
  outcome: CommandOutcome | string
  reason: string | null
  old_value: SensorValueType | null
  read_back_value: SensorValueType | null
  completed_at: string | null
}

/** GET /api/alerts (only what the UI needs here); heatpump_id null = every pump. */
export interface AlertRuleRef {
  id: string
  heatpump_id: string | null
  name: string
}

/** GET /api/jobs (only what the UI needs here). */
export interface JobRef {
  id: string
  heatpump_id: string
  name: string
}

/** anomaly-service GET /api/anomalies/pumps: a pump it watches and its detector's state. */
export interface WatchedPump {
  heatpump_id: string
  manufacturer?: string
  model?: string
  readings_seen: number
  last_observed_at: string | null
  detector_state: string
}
