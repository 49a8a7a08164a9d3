import { flushPromises } from '@vue/test-utils'
import type { AlertRule, ApiToken, AuditEntry, Job, User } from '@/api/admin'
import { setLocale } from '@/i18n'
import { fakeApi, gate } from './fakeApi'
import idmCatalogue from '@contracts/examples/catalogue/idm-navigator-2-0.json'
import type { Writable } from '@/api'
import { pump, setups } from './fixtures'
import { mountApp, signIn } from './mountApp'

const garage = pump({ id: 'hp-1234abcd', name: 'Garage' })

const rule: AlertRule = {
  id: 'a-1',
  heatpump_id: 'hp-1234abcd',
  name: 'Flow too hot',
  sensor: 'temp_flow',
  condition: '>',
  threshold: 60,
  interval_seconds: 60,
  enabled: true,
}

const job: Job = {
  id: 'j-1',
  heatpump_id: 'hp-1234abcd',
  name: null,
  sensor: 'temp_hot_water_target',
  value: 45,
  time: '06:30:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  time_zone: 'Europe/Berlin',
  enabled: true,
  next_run_at: '2026-11-30T05:30:00Z',
}

const base = {
  'GET /api/heatpumps': { body: [garage] },
  'GET /api/metrics/available': { body: { 'hp-1234abcd': [{ sensor: 'temp_flow', unit: '°C', kind: 'gauge' }] } },
}

describe('navigation to the administration pages', () => {
  it('shows viewers alert rules, schedules and the log but not users and tokens, and keeps them off those pages', async () => {
    fakeApi({ ...base, 'GET /api/alerts': { body: [] } })
    const { wrapper, router } = await mountApp('/heatpumps', { role: 'viewer' })
    expect(wrapper.find('[data-test=nav-admin]').exists()).toBe(true)
    await router.push('/admin')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/admin/alerts')
    expect(wrapper.findAll('.admin-tabs a').map((a) => a.attributes('data-test'))).toEqual(['tab-alerts', 'tab-jobs', 'tab-audit'])
    await router.push('/admin/users')
    expect(router.currentRoute.value.name).toBe('heatpumps')
  })

  it('shows admins every tab', async () => {
    fakeApi({ ...base, 'GET /api/users': { body: [] } })
    const { wrapper } = await mountApp('/admin/users', { role: 'admin' })
    expect(wrapper.findAll('.admin-tabs a')).toHaveLength(5)
    expect(wrapper.find('h1').text()).toBe('Benutzer')
  })
})

