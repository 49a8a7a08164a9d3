import { enableAutoUnmount } from '@vue/test-utils'
import { configureApi } from '@/api'
import { setLocale } from '@/i18n'

// jsdom lacks these; uPlot and the polling composable look for them
if (!window.matchMedia) {
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia
}

window.scrollTo = () => {}

// every mounted app is unmounted after its test, so no timer of one test calls the fake API of the next
const flag = globalThis as { __autoUnmount?: boolean }
if (!flag.__autoUnmount) {
  flag.__autoUnmount = true
  enableAutoUnmount(afterEach)
}

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
  setLocale('de')
  configureApi({ fetch: () => Promise.reject(new Error('no fake fetch configured for this test')), token: () => null, onUnauthorized: () => {} })
})
