import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core'
import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AppProviders } from './providers'
import { theme } from './theme'
import { AA_TEXT_CONTRAST, accessibleColorsResolver, contrastRatio, legibleOn } from './theme-contrast'

const summit = mergeMantineTheme(DEFAULT_THEME, theme)
const light = accessibleColorsResolver(summit).light as Record<string, string>
const WHITE = '#ffffff'
const { gray } = summit.colors

describe('contrastRatio', () => {
  it.each([
    ['black on white', '#000000', WHITE, 21],
    ['white on white', WHITE, WHITE, 1],
    ["Mantine's dimmed grey on white", '#868e96', WHITE, 3.32],
    ['white on indigo 6', WHITE, '#4c6ef5', 4.32],
  ])('%s is %s:1', (_, a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1)
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 1)
  })
})

describe('legibleOn', () => {
  it('picks the lightest candidate that reads on every background', () => {
    expect(legibleOn(gray.slice(6), [WHITE])).toBe(gray[7])
  })

  it('darkens the darkest candidate when none reads', () => {
    const color = legibleOn(['#ffd43b'], [WHITE])
    expect(contrastRatio(color, WHITE)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST)
  })
})

// Every text/background pair the theme's colour variables produce, as axe measures them.
const pairs: [string, string, string][] = [
  ['dimmed text on the page', light['--mantine-color-dimmed'], WHITE],
  ['dimmed text on a striped row', light['--mantine-color-dimmed'], gray[0]],
  ['dimmed text on a hovered row', light['--mantine-color-dimmed'], gray[1]],
  ['a link on the page', light['--mantine-color-anchor'], WHITE],
  ['a link on a striped row', light['--mantine-color-anchor'], gray[0]],
  ['an error message', light['--mantine-color-error'], WHITE],
  ['the primary button', WHITE, light['--mantine-color-indigo-filled']],
  ...Object.keys(summit.colors).flatMap((name): [string, string, string][] => [
    [`white on a filled ${name} badge`, WHITE, light[`--mantine-color-${name}-filled`]],
    [`${name} text on the page`, light[`--mantine-color-${name}-text`], WHITE],
    [`${name} text on a striped row`, light[`--mantine-color-${name}-text`], gray[0]],
    [`an outlined ${name} control`, light[`--mantine-color-${name}-outline`], WHITE],
    [`a light ${name} badge`, light[`--mantine-color-${name}-light-color`], summit.colors[name][1]],
  ]),
]

describe('accessibleColorsResolver', () => {
  it.each(pairs)('%s reads at WCAG AA (4.5:1)', (_, text, background) => {
    expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST)
  })

  it('keeps to the theme\'s own shades where one reads (red text stays red, not black)', () => {
    expect(light['--mantine-color-red-text']).toBe(summit.colors.red[9])
    expect(light['--mantine-color-indigo-filled']).toBe(summit.colors.indigo[7])
    expect(light['--mantine-color-dimmed']).toBe(gray[7])
  })

  it('is the one the app renders with', () => {
    render(<AppProviders env="test">app</AppProviders>)
    const css = [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n')
    expect(css).toContain(`--mantine-color-dimmed: ${gray[7]}`)
  })
})
