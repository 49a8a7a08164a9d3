#!/usr/bin/env node
// End-to-end suite against the REAL running suite (deploy/local/suite up, demo mode: simulated pumps of every model
// family, demo pumps hp-de300001..5), driven through Debian's Chromium with playwright-core:
//
//   node e2e/full.mjs http://127.0.0.1:8080 docs/screenshots
//
// The admin password comes from SUITE_ADMIN_PASSWORD or <repo>/.suite/keys/admin-password. The run logs in, checks
// the overview against /api/data, adds a pump through the wizard (failing, then passing connection test), watches its
// dashboard fill, renames it, compares two pumps, writes a setpoint and waits for "verified", creates a viewer and
// checks that the viewer has no write controls, and deletes the pump. It saves overview.png, wizard.png,
// dashboard.png and compare.png into the screenshot folder. Any browser console error fails the run. Everything it
// creates is removed again, so the suite can be used (and this run repeated) afterwards.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { chromium } from 'playwright-core'

const base = (process.argv[2] ?? 'http://127.0.0.1:8080').replace(/\/$/, '')
const shots = process.argv[3] ?? null
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
const repo = new URL('../../../../../', import.meta.url)
const ADMIN = process.env.SUITE_ADMIN_USER ?? 'admin'
const ADMIN_PASSWORD = process.env.SUITE_ADMIN_PASSWORD ?? readFileSync(new URL('.suite/keys/admin-password', repo), 'utf8').trim()
const DEMO = ['hp-de300001', 'hp-de300002', 'hp-de300003', 'hp-de300004', 'hp-de300005']
const LOCALE = 'en-GB'
const RUN = Date.now().toString(36)
const PUMP_NAME = `E2E iDM ${RUN}`
const PUMP_RENAMED = `E2E iDM renamed ${RUN}`
const VIEWER = `e2e-viewer-${RUN}`
const VIEWER_PASSWORD = `viewer-pw-${RUN}`

// ---- the API, with the same token the browser gets ----

let apiToken = null
async function api(method, path, body, token = apiToken) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

// ---- formatting exactly as the UI does (src/utils/sensors.ts formatValue, en-GB) ----

const DIGITS = { '°C': 1, K: 1, kW: 2, kWh: 0, h: 0, Hz: 0, '%': 0, 'l/min': 1, bar: 2, count: 0 }
const KEY_SENSORS = ['temp_outside', 'temp_flow', 'temp_return', 'temp_hot_water', 'power_electric']
function formatted(v) {
  if (!v || typeof v.value !== 'number') return null
  const digits = v.unit && v.unit in DIGITS ? DIGITS[v.unit] : 2
  const n = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(v.value)
  const unit = !v.unit || v.unit === 'none' || v.unit === 'count' ? '' : v.unit
  return unit ? `${n} ${unit}` : n
}

// ---- the browser ----

const consoleErrors = []
let passed = 0
let failed = 0
let skipped = 0
const started = Date.now()

