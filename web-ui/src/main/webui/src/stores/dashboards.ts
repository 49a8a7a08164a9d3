import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, type Dashboard } from '@/api'

/** Dashboards per pump (registry /api/dashboards, docs/contracts/dashboard.md). */
export const useDashboardsStore = defineStore('dashboards', () => {
  const byPump = ref<Record<string, Dashboard[]>>({})

  async function fetchFor(heatpumpId: string, signal?: AbortSignal): Promise<Dashboard[]> {
    const list = await api.dashboards.forHeatpump(heatpumpId, signal)
    byPump.value = { ...byPump.value, [heatpumpId]: list }
    return list
  }

  return { byPump, fetchFor }
})