describe('alert rules', () => {
  it('lists the rules for a viewer without any write control', async () => {
    setLocale('en')
    fakeApi({ ...base, 'GET /api/alerts': { body: [rule, { ...rule, id: 'a-2', name: null, heatpump_id: null, sensor: 'temp_outside', condition: '<', threshold: -15.5, enabled: false }] } })
    const { wrapper } = await mountApp('/admin/alerts', { role: 'viewer' })
    const rows = wrapper.findAll('[data-test=alert-row]')
    expect(rows.map((r) => r.find('[data-test=rule-name]').text())).toEqual(['Flow too hot', 'Outdoor temperature'])
    expect(rows[0].text()).toContain('Garage')
    expect(rows[0].find('[data-test=rule]').text()).toBe('Flow > 60 (every 60 s)')
    expect(rows[1].text()).toContain('All heat pumps')
    expect(rows[1].find('[data-test=rule]').text()).toContain('Outdoor temperature < -15.5')
    expect(wrapper.find('[data-test=create]').exists()).toBe(false)
    expect(wrapper.find('[data-test=edit]').exists()).toBe(false)
    expect(wrapper.find('[data-test=delete]').exists()).toBe(false)
    expect(wrapper.find('[data-test=read-only]').exists()).toBe(true)
  })

  it('shows the loading state, then the empty state', async () => {
    const hold = gate()
    fakeApi({ ...base, 'GET /api/alerts': { body: [], until: hold.promise } })
    const { wrapper } = await mountApp('/admin/alerts', { role: 'operator' })
    expect(wrapper.find('[data-test=loading]').exists()).toBe(true)
    hold.open()
    await flushPromises()
    expect(wrapper.find('[data-test=loading]').exists()).toBe(false)
    expect(wrapper.find('[data-test=empty]').text()).toContain('Noch keine Alarmregel')
  })

  it('shows a load error with a retry that loads again', async () => {
    let calls = 0
    fakeApi({
      ...base,
      'GET /api/alerts': () => (++calls === 1 ? { status: 503, body: { title: 'Service Unavailable', status: 503 } } : { body: [rule] }),
    })
    const { wrapper } = await mountApp('/admin/alerts', { role: 'operator' })
    expect(wrapper.find('[data-test=error]').text()).toContain('Die Alarmregeln konnten nicht geladen werden.')
    await wrapper.find('[data-test=error] button').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test=error]').exists()).toBe(false)
    expect(wrapper.findAll('[data-test=alert-row]')).toHaveLength(1)
  })

  it('creates a rule for an operator, showing the registry’s field error at the field first', async () => {
    let attempts = 0
    const fake = fakeApi({
      ...base,
      'GET /api/alerts': () => ({ body: attempts > 1 ? [rule] : [] }),
      'POST /api/alerts': () =>
        ++attempts === 1
          ? { status: 400, body: { title: 'Bad Request', status: 400, errors: [{ field: 'sensor', message: 'not a sensor id' }] } }
          : { status: 201, body: rule },
    })
    const { wrapper } = await mountApp('/admin/alerts', { role: 'operator' })
    await wrapper.find('[data-test=create]').trigger('click')
    const form = wrapper.find('[data-test=alert-form]')
    await form.find('[data-test=name]').setValue('Flow too hot')
    await form.find('[data-test=heatpump]').setValue('hp-1234abcd')
    await form.find('[data-test=sensor]').setValue('Temp Flow')
    await form.find('[data-test=threshold]').setValue('60')
    await form.trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test=error-sensor]').text()).toBe('not a sensor id')
    expect(wrapper.find('[data-test=alert-form]').exists()).toBe(true)

    await wrapper.find('[data-test=sensor]').setValue('temp_flow')
    await wrapper.find('[data-test=alert-form]').trigger('submit')
    await flushPromises()
    expect(fake.callsTo('POST', '/api/alerts')[1].body).toEqual({
      heatpump_id: 'hp-1234abcd',
      name: 'Flow too hot',
      sensor: 'temp_flow',
      condition: '>',
      threshold: 60,
      interval_seconds: 60,
      enabled: true,
    })
    expect(wrapper.find('[data-test=alert-form]').exists()).toBe(false)
    expect(wrapper.findAll('[data-test=alert-row]')).toHaveLength(1)
    // the sensor field suggests the ids the pump reports
    expect(fake.callsTo('GET', '/api/metrics/available')[0].query.getAll('heatpump_id')).toEqual(['hp-1234abcd'])
  })

  it('edits with PUT and deletes only after the confirmation', async () => {
    let rules = [rule]
    const fake = fakeApi({
      ...base,
      'GET /api/alerts': () => ({ body: rules }),
      'PUT /api/alerts/:id': (req) => ({ body: { ...rule, ...(req.body as object) } }),
      'DELETE /api/alerts/:id': () => ((rules = []), { status: 204 }),
    })
    const { wrapper } = await mountApp('/admin/alerts', { role: 'operator' })
    await wrapper.find('[data-test=edit]').trigger('click')
    expect((wrapper.find('[data-test=threshold]').element as HTMLInputElement).value).toBe('60')
    await wrapper.find('[data-test=threshold]').setValue('65')
    await wrapper.find('[data-test=alert-form]').trigger('submit')
    await flushPromises()
    expect(fake.callsTo('PUT', '/api/alerts/a-1')[0].body).toMatchObject({ threshold: 65, sensor: 'temp_flow', heatpump_id: 'hp-1234abcd' })

    await wrapper.find('[data-test=delete]').trigger('click')
    expect(wrapper.find('[data-test=confirm-dialog]').text()).toContain('Flow too hot')
    await wrapper.find('[data-test=confirm-cancel]').trigger('click')
    expect(fake.callsTo('DELETE', '/api/alerts/a-1')).toHaveLength(0)
    await wrapper.find('[data-test=delete]').trigger('click')
    await wrapper.find('[data-test=confirm-ok]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('DELETE', '/api/alerts/a-1')).toHaveLength(1)
    expect(wrapper.find('[data-test=confirm-dialog]').exists()).toBe(false)
    expect(wrapper.find('[data-test=empty]').exists()).toBe(true)
  })
})

