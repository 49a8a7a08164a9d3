import { onBeforeUnmount, onMounted, ref } from 'vue'

/**
 * Runs `task` now and then every `intervalMs` while the component lives; skips turns while the tab is hidden and
 * catches up when it becomes visible again. One run at a time.
 */
export function usePolling(task: () => Promise<unknown>, intervalMs: number) {
  let timer: ReturnType<typeof setInterval> | undefined
  const running = ref(false)

  async function run() {
    if (running.value) return
    running.value = true
    try {
      await task()
    } finally {
      running.value = false
    }
  }

  function onVisibility() {
    if (document.visibilityState === 'visible') void run()
  }

  onMounted(() => {
    void run()
    timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void run()
    }, intervalMs)
    document.addEventListener('visibilitychange', onVisibility)
  })
  onBeforeUnmount(() => {
    clearInterval(timer)
    document.removeEventListener('visibilitychange', onVisibility)
  })
  return { run, running }
}

/** The current time, refreshed every `intervalMs`, for "5 s ago" texts. */
export function useNow(intervalMs = 5000) {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    timer = setInterval(() => (now.value = Date.now()), intervalMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
