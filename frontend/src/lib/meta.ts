import { useQuery } from '@tanstack/react-query'
import { api } from './api-client'

/** The part of `GET /meta` the period filter needs. */
interface Meta {
  /** 1 = January; fiscal quarters count from this month. */
  fiscal_year_start_month: number
}

/** The month fiscal years start in; January until the server has said otherwise. */
export function useFiscalStartMonth(): number {
  const meta = useQuery({ queryKey: ['meta'], queryFn: ({ signal }) => api.get<Meta>('/meta', { signal }), staleTime: Infinity })
  return meta.data?.fiscal_year_start_month ?? 1
}
