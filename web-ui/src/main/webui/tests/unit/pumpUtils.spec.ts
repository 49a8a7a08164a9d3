import { flushPromises } from '@vue/test-utils'
import idmCatalogue from '@contracts/examples/catalogue/idm-navigator-2-0.json'
import { ApiError, type Widget, type Writable } from '@/api'
import { newWidgetId, reflow } from '@/utils/dashboardLayout'
import { errorsUnder, fieldErrorsOf, localizeFieldError } from '@/utils/fieldErrors'
import { checkValue, pumpWritables } from '@/utils/writables'
import { fakeApi } from './fakeApi'
import { data, manufacturers, offlinePump, pump } from './fixtures'
import { mountApp } from './mountApp'

describe('field errors from the services', () => {
  it('translates the known kinds and keeps any other message as the service wrote it', () => {
    expect(localizeFieldError('name', 'is required', 'de')).toBe('Pflichtfeld')
    expect(localizeFieldError('connection.port', 'must be 1..65535', 'en')).toBe('Please enter a value from 1 to 65535.')
    expect(localizeFieldError('value', 'must be 0.1..3.5', 'de')).toBe('Bitte einen Wert von 0,1 bis 3,5 eingeben.')
    expect(localizeFieldError('poll_interval_s', 'must be 10..86400 for this model', 'en')).toBe('Please enter a value from 10 to 86400.')
    expect(localizeFieldError('new_password', 'must be at least 8 characters', 'de')).toBe('Bitte mindestens 8 Zeichen verwenden.')
    expect(localizeFieldError('current_password', 'is wrong', 'de')).toBe('Das aktuelle Passwort stimmt nicht.')
    // "is wrong" is only known for the current password
    expect(localizeFieldError('other', 'is wrong', 'de')).toBe('is wrong')
    expect(localizeFieldError('sensor', "'x' is not a writable value of iDM Navigator 2.0", 'en')).toBe('This value cannot be written on this model.')
    expect(localizeFieldError('model', 'cannot be changed; remove the pump and add it again', 'de')).toBe('Kann nicht geändert werden.')
    expect(localizeFieldError('widgets[0].type', 'does not have a value in the enumeration', 'de')).toBe('does not have a value in the enumeration')
  })

  it('collects the fields of a problem, renamed where the form names them differently; nothing for other failures', () => {
    const e = new ApiError('http', 400, { status: 400, errors: [{ field: 'host', message: 'is required' }, { field: 'port', message: 'must be 1..65535' }, { field: 'host', message: 'second' }] })
    expect(fieldErrorsOf(e, 'en', (f) => `connection.${f}`)).toEqual({ 'connection.host': 'Required', 'connection.port': 'Please enter a value from 1 to 65535.' })
    expect(fieldErrorsOf(new Error('x'), 'en')).toEqual({})
    expect(errorsUnder({ 'widgets[1].sensors': 'a', 'widgets[1].position': 'b', 'widgets[10].id': 'c' }, 'widgets[1]')).toBe('a b')
    expect(errorsUnder({}, 'widgets[1]')).toBeUndefined()
  })
})

