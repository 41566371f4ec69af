import { useTranslation } from 'react-i18next'
import type { PaymentTriggerEvent } from '../../../gql/graphql'

type Trigger = {
  event: PaymentTriggerEvent
  offsetDays: number
  stage?: { position: number } | null
}

/** "On signing", "30 days after acceptance of stage 2". */
export function TriggerText({ trigger }: { trigger: Trigger }) {
  const { t } = useTranslation('billing')
  const event = t(`eventPhrase.${trigger.event}`, { stage: trigger.stage?.position ?? '?' })
  return (
    <span>
      {trigger.offsetDays > 0
        ? t('trigger.after', { count: trigger.offsetDays, event })
        : t('trigger.on', { event })}
    </span>
  )
}
