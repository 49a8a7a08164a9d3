import type { DeviceConfig, Localized, Writable } from '@/api'

/** A writable of one pump: the catalogue entry for a concrete sensor id, its range narrowed by the owner's limits. */
export interface PumpWritable {
  id: string
  definition: Writable
  kind: 'number' | 'boolean'
  min: number | null
  max: number | null
  step: number | null
  /** code → label for coded values */
  options: [string, Localized][] | null
}

/**
 * The pump's writables as the registry checks them (WriteCheck): `per: circuit` entries (id `circuit_a_…`) stand for
 * each configured circuit; min/max/step are narrowed by `device_config.write_ranges[id]`.
 */
export function pumpWritables(writables: Writable[] | undefined, deviceConfig: DeviceConfig | undefined): PumpWritable[] {
  const circuits = Array.isArray(deviceConfig?.circuits) ? deviceConfig!.circuits : []
  const ranges = (deviceConfig?.write_ranges ?? {}) as Record<string, { min?: number; max?: number; step?: number } | undefined>
  const out: PumpWritable[] = []
  for (const w of writables ?? []) {
    const ids =
      w.per === 'circuit' && w.id.startsWith('circuit_a_')
        ? circuits.map((c) => `circuit_${c.toLowerCase()}_${w.id.slice('circuit_a_'.length)}`)
        : [w.id]
    for (const id of ids) {
      let min = w.min ?? null
      let max = w.max ?? null
      let step = w.step ?? null
      const r = ranges[id]
      if (r && typeof r === 'object' && typeof r.min === 'number' && typeof r.max === 'number') {
        min = min === null ? r.min : Math.max(min, r.min)
        max = max === null ? r.max : Math.min(max, r.max)
        if (typeof r.step === 'number') step = r.step
      }
      out.push({
        id,
        definition: w,
        kind: w.kind === 'boolean' ? 'boolean' : 'number',
        min,
        max,
        step,
        options: w.options ? Object.entries(w.options) : null,
      })
    }
  }
  return out
}

export type ValueProblem = { kind: 'number' } | { kind: 'range'; min: number; max: number } | { kind: 'step'; step: number; min: number } | { kind: 'noRange' }

/** Whether a number may be written (null = fine): the same checks the registry makes before it sends a command. */
export function checkValue(w: PumpWritable, value: number): ValueProblem | null {
  if (!Number.isFinite(value)) return { kind: 'number' }
  if (w.options) return w.options.some(([code]) => Number(code) === value) ? null : { kind: 'number' }
  if (w.min === null || w.max === null) return { kind: 'noRange' }
  if (value < w.min || value > w.max) return { kind: 'range', min: w.min, max: w.max }
  if (w.step !== null && w.step > 0) {
    const steps = (value - w.min) / w.step
    if (Math.abs(steps - Math.round(steps)) > 1e-6) return { kind: 'step', step: w.step, min: w.min }
  }
  return null
}