async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: LOCALE, viewport: options.viewport ?? { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`))
  // which call a "Failed to load resource" console error stands for
  page.on('response', (r) => {
    if (r.status() >= 400) console.log(`  (HTTP ${r.status()} ${r.request().method()} ${r.url()})`)
  })
  return { context, page }
}

async function text(page, selector) {
  const el = page.locator(selector).first()
  await el.waitFor()
  return (await el.innerText()).trim()
}

async function shot(page, name) {
  if (!shots) return
  await page.evaluate(() => document.fonts?.ready)
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
  console.log(`  screenshot ${shots}/${name}.png`)
}

async function signIn(page, user, password) {
  await page.goto(`${base}/login`)
  await page.fill('[data-test=username]', user)
  await page.fill('[data-test=password]', password)
  await page.click('[data-test=submit]')
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}

/** Retries fn until it stops throwing, or throws its last error after timeoutMs. */
async function eventually(fn, timeoutMs, pauseMs = 2000) {
  const end = Date.now() + timeoutMs
  for (;;) {
    try {
      return await fn()
    } catch (e) {
      if (Date.now() > end) throw e
      await new Promise((r) => setTimeout(r, pauseMs))
    }
  }
}

/** A TCP port on 127.0.0.1 where nothing listens (bound once by us, then closed). */
function unusedPort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

const WIZARD = 'wizard: a failing connection test shows its diagnosis, a passing one succeeds; the pump is added'
const done = new Set()
async function check(name, needs, fn) {
  const missing = needs.filter((n) => !done.has(n))
  if (missing.length) {
    skipped++
    failed++
    console.log(`not ok - ${name} # SKIP: needs ${missing.join(', ')}`)
    return
  }
  const t0 = Date.now()
  try {
    await fn()
    passed++
    done.add(name)
    console.log(`ok - ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  } catch (e) {
    failed++
    console.log(`not ok - ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n  ${String(e?.stack ?? e).split('\n').slice(0, 8).join('\n  ')}`)
  }
}

if (shots) mkdirSync(shots, { recursive: true })
const browser = await chromium.launch({ executablePath, args: ARGS, timeout: 30_000 })
const { context: adminContext, page } = await newPage(browser)
let pumpId = null
let viewerCreated = false

try {
  await check('login', [], async () => {
    const login = await api('POST', '/api/auth/login', { username: ADMIN, password: ADMIN_PASSWORD }, null)
    assert.equal(login.status, 200, `API login as ${ADMIN}: HTTP ${login.status}`)
    apiToken = login.body.token
    await signIn(page, ADMIN, ADMIN_PASSWORD)
    assert.match(await text(page, '[data-test=user]'), new RegExp(`Signed in as ${ADMIN}`))
    // the session survives a reload
    await page.reload()
    assert.match(await text(page, '[data-test=user]'), new RegExp(`Signed in as ${ADMIN}`))
  })

  await check('overview: the five demo pumps with live values that match /api/data', ['login'], async () => {
    await page.goto(`${base}/heatpumps`)
    for (const id of DEMO) await page.locator(`[data-heatpump=${id}]`).waitFor({ timeout: 60_000 })
    // values change with every poll: the card must show what /api/data said just before or just after it rendered
    await eventually(async () => {
      await page.waitForLoadState('networkidle')
      const before = (await api('GET', '/api/data')).body
      await page.reload()
      for (const id of DEMO) await page.locator(`[data-heatpump=${id}] [data-test=status]`).waitFor()
      await page.waitForLoadState('networkidle')
      const after = (await api('GET', '/api/data')).body
      let compared = 0
      for (const id of DEMO) {
        assert.match(await text(page, `[data-heatpump=${id}] [data-test=status]`), /Online/, `${id} is not online`)
        for (const sensor of KEY_SENSORS) {
          const shown = (await page.locator(`[data-heatpump=${id}] [data-sensor=${sensor}] .value`).innerText()).trim()
          const allowed = [formatted(before?.[id]?.values?.[sensor]), formatted(after?.[id]?.values?.[sensor])]
          if (allowed[0] === null && allowed[1] === null) {
            assert.equal(shown, 'no value', `${id} ${sensor}: /api/data has no value, the card shows ${shown}`)
          } else {
            assert.ok(allowed.includes(shown), `${id} ${sensor}: card ${shown}, /api/data ${allowed.join(' / ')}`)
            compared++
          }
        }
      }
      // every model family reports at least outdoor, flow and return
      assert.ok(compared >= DEMO.length * 3, `only ${compared} values to compare`)
    }, 90_000, 3000)
    await shot(page, 'overview')
  })

  await check(WIZARD, ['login'], async () => {
    await page.goto(`${base}/heatpumps`)
    await page.click('[data-test=add]')
    await page.click('[data-test=manufacturer-idm]')
    await page.locator('[data-test=model-navigator_2_0][aria-checked=true]').waitFor()
    await page.click('[data-test=next]')
    await page.fill('[data-test=host]', '127.0.0.1')
    await page.fill('[data-test=port]', String(await unusedPort()))
    await page.click('[data-test=test-connection]')
    const failedProbe = page.locator('[data-test=probe-result].failed')
    await failedProbe.waitFor({ timeout: 60_000 })
    assert.match(await failedProbe.innerText(), /Connection failed/)
    assert.ok((await text(page, '[data-test=probe-message]')).length > 10, 'no diagnosis shown')
    assert.equal(await failedProbe.getAttribute('data-kind'), 'refused')

    await page.fill('[data-test=port]', '15020')
    await page.click('[data-test=test-connection]')
    const okProbe = page.locator('[data-test=probe-result].ok')
    await okProbe.waitFor({ timeout: 60_000 })
    assert.match(await okProbe.innerText(), /Connection works/)
    assert.equal(await okProbe.getAttribute('data-kind'), 'ok')
    await shot(page, 'wizard')

    await page.click('[data-test=next]')
    await page.fill('[data-test=name]', PUMP_NAME)
    await page.click('[data-test=next]')
    assert.match(await text(page, '[data-test=summary]'), /127\.0\.0\.1:15020/)
    await page.click('[data-test=add]')
    assert.equal(await text(page, '[data-test=pump-name]'), PUMP_NAME)
    pumpId = new URL(page.url()).pathname.split('/')[2]
    assert.match(pumpId, /^hp-/)
    const stored = await api('GET', `/api/heatpumps/${pumpId}`)
    assert.equal(stored.status, 200)
    assert.equal(stored.body.name, PUMP_NAME)
  })

  await check('dashboard: the default dashboard appears and fills with live data', [WIZARD], async () => {
    if (new URL(page.url()).pathname !== `/heatpumps/${pumpId}`) await page.goto(`${base}/heatpumps/${pumpId}`)
    await page.locator('[data-test=dashboard-grid] .widget').first().waitFor({ timeout: 30_000 })
    // live values: /api/data knows the new pump; the page refreshes its values (15 s) and charts (60 s) by itself,
    // so this waits without reloading (a reload would cancel requests in flight)
    await eventually(async () => {
      const data = (await api('GET', `/api/data?heatpump_id=${pumpId}`)).body
      assert.ok(data?.[pumpId] && Object.keys(data[pumpId].values).length > 5, 'no live values for the new pump yet')
    }, 60_000, 2000)
    await page.locator('[data-test=dashboard-grid] canvas').first().waitFor({ timeout: 150_000 })
    await page.waitForFunction(() => /\d °C/.test(document.querySelector('[data-test=dashboard-grid]')?.textContent ?? ''), null, { timeout: 60_000 })
    await page.selectOption('[data-test=range]', '1h')
    await page.waitForLoadState('networkidle')
    await page.locator('[data-test=dashboard-grid] canvas').first().waitFor()
    await shot(page, 'dashboard')
  })

  await check('edit: the pump is renamed', [WIZARD], async () => {
    await page.goto(`${base}/heatpumps/${pumpId}`)
    await page.click('[data-test=edit-pump]')
    await page.locator('[data-test=edit-form]').waitFor()
    await page.fill('[data-test=name]', PUMP_RENAMED)
    await page.click('[data-test=save]')
    await page.locator('[data-test=saved]').waitFor()
    assert.equal((await api('GET', `/api/heatpumps/${pumpId}`)).body.name, PUMP_RENAMED)
    await page.goto(`${base}/heatpumps/${pumpId}`)
    assert.equal(await text(page, '[data-test=pump-name]'), PUMP_RENAMED)
  })

  await check('compare: two pumps in one chart', ['login'], async () => {
    await page.goto(`${base}/compare`)
    await page.locator('[data-test=compare]').waitFor()
    for (const box of await page.locator('[data-test=compare] input[type=checkbox]').all()) await box.uncheck()
    await page.check(`[data-test=compare-${DEMO[0]}]`)
    await page.check(`[data-test=compare-${DEMO[1]}]`)
    await page.selectOption('[data-test=compare-sensor]', 'temp_outside')
    await page.locator('[data-test=compare] canvas').first().waitFor({ timeout: 30_000 })
    const legend = await page.locator('[data-test=compare]').innerText()
    assert.match(legend, /Demo iDM Navigator 2\.0/)
    assert.match(legend, /Demo NIBE S1255/)
    await shot(page, 'compare')
  })

  await check('control: a setpoint is written and verified', [WIZARD], async () => {
    await page.goto(`${base}/heatpumps/${pumpId}/control`)
    await page.locator('[data-writable]').first().waitFor({ timeout: 30_000 })
    // a plain number with a range, not EEPROM-backed, and readable (it has a current value): only a value that can be
    // read back can be verified
    const cards = await page.locator('[data-writable]').all()
    const readable = (await api('GET', `/api/data?heatpump_id=${pumpId}`)).body?.[pumpId]?.values ?? {}
    let card = null
    for (const wantTemperature of [true, false]) {
      for (const c of cards) {
        if (card || (await c.locator('[data-test=eeprom]').count()) > 0) continue
        if (readable[await c.getAttribute('data-writable')] === undefined) continue
        const input = c.locator('input[type=number][data-test=input]')
        if ((await input.count()) !== 1 || (await input.getAttribute('min')) === null || (await input.getAttribute('max')) === null) continue
        if (wantTemperature && !(await c.innerText()).includes('°C')) continue
        card = c
      }
    }
    let eeprom = false
    if (!card) {
      for (const c of cards) {
        if (!card && readable[await c.getAttribute('data-writable')] !== undefined && (await c.locator('input[type=number][min][max]').count()) === 1) card = c
      }
      eeprom = true
    }
    assert.ok(card, 'no readable writable with a range on the control page')
    const id = await card.getAttribute('data-writable')
    const input = card.locator('[data-test=input]')
    const min = Number(await input.getAttribute('min'))
    const max = Number(await input.getAttribute('max'))
    const stepAttr = await input.getAttribute('step')
    const step = stepAttr && stepAttr !== 'any' ? Number(stepAttr) : 1
    const current = (await api('GET', `/api/data?heatpump_id=${pumpId}`)).body?.[pumpId]?.values?.[id]?.value
    let value = min + Math.round((max - min) / 2 / step) * step
    if (value === current) value = Math.min(max, value + step)
    value = Number(value.toFixed(6))
    console.log(`  writing ${id} = ${value} (range ${min}..${max}, step ${step}${eeprom ? ', EEPROM' : ''})`)
    await input.fill(String(value))
    await card.locator('[data-test=write]').click()
    if (eeprom) await page.click('[data-test=dialog-confirm]')
    const outcome = card.locator('[data-test=outcome]:not([data-outcome=pending])')
    await outcome.waitFor({ timeout: 90_000 })
    const kind = await outcome.getAttribute('data-outcome')
    assert.equal(kind, 'written_verified', `the write ended ${kind}: ${(await outcome.innerText()).trim()}`)
    // the audit log shows the write
    await page.goto(`${base}/admin/audit`)
    await page.selectOption('[data-test=filter-pump]', pumpId)
    await page.click('[data-test=apply]')
    await page.locator('[data-test=audit-row]').first().waitFor()
    assert.match(await page.locator('[data-test=audit-table]').innerText(), new RegExp(id))
  })

  await check('users: an admin creates a viewer, who sees no write controls', ['login'], async () => {
    await page.goto(`${base}/admin/users`)
    await page.click('[data-test=create]')
    await page.fill('[data-test=username]', VIEWER)
    await page.fill('[data-test=password]', VIEWER_PASSWORD)
    await page.selectOption('[data-test=role]', 'viewer')
    await page.click('[data-test=save]')
    await page.locator(`[data-user="${VIEWER}"]`).waitFor()
    viewerCreated = true
    assert.equal(await text(page, `[data-user="${VIEWER}"] [data-test=user-role]`), 'Viewer')

    const { context, page: viewer } = await newPage(browser, { viewport: { width: 390, height: 844 } })
    try {
      await signIn(viewer, VIEWER, VIEWER_PASSWORD)
      for (const id of DEMO) await viewer.locator(`[data-heatpump=${id}]`).waitFor()
      assert.equal(await viewer.locator('[data-test=nav-add]').count(), 0)
      assert.equal(await viewer.locator('[data-test=add]').count(), 0)
      const target = pumpId ?? DEMO[0]
      await viewer.goto(`${base}/heatpumps/${target}`)
      await viewer.locator('[data-test=pump-name]').waitFor()
      assert.equal(await viewer.locator('[data-test=edit-pump]').count(), 0)
      assert.equal(await viewer.locator('[data-test=edit-dashboard]').count(), 0)
      await viewer.goto(`${base}/heatpumps/${target}/control`)
      await viewer.locator('[data-writable]').first().waitFor({ timeout: 30_000 })
      assert.equal(await viewer.locator('[data-test=write]').count(), 0)
      assert.equal(await viewer.locator('[data-test=input]').count(), 0)
      await viewer.goto(`${base}/admin/alerts`)
      await viewer.locator('[data-test=read-only]').waitFor()
      assert.equal(await viewer.locator('[data-test=create]').count(), 0)
      // the pages only admins may open send a viewer back to the overview
      await viewer.goto(`${base}/admin/users`)
      await viewer.waitForURL((u) => u.pathname === '/heatpumps')
      // and the services refuse a viewer's write, whatever the UI shows
      const login = await api('POST', '/api/auth/login', { username: VIEWER, password: VIEWER_PASSWORD }, null)
      const write = await api('POST', `/api/control/${target}`, { sensor: 'temp_hot_water_target', value: 45 }, login.body.token)
      assert.equal(write.status, 403)
    } finally {
      await context.close()
    }
  })

  await check('administration: an alert rule and an API token through the pages, against the registry', ['login'], async () => {
    await page.goto(`${base}/admin/alerts`)
    await page.click('[data-test=create]')
    await page.fill('[data-test=name]', `E2E flow ${RUN}`)
    await page.fill('[data-test=sensor]', 'temp_flow')
    await page.selectOption('[data-test=condition]', '>')
    await page.fill('[data-test=threshold]', '70')
    await page.click('[data-test=save]')
    const row = page.locator('[data-test=alert-row]', { hasText: `E2E flow ${RUN}` })
    await row.waitFor()
    assert.match(await row.innerText(), /All heat pumps/)
    const rule = (await api('GET', '/api/alerts')).body.find((a) => a.name === `E2E flow ${RUN}`)
    assert.deepEqual([rule.sensor, rule.condition, rule.threshold, rule.heatpump_id], ['temp_flow', '>', 70, null])
    await row.locator('[data-test=delete]').click()
    await page.click('[data-test=confirm-ok]')
    await row.waitFor({ state: 'detached' })
    assert.equal((await api('GET', `/api/alerts/${rule.id}`)).status, 404)

    await page.goto(`${base}/admin/tokens`)
    await page.click('[data-test=create]')
    await page.fill('[data-test=name]', `e2e ${RUN}`)
    await page.fill('[data-test=expires]', '1')
    await page.click('[data-test=save]')
    const secret = await text(page, '[data-test=token-secret]')
    assert.equal((await api('GET', '/api/heatpumps', null, secret)).status, 200, 'the new token is not accepted')
    await page.click('[data-test=done]')
    assert.equal(await page.locator('[data-test=token-secret]').count(), 0)
    const tokenRow = page.locator('[data-test=token-row]', { hasText: `e2e ${RUN}` })
    await tokenRow.locator('[data-test=revoke]').click()
    await page.click('[data-test=confirm-ok]')
    await tokenRow.locator('[data-test=token-state]', { hasText: 'Revoked' }).waitFor()
    await eventually(async () => assert.equal((await api('GET', '/api/heatpumps', null, secret)).status, 401), 15_000, 1000)
  })

  await check('delete: the pump goes after the confirmation', [WIZARD], async () => {
    await page.goto(`${base}/heatpumps/${pumpId}/edit`)
    await page.click('[data-test=remove]')
    const dialog = page.locator('[data-test=dialog]')
    // the dialog says what goes with the pump once it has counted it
    assert.match(await text(page, '[data-test=dialog] [data-test=remove-list]'), /dashboard/i)
    await page.click('[data-test=dialog-confirm]')
    await page.waitForURL((u) => u.pathname === '/heatpumps')
    await eventually(async () => assert.equal((await api('GET', `/api/heatpumps/${pumpId}`)).status, 404), 10_000, 500)
    assert.equal(await page.locator(`[data-heatpump=${pumpId}]`).count(), 0)
    pumpId = null
  })

  await check('no errors in the browser console', [], async () => {
    assert.deepEqual(consoleErrors, [])
  })
} finally {
  // leave the suite as it was, also after a failure
  if (apiToken && pumpId) await api('DELETE', `/api/heatpumps/${pumpId}`).catch(() => {})
  if (apiToken && viewerCreated) await api('DELETE', `/api/users/${VIEWER}`).catch(() => {})
  await adminContext.close()
  await browser.close()
}

console.log(`${passed} passed, ${failed} failed${skipped ? ` (${skipped} skipped)` : ''} in ${Math.round((Date.now() - started) / 1000)} s`)
process.exit(failed === 0 ? 0 : 1)
