import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, ApiError, type Heatpump, type HeatpumpInput, type PumpData } from '@/api'

export type ConnectionState = 'online' | 'offline' | 'waiting' | 'disabled'

/** What the overview shows for a pump's connection (heatpump.status as the registry keeps it). */
export function connectionState(hp: Heatpump): ConnectionState {
  if (!hp.enabled) return 'disabled'
  if (!hp.status) return 'waiting'
  return hp.status.connected ? 'online' : 'offline'
}

function toError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('network', 0, null, String(e))
}

/** The heat pumps (registry) and their latest values (ingest), as the plan's `stores/heatpumps.ts`. */
export const useHeatpumpsStore = defineStore('heatpumps', () => {
  const heatpumps = ref<Heatpump[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)
  const latest = ref<Record<string, PumpData>>({})
  const latestError = ref<ApiError | null>(null)
  const latestAt = ref<number | null>(null)

  const sorted = computed(() => [...heatpumps.value].sort((a, b) => a.name.localeCompare(b.name)))
  const byId = computed(() => new Map(heatpumps.value.map((hp) => [hp.id, hp])))

  function get(id: string): Heatpump | undefined {
    return byId.value.get(id)
  }

  async function fetchHeatpumps(): Promise<void> {
    loading.value = true
    try {
      heatpumps.value = await api.heatpumps.list()
      error.value = null
      loaded.value = true
    } catch (e) {
      error.value = toError(e)
    } finally {
      loading.value = false
    }
  }

  /** Latest values; a failure here (ingest down) leaves the pumps usable and the old values marked stale. */
  async function fetchLatest(ids?: string[]): Promise<void> {
    try {
      const data = await api.data.latest(ids)
      latest.value = ids ? { ...latest.value, ...data } : data
      latestError.value = null
      latestAt.value = Date.now()
    } catch (e) {
      latestError.value = toError(e)
    }
  }

  async function refresh(): Promise<void> {
    await Promise.all([fetchHeatpumps(), fetchLatest()])
  }

  /** Loads one pump (a deep link) and merges it into the list. */
  async function fetchOne(id: string): Promise<Heatpump> {
    const hp = await api.heatpumps.get(id)
    const i = heatpumps.value.findIndex((p) => p.id === id)
    if (i >= 0) heatpumps.value.splice(i, 1, hp)
    else heatpumps.value.push(hp)
    return hp
  }

  async function addHeatpump(input: HeatpumpInput, options: { verify?: boolean } = {}): Promise<Heatpump> {
    const created = await api.heatpumps.create(input, options)
    heatpumps.value = [...heatpumps.value.filter((p) => p.id !== created.id), created]
    return created
  }

  /** PUT /api/heatpumps/{id} with the fields to change; the answer replaces the pump in the list. */
  async function updateHeatpump(id: string, changes: Partial<HeatpumpInput>): Promise<Heatpump> {
    const updated = await api.heatpumps.update(id, changes)
    const i = heatpumps.value.findIndex((p) => p.id === id)
    if (i >= 0) heatpumps.value.splice(i, 1, updated)
    else heatpumps.value.push(updated)
    return updated
  }

  async function removeHeatpump(id: string): Promise<void> {
    await api.heatpumps.remove(id)
    heatpumps.value = heatpumps.value.filter((p) => p.id !== id)
    const { [id]: _removed, ...rest } = latest.value
    void _removed
    latest.value = rest
  }

  return {
    heatpumps,
    sorted,
    loaded,
    loading,
    error,
    latest,
    latestError,
    latestAt,
    get,
    fetchHeatpumps,
    fetchLatest,
    refresh,
    fetchOne,
    addHeatpump,
    updateHeatpump,
    removeHeatpump,
  }
})
