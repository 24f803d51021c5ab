import { createTheme, DEFAULT_THEME, TableScrollContainer } from '@mantine/core'
import { withLegibleTextShades } from './theme-contrast'

const { gray } = DEFAULT_THEME.colors

/**
 * Summit's Mantine theme; one place for colours and type as the screens grow. The palettes' text
 * shades are darkened where needed so that coloured text reads at WCAG AA on the page and on
 * striped rows; `accessibleColorsResolver` does the same for the variables components read.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  colors: withLegibleTextShades(DEFAULT_THEME.colors, [DEFAULT_THEME.white, gray[0], gray[1]]),
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  components: {
    // A wide table scrolls sideways (on a phone, most do): its scroll area takes the keyboard
    // focus so that it can be scrolled without a mouse (WCAG 2.1.1).
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
})
