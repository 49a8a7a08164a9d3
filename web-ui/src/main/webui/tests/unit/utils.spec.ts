import { alignSeries, hasPoints } from '@/utils/series'
import { formatValue, sensorLabel } from '@/utils/sensors'
import { isHost } from '@/utils/validation'

describe('sensor texts', () => {
  it('names canonical, per-circuit and per-room sensors in both languages', () => {
    expect(sensorLabel('temp_outside', 'de')).toBe('Außentemperatur')
    expect(sensorLabel('temp_outside', 'en')).toBe('Outdoor temperature')
    expect(sensorLabel('circuit_b_temp_flow', 'de')).toBe('Heizkreis B: Vorlauf')
    expect(sensorLabel('zone_1_room_2_temp', 'en')).toBe('Zone 1, room 2: Temperature')
    expect(sensorLabel('circuit_a_temp_flow_target', 'de')).toBe('Heizkreis A: Vorlauf-Soll')
    expect(sensorLabel('dhw_target', 'en')).toBe('Dhw target')
  })

  it('formats values with units in the user language', () => {
    expect(formatValue('temp_outside', -3.5, '°C', 'de')).toBe('-3,5 °C')
    expect(formatValue('power_electric', 1.845, 'kW', 'en')).toBe('1.85 kW')
    expect(formatValue('operating_mode', 'hot_water', 'none', 'de')).toBe('Warmwasser')
    expect(formatValue('compressor_running', true, 'none', 'en')).toBe('Yes')
    expect(formatValue('error_code', 'U8', 'none', 'en')).toBe('U8')
    expect(formatValue('compressor_starts_total', 1234, 'count', 'de')).toBe('1.234')
  })
})

describe('host check', () => {
  it.each(['192.168.1.100', 'wp-keller.local', 'heatpump', 'fe80::1', '[2001:db8::5]'])('accepts %s', (h) => expect(isHost(h)).toBe(true))
  it.each(['', '300.1.1.1', 'a b', 'http://x', '-bad.example'])('rejects %s', (h) => expect(isHost(h)).toBe(false))
})

describe('chart series', () => {
  it('aligns series on shared times with gaps', () => {
    const aligned = alignSeries([
      { label: 'a', timestamps: [1000, 2000], values: [1, 2] },
      { label: 'b', timestamps: [2000, 3000], values: [5, null] },
    ])
    expect(aligned).toEqual([[1, 2, 3], [1, 2, null], [null, 5, null]])
    expect(hasPoints([{ label: 'x', timestamps: [1], values: [null] }])).toBe(false)
  })
})
