/** One line of a chart: its label and points (epoch ms, value or null for a gap). */
export interface ChartSeries {
  label: string
  timestamps: number[]
  values: (number | null)[]
}

/**
 * Aligns several series on the union of their timestamps (seconds, as uPlot wants them); a series without a point
 * at a time gets null there, which the chart draws as a gap.
 */
export function alignSeries(series: ChartSeries[]): [number[], ...(number | null)[][]] {
  const times = new Set<number>()
  for (const s of series) for (const ts of s.timestamps) times.add(ts)
  const xs = [...times].sort((a, b) => a - b)
  const index = new Map(xs.map((x, i) => [x, i]))
  const ys = series.map((s) => {
    const out: (number | null)[] = new Array(xs.length).fill(null)
    s.timestamps.forEach((ts, i) => {
      const v = s.values[i]
      out[index.get(ts)!] = typeof v === 'number' && Number.isFinite(v) ? v : null
    })
    return out
  })
  return [xs.map((x) => x / 1000), ...ys]
}

export function hasPoints(series: ChartSeries[]): boolean {
  return series.some((s) => s.values.some((v) => typeof v === 'number' && Number.isFinite(v)))
}
