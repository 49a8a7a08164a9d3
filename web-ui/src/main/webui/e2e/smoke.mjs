#!/usr/bin/env node
// Smoke test of the built app as the web-ui module serves it (run by SmokeIT, or by hand):
//
//   node e2e/smoke.mjs http://127.0.0.1:8080 [screenshot-dir]
//
// Uses playwright-core with Debian's /usr/bin/chromium (CHROMIUM_PATH overrides). The login page, language switch
// and SPA deep links run against the real server; the signed-in flows answer /api/** from an in-page fake built from
// the golden examples in docs/contracts, so nothing else needs to run. Any browser console error fails the run.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'

const base = (process.argv[2] ?? 'http://127.0.0.1:8080').replace(/\/$/, '')
const shots = process.argv[3] ?? null
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

const examples = new URL('../../../../../docs/contracts/examples/', import.meta.url)
const example = (path) => JSON.parse(readFileSync(new URL(path, examples), 'utf8'))

// ---- the fake services behind /api (registry, polling probe, ingest), shaped as docs/contracts and the resources ----

const catalogue = {
  idm: example('catalogue/idm-navigator-2-0.json'),
  nibe: example('catalogue/nibe-f1155.json'),
  luxtronik: example('catalogue/luxtronik-2-1.json'),
}
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url')
const tokenFor = (user, groups) => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iss: 'heatpump-suite', upn: user, groups, exp: Math.floor(Date.now() / 1000) + 3600 })}.c2ln`
const USERS = { admin: ['viewer', 'operator', 'admin'], viewer: ['viewer'] }

function fakeBackend() {
  const now = () => new Date().toISOString()
  const status = (connected) => ({ connected, consecutive_errors: connected ? 0 : 3, last_error: connected ? null : { kind: 'refused', message: 'connection refused', at: now() }, last_success_at: connected ? now() : null, last_reading_at: connected ? now() : null, updated_at: now() })
  const pump = (id, name, manufacturer, model, connected, host) => ({
    id, name, manufacturer, model, connection: { host, port: 502, unit_id: 1, timeout_ms: 10000, retries: 3 }, poll_interval_s: 10,
    device_config: {}, enabled: true, share_data: false, demo: true, created_at: now(), updated_at: now(), status: status(connected),
  })
  const pumps = [pump('hp-1234abcd', 'Wärmepumpe Gebäude A', 'idm', 'navigator_2_0', true, '192.168.1.100'), pump('hp-0000beef', 'Keller', 'nibe', 'f1155', false, '192.168.1.101')]
  const values = (id) => ({
    heatpump_id: id,
    values: Object.fromEntries(
      Object.entries({ temp_outside: [-3.5, '°C'], temp_flow: [35.2, '°C'], temp_return: [30.1, '°C'], temp_hot_water: [48, '°C'], power_electric: [1.84, 'kW'], operating_mode: ['heating', 'none'], compressor_running: [true, 'none'] })
        .map(([k, [v, u]]) => [k, { value: v, unit: u, observed_at: new Date(Date.now() - 8000).toISOString() }]),
    ),
  })
  // pump-centred pages: stored dashboards, written values, the anomaly service's view
  const boards = {}
  const written = {}
  const commands = {}
  const json = (status, body, type = 'application/json') => ({ status, contentType: type, body: body === undefined ? '' : JSON.stringify(body) })
  const problem = (status, title, detail, extra = {}) => json(status, { type: 'about:blank', title, status, detail, ...extra }, 'application/problem+json')

  return async function handle(route) {
    const req = route.request()
    const url = new URL(req.url())
    const path = url.pathname
    const method = req.method()
    const body = req.postData() ? JSON.parse(req.postData()) : null
    const authed = (req.headers().authorization ?? '').startsWith('Bearer ')
    let res
    if (method === 'POST' && path === '/api/auth/login') {
      res = USERS[body.username] && body.password === 'secret-pw'
        ? json(200, { token: tokenFor(body.username, USERS[body.username]), token_type: 'Bearer', username: body.username, groups: USERS[body.username] })
        : problem(401, 'Unauthorized', 'wrong user name or password')
    } else if (!authed) {
      res = problem(401, 'Unauthorized', 'a token is required')
    } else if (method === 'GET' && path === '/api/heatpumps') {
      res = json(200, pumps)
    } else if (method === 'PUT' && path.startsWith('/api/heatpumps/')) {
      const p = pumps.find((x) => x.id === path.split('/')[3])
      if (!p) res = problem(404, 'Not Found', 'no such pump')
      else if (body.name !== undefined && !String(body.name).trim()) res = problem(400, 'Invalid request', '1 field(s) are invalid', { errors: [{ field: 'name', message: 'must not be blank' }] })
      else {
        Object.assign(p, { ...body, connection: { ...p.connection, ...(body.connection ?? {}) }, updated_at: now() })
        res = json(200, p)
      }
    } else if (method === 'DELETE' && path.startsWith('/api/heatpumps/')) {
      const i = pumps.findIndex((x) => x.id === path.split('/')[3])
      if (i >= 0) pumps.splice(i, 1)
      res = i >= 0 ? json(204) : problem(404, 'Not Found', 'no such pump')
    } else if (method === 'GET' && path.startsWith('/api/heatpumps/')) {
      const p = pumps.find((x) => x.id === path.split('/')[3])
      res = p ? json(200, p) : problem(404, 'Not Found', 'no such pump')
    } else if (method === 'POST' && path === '/api/heatpumps') {
      const created = { ...pump(`hp-${Math.random().toString(16).slice(2, 10).padEnd(8, '0')}`, body.name, body.manufacturer, body.model, true, body.connection.host), device_config: body.device_config, status: null }
      pumps.push(created)
      res = json(201, created)
    } else if (method === 'GET' && path === '/api/manufacturers') {
      res = json(200, Object.values(catalogue).map((c) => ({ id: c.manufacturer, name: c.manufacturer_name, models: [{ id: c.model, display_name: c.display_name }] })))
    } else if (method === 'GET' && /^\/api\/manufacturers\/[^/]+\/models\/[^/]+\/setup$/.test(path)) {
      const c = catalogue[path.split('/')[3]]
      res = json(200, { manufacturer: c.manufacturer, model: c.model, manufacturer_name: c.manufacturer_name, display_name: c.display_name, protocol: c.protocol, default_port: c.default_port, default_unit_id: c.default_unit_id, default_poll_interval_s: c.default_poll_interval_s, min_poll_interval_s: c.min_poll_interval_s, capabilities: c.capabilities, device_config_schema: c.device_config_schema, instructions: c.setup_instructions, writables: c.writables })
    } else if (method === 'POST' && path === '/api/probe') {
      await new Promise((r) => setTimeout(r, 1200))
      res = json(200, example('probe-response/success.json'))
    } else if (method === 'GET' && path === '/api/dashboards') {
      const id = url.searchParams.get('heatpump_id')
      res = json(200, [boards[id] ?? { ...example('dashboard/heatpump.json'), id: `db-${id}`, heatpump_id: id }])
    } else if (method === 'PUT' && path.startsWith('/api/dashboards/')) {
      boards[body.heatpump_id] = { ...body, id: path.split('/')[3] }
      res = json(200, boards[body.heatpump_id])
    } else if (method === 'GET' && path === '/api/metrics/available') {
      res = json(200, Object.fromEntries(url.searchParams.getAll('heatpump_id').map((id) => [id, Object.entries(values(id).values).map(([sensor, v]) => ({ sensor, unit: v.unit, kind: typeof v.value }))])))
    } else if (method === 'GET' && path === '/api/anomalies/pumps') {
      res = json(200, pumps.map((p) => ({ heatpump_id: p.id, manufacturer: p.manufacturer, model: p.model, readings_seen: 42, last_observed_at: now(), detector_state: 'collecting' })))
    } else if (method === 'GET' && (path === '/api/alerts' || path === '/api/jobs')) {
      const id = url.searchParams.get('heatpump_id')
      res = json(200, path === '/api/alerts' ? [{ id: 'al-1', heatpump_id: id, name: 'cold' }, { id: 'al-2', heatpump_id: null, name: 'offline' }] : [])
    } else if (method === 'POST' && path.startsWith('/api/control/')) {
      const id = path.split('/')[3]
      const command = { command_id: `c0ffee00-0000-4000-8000-${String(Object.keys(commands).length).padStart(12, '0')}`, heatpump_id: id, sensor: body.sensor, value: body.value, requested_by: 'admin', source: 'ui', requested_at: now(), outcome: 'pending', reason: null, old_value: null, read_back_value: null, completed_at: null }
      commands[command.command_id] = command
      res = json(202, command)
    } else if (method === 'GET' && /^\/api\/control\/[^/]+\/commands\/[^/]+$/.test(path)) {
      const c = commands[path.split('/')[5]]
      if (c && c.outcome === 'pending') {
        // the poller answers on the next look-up: written, and read back
        Object.assign(c, { outcome: 'written_verified', old_value: written[c.sensor] ?? null, read_back_value: c.value, completed_at: now() })
        written[c.sensor] = c.value
      }
      res = c ? json(200, c) : problem(404, 'Not Found', 'no such command')
    } else if (method === 'PUT' && path === '/api/auth/password') {
      res = body.current_password === 'secret-pw' ? json(204) : problem(400, 'Invalid request', '1 field(s) are invalid', { errors: [{ field: 'current_password', message: 'is wrong' }] })
    } else if (method === 'GET' && path === '/api/data') {
      const ids = url.searchParams.getAll('heatpump_id')
      res = json(200, Object.fromEntries((ids.length ? ids : pumps.map((p) => p.id)).map((id) => [id, values(id)])))
    } else if (method === 'GET' && path === '/api/metrics/query_range') {
      const end = Date.now()
      const hours = { '1h': 1, '6h': 6, '24h': 24, '7d': 168, '30d': 720 }[url.searchParams.get('range') ?? '24h'] ?? 24
      const ts = Array.from({ length: 120 }, (_, i) => Math.round(end - hours * 3600_000 + (i * hours * 3600_000) / 119))
      res = json(200, {
        sensor: url.searchParams.get('sensor'), unit: '°C', aggregation: 'avg', start: new Date(ts[0]).toISOString(), end: new Date(end).toISOString(), step_seconds: Math.round((hours * 3600) / 119),
        series: url.searchParams.getAll('heatpump_id').map((id, k) => ({ heatpump_id: id, timestamps: ts, values: ts.map((_, i) => Math.round((30 + 8 * Math.sin(i / 9 + k)) * 10) / 10) })),
      })
    } else {
      res = problem(404, 'Not Found', `no fake for ${method} ${path}`)
    }
    await route.fulfill(res)
  }
}

// ---- the checks ----

const consoleErrors = []
let passed = 0
let failed = 0

async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: options.locale ?? 'de-DE', viewport: options.viewport ?? { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`))
  if (options.fakeApi) await page.route('**/api/**', fakeBackend())
  return { context, page }
}

