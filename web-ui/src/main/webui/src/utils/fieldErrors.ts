import { ApiError } from '@/api'
import { translate, type Locale, type MessageKey, type Params, locale as current } from '@/i18n'

/**
 * The services name each field at fault in problem+json (`errors: [{field, message}]`, snake_case field paths such as
 * `connection.port` or `widgets[2].sensors`) with an English message. Messages of a known kind are shown in the
 * user's language; any other message is shown as the service wrote it.
 */
interface Rule {
  message: RegExp
  field?: RegExp
  key: MessageKey
  params?: (m: RegExpExecArray, lang: Locale) => Params
}

/** a number from a message, with the language's decimal sign but no grouping (ports and ids read badly grouped) */
const num = (s: string, lang: Locale) => (lang === 'de' ? s.replace('.', ',') : s)

const RULES: Rule[] = [
  { message: /^is required$/, key: 'fieldErrors.required' },
  { message: /^is wrong$/, field: /(^|\.)current_password$/, key: 'fieldErrors.wrongPassword' },
  { message: /^must be at least (\d+) characters$/, key: 'fieldErrors.minLength', params: (m) => ({ n: m[1] }) },
  { message: /^must be at most (\d+) characters$/, key: 'fieldErrors.maxLength', params: (m) => ({ n: m[1] }) },
  { message: /^must be at most (\d+) bytes/, key: 'fieldErrors.maxBytes', params: (m) => ({ n: m[1] }) },
  {
    message: /^must be (-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)(?:\s|$)/,
    key: 'fieldErrors.range',
    params: (m, lang) => ({ min: num(m[1], lang), max: num(m[2], lang) }),
  },
  { message: /^must not be blank$/, key: 'fieldErrors.blank' },
  { message: /^must not contain control characters$/, key: 'fieldErrors.controlChars' },
  { message: /^not a host name or IPv4\/IPv6 address$/, key: 'fieldErrors.host' },
  { message: /^must be true or false$/, key: 'fieldErrors.notBoolean' },
  { message: /^must be a number$/, key: 'fieldErrors.notNumber' },
  { message: /^must be one of the codes/, key: 'fieldErrors.codes' },
  {
    message: /^must be a multiple of (-?[\d.]+) from (-?[\d.]+)$/,
    key: 'fieldErrors.multiple',
    params: (m, lang) => ({ step: num(m[1], lang), min: num(m[2], lang) }),
  },
  { message: /^cannot be changed/, key: 'fieldErrors.unchangeable' },
  { message: /^unknown field$/, key: 'fieldErrors.unknownField' },
  { message: /^this model has no Modbus unit id/, key: 'fieldErrors.noUnitId' },
  { message: /is not a writable value of /, key: 'fieldErrors.notWritable' },
  { message: /^the model documents no range for /, key: 'fieldErrors.noRange' },
]

/** One field error in the user's language where its kind is known; otherwise the service's own words. */
export function localizeFieldError(field: string, message: string, lang: Locale = current.value): string {
  for (const rule of RULES) {
    if (rule.field && !rule.field.test(field)) continue
    const m = rule.message.exec(message)
    if (m) return translate(rule.key, rule.params?.(m, lang), lang)
  }
  return message
}

/**
 * field → message (localised) for every field a failed call named; {} for other failures. `rename` maps a service's
 * field path onto the form's (e.g. the probe's `host` onto `connection.host`).
 */
export function fieldErrorsOf(e: unknown, lang: Locale = current.value, rename: (field: string) => string = (f) => f): Record<string, string> {
  if (!(e instanceof ApiError)) return {}
  const out: Record<string, string> = {}
  for (const [field, message] of Object.entries(e.fieldErrors)) {
    const key = rename(field)
    if (!(key in out)) out[key] = localizeFieldError(field, message, lang)
  }
  return out
}

/** The errors of fields under a prefix (`widgets[2]` → `widgets[2].sensors`, …) joined, for showing at one place. */
export function errorsUnder(errors: Record<string, string>, prefix: string): string | undefined {
  const found = Object.entries(errors).filter(([f]) => f === prefix || f.startsWith(`${prefix}.`) || f.startsWith(`${prefix}[`))
  return found.length ? found.map(([, m]) => m).join(' ') : undefined
}
