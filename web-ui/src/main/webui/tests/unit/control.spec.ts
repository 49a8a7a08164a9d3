import { flushPromises } from '@vue/test-utils'
import idmCatalogue from '@contracts/examples/catalogue/idm-navigator-2-0.json'
import type { ModelSetup, Writable } from '@/api'
import { commandPolling } from '@/composables/useCommand'
import type { FakeRequest } from './fakeApi'
import { fakeApi } from './fakeApi'
import { data, manufacturers, pump, setups } from './fixtures'
import { mountApp } from './mountApp'

const ID = 'hp-3f9a1c27'
const idmSetup: ModelSetup = { ...setups.idm, writables: idmCatalogue.writables as Writable[] }

function current() {
  const d = data(ID, new Date().toISOString())
  d.values.dhw_target = { value: 48, unit: '°C', observed_at: new Date().toISOString() }
  d.values.system_mode = { value: 1, unit: 'none', observed_at: new Date().toISOString() }
  return d
}

function command(outcome: string, extra: Record<string, unknown> = {}) {
  return {
    command_id: '7b1c0c4e-1111-4a5b-9c3d-000000000001',
    heatpump_id: ID,
    sensor: 'dhw_target',
    value: 50,
    requested_by: 'anna',
    source: 'ui',
    requested_at: new Date().toISOString(),
    outcome,
    reason: null,
    old_value: null,
    read_back_value: null,
    completed_at: null,
    ...extra,
  }
}

function routes(overrides: Record<string, unknown> = {}) {
  return {
    'GET /api/heatpumps/:id': { body: pump({ device_config: { circuits: ['A', 'B'] } }) },
    'GET /api/heatpumps': { body: [pump({ device_config: { circuits: ['A', 'B'] } })] },
    'GET /api/manufacturers': { body: manufacturers },
    'GET /api/manufacturers/:m/models/:model/setup': { body: idmSetup },
    'GET /api/data': { body: { [ID]: current() } },
    ...overrides,
  } as Parameters<typeof fakeApi>[0]
}

beforeEach(() => {
  commandPolling.intervalMs = 5
  commandPolling.timeoutMs = 2000
})

