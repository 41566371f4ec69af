import { useTranslation } from 'react-i18next'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import { formatPercent } from '../../../lib/format'
import { formatAmount } from '../../../lib/money'
import { progressToNextBand } from '../utils/period'

const PerformanceRowFields = graphql(`
  fragment PerformanceRowFields on PartnerPerformanceRow {
    partner {
      id
      name
    }
    sales {
      amount
      currency
    }
    orders
    registrationsSubmitted
    registrationsApproved
    registrationsRejected
    registrationsConverted
    rebate {
      agreement {
        id
        currency
      }
      volume {
        amount
        currency
      }
      currentBand {
        percent
        threshold {
          amount
          currency
        }
      }
      accrued {
        amount
        currency
      }
      nextBand {
        percent
        threshold {
          amount
          currency
        }
      }
      neededForNextBand {
        amount
        currency
      }
    }
  }
`)

/**
 * This year's rebate per partner against its bands: a progress bar towards the next band with the
 * volume, the band reached and what it accrued, and what is still needed for the next band.
 */
export function RebateProgressList({
  rows: refs,
  showPartner,
}: {
  rows: readonly FragmentType<typeof PerformanceRowFields>[]
  showPartner: boolean
}) {
  const { t, i18n } = useTranslation('performance')
  const lang = i18n.language
  const rows = useFragment(PerformanceRowFields, refs).filter((row) => row.rebate)
  if (rows.length === 0) return <p className="muted">{t('rebate.none')}</p>
  return (
    <ul className="rebate-list">
      {rows.map((row, index) => {
        const rebate = row.rebate
        if (!rebate) return null
        const progress = progressToNextBand(rebate)
        const name = row.partner?.name ?? ''
        return (
          <li key={row.partner?.id ?? index} className="rebate-row">
            {showPartner ? <p className="rebate-partner">{name}</p> : null}
            <div
              className="progress"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={progress}
              aria-label={t('rebate.progressLabel', { name })}
            >
              <span className="progress-bar" style={{ width: `${progress}%` }} />
            </div>
            <p className="rebate-facts">
              {t('rebate.volume', { volume: formatAmount(rebate.volume, lang) })}
              {' · '}
              {rebate.currentBand
                ? t('rebate.band', {
                    percent: formatPercent(rebate.currentBand.percent, lang),
                    accrued: formatAmount(rebate.accrued, lang),
                  })
                : t('rebate.belowFirst')}
            </p>
            <p className="rebate-next">
              {rebate.nextBand && rebate.neededForNextBand
                ? t('rebate.needed', {
                    needed: formatAmount(rebate.neededForNextBand, lang),
                    percent: formatPercent(rebate.nextBand.percent, lang),
                  })
                : t('rebate.top')}
            </p>
          </li>
        )
      })}
    </ul>
  )
}
