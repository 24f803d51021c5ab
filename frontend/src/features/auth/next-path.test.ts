import { describe, expect, it } from 'vitest'
import { safeNextPath, signInPath } from './next-path'

describe('safeNextPath', () => {
  it.each([
    ['/admin/users?q=li', '/admin/users?q=li'],
    [null, '/board'],
    ['', '/board'],
    ['https://evil.example/', '/board'],
    ['//evil.example/x', '/board'],
    ['/\\evil.example', '/board'],
    ['/sign-in?next=/x', '/board'],
  ])('%j → %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected)
  })
})

describe('signInPath', () => {
  it('carries the page to come back to', () => {
    expect(signInPath('/admin/users?active=true')).toBe('/sign-in?next=%2Fadmin%2Fusers%3Factive%3Dtrue')
  })
})
