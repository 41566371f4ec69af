import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerTimelineQuery as CustomerTimelineResult } from '../../../gql/graphql'
import { useConnectionPages } from '../../../hooks/use-connection-pages'
import { ActivityTimeline, type RenderMail } from './activity-timeline'
import { LogActivityForm, type ContactOption } from './log-activity-form'
import { CustomerTimelineQuery } from '../api/timeline'

export const TIMELINE_PAGE_SIZE = 20

const pickTimeline = (data: CustomerTimelineResult) => data.customerTimeline

export type CustomerActivitiesProps = {
  customer: { id: string; archived: boolean; contacts: readonly ContactOption[] }
  /** Whether the viewer may record activities (not accountants). */
  canLog: boolean
  /** Managers and admins may remind others. */
  canAssign: boolean
  meId?: string
  /** Draws a mail message of the timeline (the mail feature's item). */
  renderMail: RenderMail
  /** Changing it reloads the timeline, e.g. after a message was imported elsewhere on the page. */
  refreshKey?: string | number
}

/**
 * The "Timeline" card of a customer's page: "Log activity" and what happened with the
 * customer, activities and mail together, newest first.
 */
export function CustomerActivities({
  customer,
  canLog,
  canAssign,
  meId,
  renderMail,
  refreshKey = 0,
}: CustomerActivitiesProps) {
  const { t } = useTranslation('activities')
  const [logging, setLogging] = useState(false)
  const [logged, setLogged] = useState(false)
  const pages = useConnectionPages(
    CustomerTimelineQuery,
    { customerId: customer.id, first: TIMELINE_PAGE_SIZE },
    pickTimeline,
    { refreshKey },
  )
  const mayLog = canLog && !customer.archived

  return (
    <section className="card" aria-labelledby="activities-title">
      <div className="card-header">
        <h2 id="activities-title">{t('timeline.title')}</h2>
        {mayLog && !logging ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setLogged(false)
              setLogging(true)
            }}
          >
            + {t('log.open')}
          </button>
        ) : null}
      </div>
      {logged ? (
        <p className="alert alert-info" role="status">
          {t('log.logged')}
        </p>
      ) : null}
      {logging ? (
        <LogActivityForm
          customerId={customer.id}
          contacts={customer.contacts}
          canAssign={canAssign}
          meId={meId}
          onCancel={() => setLogging(false)}
          onLogged={() => {
            setLogging(false)
            setLogged(true)
            pages.reload()
          }}
        />
      ) : null}
      <ActivityTimeline pages={pages} renderMail={renderMail} />
    </section>
  )
}
