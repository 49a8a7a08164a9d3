import { api, ApiError, configureApi } from '@/api'
import { buildUrl } from '@/api/client'
import { fakeApi } from './fakeApi'

describe('API client', () => {
  it('repeats list parameters and leaves out empty ones', () => {
    expect(buildUrl('/api/metrics/query_range', { sensor: 'temp_flow', heatpump_id: ['hp-00000001', 'hp-00000002'], range: '24h', step: undefined })).toBe(
      '/api/metrics/query_range?sensor=temp_flow&heatpump_id=hp-00000001&heatpump_id=hp-00000002&range=24h',
    )
  })

  it('sends the session token and JSON, and reads JSON', async () => {
    const fake = fakeApi({ 'GET /api/heatpumps': { body: [] } }, { token: 'tok-1' })
    await expect(api.heatpumps.list()).resolves.toEqual([])
    expect(fake.calls[0].headers.Authorization).toBe('Bearer tok-1')
  })

  it('sends no token with the login', async () => {
    const fake = fakeApi({ 'POST /api/auth/login': { body: { token: 'x' } } }, { token: 'old' })
    await api.auth.login('anna', 'pw')
    expect(fake.calls[0].headers.Authorization).toBeUndefined()
    expect(fake.calls[0].body).toEqual({ username: 'anna', password: 'pw' })
  })

  it('turns problem+json into an error that names the fields at fault', async () => {
    fakeApi({
      'POST /api/heatpumps': {
        status: 400,
        body: { title: 'Invalid request', status: 400, detail: '2 field(s) are invalid', errors: [{ field: 'name', message: 'is required' }, { field: 'connection.port', message: 'must be 1..65535' }] },
      },
    })
    const error = await api.heatpumps.create({ name: '', manufacturer: 'idm', model: 'navigator_2_0', connection: { host: 'x', port: 0 }, device_config: {} }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(400)
    expect(error.fieldErrors).toEqual({ name: 'is required', 'connection.port': 'must be 1..65535' })
    expect(error.message).toBe('2 field(s) are invalid')
  })

  it('asks to sign in again when the token is refused, not when a login fails', async () => {
    const fake = fakeApi({ 'GET /api/heatpumps': { status: 401, body: { status: 401 } }, 'POST /api/auth/login': { status: 401, body: { status: 401 } } }, { token: 'expired' })
    await expect(api.heatpumps.list()).rejects.toMatchObject({ status: 401 })
    expect(fake.onUnauthorized).toHaveBeenCalledTimes(1)
    await expect(api.auth.login('a', 'b')).rejects.toMatchObject({ status: 401 })
    expect(fake.onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('reports an unreachable server as a network error', async () => {
    configureApi({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) })
    await expect(api.heatpumps.list()).rejects.toMatchObject({ kind: 'network', status: 0 })
  })

  it('adds a pump without the connection test only when asked', async () => {
    const fake = fakeApi({ 'POST /api/heatpumps': { status: 201, body: { id: 'hp-00000001' } } })
    const input = { name: 'A', manufacturer: 'idm', model: 'navigator_2_0', connection: { host: 'h', port: 502, unit_id: 1 }, device_config: {} }
    await api.heatpumps.create(input)
    await api.heatpumps.create(input, { verify: false })
    expect(fake.calls.map((c) => c.query.get('verify'))).toEqual([null, 'false'])
  })
})
