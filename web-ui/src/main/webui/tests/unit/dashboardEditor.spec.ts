import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Dashboard } from '@/api'
import type { FakeRequest } from './fakeApi'
import { fakeApi } from './fakeApi'
import { dashboard, data, manufacturers, pump } from './fixtures'
import { mountApp } from './mountApp'

const ID = 'hp-3f9a1c27'
const AVAILABLE = ['temp_outside', 'temp_flow', 'temp_return', 'temp_hot_water', 'circuit_b_temp_flow', 'power_electric', 'operating_mode', 'compressor_running']

function routes(overrides: Record<string, unknown> = {}) {
  return {
    'GET /api/heatpumps/:id': { body: pump() },
    'GET /api/heatpumps': { body: [pump()] },
    'GET /api/dashboards': { body: [dashboard] },
    'GET /api/data': { body: { [ID]: data(ID, new Date().toISOString()) } },
    'GET /api/manufacturers': { body: manufacturers },
    'GET /api/metrics/query_range': { body: { sensor: 'x', unit: '°C', start: '', end: '', step_seconds: 60, series: [] } },
    'GET /api/metrics/available': {
      body: { [ID]: AVAILABLE.map((s) => ({ sensor: s, unit: s.includes('temp') ? '°C' : null, kind: s === 'operating_mode' ? 'string' : s === 'compressor_running' ? 'boolean' : 'number' })) },
    },
    'PUT /api/dashboards/:id': (req: FakeRequest) => ({ body: req.body }),
    ...overrides,
  } as Parameters<typeof fakeApi>[0]
}

async function openEditor(role: 'operator' | 'admin' = 'operator') {
  const mounted = await mountApp(`/heatpumps/${ID}`, { role })
  await flushPromises()
  await mounted.wrapper.find('[data-test=edit-dashboard]').trigger('click')
  await flushPromises()
  return mounted
}

const row = (w: VueWrapper, id: string) => w.find(`[data-edit-widget="${id}"]`)
const order = (w: VueWrapper) => w.findAll('[data-edit-widget]').map((r) => r.attributes('data-edit-widget'))

