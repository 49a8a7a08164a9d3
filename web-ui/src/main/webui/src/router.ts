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
  {
    path: '/heatpumps/:id/edit',
    name: 'heatpump-edit',
    component: () => import('@/views/HeatpumpEdit.vue'),
    props: true,
    meta: { role: 'admin', title: 'pumpEdit.action' },
  },
  {
    path: '/heatpumps/:id/control',
    name: 'heatpump-control',
    component: () => import('@/views/HeatpumpControl.vue'),
    props: true,
    meta: { title: 'control.action' },
  },
  { path: '/account', name: 'account', component: () => import('@/views/Account.vue'), meta: { title: 'account.title' } },
  { path: '/compare', name: 'compare', component: () => import('@/views/Compare.vue'), meta: { title: 'compare.title' } },
  { path: '/admin', redirect: '/admin/alerts' },
  { path: '/admin/alerts', name: 'admin-alerts', component: () => import('@/views/admin/AlertRules.vue'), meta: { title: 'admin.alerts.title' } },
  { path: '/admin/jobs', name: 'admin-jobs', component: () => import('@/views/admin/Jobs.vue'), meta: { title: 'admin.jobs.title' } },
  { path: '/admin/audit', name: 'admin-audit', component: () => import('@/views/admin/AuditLog.vue'), meta: { title: 'admin.audit.title' } },
  {
    path: '/admin/users',
    name: 'admin-users',
    component: () => import('@/views/admin/Users.vue'),
    meta: { role: 'admin', title: 'admin.users.title' },
  },
  {
    path: '/admin/tokens',
    name: 'admin-tokens',
    component: () => import('@/views/admin/ApiTokens.vue'),
    meta: { role: 'admin', title: 'admin.tokens.title' },
  },
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
