import { formatNumber, hasKey, translate, type Locale, locale as currentLocale } from '@/i18n'
import type { SensorValueType } from '@/api/types'

/** The canonical values every overview card shows (docs/contracts/readings.md, canonical sensors). */
export const KEY_SENSORS = ['temp_outside', 'temp_flow', 'temp_return', 'temp_hot_water', 'power_electric'] as const

const OPERATING_MODES = ['off', 'standby', 'heating', 'hot_water', 'cooling', 'defrost', 'pool', 'utility_lock', 'fault']

/** Digits shown per unit: temperatures to 0.1, power to 0.01, counters whole. */
const DIGITS: Record<string, number> = { '°C': 1, K: 1, kW: 2, kWh: 0, h: 0, Hz: 0, '%': 0, 'l/min': 1, bar: 2, count: 0 }

function prettify(id: string): string {
  const text = id.replace(/_/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * A sensor's name in the user's language: canonical ids from the catalogue of texts, per-circuit and per-room ids
 * (`circuit_b_temp_flow`, `zone_1_room_2_temp`) composed, any other vendor id shown readably.
 */
export function sensorLabel(id: string, lang: Locale = currentLocale.value): string {
  if (hasKey(`sensors.${id}`, lang) && !['circuit', 'zoneRoom'].includes(id)) {
    return translate(`sensors.${id}`, undefined, lang)
  }
  const circuit = /^circuit_([a-g])_(.+)$/.exec(id)
  if (circuit) {
    return translate('sensors.circuit', { circuit: circuit[1].toUpperCase(), name: sensorLabel(circuit[2], lang) }, lang)
  }
  const room = /^zone_(\d+)_room_(\d+)_(.+)$/.exec(id)
  if (room) {
    return translate('sensors.zoneRoom', { module: room[1], room: room[2], name: sensorLabel(room[3], lang) }, lang)
  }
  return prettify(id)
}

/** The unit as shown after a value; none for unit-less values. */
export function unitLabel(unit: string | null | undefined): string {
  return !unit || unit === 'none' || unit === 'count' ? '' : unit
}

/** A value with its unit: numbers localised, booleans as yes/no, operating modes translated. */
export function formatValue(
  sensor: string,
  value: SensorValueType | null | undefined,
  unit: string | null | undefined,
  lang: Locale = currentLocale.value,
): string {
  if (value === null || value === undefined) {
    return translate('common.noValue', undefined, lang)
  }
  if (typeof value === 'boolean') {
    return translate(value ? 'common.yes' : 'common.no', undefined, lang)
  }
  if (typeof value === 'string') {
    if (sensor === 'operating_mode' && OPERATING_MODES.includes(value)) {
      return translate(`modes.${value}`, undefined, lang)
    }
    return value
  }
  const digits = unit && unit in DIGITS ? DIGITS[unit] : 2
  const u = unitLabel(unit)
  return u ? `${formatNumber(value, digits, lang)} ${u}` : formatNumber(value, digits, lang)
}
