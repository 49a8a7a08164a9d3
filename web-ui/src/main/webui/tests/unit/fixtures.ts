import idmCatalogue from '@contracts/examples/catalogue/idm-navigator-2-0.json'
import luxCatalogue from '@contracts/examples/catalogue/luxtronik-2-1.json'
import nibeCatalogue from '@contracts/examples/catalogue/nibe-f1155.json'
import pumpDashboard from '@contracts/examples/dashboard/heatpump.json'
import probeRefused from '@contracts/examples/probe-response/refused.json'
import probeSuccess from '@contracts/examples/probe-response/success.json'
import type { Dashboard, Heatpump, Manufacturer, ModelSetup, ProbeResponse, PumpData } from '@/api'

type CatalogueRecord = typeof idmCatalogue

/** The registry's setup answer for a catalogue record (CatalogueService.Setup, snake_case). */
export function setupOf(c: CatalogueRecord | typeof luxCatalogue | typeof nibeCatalogue): ModelSetup {
  return {
    manufacturer: c.manufacturer,
    model: c.model,
    manufacturer_name: c.manufacturer_name,
    display_name: c.display_name,
    protocol: c.protocol,
    default_port: c.default_port,
    default_unit_id: c.default_unit_id,
    default_poll_interval_s: c.default_poll_interval_s,
    min_poll_interval_s: c.min_poll_interval_s,
    capabilities: c.capabilities,
    device_config_schema: c.device_config_schema as ModelSetup['device_config_schema'],
    instructions: c.setup_instructions,
  }
}

export const setups = {
  idm: setupOf(idmCatalogue),
  luxtronik: setupOf(luxCatalogue),
  nibe: setupOf(nibeCatalogue),
}

export const manufacturers: Manufacturer[] = [idmCatalogue, luxCatalogue, nibeCatalogue].map((c) => ({
  id: c.manufacturer,
  name: c.manufacturer_name,
  models: [{ id: c.model, display_name: c.display_name }],
}))

export const probe = { success: probeSuccess as ProbeResponse, refused: probeRefused as ProbeResponse }

export function pump(overrides: Partial<Heatpump> = {}): Heatpump {
  return {
    id: 'hp-3f9a1c27',
    name: 'Wärmepumpe Gebäude A',
    manufacturer: 'idm',
    model: 'navigator_2_0',
    connection: { host: '192.168.1.100', port: 502, unit_id: 1, timeout_ms: 10000, retries: 3 },
    poll_interval_s: 10,
    device_config: { circuits: ['A', 'B'] },
    enabled: true,
    share_data: false,
    demo: false,
    created_at: '2025-01-26T10:00:00.000Z',
    updated_at: '2025-01-26T10:00:00.000Z',
    status: {
      connected: true,
      consecutive_errors: 0,
      last_error: null,
      last_success_at: '2025-01-26T10:00:00.000Z',
      last_reading_at: '2025-01-26T10:00:00.000Z',
      updated_at: '2025-01-26T10:00:00.000Z',
    },
    ...overrides,
  }
}

export const offlinePump = pump({
  id: 'hp-0000beef',
  name: 'Keller',
  manufacturer: 'nibe',
  model: 'f1155',
  status: {
    connected: false,
    consecutive_errors: 4,
    last_error: { kind: 'refused', message: 'connection refused', at: '2025-01-26T09:59:00.000Z' },
    last_success_at: null,
    last_reading_at: null,
    updated_at: '2025-01-26T09:59:00.000Z',
  },
})

export function data(id = 'hp-3f9a1c27', at = '2025-01-26T09:59:50.000Z'): PumpData {
  return {
    heatpump_id: id,
    manufacturer: 'idm',
    model: 'navigator_2_0',
    values: {
      temp_outside: { value: -3.5, unit: '°C', observed_at: at },
      temp_flow: { value: 35.2, unit: '°C', observed_at: at },
      temp_return: { value: 30.1, unit: '°C', observed_at: at },
      temp_hot_water: { value: 48, unit: '°C', observed_at: at },
      power_electric: { value: 1.84, unit: 'kW', observed_at: at },
      operating_mode: { value: 'heating', unit: 'none', observed_at: at },
      compressor_running: { value: true, unit: 'none', observed_at: at },
    },
  }
}

export const dashboard = pumpDashboard as Dashboard

/** A JWT-shaped token with these claims (the UI reads, the services verify). */
export function token(claims: Record<string, unknown>): string {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2ln`
}
