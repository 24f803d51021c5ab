import type { en } from './en'

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/** The shape of one language's strings: the English keys, each holding any string. */
export type Messages = Widen<typeof en>
