import type { Segment } from '../../../lib/deals'
import { toMinorUnits } from '../../../lib/money'
import { todayIso } from '../../../lib/periods'
import type { CustomerKind, NewCustomer } from '../api/customers'
import type { NewDeal } from '../api/deal-mutations'

/** What the new-deal form holds; the amount is in major units, as people type it. */
export interface NewDealValues {
  name: string
  /** Pick an existing customer, or make a new one while creating the deal. */
  customer_mode: 'existing' | 'new'
  customer_id: string | null
  new_customer: { name: string; kind: CustomerKind; region: string; industry: string }
  segment: Segment
  team_id: string | null
  amount: number | string
  currency: string
  target_close_date: string
  template_id: string | null
  start_date: string
}

/** An empty form: CNY, government segment, plan starting today. */
export function emptyNewDeal(teamId: string | null): NewDealValues {
  return {
    name: '',
    customer_mode: 'existing',
    customer_id: null,
    new_customer: { name: '', kind: 'government', region: '', industry: '' },
    segment: 'g2b',
    team_id: teamId,
    amount: '',
    currency: 'CNY',
    target_close_date: '',
    template_id: null,
    start_date: todayIso(),
  }
}

/** The API's field names that the form shows under another input. */
export const NEW_DEAL_FIELD_NAMES = { amount_minor: 'amount' }

/** The API's customer field names, shown under the inline new-customer inputs. */
export const NEW_CUSTOMER_FIELD_NAMES = {
  name: 'new_customer.name',
  kind: 'new_customer.kind',
  region: 'new_customer.region',
  industry: 'new_customer.industry',
}

/** The `POST /customers` body of the inline customer. */
export function toNewCustomer(values: NewDealValues): NewCustomer {
  const c = values.new_customer
  return { name: c.name.trim(), kind: c.kind, region: c.region.trim(), industry: c.industry.trim() }
}

/** The `POST /deals` body; `customerId` is the chosen or just-created customer. */
export function toNewDeal(values: NewDealValues, customerId: string): NewDeal {
  return {
    name: values.name.trim(),
    customer_id: customerId,
    segment: values.segment,
    team_id: values.team_id ?? '',
    amount_minor: toMinorUnits(values.amount, values.currency) ?? 0,
    currency: values.currency,
    target_close_date: values.target_close_date,
    template_id: values.template_id,
    start_date: values.template_id ? values.start_date || null : null,
  }
}
