import { defineStore } from 'pinia'
import { ref } from 'vue'
import { pumpApi, type WatchedPump } from '@/api/pumps'

/**
 * What the anomaly service knows per pump (GET /api/anomalies/pumps). A failure leaves the last answer in place and
 * the cards show a neutral state: the overview never depends on this service.
 */
export const useAnomaliesStore = defineStore('anomalies', () => {
  const byPump = ref<Record<string, WatchedPump>>({})
  const loaded = ref(false)
  const failed = ref(false)

  async function fetch(): Promise<void> {
    try {
      const list = await pumpApi.anomalies()
      byPump.value = Object.fromEntries((Array.isArray(list) ? list : []).map((p) => [p.heatpump_id, p]))
      loaded.value = true
      failed.value = false
    } catch {
      failed.value = true
    }
  }

  return { byPump, loaded, failed, fetch }
})
