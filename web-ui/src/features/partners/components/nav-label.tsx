import { useTranslation } from 'react-i18next'

/** The text of a channel entry in the main navigation. */
export function ChannelNavLabel({ area }: { area: 'partners' | 'tiers' }) {
  const { t } = useTranslation('partners')
  return <>{t(`nav.${area}`)}</>
}
