import { NumberInput } from '@mantine/core'
import { useState } from 'react'

/**
 * A whole-percent bound (0–100) for a list filter, sent when the user leaves the box or presses
 * Enter rather than on every keystroke. Key it by `value` so a URL change (back, clear) shows.
 */
export function PercentFilter({ label, value, onChange, w }: { label: string; value: number | undefined; onChange: (value: number | undefined) => void; w?: number }) {
  const [typed, setTyped] = useState<number | string>(value ?? '')
  const commit = () => {
    const next = typed === '' ? undefined : Math.round(Number(typed))
    if (next !== value) onChange(next)
  }
  return (
    <NumberInput
      label={label}
      min={0}
      max={100}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="strict"
      suffix=" %"
      w={w}
      value={typed}
      onChange={setTyped}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit()
      }}
    />
  )
}
