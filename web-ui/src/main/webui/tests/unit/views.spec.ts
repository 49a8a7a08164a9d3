import { flushPromises } from '@vue/test-utils'
import { setLocale } from '@/i18n'
import { fakeApi } from './fakeApi'
import { data, manufacturers, offlinePump, pump, token } from './fixtures'
import { mountApp } from './mountApp'

const future = Math.floor(Date.now() / 1000) + 3600

describe('login', () => {
  it('sends a deep link without a session to the login page, in German, and back after signing in', async () => {
    const fake = fakeApi({
      'POST /api/auth/login': { body: { token: token({ upn: 'anna', groups: ['viewer'], exp: future }), groups: ['viewer'], username: 'anna' } },
      'GET /api/heatpumps/:id': { body: pump({ id: 'hp-1234abcd', name: 'Garage' }) },
      'GET /api/heatpumps': { body: [pump({ id: 'hp-1234abcd', name: 'Garage' })] },
      'GET /api/dashboards': { body: [] },
      'GET /api/data': { body: {} },
      'GET /api/manufacturers': { body: manufacturers },
    })
    const { wrapper, router } = await mountApp('/heatpumps/hp-1234abcd')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/heatpumps/hp-1234abcd')
    expect(wrapper.find('h1').text()).toBe('Anmelden')
    expect(wrapper.find('[data-test=submit]').attributes('disabled')).toBeDefined()

    await wrapper.find('[data-test=username]').setValue('anna')
    await wrapper.find('[data-test=password]').setValue('secret-pw')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/heatpumps/hp-1234abcd'))
    expect(fake.callsTo('POST', '/api/auth/login')[0].body).toEqual({ username: 'anna', password: 'secret-pw' })
    await vi.waitFor(() => expect(wrapper.find('[data-test=pump-name]').text()).toBe('Garage'))
    expect(wrapper.find('[data-test=user]').text()).toContain('anna')
  })

  it('switches to English and says when the password is wrong', async () => {
    fakeApi({ 'POST /api/auth/login': { status: 401, body: { title: 'Unauthorized', status: 401, detail: 'wrong user name or password' } } })
    const { wrapper } = await mountApp('/login')
    await wrapper.find('[data-test=lang-en]').trigger('click')
    expect(wrapper.find('h1').text()).toBe('Sign in')
    expect(document.documentElement.lang).toBe('en')
    await wrapper.find('[data-test=username]').setValue('anna')
    await wrapper.find('[data-test=password]').setValue('nope')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test=login-error]').text()).toBe('Wrong user name or password.')
    expect((wrapper.find('[data-test=password]').element as HTMLInputElement).value).toBe('')
  })

  it('signs out and says so', async () => {
    fakeApi({ 'GET /api/heatpumps': { body: [] }, 'GET /api/data': { body: {} }, 'GET /api/manufacturers': { body: manufacturers } })
    const { wrapper, router } = await mountApp('/heatpumps', { role: 'viewer' })
    await wrapper.find('[data-test=logout]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    await vi.waitFor(() => expect(wrapper.find('[data-test=notice]').text()).toBe('Sie wurden abgemeldet.'))
  })
})

