import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import classes from './skip-link.module.css'

/** The id of the element the skip link jumps to: the page's main region. */
export const MAIN_CONTENT_ID = 'main-content'

/** The class that the skip target (focusable with tabIndex -1) carries so it shows no focus ring. */
export const skipTargetClass = classes.target

/**
 * "Skip to content": the first thing the keyboard reaches on every signed-in page, hidden until
 * focused; it moves the focus past the header and navigation to the page itself (WCAG 2.4.1).
 */
export function SkipLink() {
  const { t } = useTranslation()
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    // Focus, not a hash change: the URL (and the router's state) stay as they are.
    event.preventDefault()
    document.getElementById(MAIN_CONTENT_ID)?.focus()
  }
  return (
    <a href={`#${MAIN_CONTENT_ID}`} className={classes.link} onClick={skip}>
      {t('shell.skipToContent')}
    </a>
  )
}
