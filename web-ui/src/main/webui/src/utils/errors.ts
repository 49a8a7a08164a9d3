import { ApiError } from '@/api'
import { translate, type Locale, locale as current } from '@/i18n'

/** A sentence for the user about a failed call, in their language; the server's own detail stays secondary. */
export function errorMessage(e: unknown, lang: Locale = current.value): string {
  if (!(e instanceof ApiError)) {
    return translate('errors.generic', undefined, lang)
  }
  if (e.kind === 'network') return translate('errors.network', undefined, lang)
  if (e.kind === 'timeout') return translate('errors.timeout', undefined, lang)
  switch (e.status) {
    case 400:
    case 422:
      return translate('errors.invalid', undefined, lang)
    case 401:
      return translate('errors.unauthorized', undefined, lang)
    case 403:
      return translate('errors.forbidden', undefined, lang)
    case 404:
      return translate('errors.notFound', undefined, lang)
    case 502:
    case 503:
    case 504:
      return translate('errors.unavailable', undefined, lang)
    default:
      return translate('errors.server', { status: e.status }, lang)
  }
}

/** The server's explanation (English), if it sent one. */
export function errorDetail(e: unknown): string | null {
  return e instanceof ApiError ? (e.problem?.detail ?? null) : null
}
