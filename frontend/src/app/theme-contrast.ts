import { darken, isVirtualColor, luminance, type CSSVariablesResolver, type MantineTheme } from '@mantine/core'

/** WCAG 2.1 AA's minimum contrast for normal-size text (1.4.3). */
export const AA_TEXT_CONTRAST = 4.5

/** The WCAG contrast ratio of two opaque colours (1 to 21), whichever is lighter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

/**
 * The first of `candidates` (lightest first) that reads at AA on every one of `backgrounds`; when
 * none does, the last one darkened step by step until it does.
 */
export function legibleOn(candidates: readonly string[], backgrounds: readonly string[]): string {
  const reads = (color: string) => backgrounds.every((bg) => contrastRatio(color, bg) >= AA_TEXT_CONTRAST)
  const found = candidates.find(reads)
  if (found) return found
  const darkest = candidates[candidates.length - 1]
  for (let step = 0.05; step < 1; step += 0.05) {
    const darker = darken(darkest, step)
    if (reads(darker)) return darker
  }
  return '#000000'
}

/** The light surfaces text sits on: the page, and the grey of striped and hovered table rows. */
function surfaces(theme: MantineTheme): string[] {
  return [theme.white, theme.colors.gray[0], theme.colors.gray[1]]
}

/**
 * Mantine's light-scheme colour variables, moved to shades that meet WCAG AA: Mantine's defaults put
 * white text on shade 6 (indigo 4.3:1, teal 2.6:1), grey-6 "dimmed" text on white (3.3:1), coloured
 * text in shade 6 (red 3.8:1) and light badges' shade 9 on shade 1 (teal 4.3:1, orange 3.6:1).
 * Every component reads these variables, so fixing them here fixes every page.
 */
export const accessibleColorsResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {}
  const text = (name: string) => light[`--mantine-color-${name}-text`]
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (isVirtualColor(shades)) continue
    const fromSix = shades.slice(6)
    const filled = legibleOn(fromSix, [theme.white])
    Object.assign(light, {
      // Filled buttons, badges, avatars: white text on the filled colour.
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.1),
      // Coloured text (c="red") and outlined controls on the page's surfaces.
      [`--mantine-color-${name}-text`]: legibleOn(fromSix, surfaces(theme)),
      [`--mantine-color-${name}-outline`]: legibleOn(fromSix, surfaces(theme)),
      // Light badges and buttons: the dark shade on the pale one.
      [`--mantine-color-${name}-light-color`]: legibleOn([shades[9]], [shades[1], shades[2]]),
    })
  }
  Object.assign(light, {
    '--mantine-color-dimmed': legibleOn(theme.colors.gray.slice(6), surfaces(theme)),
    '--mantine-color-anchor': text(theme.primaryColor),
    '--mantine-color-error': text('red'),
    '--mantine-primary-color-contrast': theme.white,
  })
  return { variables: {}, light, dark: {} }
}
