import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, type Role } from '@/api'

const STORAGE_KEY = 'hp.session'
const ROLE_RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 }

export interface Session {
  token: string
  username: string
  groups: string[]
  /** epoch ms; 0 = unknown */
  expiresAt: number
}

/** The claims the UI reads from a token (SmallRye JWT: upn/sub, groups, exp); the signature is the services' job. */
export function decodeToken(token: string): { username?: string; groups?: string[]; exp?: number } {
  try {
    const part = token.split('.')[1]
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='))
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))))
    return {
      username: claims.upn ?? claims.preferred_username ?? claims.sub,
      groups: Array.isArray(claims.groups) ? claims.groups : undefined,
      exp: typeof claims.exp === 'number' ? claims.exp : undefined,
    }
  } catch {
    return {}
  }
}

function readStored(): Session | null {
  for (const storage of [sessionStorage, localStorage]) {
    try {
      const raw = storage.getItem(STORAGE_KEY)
      if (raw) {
        const s = JSON.parse(raw) as Session
        if (s && typeof s.token === 'string' && Array.isArray(s.groups)) {
          return s
        }
      }
    } catch {
      // unreadable: treated as signed out
    }
  }
  return null
}

function clearStored(): void {
  for (const storage of [sessionStorage, localStorage]) {
    try {
      storage.removeItem(STORAGE_KEY)
    } catch {
      // nothing to clear
    }
  }
}

/**
 * The signed-in user: the token from POST /api/auth/login, kept in sessionStorage (this tab, survives a reload) or,
 * with "keep me signed in", in localStorage; roles from the token's `groups` decide which controls the UI shows.
 */
export const useAuthStore = defineStore('auth', () => {
  const session = ref<Session | null>(null)
  /** Why the user is on the login page: shown there once. */
  const notice = ref<'expired' | 'loggedOut' | null>(null)
  let expiryTimer: ReturnType<typeof setTimeout> | undefined

  const isAuthenticated = computed(() => session.value !== null)
  const username = computed(() => session.value?.username ?? '')
  const role = computed<Role | null>(() => {
    const groups = session.value?.groups ?? []
    let best: Role | null = null
    for (const g of groups) {
      if (g in ROLE_RANK && (best === null || ROLE_RANK[g as Role] > ROLE_RANK[best])) {
        best = g as Role
      }
    }
    return best
  })

  /** Whether the user has at least this role (admin ⊃ operator ⊃ viewer). */
  function can(required: Role): boolean {
    return role.value !== null && ROLE_RANK[role.value] >= ROLE_RANK[required]
  }

  const isAdmin = computed(() => can('admin'))
  const isOperator = computed(() => can('operator'))

  function scheduleExpiry(): void {
    clearTimeout(expiryTimer)
    const s = session.value
    if (!s || !s.expiresAt) {
      return
    }
    const ms = s.expiresAt - Date.now()
    if (ms <= 0) {
      logout('expired')
    } else if (ms < 2 ** 31 - 1) {
      expiryTimer = setTimeout(() => logout('expired'), ms)
    }
  }

  function start(next: Session, remember: boolean): void {
    session.value = next
    notice.value = null
    clearStored()
    try {
      ;(remember ? localStorage : sessionStorage).setItem(STORAGE_KEY, JSON.stringify(next))
    } catch {
      // storage blocked: the session lasts until the page is reloaded
    }
    scheduleExpiry()
  }

  async function login(user: string, password: string, remember = false): Promise<void> {
    const answer = await api.auth.login(user, password)
    const claims = decodeToken(answer.token)
    const fromAnswer = answer.expires_at ? Date.parse(answer.expires_at) : NaN
    const expiresAt = Number.isFinite(fromAnswer) ? fromAnswer : claims.exp ? claims.exp * 1000 : 0
    start(
      {
        token: answer.token,
        username: answer.username ?? claims.username ?? user,
        groups: answer.groups ?? claims.groups ?? (answer.role ? [answer.role] : []),
        expiresAt,
      },
      remember,
    )
  }

  /** Picks up the session of an earlier page load, unless it has expired. */
  function restore(): void {
    const stored = readStored()
    if (stored && (!stored.expiresAt || stored.expiresAt > Date.now())) {
      session.value = stored
      scheduleExpiry()
    } else if (stored) {
      clearStored()
      notice.value = 'expired'
    }
  }

  function logout(reason: 'expired' | 'loggedOut' = 'loggedOut'): void {
    clearTimeout(expiryTimer)
    clearStored()
    if (session.value) {
      notice.value = reason
    }
    session.value = null
  }

  return { session, notice, isAuthenticated, username, role, isAdmin, isOperator, can, login, restore, logout }
})
