import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { notifications } from '@mantine/notifications'
import { afterEach, beforeEach } from 'vitest'
import i18n from '../i18n'

// findBy*/waitFor wait up to 20 s: on a busy 2-core machine a render can take seconds (one took
// over 10 s with seven test suites sharing the 2 cores); a test still ends within its 30 s.
configure({ asyncUtilTimeout: 20_000 })

// jsdom lacks the layout APIs Mantine reads; these stand-ins report "no match" and "no size".
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
})
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = NoResizeObserver
Element.prototype.scrollIntoView = () => {}

// Every test starts in English with nothing remembered.
beforeEach(async () => {
  localStorage.clear()
  await i18n.changeLanguage('en')
})

afterEach(() => {
  cleanup()
  // The notifications store outlives a render: start each test without the last one's.
  notifications.clean()
})
