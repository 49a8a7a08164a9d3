import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router'
import type { Role } from '@/api'
import type { MessageKey } from '@/i18n'
import { useAuthStore } from '@/stores/auth'

declare module 'vue-router' {
  interface RouteMeta {
    /** reachable without a session */
    public?: boolean
    /** the least role the page needs; others are sent to the overview */
    role?: Role
    /** the page title's key */
    title?: MessageKey
  }
}

export const routes = [
  { path: '/', redirect: '/heatpumps' },
  { path: '/login', name: 'login', component: () => import('@/views/Login.vue'), meta: { public: true, title: 'login.title' } },
  { path: '/heatpumps', name: 'heatpumps', component: () => import('@/views/Heatpumps.vue'), meta: { title: 'overview.title' } },
  {
    path: '/heatpumps/new',
    name: 'heatpump-new',
    component: () => import('@/views/HeatpumpNew.vue'),
    meta: { role: 'admin', title: 'wizard.title' },
  },
  {
    path: '/heatpumps/:id',
    name: 'heatpump',
    component: () => import('@/views/HeatpumpDashboard.vue'),
    props: true,
    meta: { title: 'overview.title' },
  },
  { path: '/compare', name: 'compare', component: () => import('@/views/Compare.vue'), meta: { title: 'compare.title' } },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFound.vue'),
    meta: { public: true, title: 'notFound.title' },
  },
] as const

/** The app's router; history is injectable so tests can use memory history. */
export function createAppRouter(history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({ history, routes: routes as never, scrollBehavior: () => ({ top: 0 }) })
  router.beforeEach((to) => {
    const auth = useAuthStore()
    if (to.name === 'login' && auth.isAuthenticated) {
      const redirect = typeof to.query.redirect === 'string' && to.query.redirect.startsWith('/') ? to.query.redirect : '/heatpumps'
      return redirect
    }
    if (!to.meta.public && !auth.isAuthenticated) {
      return { name: 'login', query: to.fullPath !== '/heatpumps' && to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
    }
    if (to.meta.role && !auth.can(to.meta.role)) {
      return { name: 'heatpumps' }
    }
    return true
  })
  return router
}
