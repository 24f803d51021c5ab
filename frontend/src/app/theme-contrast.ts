import { darken, isVirtualColor, luminance, type CSSVariablesResolver, type MantineColorsTuple, type MantineTheme } from '@mantine/core'

/** WCAG 2.1 AA's minimum contrast for normal-size text (1.4.3). */
export const AA_TEXT_CONTRAST = 4.5

/** The WCAG contrast ratio of two opaque colours (1 to 21), whichever is lighter. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)]
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/**
 * The first of `candidates` (lightest first) that reads at AA on every one of `backgrounds`; when
 * none does, the last one darkened step by step until it does.
 */
export function legibleOn(candidates: readonly string[], backgrounds: readonly string[]): string {
  const reads = (color: string) => backgrounds.every((bg) => contrastRatio(color, bg) >= AA_TEXT_CONTRAST)
  const found = candidates.find(reads)
  if (found !== undefined) return found
  const darkest = candidates.at(-1) ?? '#000000'
  for (let step = 0.05; step < 1; step += 0.05) {
    const darker = darken(darkest, step)
    if (reads(darker)) return darker
  }
  return '#000000'
}

/** The shades pages name for text (c="red.7", "teal.8"): 7, 8 and 9. */
const TEXT_SHADES = [7, 8, 9] as const

/**
 * The palettes with their text shades (7 to 9) darkened where they would not read at AA on the
 * light surfaces (Mantine's red 7 is 3.8:1 on white, teal 7 3.0:1); each shade stays at least as
 * dark as the one before it, and shades 0 to 6 are left alone.
 */
export function withLegibleTextShades<Name extends string>(
  colors: Record<Name, MantineColorsTuple>,
  backgrounds: readonly string[],
): Record<Name, MantineColorsTuple> {
  const result = {} as Record<Name, MantineColorsTuple>
  for (const name of Object.keys(colors) as Name[]) {
    const shades: string[] = [...colors[name]]
    let previous: string | undefined
    for (const index of TEXT_SHADES) {
      const legible = legibleOn([shades[index] ?? '#000000'], backgrounds)
      shades[index] = previous !== undefined && luminance(previous) < luminance(legible) ? previous : legible
      previous = shades[index]
    }
    result[name] = shades as unknown as MantineColorsTuple
  }
  return result
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
  const onPage = surfaces(theme)
  let primaryText = ''
  let errorText = ''
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (isVirtualColor(shades)) continue
    const fromSix = shades.slice(6)
    const filled = legibleOn(fromSix, [theme.white])
    const text = legibleOn(fromSix, onPage)
    if (name === theme.primaryColor) primaryText = text
    if (name === 'red') errorText = text
    Object.assign(light, {
      // Filled buttons, badges, avatars: white text on the filled colour.
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.1),
      // Coloured text (c="red") and outlined controls on the page's surfaces.
      [`--mantine-color-${name}-text`]: text,
      [`--mantine-color-${name}-outline`]: text,
      // Light badges and buttons: the dark shade on the pale one (and on its hover shade).
      [`--mantine-color-${name}-light-color`]: legibleOn([shades[9]], [shades[1], shades[2]]),
    })
  }
  Object.assign(light, {
    '--mantine-color-dimmed': legibleOn(theme.colors.gray.slice(6), onPage),
    '--mantine-color-anchor': primaryText,
    '--mantine-color-error': errorText,
    '--mantine-primary-color-contrast': theme.white,
  })
  return { variables: {}, light, dark: {} }
}
