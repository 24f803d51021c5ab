import { expect, type APIRequestContext } from '@playwright/test'

// Set-up through the API for the end-to-end specs, as the signed-in demo user of `request`.

const API = '/api/v1'

/** The demo accounts the specs sign in with. */
export const PASSWORD = 'summit-demo-2026'
export const PMO = { email: 'pmo@summit.example', password: PASSWORD }
export const AM = { email: 'am@summit.example', password: PASSWORD }

/** The signed-in session's CSRF token, sent on every unsafe API call made with `page.request`. */
export async function csrfToken(request: APIRequestContext): Promise<string> {
  const me = await request.get(`${API}/me`)
  expect(me.ok()).toBe(true)
  return (await me.json()).csrf_token as string
}

/** The id of the user with `email`. */
export async function userId(request: APIRequestContext, email: string): Promise<string> {
  const users = (await (await request.get(`${API}/users?q=${encodeURIComponent(email)}`)).json()).items as { id: string; email: string }[]
  return users.find((u) => u.email === email)!.id
}

/** Creates an open G2B deal named `name` for the pmo's team ("North China"), its plan from the built-in template. */
export async function createG2BDeal(request: APIRequestContext, name: string): Promise<string> {
  const headers = { 'X-CSRF-Token': await csrfToken(request) }
  const customers = (await (await request.get(`${API}/customers?limit=100`)).json()).items as { id: string; kind: string }[]
  const teams = (await (await request.get(`${API}/teams`)).json()).items as { id: string; name: string }[]
  const templates = (await (await request.get(`${API}/templates`)).json()).items as { id: string; key: string | null }[]
  const created = await request.post(`${API}/deals`, {
    headers,
    data: {
      name,
      customer_id: customers.find((c) => c.kind === 'government')!.id,
      segment: 'g2b',
      team_id: teams.find((t) => t.name === 'North China')!.id,
      amount_minor: 3_000_000_00,
      currency: 'CNY',
      target_close_date: '2028-06-30',
      template_id: templates.find((t) => t.key === 'g2b')!.id,
    },
  })
  expect(created.status()).toBe(201)
  return (await created.json()).id as string
}

/** Adds users to the deal team (PUT /deals/{id}/team with the deal's version), keeping who is there. */
export async function addToDealTeam(request: APIRequestContext, dealId: string, members: { email: string; role: string }[]): Promise<void> {
  const headers = { 'X-CSRF-Token': await csrfToken(request) }
  const deal = await (await request.get(`${API}/deals/${dealId}`)).json()
  const team = [...deal.team]
  for (const m of members) team.push({ user_id: await userId(request, m.email), role: m.role })
  const put = await request.put(`${API}/deals/${dealId}/team`, { headers: { ...headers, 'If-Match': `"${deal.version}"` }, data: team })
  expect(put.status()).toBe(200)
}
