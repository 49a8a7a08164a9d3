import { createPinia, setActivePinia } from 'pinia'
import { useAuthStore } from '@/stores/auth'
import { connectionState, useHeatpumpsStore } from '@/stores/heatpumps'
import { fakeApi } from './fakeApi'
import { data, offlinePump, pump, token } from './fixtures'

const future = Math.floor(Date.now() / 1000) + 3600

describe('auth store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('keeps the session in this tab so a reload keeps it', async () => {
    fakeApi({
      'POST /api/auth/login': {
        body: { token: token({ upn: 'anna', groups: ['viewer', 'operator'], exp: future }), token_type: 'Bearer', expires_at: new Date(future * 1000).toISOString(), username: 'anna', role: 'operator', groups: ['viewer', 'operator'] },
      },
    })
    const auth = useAuthStore()
    await auth.login('anna', 'secret-pw')
    expect(auth.username).toBe('anna')
    expect(auth.role).toBe('operator')
    expect(sessionStorage.getItem('hp.session')).toContain('anna')
    expect(localStorage.getItem('hp.session')).toBeNull()

    setActivePinia(createPinia()) // the page is loaded again
    const again = useAuthStore()
    again.restore()
    expect(again.isAuthenticated).toBe(true)
    expect(again.can('operator')).toBe(true)
    expect(again.can('admin')).toBe(false)
  })

  it('"keep me signed in" uses local storage; logout clears both', async () => {
    fakeApi({ 'POST /api/auth/login': { body: { token: token({ upn: 'root', groups: ['viewer', 'operator', 'admin'], exp: future }) } } })
    const auth = useAuthStore()
    await auth.login('root', 'pw', true)
    expect(localStorage.getItem('hp.session')).toContain('root')
    expect(auth.isAdmin).toBe(true)
    auth.logout()
    expect(auth.isAuthenticated).toBe(false)
    expect(auth.notice).toBe('loggedOut')
    expect(localStorage.getItem('hp.session')).toBeNull()
  })

  it('reads roles from the token when the answer has none, and drops an expired session', async () => {
    fakeApi({ 'POST /api/auth/login': { body: { token: token({ sub: 'v', groups: ['viewer'], exp: future }) } } })
    const auth = useAuthStore()
    await auth.login('v', 'pw')
    expect(auth.role).toBe('viewer')
    expect(auth.isOperator).toBe(false)

    sessionStorage.setItem('hp.session', JSON.stringify({ token: 't', username: 'v', groups: ['viewer'], expiresAt: Date.now() - 1000 }))
    setActivePinia(createPinia())
    const later = useAuthStore()
    later.restore()
    expect(later.isAuthenticated).toBe(false)
    expect(later.notice).toBe('expired')
  })
})

describe('heatpumps store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('loads the pumps and their latest values', async () => {
    fakeApi({ 'GET /api/heatpumps': { body: [pump(), offlinePump] }, 'GET /api/data': { body: { 'hp-3f9a1c27': data() } } })
    const store = useHeatpumpsStore()
    await store.refresh()
    expect(store.sorted.map((p) => p.name)).toEqual(['Keller', 'Wärmepumpe Gebäude A'])
    expect(store.latest['hp-3f9a1c27'].values.temp_outside.value).toBe(-3.5)
    expect(connectionState(store.get('hp-0000beef')!)).toBe('offline')
  })

  it('keeps the pumps when the values cannot be read', async () => {
    fakeApi({ 'GET /api/heatpumps': { body: [pump()] }, 'GET /api/data': { status: 502, body: { title: 'Bad Gateway' } } })
    const store = useHeatpumpsStore()
    await store.refresh()
    expect(store.heatpumps).toHaveLength(1)
    expect(store.error).toBeNull()
    expect(store.latestError?.status).toBe(502)
  })

  it('says how a pump is connected', () => {
    expect(connectionState(pump())).toBe('online')
    expect(connectionState(pump({ status: null }))).toBe('waiting')
    expect(connectionState(pump({ enabled: false }))).toBe('disabled')
  })

  it('adds and removes pumps', async () => {
    const fake = fakeApi({
      'POST /api/heatpumps': (req) => ({ status: 201, body: pump({ id: 'hp-12345678', name: (req.body as { name: string }).name }) }),
      'DELETE /api/heatpumps/:id': { status: 204 },
    })
    const store = useHeatpumpsStore()
    const created = await store.addHeatpump({ name: 'Neu', manufacturer: 'idm', model: 'navigator_2_0', connection: { host: 'h', port: 502, unit_id: 1 }, device_config: {} })
    expect(created.id).toBe('hp-12345678')
    expect(store.heatpumps.map((p) => p.name)).toEqual(['Neu'])
    await store.removeHeatpump('hp-12345678')
    expect(store.heatpumps).toEqual([])
    expect(fake.callsTo('DELETE', '/api/heatpumps/hp-12345678')).toHaveLength(1)
  })
})
