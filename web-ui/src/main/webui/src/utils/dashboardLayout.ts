import type { Widget } from '@/api'

/** Widgets in reading order (top to bottom, left to right), as the grid draws them. */
export function readingOrder(widgets: Widget[]): Widget[] {
  return [...widgets].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x)
}

/**
 * Places widgets in the given order on a grid of `columns`: left to right, a new row when the next does not fit,
 * each row as high as its highest widget. Widths are kept (clamped to the grid), so the order alone decides the layout.
 */
export function reflow(widgets: Widget[], columns: number): Widget[] {
  let x = 0
  let y = 0
  let rowHeight = 0
  return widgets.map((w) => {
    const width = Math.min(Math.max(1, w.position.w), columns)
    const height = Math.max(1, w.position.h)
    if (x + width > columns) {
      x = 0
      y += rowHeight
      rowHeight = 0
    }
    const placed = { ...w, position: { x, y, w: width, h: height } }
    x += width
    rowHeight = Math.max(rowHeight, height)
    return placed
  })
}

/** A widget id not used yet in the dashboard (pattern of docs/contracts/dashboard.md). */
export function newWidgetId(taken: Iterable<string>, base = 'chart'): string {
  const used = new Set(taken)
  for (let i = 1; ; i++) {
    const id = `${base}-${i}`
    if (!used.has(id)) return id
  }
}
