import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import App from '@/App.vue'
import type { Role } from '@/api'
import { createAppRouter } from '@/router'
import { useAuthStore } from '@/stores/auth'

const GROUPS: Record<Role, string[]> = { viewer: ['viewer'], operator: ['viewer', 'operator'], admin: ['viewer', 'operator', 'admin'] }

/** Signs a user of this role in (as a restored session would) in the active Pinia. */
export function signIn(role: Role, username = 'anna'): void {
  useAuthStore().session = { token: `token-${role}`, username, groups: GROUPS[role], expiresAt: 0 }
}

/** The whole app (router, Pinia, shell) at a path, as a browser would show it; TimeSeriesChart is stubbed (canvas). */
export async function mountApp(path: string, options: { role?: Role | null } = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  if (options.role) signIn(options.role)
  const router = createAppRouter(createMemoryHistory())
  // the views load lazily in the browser; here they are loaded up front so navigation timing is the app's own
  await Promise.all(
    router.getRoutes().map((r) => {
      const c = r.components?.default
      return typeof c === 'function' ? (c as () => Promise<unknown>)() : null
    }),
  )
  await router.push(path)
  await router.isReady()
  const wrapper = mount(App, {
    attachTo: document.body,
    global: { plugins: [pinia, router], stubs: { TimeSeriesChart: { props: ['series', 'unit', 'label'], template: '<div data-test="chart-stub">{{ series.length }}</div>' } } },
  })
  await flushPromises()
  await flushPromises()
  return { wrapper, router, pinia }
}
