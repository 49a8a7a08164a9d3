import { onBeforeUnmount, ref } from 'vue'
import { ApiError, type SensorValueType } from '@/api'
import { pumpApi, type CommandView } from '@/api/pumps'

/** How often and how long a write's outcome is asked for; tests shorten these. */
export const commandPolling = { intervalMs: 1000, timeoutMs: 90_000 }

export type WriteState =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'pending'; command: CommandView }
  | { state: 'done'; command: CommandView }
  | { state: 'timeout'; command: CommandView }
  | { state: 'invalid'; error: ApiError }
  | { state: 'error'; error: unknown }

/**
 * One write and its outcome: POST /api/control/{id} (202, outcome pending), then GET …/commands/{commandId} until the
 * poller answered (written_verified, written_not_verified, rejected with a reason, failed) or the time is up.
 */
export function useCommand(heatpumpId: () => string) {
  const status = ref<WriteState>({ state: 'idle' })
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let generation = 0

  function stop() {
    clearTimeout(timer)
  }

  async function send(sensor: string, value: SensorValueType): Promise<void> {
    stop()
    const mine = ++generation
    status.value = { state: 'sending' }
    let command: CommandView
    try {
      command = await pumpApi.control.write(heatpumpId(), sensor, value)
    } catch (e) {
      if (mine !== generation) return
      status.value = e instanceof ApiError && e.status === 400 ? { state: 'invalid', error: e } : { state: 'error', error: e }
      return
    }
    if (mine !== generation) return
    const deadline = Date.now() + commandPolling.timeoutMs
    const settle = (c: CommandView) => {
      if (c.outcome !== 'pending') status.value = { state: 'done', command: c }
      else if (Date.now() >= deadline) status.value = { state: 'timeout', command: c }
      else {
        status.value = { state: 'pending', command: c }
        timer = setTimeout(poll, commandPolling.intervalMs)
      }
    }
    const poll = async () => {
      if (stopped || mine !== generation) return
      try {
        const c = await pumpApi.control.command(heatpumpId(), command.command_id)
        if (!stopped && mine === generation) settle(c)
      } catch {
        // a failed look-up (network, restart) is retried until the deadline
        if (!stopped && mine === generation) settle(command)
      }
    }
    settle(command)
  }

  function reset() {
    stop()
    generation++
    status.value = { state: 'idle' }
  }

  onBeforeUnmount(() => {
    stopped = true
    stop()
  })

  return { status, send, reset }
}
