import { translate, type Locale, locale as current } from '@/i18n'
import { isHost, isIntIn } from './validation'

/** The fields of a pump the wizard and the edit form share, as the user typed them. */
export interface PumpFields {
  host: string
  port: number | null
  unitId: number | null
  /** the model uses a Modbus unit id */
  modbus: boolean
  name: string
  pollInterval: number | null
  minPollInterval: number
}

/** Connection checks (registry field names: `connection.host`, …); the registry stays the authority. */
export function connectionErrors(f: Pick<PumpFields, 'host' | 'port' | 'unitId' | 'modbus'>, lang: Locale = current.value): Record<string, string> {
  const e: Record<string, string> = {}
  if (!isHost(f.host)) e['connection.host'] = translate(f.host.trim() ? 'wizard.validation.host' : 'common.required', undefined, lang)
  if (!isIntIn(f.port, 1, 65535)) e['connection.port'] = translate('wizard.validation.port', undefined, lang)
  if (f.modbus && !isIntIn(f.unitId, 0, 247)) e['connection.unit_id'] = translate('wizard.validation.unitId', undefined, lang)
  return e
}

/** Name and poll interval checks. */
export function settingsErrors(f: Pick<PumpFields, 'name' | 'pollInterval' | 'minPollInterval'>, lang: Locale = current.value): Record<string, string> {
  const e: Record<string, string> = {}
  const n = f.name.trim()
  if (!n || n.length > 100) e.name = translate(n ? 'wizard.validation.name' : 'common.required', undefined, lang)
  if (!isIntIn(f.pollInterval, f.minPollInterval, 86400)) e.poll_interval_s = translate('wizard.validation.interval', { min: f.minPollInterval }, lang)
  return e
}
