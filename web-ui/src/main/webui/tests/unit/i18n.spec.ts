import de from '@/i18n/de'
import en from '@/i18n/en'
import { formatAge, initialLocale, localized, setLocale, translate } from '@/i18n'

function leaves(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)))
}

describe('i18n', () => {
  it('has the same keys in German and English, none empty', () => {
    expect(leaves(en).sort()).toEqual(leaves(de).sort())
    for (const key of leaves(de)) {
      expect(translate(key, undefined, 'de').trim(), key).not.toBe('')
      expect(translate(key, undefined, 'en').trim(), key).not.toBe('')
    }
  })

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
    for (const key of leaves(de)) {
      expect(placeholders(translate(key, undefined, 'en')), key).toEqual(placeholders(translate(key, undefined, 'de')))
    }
  })

  it('fills placeholders and picks singular or plural', () => {
    expect(translate('overview.count', { n: 1 }, 'de')).toBe('1 Wärmepumpe')
    expect(translate('overview.count', { n: 3 }, 'de')).toBe('3 Wärmepumpen')
    expect(translate('overview.count', { n: 0 }, 'en')).toBe('0 heat pumps')
    expect(translate('app.signedInAs', { user: 'anna' }, 'en')).toBe('Signed in as anna')
  })

  it('defaults to the browser language and remembers a choice', () => {
    localStorage.clear()
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-AT', 'en'])
    expect(initialLocale()).toBe('de')
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR'])
    expect(initialLocale()).toBe('en')
    setLocale('de')
    expect(initialLocale()).toBe('de')
    expect(document.documentElement.lang).toBe('de')
  })

  it('shows texts the API sends in both languages in the chosen one', () => {
    expect(localized({ de: 'Warmwasser', en: 'Hot water' }, 'de')).toBe('Warmwasser')
    expect(localized({ de: 'Warmwasser', en: 'Hot water' }, 'en')).toBe('Hot water')
    expect(localized('Heizkreis B', 'en')).toBe('Heizkreis B')
  })

  it('says how old a value is', () => {
    const now = Date.parse('2025-01-26T10:00:00Z')
    expect(formatAge('2025-01-26T09:55:00Z', now, 'en')).toMatch(/5 min/)
    expect(formatAge('2025-01-26T09:55:00Z', now, 'de')).toMatch(/vor 5 Min/)
  })
})
