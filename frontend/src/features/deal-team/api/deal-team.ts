import { useMutation, useQueryClient } from '@tanstack/react-query'
import i18n from '../../../i18n'
import { api } from '../../../lib/api-client'
import { dealQueryKey, refreshSavedDeal, type Deal, type DealMember } from '../../../lib/deals'
import { notifySaved } from '../../../lib/notify'

/**
 * `PUT /deals/{id}/team` with the deal's version: the team becomes exactly `members`. On success
 * the deal (whose version moved), its activity and the lists are refreshed.
 */
export function useSetDealTeam() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ deal, members }: { deal: Deal; members: DealMember[] }) =>
      api.put<Deal>(`/deals/${encodeURIComponent(deal.id)}/team`, members, { ifMatch: deal.version }),
    onSuccess: (saved) => {
      notifySaved(i18n.t('feedback.dealTeamSaved'))
      return refreshSavedDeal(queryClient, saved)
    },
  })
}

/** Fetches the deal again after a 412, so saving the kept edits is based on its current version. */
export function useReloadDeal(id: string) {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: dealQueryKey(id) })
}
