import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import HeatpumpSetup from '@/components/heatpump/HeatpumpSetup.vue'
import { setLocale } from '@/i18n'
import { fakeApi, gate } from './fakeApi'
import { manufacturers, probe, pump, setups } from './fixtures'
import { mountApp } from './mountApp'

function catalogueRoutes() {
  return {
    'GET /api/manufacturers': { body: manufacturers },
    'GET /api/manufacturers/:mfr/models/:model/setup': (_req: unknown, p: Record<string, string>) => ({ body: setups[p.mfr as keyof typeof setups] }),
  }
}

async function mountWizard() {
  setActivePinia(createPinia())
  const wrapper = mount(HeatpumpSetup, { attachTo: document.body })
  await flushPromises()
  return wrapper
}

async function click(w: VueWrapper, selector: string) {
  await w.find(selector).trigger('click')
  await flushPromises()
}

async function toConnection(w: VueWrapper, maker = 'idm') {
  await click(w, `[data-test=manufacturer-${maker}]`)
  await click(w, '[data-test=next]')
}

describe('setup wizard', () => {
  it('takes an iDM from maker to added pump with circuits and zone modules', async () => {
    const fake = fakeApi({
      ...catalogueRoutes(),
      'POST /api/probe': { body: probe.success },
      'POST /api/heatpumps': (req) => ({ status: 201, body: pump({ id: 'hp-a1b2c3d4', name: (req.body as { name: string }).name }) }),
    })
    const w = await mountWizard()
    expect(w.findAll('[role=radio]').map((b) => b.text())).toEqual(['iDM Energiesysteme', 'Luxtronik (Bosch, Alpha Innotec)', 'NIBE'])
    expect(w.find('[data-test=next]').attributes('disabled')).toBeDefined()

    await click(w, '[data-test=manufacturer-idm]')
    // the maker's only model is chosen by itself, and its setup data loaded
    expect(w.find('[data-test=model-navigator_2_0]').attributes('aria-checked')).toBe('true')
    expect(fake.callsTo('GET', '/api/manufacturers/idm/models/navigator_2_0/setup')).toHaveLength(1)
    await click(w, '[data-test=next]')

    // connection: the model's instructions and defaults
    expect(w.find('[data-test=instructions]').text()).toContain('Modbus TCP')
    expect(w.find('[data-test=instructions] ol').exists()).toBe(true)
    expect((w.find('[data-test=port]').element as HTMLInputElement).value).toBe('502')
    expect((w.find('[data-test=unit-id]').element as HTMLInputElement).value).toBe('1')
    await w.find('[data-test=host]').setValue('192.168.1.100')
    await click(w, '[data-test=test-connection]')
    expect(fake.callsTo('POST', '/api/probe')[0].body).toEqual({ manufacturer: 'idm', model: 'navigator_2_0', host: '192.168.1.100', port: 502, unit_id: 1 })
    expect(w.find('[data-test=probe-result]').text()).toContain('Verbindung erfolgreich')
    expect(w.find('[data-test=probe-message]').text()).toBe(probe.success.diagnosis.message_de)
    await click(w, '[data-test=next]')

    // configuration from the model's options
    expect(w.find('[data-test=circuits-A]').element).toHaveProperty('checked', true)
    await w.find('[data-test=circuits-B]').setValue(true)
    await w.find('[data-test=zone-2]').setValue(true)
    await w.find('[data-test=zone-2-rooms]').setValue('3')
    await click(w, '[data-test=next]')
    expect(w.find('[data-test=error-name]').text()).toBe('Pflichtfeld')
    await w.find('[data-test=name]').setValue('Wärmepumpe Gebäude A')
    await click(w, '[data-test=next]')

    // summary, then add
    const summary = w.find('[data-test=summary]').text()
    expect(summary).toContain('192.168.1.100:502')
    expect(summary).toContain('A, B')
    expect(summary).toContain('Zonenmodul 2 (3 Räume)')
    expect(summary).toContain('Verbindung erfolgreich')
    await click(w, '[data-test=add]')
    expect(fake.callsTo('POST', '/api/heatpumps')[0].body).toEqual({
      name: 'Wärmepumpe Gebäude A',
      manufacturer: 'idm',
      model: 'navigator_2_0',
      connection: { host: '192.168.1.100', port: 502, unit_id: 1 },
      poll_interval_s: 10,
      device_config: { circuits: ['A', 'B'], zone_modules: [{ module: 2, rooms: 3 }] },
      enabled: true,
      share_data: false,
    })
    expect(w.emitted('created')?.[0]?.[0]).toMatchObject({ id: 'hp-a1b2c3d4' })
  })

  it('shows the diagnosis while the test runs and after, in the chosen language', async () => {
    setLocale('en')
    const held = gate()
    fakeApi({ ...catalogueRoutes(), 'POST /api/probe': { body: probe.refused, until: held.promise } })
    const w = await mountWizard()
    await toConnection(w, 'nibe')
    await w.find('[data-test=host]').setValue('192.168.1.101')
    await w.find('[data-test=test-connection]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test=loading]').text()).toBe('Testing the connection to 192.168.1.101:502 … (0 s)')
    expect(w.find('[data-test=test-connection]').exists()).toBe(false)
    held.open()
    await flushPromises()
    const result = w.find('[data-test=probe-result]')
    expect(result.attributes('data-kind')).toBe('refused')
    expect(result.text()).toContain('Connection failed')
    expect(w.find('[data-test=probe-hint]').text()).toContain('menu 7.5.9')
    // a changed address makes the answer stale
    await w.find('[data-test=host]').setValue('192.168.1.102')
    expect(w.find('[data-test=probe-result]').exists()).toBe(false)
  })

  it('checks the address before testing or going on', async () => {
    const fake = fakeApi({ ...catalogueRoutes() })
    const w = await mountWizard()
    await toConnection(w)
    await w.find('[data-test=host]').setValue('300.1.1.1')
    await w.find('[data-test=port]').setValue('70000')
    await click(w, '[data-test=test-connection]')
    expect(w.find('[data-test="error-connection.host"]').text()).toBe('Kein gültiger Hostname und keine gültige IP-Adresse.')
    expect(w.find('[data-test="error-connection.port"]').text()).toBe('Bitte eine Zahl von 1 bis 65535.')
    expect(fake.callsTo('POST', '/api/probe')).toHaveLength(0)
    await click(w, '[data-test=next]')
    expect(w.find('[data-step=connection]').exists()).toBe(true)
  })

  it('asks nothing more for a maker without options, and no unit id for Luxtronik', async () => {
    fakeApi({ ...catalogueRoutes() })
    const w = await mountWizard()
    await toConnection(w, 'luxtronik')
    expect(w.find('[data-test=unit-id]').exists()).toBe(false)
    expect((w.find('[data-test=port]').element as HTMLInputElement).value).toBe('8889')
    await w.find('[data-test=host]').setValue('wp.local')
    await click(w, '[data-test=next]')
    expect(w.find('[data-test=no-options]').text()).toBe('Für dieses Modell gibt es keine weiteren Einstellungen.')
    expect((w.find('[data-test=poll-interval]').element as HTMLInputElement).value).toBe('30')
  })

  it("offers NIBE's word order with the model's default", async () => {
    fakeApi({ ...catalogueRoutes() })
    const w = await mountWizard()
    await toConnection(w, 'nibe')
    await w.find('[data-test=host]').setValue('10.0.0.5')
    await click(w, '[data-test=next]')
    const select = w.find('[data-test=option-word_order]')
    expect((select.element as HTMLSelectElement).value).toBe('little')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Höherwertiges Wort zuerst', 'Niederwertiges Wort zuerst („Word Swap“ an, Werkseinstellung)'])
  })

  it("shows the registry's field errors at the field, on their step", async () => {
    fakeApi({
      ...catalogueRoutes(),
      'POST /api/heatpumps': {
        status: 400,
        body: { title: 'Invalid request', status: 400, detail: '2 field(s) are invalid', errors: [{ field: 'connection.unit_id', message: 'must be 0..247' }, { field: 'name', message: 'must not contain control characters' }] },
      },
    })
    const w = await mountWizard()
    await toConnection(w)
    await w.find('[data-test=host]').setValue('192.168.1.100')
    await click(w, '[data-test=next]')
    await w.find('[data-test=name]').setValue('A')
    await click(w, '[data-test=next]')
    await click(w, '[data-test=add]')
    expect(w.find('[data-step=connection]').exists()).toBe(true)
    // known kinds of server messages appear in the user's language
    expect(w.find('[data-test="error-connection.unit_id"]').text()).toBe('Bitte einen Wert von 0 bis 247 eingeben.')
    await click(w, '[data-test=next]')
    expect(w.find('[data-test=error-name]').text()).toBe('Darf keine Steuerzeichen enthalten.')
  })

  it('offers to add a pump that does not answer today, without the connection test', async () => {
    const fake = fakeApi({
      ...catalogueRoutes(),
      'POST /api/heatpumps': (req) =>
        req.query.get('verify') === 'false'
          ? { status: 201, body: pump({ id: 'hp-00000042' }) }
          : { status: 400, body: { title: 'Connection test failed', status: 400, detail: 'refused', errors: [{ field: 'connection', message: 'refused' }], probe: probe.refused } },
    })
    const w = await mountWizard()
    await toConnection(w, 'nibe')
    await w.find('[data-test=host]').setValue('192.168.1.101')
    await click(w, '[data-test=next]')
    await w.find('[data-test=name]').setValue('Keller')
    await click(w, '[data-test=next]')
    await click(w, '[data-test=add]')
    expect(w.find('[data-test=create-probe]').text()).toContain(probe.refused.diagnosis.message_de)
    await click(w, '[data-test=add-anyway]')
    expect(fake.callsTo('POST', '/api/heatpumps').map((c) => c.query.get('verify'))).toEqual([null, 'false'])
    expect(w.emitted('created')?.[0]?.[0]).toMatchObject({ id: 'hp-00000042' })
  })

  it('opens the new pump after adding it from the /heatpumps/new page', async () => {
    fakeApi({
      ...catalogueRoutes(),
      'POST /api/heatpumps': { status: 201, body: pump({ id: 'hp-a1b2c3d4', name: 'Neu' }) },
      'GET /api/heatpumps/:id': { body: pump({ id: 'hp-a1b2c3d4', name: 'Neu' }) },
      'GET /api/heatpumps': { body: [pump({ id: 'hp-a1b2c3d4', name: 'Neu' })] },
      'GET /api/dashboards': { body: [] },
      'GET /api/data': { body: {} },
    })
    const { wrapper: w, router } = await mountApp('/heatpumps/new', { role: 'admin' })
    await toConnection(w, 'luxtronik')
    await w.find('[data-test=host]').setValue('wp.local')
    await click(w, '[data-test=next]')
    await w.find('[data-test=name]').setValue('Neu')
    await click(w, '[data-test=next]')
    await click(w, '[data-test=add]')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/heatpumps/hp-a1b2c3d4'))
    await vi.waitFor(() => expect(w.find('[data-test=pump-name]').text()).toBe('Neu'))
  })
})
