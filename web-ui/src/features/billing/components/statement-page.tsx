import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useQuery } from 'urql'
import { DateField } from '../../../components/date-field'
import { SelectField } from '../../../components/form-field'
import { Detail, DetailList } from '../../../components/detail-list'
import { EmptyState, Loading, QueryError } from '../../../components/status'
import { saveDocument } from '../../../lib/documents'
import { formatDate } from '../../../lib/format'
import { FORM_CURRENCIES, formatAmount, todayIso } from '../../../lib/money'
import { CustomerStatementQuery } from '../api/billing'
import { statementPdfPath } from '../utils/documents'
import '../billing.css'

/**
 * /customers/:id/statement: the customer's statement for a period in one currency (opening
 * balance, each invoice, planned payment, payment and refund with the running balance, totals)
 * and "Download PDF" of the same, fetched with the user's token.
 */
export function CustomerStatementPage({ accessToken }: { accessToken: string | undefined }) {
  const { t, i18n } = useTranslation('billing')
  const lang = i18n.language
  const customerId = useParams().id ?? ''
  const today = todayIso()
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`)
  const [to, setTo] = useState(today)
  const [currency, setCurrency] = useState<string>('EUR')
  const [downloading, setDownloading] = useState(false)
  const [downloadFailed, setDownloadFailed] = useState(false)
  const validPeriod = Boolean(from && to && from <= to)
  const [query, reexecute] = useQuery({
    query: CustomerStatementQuery,
    variables: { customerId, from, to, currency },
    pause: !validPeriod,
  })
  const statement = query.data?.customerStatement
  const customerName = query.data?.customer?.name ?? ''

  const download = async () => {
    setDownloading(true)
    setDownloadFailed(false)
    try {
      await saveDocument(
        statementPdfPath(customerId, { from, to, currency, lang }),
        accessToken,
        `statement-${from}-${to}-${currency}.pdf`,
      )
    } catch {
      setDownloadFailed(true)
    } finally {
      setDownloading(false)
    }
  }

  return (
    <article className="page" aria-labelledby="statement-title">
      <p className="breadcrumb">
        <Link to={`/customers/${encodeURIComponent(customerId)}`}>← {t('statement.back')}</Link>
      </p>
      <header className="page-header">
        <h1 id="statement-title">{t('statement.title', { customer: customerName })}</h1>
        <div className="page-actions">
          <button
            type="button"
            className="button"
            disabled={!validPeriod || downloading}
            aria-busy={downloading}
            onClick={() => void download()}
          >
            {downloading ? t('statement.downloading') : t('statement.download')}
          </button>
        </div>
      </header>
      {downloadFailed ? (
        <p role="alert" className="alert alert-error">
          {t('statement.downloadFailed')}
        </p>
      ) : null}
      <div className="billing-toolbar">
        <DateField label={t('statement.from')} value={from} onChange={setFrom} max={to} />
        <DateField label={t('statement.to')} value={to} onChange={setTo} min={from} />
        <SelectField
          label={t('statement.currency')}
          value={currency}
          onChange={(value) => value && setCurrency(value)}
          options={FORM_CURRENCIES.map((code) => ({ value: code, label: code }))}
        />
      </div>
      {!validPeriod ? (
        <p role="alert" className="alert alert-warning">
          {t('statement.invalidPeriod')}
        </p>
      ) : query.error && !statement ? (
        <QueryError
          error={query.error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : query.fetching && !statement ? (
        <Loading />
      ) : statement ? (
        <>
          <section className="card" aria-label={t('statement.title', { customer: customerName })}>
            {statement.lines.length === 0 ? (
              <EmptyState title={t('statement.empty')} />
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('statement.date')}</th>
                      <th scope="col">{t('statement.kind')}</th>
                      <th scope="col">{t('statement.reference')}</th>
                      <th scope="col" className="num">
                        {t('statement.debit')}
                      </th>
                      <th scope="col" className="num">
                        {t('statement.creditColumn')}
                      </th>
                      <th scope="col" className="num">
                        {t('statement.plannedColumn')}
                      </th>
                      <th scope="col" className="num">
                        {t('statement.balance')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <td>{formatDate(statement.from, lang)}</td>
                      <th scope="row" colSpan={5}>
                        {t('statement.opening')}
                      </th>
                      <td className="num">{formatAmount(statement.openingBalance, lang)}</td>
                    </tr>
                    {statement.lines.map((line, index) => (
                      <tr key={`${line.date}-${line.reference}-${index}`}>
                        <td>{formatDate(line.date, lang)}</td>
                        <td>{t(`statement.lineKind.${line.kind}`)}</td>
                        <td>{line.reference}</td>
                        <td className="num">{formatAmount(line.debit, lang)}</td>
                        <td className="num">{formatAmount(line.credit, lang)}</td>
                        <td className="num muted">{formatAmount(line.planned, lang)}</td>
                        <td className="num">{formatAmount(line.balance, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="statement-totals">
            <h2 id="statement-totals" className="visually-hidden">
              {t('statement.closing')}
            </h2>
            <DetailList layout="tiles">
              <Detail label={t('statement.opening')}>
                {formatAmount(statement.openingBalance, lang)}
              </Detail>
              <Detail label={t('statement.invoiced')}>
                {formatAmount(statement.invoiced, lang)}
              </Detail>
              <Detail label={t('statement.received')}>
                {formatAmount(statement.received, lang)}
              </Detail>
              <Detail label={t('statement.refunded')}>
                {formatAmount(statement.refunded, lang)}
              </Detail>
              <Detail label={t('statement.closing')}>
                <strong>{formatAmount(statement.closingBalance, lang)}</strong>
              </Detail>
              <Detail label={t('statement.planned')}>
                {formatAmount(statement.planned, lang)}
              </Detail>
              <Detail label={t('statement.credit')}>{formatAmount(statement.credit, lang)}</Detail>
            </DetailList>
          </section>
        </>
      ) : null}
    </article>
  )
}