async function text(page, selector) {
  const el = page.locator(selector).first()
  await el.waitFor()
  return (await el.innerText()).trim()
}

async function shot(page, name) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
}

async function signIn(page, user) {
  await page.fill('[data-test=username]', user)
  await page.fill('[data-test=password]', 'secret-pw')
  await page.click('[data-test=submit]')
}

async function noHorizontalScroll(page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }))
  assert.ok(scroll <= width + 1, `page is ${scroll}px wide in a ${width}px window`)
}

async function check(name, fn) {
  try {
    await fn()
    passed++
    console.log(`ok - ${name}`)
  } catch (e) {
    failed++
    console.log(`not ok - ${name}\n  ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n  ')}`)
  }
}

if (shots) mkdirSync(shots, { recursive: true })
const browser = await chromium.launch({ executablePath, args: ARGS, timeout: 30_000 })
try {
  await check('the login page renders in German for a German browser', async () => {
    const { context, page } = await newPage(browser, { locale: 'de-DE' })
    const response = await page.goto(`${base}/`)
    assert.equal(response.status(), 200)
    assert.equal(await text(page, 'h1'), 'Anmelden')
    assert.match(page.url(), /\/login$/)
    assert.equal(await page.getAttribute('html', 'lang'), 'de')
    assert.equal(await page.title(), 'Anmelden · Wärmepumpen-Suite')
    assert.equal(await text(page, '[data-test=submit]'), 'Anmelden')
    await shot(page, 'login-de')
    await context.close()
  })

  await check('the login page renders in English for an English browser, and the switch is remembered', async () => {
    const { context, page } = await newPage(browser, { locale: 'en-US' })
    await page.goto(`${base}/login`)
    assert.equal(await text(page, 'h1'), 'Sign in')
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    await page.click('[data-test=lang-de]')
    assert.equal(await text(page, 'h1'), 'Anmelden')
    await page.reload()
    assert.equal(await text(page, 'h1'), 'Anmelden')
    await shot(page, 'login-en-switched')
    await context.close()
  })

  await check('a deep link is answered with the app, which asks to sign in first', async () => {
    const { context, page } = await newPage(browser)
    const response = await page.goto(`${base}/heatpumps/hp-1234abcd`)
    assert.equal(response.status(), 200)
    assert.match(response.headers()['content-type'] ?? '', /text\/html/)
    await page.locator('h1').waitFor()
    assert.equal(new URL(page.url()).pathname, '/login')
    assert.equal(new URL(page.url()).searchParams.get('redirect'), '/heatpumps/hp-1234abcd')
    await context.close()
  })

  await check('an admin signs in, sees the dashboard, keeps the session over a reload, and adds a pump with the wizard', async () => {
    const { context, page } = await newPage(browser, { fakeApi: true })
    await page.goto(`${base}/heatpumps/hp-1234abcd`)
    await signIn(page, 'admin')
    assert.equal(await text(page, '[data-test=pump-name]'), 'Wärmepumpe Gebäude A')
    await page.locator('[data-widget=temperatures] canvas').first().waitFor()
    assert.match(await text(page, '[data-widget=hot-water] [data-test=gauge]'), /48 °C/)
    assert.equal(await page.locator('.widget').count(), 4)
    await shot(page, 'dashboard')

    await page.reload()
    assert.equal(await text(page, '[data-test=pump-name]'), 'Wärmepumpe Gebäude A')

    await page.click('[data-test=nav-overview]')
    await page.locator('[data-test=heatpump-card]').nth(1).waitFor()
    assert.equal(await page.locator('[data-test=heatpump-card]').count(), 2)
    assert.match(await text(page, '[data-heatpump=hp-0000beef] [data-test=status]'), /Offline/)
    const options = await page.locator('[data-test=selector] option').allInnerTexts()
    assert.deepEqual(options, ['Alle Wärmepumpen', 'Keller (offline)', 'Wärmepumpe Gebäude A'])
    await shot(page, 'overview')

    await page.click('[data-test=add]')
    await page.click('[data-test=manufacturer-idm]')
    await page.locator('[data-test=model-navigator_2_0][aria-checked=true]').waitFor()
    await page.click('[data-test=next]')
    await page.fill('[data-test=host]', '192.168.1.50')
    await page.click('[data-test=test-connection]')
    assert.match(await text(page, '[data-test=loading]'), /Verbindung zu 192.168.1.50:502 wird getestet/)
    assert.match(await text(page, '[data-test=probe-result]'), /Verbindung erfolgreich/)
    await shot(page, 'wizard-connection')
    await page.click('[data-test=next]')
    await page.check('[data-test=circuits-B]')
    await page.fill('[data-test=name]', 'Wärmepumpe Gebäude B')
    await page.click('[data-test=next]')
    assert.match(await text(page, '[data-test=summary]'), /A, B/)
    await page.click('[data-test=add]')
    assert.equal(await text(page, '[data-test=pump-name]'), 'Wärmepumpe Gebäude B')
    await context.close()
  })

  await check('a viewer sees no write controls and compares pumps', async () => {
    const { context, page } = await newPage(browser, { fakeApi: true, locale: 'en-GB' })
    await page.goto(`${base}/login`)
    await signIn(page, 'viewer')
    await page.locator('[data-test=heatpump-card]').first().waitFor()
    assert.equal(await page.locator('[data-test=nav-add]').count(), 0)
    assert.equal(await page.locator('[data-test=add]').count(), 0)
    assert.match(await text(page, '[data-test=user]'), /Signed in as viewer/)
    await page.click('[data-test=nav-compare]')
    await page.locator('[data-test=compare] canvas').first().waitFor()
    assert.equal(await text(page, '[data-test=compare] h2'), 'Outdoor temperature compared')
    await shot(page, 'compare-en')
    await context.close()
  })

  await check('an operator edits the dashboard and writes a set point that is verified; an admin edits and removes a pump and changes the password', async () => {
    const { context, page } = await newPage(browser, { fakeApi: true })
    await page.goto(`${base}/login`)
    await signIn(page, 'admin')
    await page.locator('[data-test=heatpump-card]').first().waitFor()
    assert.match(await text(page, '[data-heatpump=hp-1234abcd] [data-test=anomaly]'), /lernt noch \(42 Messwerte\)/)

    await page.goto(`${base}/heatpumps/hp-1234abcd`)
    await page.click('[data-test=edit-dashboard]')
    await page.locator('[data-test=dashboard-editor]').waitFor()
    await page.click('[data-edit-widget=circuit-b] [data-test=remove-widget]')
    await page.click('[data-edit-widget=hot-water] [data-test=move-up]')
    await shot(page, 'dashboard-editor')
    await page.click('[data-test=save-dashboard]')
    await page.locator('[data-test=dashboard-saved]').waitFor()
    assert.deepEqual(await page.locator('.widget h2').allInnerTexts(), ['Status', 'Warmwasser', 'Temperaturen'])
    await page.reload()
    await page.locator('.widget').first().waitFor()
    assert.equal(await page.locator('.widget').count(), 3)

    await page.click('[data-test=control-link]')
    const dhw = page.locator('[data-writable=dhw_target]')
    await dhw.waitFor()
    assert.match(await text(page, '[data-writable=dhw_target] [data-test=range]'), /35 bis 95 °C/)
    await dhw.locator('[data-test=input]').fill('50')
    await dhw.locator('[data-test=write]').click()
    await page.locator('[data-test=dialog]').waitFor()
    await page.click('[data-test=dialog-confirm]')
    await page.locator('[data-writable=dhw_target] [data-outcome=written_verified]').waitFor()
    assert.match(await text(page, '[data-writable=dhw_target] [data-test=outcome]'), /Geschrieben und bestätigt · Zurückgelesen: 50 °C/)
    await shot(page, 'control')

    await page.goto(`${base}/heatpumps/hp-0000beef/edit`)
    await page.fill('[data-test=name]', '')
    await page.click('[data-test=save]')
    assert.equal(await text(page, '[data-test=error-name]'), 'Pflichtfeld')
    await page.fill('[data-test=name]', 'Keller Nord')
    await page.click('[data-test=save]')
    // the fake pump polls every 10 s; the NIBE F1155 needs at least 60 s (catalogue), checked as in the wizard
    assert.match(await text(page, '[data-test=error-poll_interval_s]'), /60/)
    await page.fill('[data-test=poll-interval]', '60')
    await page.click('[data-test=save]')
    await page.locator('[data-test=saved]').waitFor()
    await page.click('[data-test=remove]')
    await page.locator('[data-test=remove-list]').waitFor()
    assert.deepEqual(await page.locator('[data-test=remove-list] li').allInnerTexts(), ['1 Dashboard', '1 Alarmregel', '0 geplante Aufträge'])
    await page.click('[data-test=dialog-confirm]')
    await page.waitForURL(`${base}/heatpumps`)
    await page.locator('[data-test=heatpump-card]').first().waitFor()
    assert.equal(await page.locator('[data-test=heatpump-card]').count(), 1)

    await page.goto(`${base}/account`)
    // (a wrong current password, a 400, is covered by the component tests: Chromium logs every 4xx as a console error)
    await page.fill('[data-test=current-password]', 'secret-pw')
    await page.fill('[data-test=new-password]', 'new-secret-pw')
    await page.fill('[data-test=repeat-password]', 'other-pw')
    await page.click('[data-test=submit-password]')
    assert.equal(await text(page, '[data-test=error-repeat]'), 'Die beiden Eingaben stimmen nicht überein.')
    await page.fill('[data-test=repeat-password]', 'new-secret-pw')
    await page.click('[data-test=submit-password]')
    assert.equal(await text(page, '[data-test=saved]'), 'Ihr Passwort wurde geändert.')
    await context.close()
  })

  await check('a viewer sees the writable values but no write controls', async () => {
    const { context, page } = await newPage(browser, { fakeApi: true, locale: 'en-GB' })
    await page.goto(`${base}/heatpumps/hp-1234abcd/control`)
    await signIn(page, 'viewer')
    await page.locator('[data-writable=dhw_target]').waitFor()
    assert.equal(await page.locator('[data-test=write]').count(), 0)
    assert.equal(await page.locator('[data-test=input]').count(), 0)
    assert.match(await text(page, '[data-test=viewer-note]'), /Only operators and administrators/)
    await context.close()
  })

  await check('overview, dashboard and wizard fit a phone-sized screen', async () => {
    const { context, page } = await newPage(browser, { fakeApi: true, viewport: { width: 375, height: 740 } })
    await page.goto(`${base}/login`)
    await noHorizontalScroll(page)
    await signIn(page, 'admin')
    await page.locator('[data-test=heatpump-card]').first().waitFor()
    await noHorizontalScroll(page)
    await shot(page, 'phone-overview')
    await page.goto(`${base}/heatpumps/hp-1234abcd`)
    await page.locator('[data-widget=temperatures] canvas').first().waitFor()
    await noHorizontalScroll(page)
    await shot(page, 'phone-dashboard')
    await page.goto(`${base}/heatpumps/new`)
    await page.click('[data-test=manufacturer-idm]')
    await page.click('[data-test=next]')
    await page.fill('[data-test=host]', '192.168.1.50')
    await page.click('[data-test=next]')
    await noHorizontalScroll(page)
    await shot(page, 'phone-wizard')
    await page.goto(`${base}/heatpumps/hp-1234abcd/control`)
    await page.locator('[data-writable=dhw_target]').waitFor()
    await noHorizontalScroll(page)
    await page.goto(`${base}/heatpumps/hp-1234abcd/edit`)
    await page.locator('[data-test=edit-form]').waitFor()
    await noHorizontalScroll(page)
    await context.close()
  })

  await check('no errors in the browser console', async () => {
    assert.deepEqual(consoleErrors, [])
  })
} finally {
  await browser.close()
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