describe('schedules (jobs)', () => {
  it('lists a job with its schedule and shows its runs on request', async () => {
    const fake = fakeApi({
      ...base,
      'GET /api/jobs': { body: [job] },
      'GET /api/jobs/:id/runs': {
        body: [{ id: 'r-1', scheduled_for: '2026-11-27T05:30:00Z', started_at: '2026-11-27T05:30:01Z', command_id: 'c-1', outcome: 'verified', detail: null }],
      },
    })
    const { wrapper } = await mountApp('/admin/jobs', { role: 'viewer' })
    const row = wrapper.find('[data-test=job-row]')
    expect(row.find('[data-test=job-schedule]').text()).toBe('06:30 · Mo, Di, Mi, Do, Fr (Europe/Berlin)')
    expect(row.find('[data-test=job-name]').text()).toBe('Temp hot water target = 45')
    expect(row.find('[data-test=edit]').exists()).toBe(false)
    await row.find('[data-test=runs]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('GET', '/api/jobs/j-1/runs')).toHaveLength(1)
    expect(wrapper.find('[data-test=run]').text()).toContain('verified')
  })

  it('checks the value before sending and sends a job with the chosen weekdays', async () => {
    const fake = fakeApi({ ...base, 'GET /api/jobs': { body: [] }, 'POST /api/jobs': { status: 201, body: job } })
    const { wrapper } = await mountApp('/admin/jobs', { role: 'operator' })
    expect(wrapper.find('[data-test=empty]').exists()).toBe(true)
    await wrapper.find('[data-test=create]').trigger('click')
    await wrapper.find('[data-test=sensor]').setValue('temp_hot_water_target')
    await wrapper.find('[data-test=value]').setValue('warm')
    await wrapper.find('[data-test=job-form]').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test=error-value]').text()).toBe('Bitte eine Zahl eingeben.')
    expect(fake.callsTo('POST', '/api/jobs')).toHaveLength(0)

    await wrapper.find('[data-test=value]').setValue('45,5')
    await wrapper.find('[data-test=time]').setValue('22:15')
    await wrapper.find('[data-test=day-sat]').setValue(false)
    await wrapper.find('[data-test=day-sun]').setValue(false)
    await wrapper.find('[data-test=job-form]').trigger('submit')
    await flushPromises()
    expect(fake.callsTo('POST', '/api/jobs')[0].body).toEqual({
      heatpump_id: 'hp-1234abcd',
      name: null,
      sensor: 'temp_hot_water_target',
      value: 45.5,
      time: '22:15',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      time_zone: null,
      enabled: true,
    })
  })

  it('offers the chosen pump’s writables, per circuit, with their range', async () => {
    const fake = fakeApi({
      ...base,
      'GET /api/jobs': { body: [] },
      'GET /api/manufacturers/idm/models/navigator_2_0/setup': { body: { ...setups.idm, writables: idmCatalogue.writables as Writable[] } },
      'POST /api/jobs': { status: 201, body: job },
    })
    const { wrapper } = await mountApp('/admin/jobs', { role: 'operator' })
    await wrapper.find('[data-test=create]').trigger('click')
    await flushPromises()
    const sensor = wrapper.find('select[data-test=sensor]')
    const ids = sensor.findAll('option').map((o) => o.attributes('value'))
    // Garage has circuits A and B: the per-circuit writables stand for both
    expect(ids).toEqual(expect.arrayContaining(['dhw_target', 'circuit_a_heating_curve', 'circuit_b_heating_curve']))
    await sensor.setValue('dhw_target')
    expect(wrapper.find('[data-test=value-range]').text()).toBe('35 … 95 °C')
    await wrapper.find('[data-test=value]').setValue('50')
    await wrapper.find('[data-test=job-form]').trigger('submit')
    await flushPromises()
    expect(fake.callsTo('POST', '/api/jobs')[0].body).toMatchObject({ sensor: 'dhw_target', value: 50 })
  })

  it('shows the registry’s objection to a value at the field', async () => {
    fakeApi({
      ...base,
      'GET /api/jobs': { body: [] },
      'POST /api/jobs': { status: 400, body: { status: 400, title: 'Bad Request', errors: [{ field: 'value', message: 'must be 35..60' }] } },
    })
    const { wrapper } = await mountApp('/admin/jobs', { role: 'operator' })
    await wrapper.find('[data-test=create]').trigger('click')
    await wrapper.find('[data-test=sensor]').setValue('temp_hot_water_target')
    await wrapper.find('[data-test=value]').setValue('80')
    await wrapper.find('[data-test=job-form]').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test=error-value]').text()).toBe('must be 35..60')
  })
})

