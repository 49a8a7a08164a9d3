import { onBeforeUnmount, onMounted, ref, shallowRef, type Ref } from 'vue'
import { ApiError } from '@/api'

/**
 * One list from the API with the states every page shows: loading (first load), error (kept next to stale data on a
 * reload), loaded. `reload()` aborts a call still running, so a slow old answer never overwrites a newer one.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, initial: T) {
  const data = shallowRef<T>(initial) as Ref<T>
  const loading = ref(false)
  const loaded = ref(false)
  const error = shallowRef<unknown>(null)
  let controller: AbortController | null = null

  async function reload(): Promise<void> {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    loading.value = true
    try {
      const value = await load(mine.signal)
      if (mine.signal.aborted) return
      data.value = value
      error.value = null
      loaded.value = true
    } catch (e) {
      if (mine.signal.aborted) return
      error.value = e instanceof ApiError ? e : new ApiError('network', 0, null, String(e))
    } finally {
      if (controller === mine) loading.value = false
    }
  }

  onMounted(() => void reload())
  onBeforeUnmount(() => controller?.abort())

  return { data, loading, loaded, error, reload }
}

/** The field errors of a failed save (problem+json `errors`), and the call's own message when no field is named. */
export function useSaveState() {
  const saving = ref(false)
  const error = shallowRef<unknown>(null)
  const fieldErrors = ref<Record<string, string>>({})

  async function run<R>(action: () => Promise<R>): Promise<R | undefined> {
    saving.value = true
    error.value = null
    fieldErrors.value = {}
    try {
      return await action()
    } catch (e) {
      error.value = e
      if (e instanceof ApiError) fieldErrors.value = e.fieldErrors
      return undefined
    } finally {
      saving.value = false
    }
  }

  function reset(): void {
    error.value = null
    fieldErrors.value = {}
  }

  return { saving, error, fieldErrors, run, reset }
}

/**
 * A delete (or revoke) behind a confirm dialog: `ask(item)` opens it, `confirm()` runs `remove(item)` and on success
 * closes it and reloads the list; a failure stays in `error`, shown in the dialog.
 */
export function useDeletion<T>(remove: (item: T) => Promise<unknown>, reload: () => Promise<void>) {
  const target = ref(null) as Ref<T | null>
  const state = useSaveState()

  function ask(item: T): void {
    target.value = item
    state.reset()
  }

  async function confirm(): Promise<void> {
    const item = target.value
    if (item === null) return
    const done = await state.run(async () => {
      await remove(item)
      return true
    })
    if (done) {
      target.value = null
      await reload()
    }
  }

  function cancel(): void {
    target.value = null
  }

  return { target, saving: state.saving, error: state.error, ask, confirm, cancel }
}

export type Deletion<T> = ReturnType<typeof useDeletion<T>>
