import { flushPromises } from '@vue/test-utils'
import { useAuthStore } from '@/stores/auth'
import type { FakeRequest } from './fakeApi'
import { fakeApi } from './fakeApi'
import { dashboard, data, manufacturers, pump } from './fixtures'
import { mountApp } from './mountApp'

const ID = 'hp-3f9a1c27'

function series(req: FakeRequest) {
  const sensor = req.query.get('sensor')!
  const now = Date.now()
  return {
    body: {
      sensor,
      unit: '°C',
      aggregation: 'avg',
      start: new Date(now - 3600_000).toISOString(),
      end: new Date(now).toISOString(),
      step_seconds: 60,
      series: req.query.getAll('heatpump_id').map((id) => ({ heatpump_id: id, timestamps: [now - 120_000, now - 60_000], values: [20, 21] })),
    },
  }
}

function routes(overrides: Record<string, unknown> = {}) {
  return {
    'GET /api/heatpumps/:id': (_r: FakeRequest, p: Record<string, string>) => (p.id === ID ? { body: pump() } : { status: 404, body: { status: 404, title: 'Not Found' } }),
    'GET /api/heatpumps': { body: [pump()] },
    'GET /api/dashboards': { body: [dashboard] },
    'GET /api/data': { body: { [ID]: data(ID, new Date().toISOString()) } },
    'GET /api/manufacturers': { body: manufacturers },
    'GET /api/metrics/query_range': series,
    ...overrides,
  } as Parameters<typeof fakeApi>[0]
}

