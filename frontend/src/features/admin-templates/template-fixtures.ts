import { adminSession } from '../../test/fixtures'
import type { Session } from '../../lib/session'
import type { Template, TemplateMilestone } from './api/templates'

/** The demo admin with the templates permissions the server grants admins. */
export const templatesAdmin: Session = {
  ...adminSession,
  permissions: [...adminSession.permissions, 'templates:read', 'templates:write'],
}

function step(name: string, name_zh: string, overrides: Partial<TemplateMilestone> = {}): TemplateMilestone {
  return { name, name_zh, owner_role: 'business', weight: 10, gate: false, duration_days: 5, depends_on: [], ...overrides }
}

/** A built-in template of four steps: Design and Budget follow Kick-off, Tender follows Design. */
export const builtinTemplate: Template = {
  id: 'tpl-g2b',
  key: 'g2b',
  builtin: true,
  name: 'G2B public procurement',
  name_zh: '政府采购',
  segment: 'g2b',
  version: 4,
  confidence_params: {},
  milestones: [
    step('Kick-off', '启动', { key: 'kick_off', owner_role: 'pmo', gate: true, exit_criteria: 'Team named' }),
    step('Design', '方案设计', { owner_role: 'solution', weight: 30, depends_on: [0] }),
    step('Budget', '预算', { weight: 20 }),
    step('Tender', '招标', { key: 'contract_signed', weight: 40, gate: true, duration_days: 15, depends_on: [1] }),
  ],
}

/** A template an admin made, which may be deleted. */
export const customTemplate: Template = {
  id: 'tpl-custom',
  key: null,
  builtin: false,
  name: 'Framework call-off',
  name_zh: '框架协议采购',
  segment: 'key_account',
  version: 2,
  confidence_params: {},
  milestones: [step('Call-off', '下单', { weight: 100 })],
}