describe('overview of all pumps', () => {
  it('shows a card per pump with status, key values and units', async () => {
    setLocale('en')
    fakeApi({
      'GET /api/heatpumps': { body: [pump(), offlinePump] },
      'GET /api/data': { body: { 'hp-3f9a1c27': data('hp-3f9a1c27', new Date(Date.now() - 12_000).toISOString()) } },
      'GET /api/manufacturers': { body: manufacturers },
    })
    const { wrapper } = await mountApp('/heatpumps', { role: 'viewer' })
    const cards = wrapper.findAll('[data-test=heatpump-card]')
    expect(cards.map((c) => c.find('h2').text())).toEqual(['Keller', 'Wärmepumpe Gebäude A'])
    const [keller, a] = cards
    expect(keller.find('[data-test=status]').text()).toBe('Offline')
    expect(keller.find('[data-test=model]').text()).toBe('NIBE · NIBE F1155 (MODBUS 40)')
    expect(keller.find('[data-sensor=temp_flow]').text()).toContain('no value')
    expect(a.find('[data-test=status]').text()).toBe('Online')
    expect(a.find('[data-test=model]').text()).toBe('iDM Energiesysteme · iDM Navigator 2.0')
    expect(a.find('[data-sensor=temp_outside]').text()).toMatch(/Outdoor temperature\s*-3.5 °C\s*12 sec\. ago/)
    expect(a.find('[data-sensor=power_electric] .value').text()).toBe('1.84 kW')
    expect(a.find('[data-test=last-update]').text()).toContain('ago')
    expect(wrapper.find('[data-test=count]').text()).toBe('2 heat pumps')
  })

  it('offers the selector with every pump, offline ones marked, and opens a dashboard', async () => {
    fakeApi({
      'GET /api/heatpumps': { body: [pump(), offlinePump] },
      'GET /api/data': { body: {} },
      'GET /api/manufacturers': { body: manufacturers },
      'GET /api/heatpumps/:id': { body: offlinePump },
      'GET /api/dashboards': { body: [] },
    })
    const { wrapper, router } = await mountApp('/heatpumps', { role: 'viewer' })
    const options = wrapper.findAll('[data-test=selector] option').map((o) => o.text())
    expect(options).toEqual(['Alle Wärmepumpen', 'Keller (offline)', 'Wärmepumpe Gebäude A'])
    await wrapper.find('[data-test=selector]').setValue('hp-0000beef')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/heatpumps/hp-0000beef')
  })

  it('leads an admin from the empty state to the wizard; a viewer gets no write controls', async () => {
    fakeApi({ 'GET /api/heatpumps': { body: [] }, 'GET /api/data': { body: {} }, 'GET /api/manufacturers': { body: manufacturers } })
    const admin = await mountApp('/heatpumps', { role: 'admin' })
    expect(admin.wrapper.find('[data-test=empty] h2').text()).toBe('Noch keine Wärmepumpe eingerichtet')
    expect(admin.wrapper.find('[data-test=start-wizard]').attributes('href')).toBe('/heatpumps/new')
    expect(admin.wrapper.find('[data-test=nav-add]').exists()).toBe(true)
    admin.wrapper.unmount()

    const viewer = await mountApp('/heatpumps', { role: 'viewer' })
    expect(viewer.wrapper.find('[data-test=empty]').text()).toContain('Sobald eine Administratorin')
    expect(viewer.wrapper.find('[data-test=start-wizard]').exists()).toBe(false)
    expect(viewer.wrapper.find('[data-test=nav-add]').exists()).toBe(false)
    await viewer.router.push('/heatpumps/new')
    expect(viewer.router.currentRoute.value.path).toBe('/heatpumps')
  })

  it('shows an error with retry when the registry cannot be reached, and a hint when only values are missing', async () => {
    let registryUp = false
    fakeApi({
      'GET /api/heatpumps': () => (registryUp ? { body: [pump()] } : { status: 502, body: { title: 'Bad Gateway', status: 502, detail: 'the service for this path is not reachable' } }),
      'GET /api/data': { status: 503, body: { title: 'Service Unavailable' } },
      'GET /api/manufacturers': { body: manufacturers },
    })
    const { wrapper } = await mountApp('/heatpumps', { role: 'viewer' })
    expect(wrapper.find('[data-test=error]').text()).toContain('Der zuständige Dienst ist gerade nicht erreichbar')
    registryUp = true
    await wrapper.find('[data-test=error] button').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('[data-test=heatpump-card]')).toHaveLength(1)
    expect(wrapper.find('[data-test=values-unavailable]').exists()).toBe(true)
  })

  it('shows the loading state while the pumps are on their way', async () => {
    fakeApi({ 'GET /api/heatpumps': { until: new Promise(() => {}), body: [] }, 'GET /api/data': { body: {} }, 'GET /api/manufacturers': { body: manufacturers } })
    const { wrapper } = await mountApp('/heatpumps', { role: 'viewer' })
    expect(wrapper.find('[data-test=loading]').text()).toBe('Wird geladen …')
  })

  it('answers an unknown address with a not-found page', async () => {
    const { wrapper } = await mountApp('/nothing/here', { role: 'viewer' })
    expect(wrapper.find('h2').text()).toBe('Seite nicht gefunden')
  })
})
