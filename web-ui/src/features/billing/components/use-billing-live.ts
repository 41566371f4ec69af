import { useLiveSubscription } from '../../../hooks/use-live-subscription'
import { BillingEventsSubscription } from '../api/billing'
import { isBillingEvent } from '../utils/events'

/**
 * Calls `reload` when a payment, a plan or a planned payment of the customer changes (and after
 * a reconnect, when changes may have been missed).
 */
export function useBillingLive(customerId: string | undefined, reload: () => void) {
  useLiveSubscription(
    BillingEventsSubscription,
    { customerId: customerId ?? '' },
    (data) => {
      if (isBillingEvent(String(data.customerEvents.type))) reload()
    },
    { pause: !customerId, onResync: reload },
  )
}
