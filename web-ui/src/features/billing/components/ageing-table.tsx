import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import { formatAmount } from '../../../lib/money'
import { BANDS } from '../utils/collections'

const AgeingRowFields = graphql(`
  fragment AgeingRowFields on AgeingRow {
    currency
    notDue {
      amount
      currency
    }
    days1to30 {
      amount
      currency
    }
    days31to60 {
      amount
      currency
    }
    days61to90 {
      amount
      currency
    }
    over90 {
      amount
      currency
    }
    total {
      amount
      currency
    }
  }
`)

/**
 * Open amounts by age band, one row per name and currency (a customer owing in two currencies
 * has two rows: amounts are never added across currencies).
 */
export function AgeingTable({
  caption,
  nameHeader,
  rows,
}: {
  caption: string
  nameHeader: string
  rows: readonly { key: string; name: ReactNode; ageing: FragmentType<typeof AgeingRowFields> }[]
}) {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col">{t('collections.currency')}</th>
            {BANDS.map((band) => (
              <th key={band} scope="col" className="num">
                {t(`collections.band.${band}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('collections.band.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <AgeingTableRow key={row.key} name={row.name} ageing={row.ageing} lang={lang} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function AgeingTableRow({
  name,
  ageing,
  lang,
}: {
  name: ReactNode
  ageing: FragmentType<typeof AgeingRowFields>
  lang: string
}) {
  const row = useFragment(AgeingRowFields, ageing)
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{row.currency}</td>
      {BANDS.map((band) => (
        <td key={band} className="num">
          {formatAmount(row[band], lang)}
        </td>
      ))}
      <td className="num">
        <strong>{formatAmount(row.total, lang)}</strong>
      </td>
    </tr>
  )
}