describe('writables of a pump', () => {
  const writables = idmCatalogue.writables as Writable[]

  it('stands per-circuit entries for each configured circuit and narrows ranges by write_ranges', () => {
    const list = pumpWritables(writables, { circuits: ['A', 'C'], write_ranges: { dhw_target: { min: 40, max: 99, step: 5 }, bms_temp_request_heating: { min: 18, max: 24 } } })
    expect(list.map((w) => w.id)).toEqual([
      'dhw_target',
      'system_mode',
      'circuit_a_heating_curve',
      'circuit_c_heating_curve',
      'circuit_a_room_target_heat_normal',
      'circuit_c_room_target_heat_normal',
      'bms_temp_request_heating',
      'bms_temp_request_cooling',
    ])
    const dhw = list[0]
    expect([dhw.min, dhw.max, dhw.step]).toEqual([40, 95, 5])
    expect(list.find((w) => w.id === 'bms_temp_request_heating')).toMatchObject({ min: 18, max: 24, step: null })
    expect(list.find((w) => w.id === 'bms_temp_request_cooling')).toMatchObject({ min: null, max: null })
    expect(pumpWritables(writables, {}).some((w) => w.id.startsWith('circuit_'))).toBe(false)
  })

  it('checks values as the registry does: range, step, option codes, documented range', () => {
    const [dhw, mode, curve] = pumpWritables(writables, { circuits: ['A'] })
    expect(checkValue(dhw, 50)).toBeNull()
    expect(checkValue(dhw, 96)).toEqual({ kind: 'range', min: 35, max: 95 })
    expect(checkValue(dhw, 50.5)).toEqual({ kind: 'step', step: 1, min: 35 })
    expect(checkValue(dhw, NaN)).toEqual({ kind: 'number' })
    expect(checkValue(mode, 4)).toBeNull()
    expect(checkValue(mode, 3)).toEqual({ kind: 'number' })
    expect(checkValue(curve, 1.37)).toBeNull()
    const bms = pumpWritables(writables, {}).find((w) => w.id === 'bms_temp_request_cooling')!
    expect(checkValue(bms, 20)).toEqual({ kind: 'noRange' })
  })
})

describe('dashboard layout', () => {
  const w = (id: string, width: number, h: number): Widget => ({ id, type: 'value', title: id, sensors: ['x'], position: { x: 9, y: 9, w: width, h } })

  it('places widgets in order, left to right, starting a row when the next does not fit', () => {
    expect(reflow([w('a', 4, 2), w('b', 8, 4), w('c', 6, 1), w('d', 20, 1)], 12).map((x) => [x.id, x.position])).toEqual([
      ['a', { x: 0, y: 0, w: 4, h: 2 }],
      ['b', { x: 4, y: 0, w: 8, h: 4 }],
      ['c', { x: 0, y: 4, w: 6, h: 1 }],
      ['d', { x: 0, y: 5, w: 12, h: 1 }],
    ])
    expect(newWidgetId(['chart-1', 'chart-3'])).toBe('chart-2')
  })
})

describe('anomaly state on the overview', () => {
  it('shows what the anomaly service knows per pump, and a neutral state for pumps it does not watch', async () => {
    fakeApi({
      'GET /api/heatpumps': { body: [pump(), offlinePump] },
      'GET /api/data': { body: { 'hp-3f9a1c27': data() } },
      'GET /api/manufacturers': { body: manufacturers },
      'GET /api/anomalies/pumps': {
        body: [{ heatpump_id: 'hp-3f9a1c27', manufacturer: 'idm', model: 'navigator_2_0', readings_seen: 120, last_observed_at: '2025-01-26T10:00:00Z', detector_state: 'collecting' }],
      },
    })
    const { wrapper } = await mountApp('/heatpumps', { role: 'viewer' })
    await flushPromises()
    expect(wrapper.find('[data-heatpump=hp-3f9a1c27] [data-test=anomaly]').text()).toBe('Anomalieerkennung: lernt noch (120 Messwerte)')
    expect(wrapper.find('[data-heatpump=hp-0000beef] [data-test=anomaly]').text()).toBe('Anomalieerkennung: keine Angaben')
  })

  it('keeps the overview whole when the anomaly service is down', async () => {
    fakeApi({
      'GET /api/heatpumps': { body: [pump()] },
      'GET /api/data': { body: {} },
      'GET /api/manufacturers': { body: manufacturers },
      'GET /api/anomalies/pumps': { status: 503, body: { status: 503, title: 'Unavailable' } },
    })
    const { wrapper } = await mountApp('/heatpumps', { role: 'viewer' })
    await flushPromises()
    expect(wrapper.findAll('[data-test=heatpump-card]')).toHaveLength(1)
    expect(wrapper.find('[data-test=error]').exists()).toBe(false)
    expect(wrapper.find('[data-test=anomaly]').attributes('data-state')).toBe('unknown')
  })
})