describe('audit log', () => {
  const entry = (id: number): AuditEntry => ({
    id,
    at: '2026-11-27T10:00:00Z',
    actor: 'admin',
    action: 'write',
    target_type: 'heatpump',
    target_id: 'hp-1234abcd',
    heatpump_id: 'hp-1234abcd',
    field: 'temp_hot_water_target',
    old_value: '45',
    new_value: '48',
    outcome: 'verified',
    command_id: `c-${id}`,
  })

  it('filters by pump and command and loads older entries with a larger limit', async () => {
    const fake = fakeApi({
      ...base,
      'GET /api/audit': (req) => {
        const limit = Number(req.query.get('limit'))
        return { body: Array.from({ length: req.query.get('command_id') ? 0 : limit }, (_, i) => entry(i + 1)) }
      },
    })
    const { wrapper } = await mountApp('/admin/audit', { role: 'viewer' })
    expect(fake.callsTo('GET', '/api/audit')[0].query.get('limit')).toBe('50')
    const row = wrapper.find('[data-test=audit-row]')
    expect(row.text()).toContain('heatpump · Garage')
    expect(row.text()).toContain('temp_hot_water_target: 45 → 48')
    await wrapper.find('[data-test=more]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('GET', '/api/audit')[1].query.get('limit')).toBe('150')
    expect(wrapper.findAll('[data-test=audit-row]')).toHaveLength(150)

    await wrapper.find('[data-test=filter-pump]').setValue('hp-1234abcd')
    await wrapper.find('[data-test=filter-command]').setValue(' c-9 ')
    await wrapper.find('[data-test=audit-filter]').trigger('submit')
    await flushPromises()
    const last = fake.callsTo('GET', '/api/audit').at(-1)!
    expect(Object.fromEntries(last.query)).toEqual({ heatpump_id: 'hp-1234abcd', command_id: 'c-9', limit: '50' })
    expect(wrapper.find('[data-test=empty]').text()).toContain('Kein Eintrag passt zum Filter.')
  })
})

describe('users', () => {
  const users: User[] = [
    { username: 'admin', role: 'admin', created_at: '2026-11-01T00:00:00Z' },
    { username: 'eva', role: 'viewer', created_at: '2026-11-02T00:00:00Z' },
  ]

  it('creates a user, changes a role and offers no delete for oneself', async () => {
    let list = [...users]
    const fake = fakeApi({
      'GET /api/users': () => ({ body: list }),
      'POST /api/users': (req) => {
        const b = req.body as User
        list = [...list, b]
        return { status: 201, body: b }
      },
      'PUT /api/users/:name': (req, p) => ({ body: { username: p.name, ...(req.body as object) } }),
    })
    const { wrapper } = await mountApp('/admin/users', { role: 'admin' })
    signIn('admin', 'admin')
    await flushPromises()
    const rows = wrapper.findAll('[data-test=user-row]')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-test=delete]').exists()).toBe(false)
    expect(rows[1].find('[data-test=delete]').exists()).toBe(true)

    await wrapper.find('[data-test=create]').trigger('click')
    await wrapper.find('[data-test=username]').setValue('otto')
    await wrapper.find('[data-test=password]').setValue('long-enough-pw')
    await wrapper.find('[data-test=role]').setValue('operator')
    await wrapper.find('[data-test=user-form]').trigger('submit')
    await flushPromises()
    expect(fake.callsTo('POST', '/api/users')[0].body).toEqual({ username: 'otto', password: 'long-enough-pw', role: 'operator' })
    expect(wrapper.findAll('[data-test=user-row]')).toHaveLength(3)

    await wrapper.find('[data-user=eva] [data-test=edit]').trigger('click')
    expect(wrapper.find('[data-test=username]').exists()).toBe(false)
    await wrapper.find('[data-test=role]').setValue('operator')
    await wrapper.find('[data-test=user-form]').trigger('submit')
    await flushPromises()
    // an empty password field keeps the password
    expect(fake.callsTo('PUT', '/api/users/eva')[0].body).toEqual({ role: 'operator' })
  })

  it('shows a conflict from the registry in the confirmation dialog', async () => {
    fakeApi({
      'GET /api/users': { body: users },
      'DELETE /api/users/:name': { status: 409, body: { status: 409, title: 'Conflict', detail: 'the last admin cannot be deleted' } },
    })
    const { wrapper } = await mountApp('/admin/users', { role: 'admin' })
    await wrapper.find('[data-user=eva] [data-test=delete]').trigger('click')
    await wrapper.find('[data-test=confirm-ok]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test=confirm-dialog] [data-test=error]').exists()).toBe(true)
  })
})