describe('pump dashboard', () => {
  it("renders the registry's dashboard config: charts over their ranges, a gauge and the status", async () => {
    const fake = fakeApi(routes())
    const { wrapper } = await mountApp(`/heatpumps/${ID}`, { role: 'viewer' })
    await flushPromises()
    expect(wrapper.find('[data-test=pump-name]').text()).toBe('Wärmepumpe Gebäude A')
    expect(fake.callsTo('GET', '/api/dashboards')[0].query.get('heatpump_id')).toBe(ID)
    expect(wrapper.findAll('.widget h2').map((h) => h.text())).toEqual(['Status', 'Temperaturen', 'Warmwasser', 'Heizkreis B'])

    const queries = fake.callsTo('GET', '/api/metrics/query_range').map((c) => `${c.query.get('sensor')}@${c.query.get('range')}@${c.query.getAll('heatpump_id')}`)
    expect(queries.sort()).toEqual([`circuit_b_temp_flow@7d@${ID}`, `temp_flow@24h@${ID}`, `temp_outside@24h@${ID}`, `temp_return@24h@${ID}`])
    expect(wrapper.find('[data-widget=temperatures] [data-test=chart-stub]').text()).toBe('3')

    expect(wrapper.find('[data-widget=hot-water] [data-test=gauge]').text()).toContain('48 °C')
    const status = wrapper.find('[data-widget=status]')
    expect(status.find('[data-test=status]').text()).toBe('Online')
    expect(status.find('[data-sensor=operating_mode]').text()).toContain('Heizen')
    expect(status.find('[data-sensor=compressor_running]').text()).toContain('Ja')
  })

  it('waits for the first data of a pump the services have not seen yet, without asking for its series', async () => {
    const unseen = pump({ status: null } as Partial<Parameters<typeof pump>[0]>)
    const fake = fakeApi(routes({
      'GET /api/heatpumps/:id': { body: unseen },
      'GET /api/heatpumps': { body: [unseen] },
      'GET /api/data': { status: 404, body: { status: 404, title: 'Not Found' } },
    }))
    const { wrapper } = await mountApp(`/heatpumps/${ID}`, { role: 'viewer' })
    await flushPromises()
    expect(wrapper.find('[data-test=dashboard-waiting]').exists()).toBe(true)
    expect(wrapper.findAll('.widget')).toHaveLength(0)
    expect(fake.callsTo('GET', '/api/metrics/query_range')).toHaveLength(0)
  })

  it('reloads every chart over a chosen range', async () => {
    const fake = fakeApi(routes())
    const { wrapper } = await mountApp(`/heatpumps/${ID}`, { role: 'viewer' })
    const before = fake.callsTo('GET', '/api/metrics/query_range').length
    await wrapper.find('[data-test=range]').setValue('6h')
    await flushPromises()
    const after = fake.callsTo('GET', '/api/metrics/query_range').slice(before)
    expect(after.map((c) => c.query.get('range'))).toEqual(['6h', '6h', '6h', '6h'])
  })

  it('says so when a chart has no data or its data cannot be loaded', async () => {
    fakeApi(
      routes({
        'GET /api/metrics/query_range': (req: FakeRequest) =>
          req.query.get('sensor') === 'circuit_b_temp_flow'
            ? { status: 400, body: { status: 400, title: 'Invalid request', errors: [{ field: 'range', message: 'too long' }] } }
            : { body: { sensor: req.query.get('sensor'), unit: '°C', start: '', end: '', step_seconds: 60, series: [{ heatpump_id: ID, timestamps: [], values: [] }] } },
      }),
    )
    const { wrapper } = await mountApp(`/heatpumps/${ID}`, { role: 'viewer' })
    await flushPromises()
    expect(wrapper.find('[data-widget=temperatures] [data-test=no-data]').text()).toBe('Keine Daten im gewählten Zeitraum.')
    expect(wrapper.find('[data-widget=circuit-b] [data-test=error]').text()).toContain('Die Verlaufsdaten konnten nicht geladen werden.')
  })

  it('tells when a pump does not exist or has no dashboard yet', async () => {
    fakeApi(routes())
    const missing = await mountApp('/heatpumps/hp-99999999', { role: 'viewer' })
    expect(missing.wrapper.find('[data-test=empty] h2').text()).toBe('Diese Wärmepumpe gibt es nicht (mehr).')
    missing.wrapper.unmount()

    fakeApi(routes({ 'GET /api/dashboards': { body: [] } }))
    const bare = await mountApp(`/heatpumps/${ID}`, { role: 'viewer' })
    expect(bare.wrapper.find('[data-test=empty] h2').text()).toBe('Für diese Wärmepumpe gibt es noch kein Dashboard.')
  })

  it('sends the user back to the login page when the session is no longer accepted', async () => {
    const fake = fakeApi(routes({ 'GET /api/heatpumps/:id': { status: 401, body: { status: 401 } } }), { token: 'expired' })
    fake.onUnauthorized.mockImplementation(() => useAuthStore().logout('expired'))
    const { wrapper, router } = await mountApp(`/heatpumps/${ID}`, { role: 'viewer' })
    expect(fake.onUnauthorized).toHaveBeenCalled()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/login?redirect=/heatpumps/${ID}`))
    await vi.waitFor(() => expect(wrapper.find('[data-test=notice]').text()).toBe('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.'))
  })
})

describe('comparison', () => {
  it('charts one sensor across the chosen pumps over the chosen range', async () => {
    const other = pump({ id: 'hp-0000beef', name: 'Keller' })
    const fake = fakeApi(routes({ 'GET /api/heatpumps': { body: [pump(), other] } }))
    const { wrapper } = await mountApp('/compare', { role: 'viewer' })
    await flushPromises()
    const last = () => fake.callsTo('GET', '/api/metrics/query_range').at(-1)!
    expect(last().query.get('sensor')).toBe('temp_outside')
    expect(last().query.getAll('heatpump_id').sort()).toEqual(['hp-0000beef', ID])
    expect(wrapper.find('[data-test=compare] [data-test=chart-stub]').text()).toBe('2')

    await wrapper.find('[data-test=compare-sensor]').setValue('temp_flow')
    await wrapper.find('[data-test=compare-range]').setValue('7d')
    await wrapper.find('[data-test=compare-hp-0000beef]').setValue(false)
    await flushPromises()
    expect(last().query.get('sensor')).toBe('temp_flow')
    expect(last().query.get('range')).toBe('7d')
    expect(last().query.getAll('heatpump_id')).toEqual([ID])
    expect(wrapper.find('[data-test=compare] h2').text()).toBe('Vorlauf im Vergleich')

    await wrapper.find(`[data-test=compare-${ID}]`).setValue(false)
    expect(wrapper.find('[data-test=compare-none]').text()).toBe('Wählen Sie mindestens eine Wärmepumpe.')
  })
})
