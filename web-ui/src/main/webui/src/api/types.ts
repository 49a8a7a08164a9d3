// The JSON the UI exchanges with the services (snake_case as on the wire). Sources: docs/contracts/*.md (dashboard,
// catalogue, probe-request/-response, readings, status, config) and the registry/ingest REST resources.

export type Role = 'viewer' | 'operator' | 'admin'
export type Localized = string | { de?: string; en?: string }
export type SensorValueType = number | string | boolean

/** POST /api/auth/login → 200. */
export interface LoginResponse {
  token: string
  token_type?: string
  expires_at?: string
  username?: string
  role?: Role
  groups?: string[]
}

/** problem+json (RFC 9457) as the services send it; `errors` names each field at fault. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  errors?: { field: string; message: string }[]
  /** registry: the connection test's answer when a new pump could not be reached */
  probe?: ProbeResponse
}

/** heatpump.status as the registry shows it inside a pump; null until the poller reported. */
export interface HeatpumpStatus {
  connected: boolean
  consecutive_errors?: number
  last_error?: { kind: string; message: string; modbus_exception_code?: number; at?: string } | null
  last_success_at?: string | null
  last_reading_at?: string | null
  updated_at?: string | null
}

export interface Connection {
  host: string
  port: number
  unit_id?: number | null
  timeout_ms?: number
  retries?: number
}

export interface ZoneModule {
  module: number
  rooms: number
}

export interface DeviceConfig {
  circuits?: string[]
  zone_modules?: ZoneModule[]
  word_order?: 'big' | 'little'
  [option: string]: unknown
}

/** GET /api/heatpumps, GET /api/heatpumps/{id}. */
export interface Heatpump {
  id: string
  name: string
  manufacturer: string
  model: string
  connection: Connection
  poll_interval_s: number
  device_config: DeviceConfig
  enabled: boolean
  share_data: boolean
  demo?: boolean
  created_at?: string
  updated_at?: string
  status: HeatpumpStatus | null
  capabilities?: string[]
}

/** POST /api/heatpumps body (PUT: only the fields to change). */
export interface HeatpumpInput {
  name: string
  manufacturer: string
  model: string
  connection: { host: string; port: number; unit_id?: number | null; timeout_ms?: number; retries?: number }
  poll_interval_s?: number
  device_config: DeviceConfig
  enabled?: boolean
  share_data?: boolean
}

/** GET /api/manufacturers. */
export interface Manufacturer {
  id: string
  name: string
  models: { id: string; display_name: string }[]
}

/** A JSON Schema fragment as the catalogue's device_config_schema uses it. */
export interface JsonSchema {
  type?: string | string[]
  title?: string
  description?: string
  enum?: unknown[]
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
  default?: unknown
  minimum?: number
  maximum?: number
  maxItems?: number
  uniqueItems?: boolean
}

/** GET /api/manufacturers/{mfr}/models/{model}/setup. */
export interface ModelSetup {
  manufacturer: string
  model: string
  manufacturer_name: string
  display_name: string
  protocol: 'modbus_tcp' | 'luxtronik' | string
  default_port: number
  default_unit_id: number | null
  default_poll_interval_s: number
  min_poll_interval_s: number
  capabilities: string[]
  device_config_schema: JsonSchema
  instructions: { de?: string; en?: string } | null
  /** the values a command may write (docs/contracts/catalogue.md); absent from older registries */
  writables?: Writable[]
}

/** A writable value of a model (docs/contracts/catalogue.md, *writable*). */
export interface Writable {
  id: string
  unit: string
  kind?: 'number' | 'boolean'
  min: number | null
  max: number | null
  step: number | null
  options?: Record<string, Localized>
  persistence: 'eeprom' | 'cyclic' | 'volatile' | string
  resend_interval_s?: number
  daily_budget?: number
  min_interval_s?: number
  description?: Localized
  per?: 'circuit' | 'zone_room'
}

/** POST /api/probe body (docs/contracts/probe-request.md). */
export interface ProbeRequest {
  manufacturer: string
  model: string
  host: string
  port: number
  unit_id?: number | null
  timeout_ms?: number
}

/** POST /api/probe answer (docs/contracts/probe-response.md). */
export interface ProbeResponse {
  ok: boolean
  latency_ms: number | null
  detected: { model?: string; firmware?: string; serial?: string } | null
  values: Record<string, SensorValueType>
  diagnosis: {
    kind: string
    modbus_exception_code?: number
    message_en: string
    message_de: string
    hint_en: string | null
    hint_de: string | null
  }
}

/** One sensor's latest value (ingest GET /api/data). */
export interface SensorValue {
  value: SensorValueType
  unit: string | null
  observed_at: string
}

export interface PumpData {
  heatpump_id: string
  manufacturer?: string
  model?: string
  values: Record<string, SensorValue>
}

/** ingest GET /api/metrics/query_range. */
export interface RangeResult {
  sensor: string
  unit: string | null
  aggregation?: string
  start: string
  end: string
  step_seconds: number
  series: { heatpump_id: string; manufacturer?: string; model?: string; timestamps: number[]; values: (number | null)[] }[]
}

export interface AvailableSensor {
  sensor: string
  unit: string | null
  kind: string
}

export type WidgetType = 'line_chart' | 'gauge' | 'value' | 'compare_chart' | 'status'

/** docs/contracts/dashboard.md. */
export interface Widget {
  id: string
  type: WidgetType | string
  title: Localized
  sensors: string[]
  heatpump_ids?: string[]
  range?: string
  position: { x: number; y: number; w: number; h: number }
  min?: number
  max?: number
}

export interface Dashboard {
  schema_version: number
  id: string | null
  heatpump_id: string | null
  name: Localized
  layout: { columns: number }
  widgets: Widget[]
}
