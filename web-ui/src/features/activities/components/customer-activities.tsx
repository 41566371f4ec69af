import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { graphql } from '../../../gql'
import type { CustomerActivitiesQuery as CustomerActivitiesResult } from '../../../gql/graphql'
import { useActivityPages } from '../hooks/use-activity-pages'
import { ActivityTimeline } from './activity-timeline'
import { LogActivityForm, type ContactOption } from './log-activity-form'

const CustomerActivitiesQuery = graphql(`
  query CustomerActivities($customerId: ID!, $first: Int!, $after: String) {
    activities(customerId: $customerId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ActivityFields
        }
      }
    }
  }
`)

export const TIMELINE_PAGE_SIZE = 20

const pickActivities = (data: CustomerActivitiesResult) => data.activities

export type CustomerActivitiesProps = {
  customer: { id: string; archived: boolean; contacts: readonly ContactOption[] }
  /** Whether the viewer may record activities (not accountants). */
  canLog: boolean
  /** Managers and admins may remind others. */
  canAssign: boolean
  meId?: string
}

/** The "Activities" card of a customer's page: "Log activity" and the timeline. */
export function CustomerActivities({ customer, canLog, canAssign, meId }: CustomerActivitiesProps) {
  const { t } = useTranslation()
  const [logging, setLogging] = useState(false)
  const [logged, setLogged] = useState(false)
  const pages = useActivityPages(
    CustomerActivitiesQuery,
    { customerId: customer.id, first: TIMELINE_PAGE_SIZE },
    pickActivities,
  )
  const mayLog = canLog && !customer.archived

  return (
    <section className="card" aria-labelledby="activities-title">
      <div className="card-header">
        <h2 id="activities-title">{t('activities.timeline.title')}</h2>
        {mayLog && !logging ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setLogged(false)
              setLogging(true)
            }}
          >
            + {t('activities.log.open')}
          </button>
        ) : null}
      </div>
      {logged ? (
        <p className="alert alert-info" role="status">
          {t('activities.log.logged')}
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
      <ActivityTimeline pages={pages} />
    </section>
  )
}
