import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { Detail, DetailList } from '../../../components/detail-list'
import { SelectField } from '../../../components/form-field'
import { Loading, QueryError } from '../../../components/status'
import { useFragment } from '../../../gql'
import type { PartnerAccountFieldsFragment } from '../../../gql/graphql'
import { PartnerAccountFields, PartnerAccountsQuery } from '../api/accounts'
import { AccountEntries } from './account-entries'
import {
  AdjustmentForm,
  EditAccountForm,
  OpenAccountForm,
  PaymentForm,
  RebateForm,
} from './account-forms'
import { AccountStatement } from './account-statement'
import { toneOf } from '../utils/tone'
import { AccountAmount } from './amount'
import '../partner-accounts.css'

type Account = PartnerAccountFieldsFragment

/** Which form is open: on the partner (open, rebate) or on one of its accounts. */
/** What the section says once a form has saved (opening and editing show their result). */
const NOTICES = {
  payment: 'form.done.payment',
  adjust: 'form.done.adjustment',
  rebate: 'form.done.rebate',
  open: undefined,
  edit: undefined,
} as const

type Editing =
  { form: 'open' | 'rebate' } | { form: 'edit' | 'payment' | 'adjust'; accountId: string } | null

/**
 * A partner's money with the vendor: per currency the balance, prepaid or not and the credit
 * limit; the statement of a period and every entry of the account chosen. `canManage` (channel
 * managers, admins) opens accounts, changes them and credits rebates; `canBook` (with
 * accountants) records payments and adjustments; without either it only shows.
 */
export function PartnerAccountsSection({
  partnerId,
  title,
  canManage = false,
  canBook = false,
}: {
  partnerId: string
  title?: string
  canManage?: boolean
  canBook?: boolean
}) {
  const { t } = useTranslation('partnerAccounts')
  const [result, reexecute] = useQuery({
    query: PartnerAccountsQuery,
    variables: { partnerId },
    requestPolicy: 'cache-and-network',
  })
  const accounts = useFragment(PartnerAccountFields, result.data?.partner?.accounts ?? [])
  const [editing, setEditingState] = useState<Editing>(null)
  // what the last booking did, said where screen readers hear it
  const [notice, setNotice] = useState('')
  const [chosenId, setChosenId] = useState('')
  // entries and statement fetch again after a booking
  const [bookings, setBookings] = useState(0)
  const reload = () => reexecute({ requestPolicy: 'network-only' })
  const setEditing = (next: Editing) => {
    setNotice('')
    setEditingState(next)
  }
  const done = () => {
    const said = editing ? NOTICES[editing.form] : undefined
    setEditingState(null)
    setNotice(said ? t(said) : '')
    setBookings((n) => n + 1)
    reload()
  }
  const chosen = accounts.find((account) => account.id === chosenId) ?? accounts[0]
  const titleId = `partner-account-${partnerId}`
  return (
    <section className="card partner-accounts" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId}>{title ?? t('section.title')}</h2>
        {editing === null && (canManage || canBook) ? (
          <div className="account-actions">
            {canManage ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => setEditing({ form: 'open' })}
              >
                + {t('section.open')}
              </button>
            ) : null}
            {canManage ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => setEditing({ form: 'rebate' })}
              >
                {t('action.rebate')}
              </button>
            ) : null}
          </div>
        ) : null}
      </header>
      {result.error ? <QueryError error={result.error} onRetry={reload} /> : null}
      <p role="status" className={notice ? 'alert alert-info' : 'visually-hidden'}>
        {notice}
      </p>
      {editing?.form === 'open' ? (
        <OpenAccountForm
          partnerId={partnerId}
          taken={accounts.map((account) => account.currency)}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {editing?.form === 'rebate' ? (
        <RebateForm partnerId={partnerId} onDone={done} onCancel={() => setEditing(null)} />
      ) : null}
      {result.fetching && !result.data ? (
        <Loading />
      ) : accounts.length === 0 ? (
        result.error ? null : (
          <p className="muted">{t('section.none')}</p>
        )
      ) : (
        <div className="account-list">
          {accounts.map((account) => (
            <AccountSummary
              key={account.id}
              account={account}
              canManage={canManage}
              canBook={canBook}
              editing={editing}
              setEditing={setEditing}
              onDone={done}
              onStale={reload}
            />
          ))}
        </div>
      )}
      {chosen ? (
        <div className="account-detail">
          {accounts.length > 1 ? (
            <SelectField
              label={t('section.showing')}
              value={chosen.id}
              onChange={(id) => id && setChosenId(id)}
              options={accounts.map((account) => ({
                value: account.id,
                label: t('section.account', { currency: account.currency }),
              }))}
            />
          ) : null}
          <AccountStatement key={chosen.id} accountId={chosen.id} refreshKey={bookings} />
          <AccountEntries accountId={chosen.id} refreshKey={bookings} />
        </div>
      ) : null}
    </section>
  )
}

function AccountSummary({
  account,
  canManage,
  canBook,
  editing,
  setEditing,
  onDone,
  onStale,
}: {
  account: Account
  canManage: boolean
  canBook: boolean
  editing: Editing
  setEditing: (editing: Editing) => void
  onDone: () => void
  onStale: () => void
}) {
  const { t } = useTranslation('partnerAccounts')
  const open = editing && 'accountId' in editing && editing.accountId === account.id
  const cancel = () => setEditing(null)
  const tone = toneOf(account.balance.amount)
  const titleId = `account-${account.id}`
  return (
    <article className="partner-account" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t('section.account', { currency: account.currency })}{' '}
        <span className={account.prepaid ? 'badge badge-prepaid' : 'badge'}>
          {account.prepaid ? t('section.prepaid') : t('section.onAccount')}
        </span>
      </h3>
      <DetailList layout="tiles">
        <Detail label={t('section.balance')}>
          <AccountAmount money={account.balance} strong />
          {tone === 'even' ? null : (
            <span className="muted small">
              {' '}
              {tone === 'credit' ? t('section.inFavour') : t('section.owed')}
            </span>
          )}
        </Detail>
        <Detail label={t('section.creditLimit')}>
          <AccountAmount money={account.creditLimit} plain />
        </Detail>
      </DetailList>
      {editing === null && (canManage || canBook) ? (
        <div className="account-actions">
          {canBook ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => setEditing({ form: 'payment', accountId: account.id })}
            >
              {t('action.payment')}
            </button>
          ) : null}
          {canBook ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => setEditing({ form: 'adjust', accountId: account.id })}
            >
              {t('action.adjust')}
            </button>
          ) : null}
          {canManage ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => setEditing({ form: 'edit', accountId: account.id })}
            >
              {t('action.edit')}
            </button>
          ) : null}
        </div>
      ) : null}
      {open && editing.form === 'edit' ? (
        <EditAccountForm account={account} onDone={onDone} onStale={onStale} onCancel={cancel} />
      ) : null}
      {open && editing.form === 'payment' ? (
        <PaymentForm account={account} onDone={onDone} onCancel={cancel} />
      ) : null}
      {open && editing.form === 'adjust' ? (
        <AdjustmentForm account={account} onDone={onDone} onCancel={cancel} />
      ) : null}
    </article>
  )
}