describe('API tokens', () => {
  const tok: ApiToken = {
    id: 't-1',
    name: 'Home Assistant',
    role: 'viewer',
    created_by: 'admin',
    created_at: '2026-11-01T00:00:00Z',
    expires_at: '2027-11-01T00:00:00Z',
    revoked_at: null,
    active: true,
  }

  it('shows a new token’s text once and revokes a token after confirmation', async () => {
    setLocale('en')
    let list: ApiToken[] = []
    const fake = fakeApi({
      'GET /api/tokens': () => ({ body: list }),
      'POST /api/tokens': () => {
        list = [tok]
        return { status: 201, body: { id: 't-1', name: 'Home Assistant', role: 'viewer', token: 'eyJ.secret.token', created_at: tok.created_at, expires_at: tok.expires_at } }
      },
      'DELETE /api/tokens/:id': () => {
        list = [{ ...tok, active: false, revoked_at: '2026-11-27T10:00:00Z' }]
        return { status: 204 }
      },
    })
    const { wrapper } = await mountApp('/admin/tokens', { role: 'admin' })
    expect(wrapper.find('[data-test=empty]').text()).toContain('No API token yet')
    await wrapper.find('[data-test=create]').trigger('click')
    await wrapper.find('[data-test=name]').setValue('Home Assistant')
    await wrapper.find('[data-test=expires]').setValue('30')
    await wrapper.find('[data-test=token-form]').trigger('submit')
    await flushPromises()
    expect(fake.callsTo('POST', '/api/tokens')[0].body).toEqual({ name: 'Home Assistant', role: 'viewer', expires_in_days: 30 })
    expect(wrapper.find('[data-test=token-secret]').text()).toBe('eyJ.secret.token')
    expect(wrapper.find('[data-test=token-state]').text()).toBe('Active')
    await wrapper.find('[data-test=done]').trigger('click')
    expect(wrapper.text()).not.toContain('eyJ.secret.token')

    await wrapper.find('[data-test=revoke]').trigger('click')
    await wrapper.find('[data-test=confirm-ok]').trigger('click')
    await flushPromises()
    expect(fake.callsTo('DELETE', '/api/tokens/t-1')).toHaveLength(1)
    expect(wrapper.find('[data-test=token-state]').text()).toBe('Revoked')
    expect(wrapper.find('[data-test=revoke]').exists()).toBe(false)
  })
})
