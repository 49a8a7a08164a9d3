import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, ApiError, type Manufacturer, type ModelSetup } from '@/api'

/** The model catalogue (registry copy of heatpump.catalogue): makers, models, and each model's setup data. */
export const useCatalogueStore = defineStore('catalogue', () => {
  const manufacturers = ref<Manufacturer[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)
  const setups = ref<Record<string, ModelSetup>>({})

  async function fetchManufacturers(force = false): Promise<void> {
    if (loaded.value && !force) return
    loading.value = true
    try {
      manufacturers.value = await api.catalogue.manufacturers()
      loaded.value = true
      error.value = null
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError('network', 0, null, String(e))
    } finally {
      loading.value = false
    }
  }

  async function fetchSetup(manufacturer: string, model: string): Promise<ModelSetup> {
    const key = `${manufacturer}/${model}`
    if (!setups.value[key]) {
      setups.value = { ...setups.value, [key]: await api.catalogue.setup(manufacturer, model) }
    }
    return setups.value[key]
  }

  function manufacturerName(id: string): string {
    return manufacturers.value.find((m) => m.id === id)?.name ?? id
  }

  function modelName(manufacturer: string, model: string): string {
    return manufacturers.value.find((m) => m.id === manufacturer)?.models.find((m) => m.id === model)?.display_name ?? model
  }

  return { manufacturers, loaded, loading, error, setups, fetchManufacturers, fetchSetup, manufacturerName, modelName }
})
