import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core'
import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AppProviders } from './providers'
import { theme } from './theme'
import { AA_TEXT_CONTRAST, accessibleColorsResolver, contrastRatio, legibleOn, withLegibleTextShades } from './theme-contrast'

const summit = mergeMantineTheme(DEFAULT_THEME, theme)
const variables = accessibleColorsResolver(summit).light as Record<string, string>
/** One of the resolver's light-scheme variables; a missing one fails the test that reads it. */
function variable(name: string): string {
  const value = variables[name]
  if (value === undefined) throw new Error(`the resolver sets no ${name}`)
  return value
}
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
  ['dimmed text on the page', variable('--mantine-color-dimmed'), WHITE],
  ['dimmed text on a striped row', variable('--mantine-color-dimmed'), gray[0]],
  ['dimmed text on a hovered row', variable('--mantine-color-dimmed'), gray[1]],
  ['a link on the page', variable('--mantine-color-anchor'), WHITE],
  ['a link on a striped row', variable('--mantine-color-anchor'), gray[0]],
  ['an error message', variable('--mantine-color-error'), WHITE],
  ['the primary button', WHITE, variable('--mantine-color-indigo-filled')],
  ...Object.keys(summit.colors).flatMap((name): [string, string, string][] => [
    [`white on a filled ${name} badge`, WHITE, variable(`--mantine-color-${name}-filled`)],
    [`${name} text on the page`, variable(`--mantine-color-${name}-text`), WHITE],
    [`${name} text on a striped row`, variable(`--mantine-color-${name}-text`), gray[0]],
    [`an outlined ${name} control`, variable(`--mantine-color-${name}-outline`), WHITE],
    [`a light ${name} badge`, variable(`--mantine-color-${name}-light-color`), summit.colors[name]![1]],
  ]),
]

describe('the theme\'s palettes', () => {
  const surfaces = [WHITE, gray[0], gray[1]]
  const named = Object.entries(summit.colors).flatMap(([name, shades]) => [7, 8, 9].map((shade): [string, string] => [`${name}.${shade}`, shades[shade]!]))

  it.each(named)('%s (as in c="red.7") reads at WCAG AA on the page and on striped rows', (_, color) => {
    for (const surface of surfaces) expect(contrastRatio(color, surface)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST)
  })

  it('changes only the text shades that did not read, and keeps them in order', () => {
    const red = withLegibleTextShades({ red: DEFAULT_THEME.colors.red }, surfaces).red
    expect(red.slice(0, 7)).toEqual(DEFAULT_THEME.colors.red.slice(0, 7))
    expect(red[7]).not.toBe(DEFAULT_THEME.colors.red[7]) // #f03e3e, 3.8:1 on white
    expect(red[9]).toBe(DEFAULT_THEME.colors.red[9]) // #c92a2a already reads
    const gray9 = withLegibleTextShades({ gray: DEFAULT_THEME.colors.gray }, surfaces).gray
    expect(gray9).toEqual(DEFAULT_THEME.colors.gray)
  })
})

describe('accessibleColorsResolver', () => {
  it.each(pairs)('%s reads at WCAG AA (4.5:1)', (_, text, background) => {
    expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST)
  })

  it('keeps to the theme\'s own shades where one reads (red text stays red, not black)', () => {
    expect(summit.colors.red).toContain(variable('--mantine-color-red-text'))
    expect(variable('--mantine-color-indigo-filled')).toBe(summit.colors.indigo[7])
    expect(variable('--mantine-color-dimmed')).toBe(gray[7])
  })

  it('is the one the app renders with', () => {
    render(<AppProviders env="test">app</AppProviders>)
    const css = [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n')
    expect(css).toContain(`--mantine-color-dimmed: ${gray[7]}`)
  })
})