describe('control page', () => {
  it("lists the model's writables with current values, ranges, units and options; per-circuit values for each configured circuit", async () => {
    fakeApi(routes())
    const { wrapper } = await mountApp(`/heatpumps/${ID}/control`, { role: 'operator' })
    await flushPromises()
    expect(wrapper.find('[data-test=control-title]').text()).toBe('Wärmepumpe Gebäude A steuern')
    const ids = wrapper.findAll('[data-writable]').map((w) => w.attributes('data-writable'))
    expect(ids).toEqual([
      'dhw_target',
      'system_mode',
      'circuit_a_heating_curve',
      'circuit_b_heating_curve',
      'circuit_a_room_target_heat_normal',
      'circuit_b_room_target_heat_normal',
      'bms_temp_request_heating',
      'bms_temp_request_cooling',
    ])
    const dhw = wrapper.find('[data-writable=dhw_target]')
    expect(dhw.find('[data-test=current]').text()).toBe('48 °C')
    expect(dhw.find('[data-test=range]').text()).toBe('35 bis 95 °C, Schritt 1')
    expect(dhw.find('[data-test=eeprom]').exists()).toBe(true)
    expect(dhw.find('[data-test=eeprom-warning]').text()).toContain('EEPROM')
    const mode = wrapper.find('[data-writable=system_mode]')
    expect(mode.find('[data-test=current]').text()).toBe('Automatik')
    expect(mode.findAll('[data-test=input] option').map((o) => o.text())).toEqual(['—', 'Standby (0)', 'Automatik (1)', 'Abwesend (2)', 'Nur Warmwasser (4)', 'Nur Heizen/Kühlen (5)'])
    expect(wrapper.find('[data-writable=circuit_b_heating_curve] h2').text()).toBe('Heizkreis B: Heizkurve')
    // no documented range and no owner limits: shown, but not writable
    const bms = wrapper.find('[data-writable=bms_temp_request_heating]')
    expect(bms.find('[data-test=input]').exists()).toBe(false)
    expect(bms.find('[data-test=range]').text()).toContain('Kein Bereich dokumentiert')
    expect(bms.find('h2').text()).toBe('GLT-Temperaturanforderung Heizen (Register 1696)')
    expect(bms.find('[data-test=description]').text()).toBe('alle 10 Minuten neu schreiben, nur schreibbar')
    expect(dhw.find('h2').text()).toBe('Warmwasser-Solltemperatur (FW030)')
  })

  it('narrows the range by the owner\'s write_ranges, which also make an undocumented range writable', async () => {
    const hp = pump({ device_config: { circuits: ['A'], write_ranges: { dhw_target: { min: 40, max: 55 }, bms_temp_request_heating: { min: 18, max: 24, step: 0.5 } } } })
    fakeApi(routes({ 'GET /api/heatpumps/:id': { body: hp }, 'GET /api/heatpumps': { body: [hp] } }))
    const { wrapper } = await mountApp(`/heatpumps/${ID}/control`, { role: 'operator' })
    await flushPromises()
    expect(wrapper.find('[data-writable=dhw_target] [data-test=range]').text()).toBe('40 bis 55 °C, Schritt 1')
    expect(wrapper.find('[data-writable=bms_temp_request_heating] [data-test=range]').text()).toBe('18 bis 24 °C, Schritt 0,5')
    expect(wrapper.find('[data-writable=bms_temp_request_heating] [data-test=input]').exists()).toBe(true)
  })

  it('asks before an EEPROM write, then shows pending until the pump verified the value', async () => {
    let polls = 0
    const fake = fakeApi(
      routes({
        'POST /api/control/:id': { status: 202, body: command('pending') },
        'GET /api/control/:id/commands/:cid': () =>
          ++polls < 3 ? { body: command('pending') } : { body: command('written_verified', { old_value: 48, read_back_value: 50, completed_at: new Date().toISOString() }) },
      }),
    )
    const { wrapper } = await mountApp(`/heatpumps/${ID}/control`, { role: 'operator' })
    await flushPromises()
    expect(fake.callsTo('GET', '/api/data')).toHaveLength(1)
    const dhw = wrapper.find('[data-writable=dhw_target]')
    await dhw.find('[data-test=input]').setValue('50')
    await dhw.find('form').trigger('submit')
    expect(wrapper.find('[data-test=dialog]').exists()).toBe(true)
    expect(wrapper.find('[data-test=confirm-text]').text()).toBe('Neuer Wert: 50 °C. Der Wert wird ins EEPROM geschrieben.')

    await wrapper.find('[data-test=dialog-cancel]').trigger('click')
    expect(wrapper.find('[data-test=dialog]').exists()).toBe(false)
    expect(fake.callsTo('POST', `/api/control/${ID}`)).toHaveLength(0)

    await dhw.find('form').trigger('submit')
    await wrapper.find('[data-test=dialog-confirm]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('POST', `/api/control/${ID}`)[0].body).toEqual({ sensor: 'dhw_target', value: 50 })
    expect(dhw.find('[data-test=outcome]').attributes('data-outcome')).toBe('pending')
    expect(dhw.find('[data-test=write]').attributes('disabled')).toBeDefined()

    await vi.waitFor(() => expect(dhw.find('[data-test=outcome]').attributes('data-outcome')).toBe('written_verified'))
    expect(dhw.find('[data-test=outcome]').text()).toBe('Geschrieben und bestätigt · Zurückgelesen: 50 °C')
    expect(fake.callsTo('GET', `/api/control/${ID}/commands/${command('x').command_id}`).length).toBe(3)
    // the current values are fetched again once the pump answered
    await vi.waitFor(() => expect(fake.callsTo('GET', '/api/data').length).toBeGreaterThanOrEqual(2))
  })

  it('shows a rejection with its reason, and a failed write', async () => {
    let answer = command('rejected', { reason: 'write budget for dhw_target used up (10 per 24 h)', completed_at: new Date().toISOString() })
    fakeApi(
      routes({
        'POST /api/control/:id': (req: FakeRequest) => ({ status: 202, body: command('pending', { sensor: (req.body as { sensor: string }).sensor }) }),
        'GET /api/control/:id/commands/:cid': () => ({ body: answer }),
      }),
    )
    const { wrapper } = await mountApp(`/heatpumps/${ID}/control`, { role: 'operator' })
    await flushPromises()
    const mode = wrapper.find('[data-writable=system_mode]')
    await mode.find('[data-test=input]').setValue('4')
    await mode.find('form').trigger('submit')
    await wrapper.find('[data-test=dialog-confirm]').trigger('click')
    await vi.waitFor(() => expect(mode.find('[data-test=outcome]').attributes('data-outcome')).toBe('rejected'))
    expect(mode.find('[data-test=outcome]').text()).toBe('Abgelehnt · Grund: write budget for dhw_target used up (10 per 24 h)')

    answer = command('failed', { reason: 'modbus exception 4', completed_at: new Date().toISOString() })
    await mode.find('form').trigger('submit')
    await wrapper.find('[data-test=dialog-confirm]').trigger('click')
    await vi.waitFor(() => expect(mode.find('[data-test=outcome]').attributes('data-outcome')).toBe('failed'))
    expect(mode.find('[data-test=outcome]').text()).toBe('Fehlgeschlagen · Grund: modbus exception 4')
  })

  it('says when the pump has not answered in time', async () => {
    commandPolling.timeoutMs = 30
    fakeApi(routes({ 'POST /api/control/:id': { status: 202, body: command('pending') }, 'GET /api/control/:id/commands/:cid': { body: command('pending') } }))
    const { wrapper } = await mountApp(`/heatpumps/${ID}/control`, { role: 'operator' })
    await flushPromises()
    const dhw = wrapper.find('[data-writable=dhw_target]')
    await dhw.find('[data-test=input]').setValue('50')
    await dhw.find('form').trigger('submit')
    await wrapper.find('[data-test=dialog-confirm]').trigger('click')
    await vi.waitFor(() => expect(dhw.find('[data-test=outcome]').text()).toContain('Noch keine Antwort der Wärmepumpe'))
    expect(dhw.find('[data-test=write]').attributes('disabled')).toBeUndefined()
  })

  it('checks the range and step before sending, and shows the registry\'s own objection at the value', async () => {
    const fake = fakeApi(
      routes({
        'POST /api/control/:id': { status: 400, body: { title: 'Invalid request', status: 400, errors: [{ field: 'value', message: 'must be 40..55' }] } },
      }),
    )
    const { wrapper } = await mountApp(`/heatpumps/${ID}/control`, { role: 'admin' })
    await flushPromises()
    const dhw = wrapper.find('[data-writable=dhw_target]')
    await dhw.find('[data-test=input]').setValue('99')
    await dhw.find('form').trigger('submit')
    expect(dhw.find('[data-test=value-error]').text()).toBe('Bitte einen Wert von 35 bis 95 eingeben.')
    await dhw.find('[data-test=input]').setValue('50.5')
    await dhw.find('form').trigger('submit')
    expect(dhw.find('[data-test=value-error]').text()).toBe('Bitte in Schritten von 1 ab 35 eingeben.')
    expect(wrapper.find('[data-test=dialog]').exists()).toBe(false)
    expect(fake.callsTo('POST', `/api/control/${ID}`)).toHaveLength(0)

    await dhw.find('[data-test=input]').setValue('50')
    await dhw.find('form').trigger('submit')
    await wrapper.find('[data-test=dialog-confirm]').trigger('click')
    await flushPromises()
    // the owner's write_ranges, which the registry knows, are narrower: its field error, translated
    expect(dhw.find('[data-test=value-error]').text()).toBe('Bitte einen Wert von 40 bis 55 eingeben.')
    expect(dhw.find('[data-test=outcome]').exists()).toBe(false)
  })

  it('shows a viewer the values but no write controls', async () => {
    fakeApi(routes())
    const { wrapper } = await mountApp(`/heatpumps/${ID}/control`, { role: 'viewer' })
    await flushPromises()
    expect(wrapper.findAll('[data-writable]').length).toBe(8)
    expect(wrapper.find('[data-writable=dhw_target] [data-test=current]').text()).toBe('48 °C')
    expect(wrapper.findAll('[data-test=input]')).toHaveLength(0)
    expect(wrapper.findAll('[data-test=write]')).toHaveLength(0)
    expect(wrapper.find('[data-test=viewer-note]').exists()).toBe(true)
  })

  it('has loading, empty and error states', async () => {
    fakeApi(routes({ 'GET /api/manufacturers/:m/models/:model/setup': { body: { ...idmSetup, writables: [] } } }))
    const { wrapper } = await mountApp(`/heatpumps/${ID}/control`, { role: 'operator' })
    await flushPromises()
    expect(wrapper.find('[data-test=empty]').text()).toContain('keine schreibbaren Werte')

    fakeApi(routes({ 'GET /api/manufacturers/:m/models/:model/setup': { status: 503, body: { status: 503, title: 'Unavailable' } } }))
    const second = await mountApp(`/heatpumps/${ID}/control`, { role: 'operator' })
    await flushPromises()
    expect(second.wrapper.find('[data-test=error]').text()).toContain('Die schreibbaren Werte konnten nicht geladen werden.')
  })
})