describe('dashboard editing', () => {
  it('reorders, removes and adds charts, picks their sensors, and saves the new layout with PUT', async () => {
    const fake = fakeApi(routes())
    const { wrapper } = await openEditor()
    expect(fake.callsTo('GET', '/api/metrics/available')[0].query.getAll('heatpump_id')).toEqual([ID])
    expect(order(wrapper)).toEqual(['status', 'temperatures', 'hot-water', 'circuit-b'])
    // charts offer numbers and on/off values, a gauge numbers only, the status widget everything
    expect(row(wrapper, 'temperatures').find('[data-test=sensor-operating_mode]').exists()).toBe(false)
    expect(row(wrapper, 'temperatures').find('[data-test=sensor-compressor_running]').exists()).toBe(true)
    expect(row(wrapper, 'status').find('[data-test=sensor-operating_mode]').exists()).toBe(true)
    expect(row(wrapper, 'hot-water').findAll('[data-test=widget-sensor] option').map((o) => o.attributes('value'))).not.toContain('compressor_running')

    await row(wrapper, 'hot-water').find('[data-test=move-up]').trigger('click')
    expect(order(wrapper)).toEqual(['status', 'hot-water', 'temperatures', 'circuit-b'])
    await row(wrapper, 'circuit-b').find('[data-test=remove-widget]').trigger('click')
    await row(wrapper, 'temperatures').find('[data-test=sensor-temp_return]').setValue(false)
    await row(wrapper, 'temperatures').find('[data-test=sensor-temp_hot_water]').setValue(true)

    await wrapper.find('[data-test=add-widget]').trigger('click')
    const added = row(wrapper, 'chart-1')
    expect((added.find('[data-test=sensor-temp_outside]').element as HTMLInputElement).checked).toBe(true)
    await added.find('[data-test=widget-title]').setValue('Leistung')
    await added.find('[data-test=sensor-temp_outside]').setValue(false)
    await added.find('[data-test=sensor-power_electric]').setValue(true)
    await added.find('[data-test=widget-range]').setValue('7d')

    await wrapper.find('[data-test=save-dashboard]').trigger('click')
    await flushPromises()
    const put = fake.callsTo('PUT', '/api/dashboards/db-3f9a1c27-main')
    expect(put).toHaveLength(1)
    const sent = put[0].body as Dashboard
    expect(sent.id).toBe('db-3f9a1c27-main')
    expect(sent.heatpump_id).toBe(ID)
    expect(sent.layout.columns).toBe(12)
    expect(sent.widgets.map((w) => [w.id, w.position])).toEqual([
      ['status', { x: 0, y: 0, w: 4, h: 2 }],
      ['hot-water', { x: 4, y: 0, w: 4, h: 2 }],
      ['temperatures', { x: 0, y: 2, w: 8, h: 4 }],
      ['chart-1', { x: 0, y: 6, w: 6, h: 3 }],
    ])
    expect(sent.widgets[2].sensors).toEqual(expect.arrayContaining(['temp_outside', 'temp_flow', 'temp_hot_water']))
    expect(sent.widgets[2].sensors).not.toContain('temp_return')
    expect(sent.widgets[2].title).toEqual({ de: 'Temperaturen', en: 'Temperatures' })
    expect(sent.widgets[3]).toMatchObject({ type: 'line_chart', title: 'Leistung', sensors: ['power_electric'], range: '7d' })

    expect(wrapper.find('[data-test=dashboard-editor]').exists()).toBe(false)
    expect(wrapper.find('[data-test=dashboard-saved]').exists()).toBe(true)
    expect(wrapper.findAll('.widget h2').map((h) => h.text())).toEqual(['Status', 'Warmwasser', 'Temperaturen', 'Leistung'])
  })

  it('keeps the stored layout when only sensors change, and turns a chart into a gauge with one sensor', async () => {
    const fake = fakeApi(routes())
    const { wrapper } = await openEditor()
    await row(wrapper, 'temperatures').find('[data-test=sensor-temp_return]').setValue(false)
    await row(wrapper, 'circuit-b').find('[data-test=widget-type]').setValue('gauge')
    await row(wrapper, 'circuit-b').find('[data-test=widget-sensor]').setValue('temp_flow')
    await wrapper.find('[data-test=save-dashboard]').trigger('click')
    await flushPromises()
    const sent = fake.callsTo('PUT', '/api/dashboards/db-3f9a1c27-main')[0].body as Dashboard
    expect(sent.widgets.find((w) => w.id === 'temperatures')!.position).toEqual({ x: 4, y: 0, w: 8, h: 4 })
    const gauge = sent.widgets.find((w) => w.id === 'circuit-b')!
    expect(gauge).toMatchObject({ type: 'gauge', sensors: ['temp_flow'], min: 0, max: 100 })
    expect(gauge.range).toBeUndefined()
  })

  it('checks each widget before saving and shows the registry\'s field errors at the widget they name', async () => {
    const fake = fakeApi(
      routes({
        'PUT /api/dashboards/:id': {
          status: 400,
          body: { title: 'Invalid request', status: 400, errors: [{ field: 'widgets[1].sensors', message: 'is required' }, { field: 'layout.columns', message: 'must be 1..24' }] },
        },
      }),
    )
    const { wrapper } = await openEditor()
    for (const s of ['temp_outside', 'temp_flow', 'temp_return']) await row(wrapper, 'temperatures').find(`[data-test=sensor-${s}]`).setValue(false)
    await row(wrapper, 'status').find('[data-test=widget-title]').setValue(' ')
    await wrapper.find('[data-test=save-dashboard]').trigger('click')
    expect(row(wrapper, 'temperatures').find('[data-test=sensors-error]').text()).toBe('Bitte mindestens einen Messwert wählen.')
    expect(row(wrapper, 'status').find('.field-error').text()).toBe('Bitte einen Titel angeben.')
    expect(fake.callsTo('PUT', '/api/dashboards/db-3f9a1c27-main')).toHaveLength(0)

    await row(wrapper, 'temperatures').find('[data-test=sensor-temp_flow]').setValue(true)
    await row(wrapper, 'status').find('[data-test=widget-title]').setValue('Status')
    await wrapper.find('[data-test=save-dashboard]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('PUT', '/api/dashboards/db-3f9a1c27-main')).toHaveLength(1)
    expect(row(wrapper, 'temperatures').find('[data-test=sensors-error]').text()).toBe('Pflichtfeld')
    expect(wrapper.find('[data-test=general-errors]').text()).toBe('layout.columns: Bitte einen Wert von 1 bis 24 eingeben.')
    expect(wrapper.find('[data-test=dashboard-editor]').exists()).toBe(true)
  })

  it('offers the current values when the stored-history list is unavailable, and creates a dashboard for a pump without one', async () => {
    const fake = fakeApi(
      routes({
        'GET /api/dashboards': { body: [] },
        'GET /api/metrics/available': { status: 503, body: { status: 503, title: 'Unavailable' } },
        'POST /api/dashboards': (req: FakeRequest) => ({ status: 201, body: { ...(req.body as object), id: 'db-new' } }),
      }),
    )
    const { wrapper } = await openEditor('admin')
    expect(wrapper.find('[data-test=sensors-fallback]').exists()).toBe(true)
    expect(wrapper.find('[data-test=no-widgets]').exists()).toBe(true)
    await wrapper.find('[data-test=add-widget]').trigger('click')
    // from the current values: every number and on/off value (operating_mode is text)
    expect(row(wrapper, 'chart-1').findAll('input[type=checkbox]').length).toBe(Object.keys(data().values).length - 1)
    await wrapper.find('[data-test=save-dashboard]').trigger('click')
    await flushPromises()
    const post = fake.callsTo('POST', '/api/dashboards')
    expect(post).toHaveLength(1)
    expect(post[0].body).toMatchObject({ id: null, heatpump_id: ID, name: 'Dashboard', schema_version: 1, layout: { columns: 12 } })
    expect((post[0].body as Dashboard).widgets).toHaveLength(1)
    expect(wrapper.findAll('.widget')).toHaveLength(1)
  })

  it('cancels without saving', async () => {
    const fake = fakeApi(routes())
    const { wrapper } = await openEditor()
    await row(wrapper, 'status').find('[data-test=remove-widget]').trigger('click')
    await wrapper.find('[data-test=cancel-edit]').trigger('click')
    expect(fake.callsTo('PUT', '/api/dashboards/db-3f9a1c27-main')).toHaveLength(0)
    expect(wrapper.findAll('.widget')).toHaveLength(4)
  })
})
