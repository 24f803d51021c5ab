import { describe, expect, it } from 'vitest'

// Features do not import each other; what two features share goes to src/components or src/lib.
const sources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx'], { query: '?raw', import: 'default', eager: true })

/** The feature folder a path like `./audit/api/audit.ts` belongs to. */
function featureOf(path: string): string | undefined {
  const match = /^\.\/([^/]+)\//.exec(path)
  return match?.[1]
}

/** Resolves a relative import against the importing file, both relative to this folder. */
function resolveFrom(file: string, spec: string): string {
  const parts = file.split('/').slice(0, -1)
  for (const segment of spec.split('/')) {
    if (segment === '..') parts.pop()
    else if (segment !== '.') parts.push(segment)
  }
  return parts.join('/')
}

describe('feature boundaries', () => {
  it('finds the feature sources', () => {
    expect(Object.keys(sources)).toContain('./auth/api/login.ts')
  })

  it('no feature imports another feature', () => {
    const crossings: string[] = []
    for (const [file, text] of Object.entries(sources)) {
      for (const [, spec] of text.matchAll(/from '(\.[^']+)'/g)) {
        const target = resolveFrom(file, spec!)
        // Leaving the features folder (../../lib, ../../../components) is always fine.
        if (!target.startsWith('./')) continue
        const other = featureOf(`${target}/`)
        if (other !== featureOf(file)) crossings.push(`${file} → ${spec}`)
      }
    }
    expect(crossings).toEqual([])
  })
})
