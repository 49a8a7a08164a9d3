import { ref, watch } from 'vue'
import de from './de'
import en from './en'
import type { MessageKey, Messages } from './messages'
import type { Localized } from '@/api/types'

export type Locale = 'de' | 'en'
export type { MessageKey } from './messages'
export const LOCALES: Locale[] = ['de', 'en']
const catalogues: Record<Locale, Messages> = { de, en }
const STORAGE_KEY = 'hp.locale'

/** The user's choice if they made one, else the browser's language (German for de-*, English otherwise). */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'de' || saved === 'en') {
      return saved
    }
  } catch {
    // storage blocked: fall back to the browser
  }
  const preferred = typeof navigator !== 'undefined' ? (navigator.languages?.[0] ?? navigator.language ?? '') : ''
  return preferred.toLowerCase().startsWith('de') ? 'de' : 'en'
}

export const locale = ref<Locale>(initialLocale())

watch(
  locale,
  (l) => {
    if (typeof document !== 'undefined') document.documentElement.lang = l
  },
  { immediate: true, flush: 'sync' },
)

export function setLocale(next: Locale): void {
  locale.value = next
  try {
    localStorage.setItem(STORAGE_KEY, next)
  } catch {
    // not persisted: the choice lasts for this page
  }
}

export type Params = Record<string, string | number>

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in (node as object)) {
      node = (node as Record<string, unknown>)[part]
    } else {
      return undefined
    }
  }
  return typeof node === 'string' ? node : undefined
}

/** Translates a key; `{name}` placeholders are filled from params; "one | other" picks by params.n. */
export function translate(key: MessageKey | string, params?: Params, lang: Locale = locale.value): string {
  let text = lookup(catalogues[lang], key) ?? lookup(catalogues.en, key) ?? key
  if (text.includes(' | ') && params && typeof params.n === 'number') {
    const [one, other] = text.split(' | ')
    text = params.n === 1 ? one : other
  }
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text
}

export function hasKey(key: string, lang: Locale = locale.value): boolean {
  return lookup(catalogues[lang], key) !== undefined
}

/** Text the API sends in both languages ({de, en}) or as a plain string. */
export function localized(text: Localized | null | undefined, lang: Locale = locale.value): string {
  if (text == null) {
    return ''
  }
  if (typeof text === 'string') {
    return text
  }
  return text[lang] ?? text.en ?? text.de ?? ''
}

export function formatNumber(value: number, maximumFractionDigits = 1, lang: Locale = locale.value): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits }).format(value)
}

export function formatDateTime(iso: string | number | Date, lang: Locale = locale.value): string {
  const date = iso instanceof Date ? iso : new Date(iso)
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' }).format(date)
}

/** "vor 5 Min." / "5 min ago", relative to now. */
export function formatAge(iso: string | number | Date, now: number = Date.now(), lang: Locale = locale.value): string {
  const at = (iso instanceof Date ? iso : new Date(iso)).getTime()
  const seconds = Math.round((at - now) / 1000)
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' })
  const abs = Math.abs(seconds)
  if (abs < 60) return rtf.format(seconds, 'second')
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour')
  return rtf.format(Math.round(seconds / 86400), 'day')
}

/** For components: the reactive locale and the helpers bound to it. */
export function useI18n() {
  return {
    locale,
    setLocale,
    t: (key: MessageKey, params?: Params) => translate(key, params, locale.value),
    tl: (text: Localized | null | undefined) => localized(text, locale.value),
    n: (value: number, digits = 1) => formatNumber(value, digits, locale.value),
    dt: (iso: string | number | Date) => formatDateTime(iso, locale.value),
    age: (iso: string | number | Date, now?: number) => formatAge(iso, now ?? Date.now(), locale.value),
  }
}
