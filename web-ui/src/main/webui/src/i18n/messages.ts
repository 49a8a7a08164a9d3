import type de from './de'

/** The shape of a message catalogue: German's keys, every leaf a string. */
type Stringify<T> = { [K in keyof T]: T[K] extends string ? string : Stringify<T[K]> }
export type Messages = Stringify<typeof de>

/** Every key of the catalogue as a dotted path, e.g. `wizard.steps.model`. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]
export type MessageKey = Leaves<Messages>
