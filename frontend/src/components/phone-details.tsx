import { Button, Collapse, useMantineTheme } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import classes from './phone.module.css'

/** The class of text a phone hides from sight but keeps in its control's accessible name. */
export const phoneHiddenText = classes.visuallyHidden

/** True on a screen narrower than the theme's `sm` breakpoint (a phone), where the navigation folds away too. */
export function usePhone(): boolean {
  const theme = useMantineTheme()
  return useMediaQuery(`(max-width: calc(${theme.breakpoints.sm} - 0.0625em))`, false, { getInitialValueInEffect: false }) ?? false
}

/**
 * Secondary details that a phone folds away behind "Show details", so the first screen shows what
 * the page is about and its controls; wider screens show them as they are.
 */
export function PhoneDetails({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const phone = usePhone()
  const [opened, { toggle }] = useDisclosure(false)
  const id = useId()
  if (!phone) return children
  return (
    <>
      <Button variant="subtle" size="compact-sm" px={0} onClick={toggle} aria-expanded={opened} aria-controls={id} style={{ alignSelf: 'flex-start' }}>
        {opened ? t('shell.hideDetails') : t('shell.showDetails')}
      </Button>
      <Collapse expanded={opened} id={id}>
        {children}
      </Collapse>
    </>
  )
}
