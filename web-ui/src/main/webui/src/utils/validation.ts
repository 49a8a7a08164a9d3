/** Client-side checks mirroring the registry's (HeatpumpValidator); the registry stays the authority. */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/
const IPV6 = /^[0-9A-Fa-f:.]+$/

export function isHost(value: string): boolean {
  const v = value.trim()
  if (!v) return false
  if (v.includes(':')) {
    const bare = v.replace(/^\[|\]$/g, '')
    return IPV6.test(bare) && bare.split(':').length >= 3 && bare.split(':').length <= 9
  }
  if (/^[\d.]+$/.test(v)) return IPV4.test(v)
  return HOSTNAME.test(v)
}

export function isIntIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}
