import { flushPromises } from '@vue/test-utils'
import type { FakeRequest } from './fakeApi'
import { fakeApi } from './fakeApi'
import { dashboard, data, manufacturers, pump, setups } from './fixtures'
import { mountApp } from './mountApp'

const ID = 'hp-3f9a1c27'

function routes(overrides: Record<string, unknown> = {}) {
  return {
    'GET /api/heatpumps/:id': { body: pump() },
    'GET /api/heatpumps': { body: [pump()] },
    'GET /api/manufacturers': { body: manufacturers },
    'GET /api/manufacturers/:m/models/:model/setup': { body: setups.idm },
    'GET /api/data': { body: { [ID]: data(ID, new Date().toISOString()) } },
    'GET /api/anomalies/pumps': { body: [] },
    ...overrides,
  } as Parameters<typeof fakeApi>[0]
}

describe('editing a pump', () => {
  it('fills the form from the stored pump and saves the changes with PUT, keeping options the form does not show', async () => {
    const stored = pump({ device_config: { circuits: ['A', 'B'], write_ranges: { dhw_target: { min: 40, max: 55 } } } })
    const fake = fakeApi(
      routes({
        'GET /api/heatpumps/:id': { body: stored },
        'PUT /api/heatpumps/:id': (req: FakeRequest) => ({ body: { ...stored, ...(req.body as object), name: 'Halle' } }),
      }),
    )
    const { wrapper } = await mountApp(`/heatpumps/${ID}/edit`, { role: 'admin' })
    await flushPromises()
    expect(wrapper.find('[data-test=edit-title]').text()).toBe('Wärmepumpe Gebäude A bearbeiten')
    expect((wrapper.find('[data-test=name]').element as HTMLInputElement).value).toBe('Wärmepumpe Gebäude A')
    expect((wrapper.find('[data-test=host]').element as HTMLInputElement).value).toBe('192.168.1.100')
    expect((wrapper.find('[data-test=unit-id]').element as HTMLInputElement).value).toBe('1')
    expect((wrapper.find('[data-test=circuits-B]').element as HTMLInputElement).checked).toBe(true)
    expect((wrapper.find('[data-test=enabled]').element as HTMLInputElement).checked).toBe(true)

    await wrapper.find('[data-test=name]').setValue('Halle')
    await wrapper.find('[data-test=host]').setValue('10.0.0.7')
    await wrapper.find('[data-test=poll-interval]').setValue('30')
    await wrapper.find('[data-test=circuits-C]').setValue(true)
    await wrapper.find('[data-test=enabled]').setValue(false)
    await wrapper.find('[data-test=share-data]').setValue(true)
    await wrapper.find('[data-test=edit-form]').trigger('submit')
    await flushPromises()

    const put = fake.callsTo('PUT', `/api/heatpumps/${ID}`)
    expect(put).toHaveLength(1)
    expect(put[0].body).toEqual({
      name: 'Halle',
      connection: { host: '10.0.0.7', port: 502, unit_id: 1, timeout_ms: 10000, retries: 3 },
      poll_interval_s: 30,
      device_config: { circuits: ['A', 'B', 'C'], write_ranges: { dhw_target: { min: 40, max: 55 } } },
      enabled: false,
      share_data: true,
    })
    expect(wrapper.find('[data-test=saved]').text()).toBe('Die Änderungen wurden gespeichert.')
  })

  it('checks fields as the wizard does, and shows the registry\'s field errors at the field, translated', async () => {
    const fake = fakeApi(
      routes({
        'PUT /api/heatpumps/:id': {
          status: 400,
          body: {
            title: 'Invalid request',
            status: 400,
            errors: [
              { field: 'poll_interval_s', message: 'must be 5..86400 for this model' },
              { field: 'device_config.zone_modules[0].module', message: 'something the UI does not know' },
            ],
          },
        },
      }),
    )
    const { wrapper } = await mountApp(`/heatpumps/${ID}/edit`, { role: 'admin' })
    await flushPromises()
    await wrapper.find('[data-test=host]').setValue('not a host!')
    await wrapper.find('[data-test=name]').setValue('')
    await wrapper.find('[data-test=edit-form]').trigger('submit')
    expect(wrapper.find('[data-test="error-connection.host"]').text()).toBe('Kein gültiger Hostname und keine gültige IP-Adresse.')
    expect(wrapper.find('[data-test=error-name]').text()).toBe('Pflichtfeld')
    expect(fake.callsTo('PUT', `/api/heatpumps/${ID}`)).toHaveLength(0)

    await wrapper.find('[data-test=host]').setValue('192.168.1.100')
    await wrapper.find('[data-test=name]').setValue('A')
    await wrapper.find('[data-test=edit-form]').trigger('submit')
    await flushPromises()
    expect(fake.callsTo('PUT', `/api/heatpumps/${ID}`)).toHaveLength(1)
    expect(wrapper.find('[data-test=error-poll_interval_s]').text()).toBe('Bitte einen Wert von 5 bis 86400 eingeben.')
    // an unknown kind of message is shown as the registry wrote it, at the option it names
    expect(wrapper.find('[data-option=zone_modules] .field-error').text()).toBe('something the UI does not know')
    expect(wrapper.find('[data-test=saved]').exists()).toBe(false)
  })

  it('is for admins only', async () => {
    fakeApi(routes())
    const { router } = await mountApp(`/heatpumps/${ID}/edit`, { role: 'operator' })
    expect(router.currentRoute.value.name).toBe('heatpumps')
  })
})

describe('removing a pump', () => {
  function removalRoutes(extra: Record<string, unknown> = {}) {
    return routes({
      'GET /api/dashboards': { body: [dashboard, { ...dashboard, id: 'db-2' }] },
      'GET /api/alerts': { body: [{ id: 'al-1', heatpump_id: ID, name: 'cold' }, { id: 'al-2', heatpump_id: null, name: 'every pump offline' }] },
      'GET /api/jobs': { body: [{ id: 'job-1', heatpump_id: ID, name: 'night' }] },
      'DELETE /api/heatpumps/:id': { status: 204 },
      ...extra,
    })
  }

  it('asks first and says what goes with the pump, then removes it and returns to the overview', async () => {
    const fake = fakeApi(removalRoutes())
    const { wrapper, router } = await mountApp(`/heatpumps/${ID}/edit`, { role: 'admin' })
    await flushPromises()
    await wrapper.find('[data-test=remove]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('GET', '/api/alerts')[0].query.get('heatpump_id')).toBe(ID)
    expect(fake.callsTo('GET', '/api/jobs')[0].query.get('heatpump_id')).toBe(ID)
    const dialog = wrapper.find('[data-test=dialog]')
    expect(dialog.find('h2').text()).toBe('Wärmepumpe Gebäude A entfernen?')
    expect(dialog.findAll('[data-test=remove-list] li').map((li) => li.text())).toEqual(['2 Dashboards', '1 Alarmregel', '1 geplanter Auftrag'])
    expect(dialog.find('[data-test=global-alerts]').text()).toBe('Alarmregeln für alle Wärmepumpen (1) bleiben bestehen.')

    await dialog.find('[data-test=dialog-cancel]').trigger('click')
    expect(wrapper.find('[data-test=dialog]').exists()).toBe(false)
    expect(fake.callsTo('DELETE', `/api/heatpumps/${ID}`)).toHaveLength(0)

    await wrapper.find('[data-test=remove]').trigger('click')
    await flushPromises()
    await wrapper.find('[data-test=dialog-confirm]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('DELETE', `/api/heatpumps/${ID}`)).toHaveLength(1)
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/heatpumps'))
  })

  it('still lets the admin remove when the counts cannot be fetched, and says so; a failed removal stays in the dialog', async () => {
    const fake = fakeApi(
      removalRoutes({
        'GET /api/jobs': { status: 503, body: { status: 503, title: 'Unavailable' } },
        'DELETE /api/heatpumps/:id': { status: 500, body: { status: 500, title: 'Internal Server Error' } },
      }),
    )
    const { wrapper, router } = await mountApp(`/heatpumps/${ID}/edit`, { role: 'admin' })
    await flushPromises()
    await wrapper.find('[data-test=remove]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test=count-error]').exists()).toBe(true)
    await wrapper.find('[data-test=dialog-confirm]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('DELETE', `/api/heatpumps/${ID}`)).toHaveLength(1)
    expect(wrapper.find('[data-test=remove-error]').text()).toBe('Beim Server ist ein Fehler aufgetreten (HTTP 500).')
    expect(router.currentRoute.value.name).toBe('heatpump-edit')
  })
})

describe('the pump dashboard links', () => {
  it('offers edit to admins, control to everyone, dashboard editing to operators', async () => {
    fakeApi(routes({ 'GET /api/dashboards': { body: [dashboard] }, 'GET /api/metrics/query_range': { body: { sensor: 'x', unit: null, start: '', end: '', step_seconds: 60, series: [] } } }))
    const admin = await mountApp(`/heatpumps/${ID}`, { role: 'admin' })
    await flushPromises()
    expect(admin.wrapper.find('[data-test=edit-pump]').attributes('href')).toBe(`/heatpumps/${ID}/edit`)
    expect(admin.wrapper.find('[data-test=control-link]').attributes('href')).toBe(`/heatpumps/${ID}/control`)
    expect(admin.wrapper.find('[data-test=edit-dashboard]').exists()).toBe(true)
    admin.wrapper.unmount()

    const viewer = await mountApp(`/heatpumps/${ID}`, { role: 'viewer' })
    await flushPromises()
    expect(viewer.wrapper.find('[data-test=edit-pump]').exists()).toBe(false)
    expect(viewer.wrapper.find('[data-test=edit-dashboard]').exists()).toBe(false)
    expect(viewer.wrapper.find('[data-test=control-link]').exists()).toBe(true)
  })
})
