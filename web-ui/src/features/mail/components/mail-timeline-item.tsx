import { useTranslation } from 'react-i18next'
import { graphql, useFragment, type FragmentType } from '../../../gql'
import { formatDateTime } from '../../../lib/format'
import { fromLabel } from '../utils/participants'

/**
 * What the customer's timeline shows of a message. The subject is aliased: the timeline also
 * selects `Activity.subject`, a `String!`, and GraphQL refuses one response name with two types.
 */
const TimelineMailFields = graphql(`
  fragment TimelineMailFields on MailMessage {
    id
    mailSubject: subject
    sentAt
    importedAt
    textBody
    from {
      address
      name
    }
    attachments {
      fileName
      contentType
      sizeBytes
    }
  }
`)

/**
 * A mail message as an item of the customer's timeline: an envelope, "E-mail", the subject,
 * sender, date and attachment count; the text and attachments unfold on click.
 */
export function MailTimelineItem(props: { message: FragmentType<typeof TimelineMailFields> }) {
  const { t, i18n } = useTranslation('mail')
  const message = useFragment(TimelineMailFields, props.message)
  const subject = message.mailSubject || t('noSubject')
  const when = message.sentAt ?? message.importedAt
  return (
    <li className="timeline-item timeline-mail" aria-label={subject}>
      <span className="timeline-icon kind-mail" aria-hidden="true">
        ✉
      </span>
      <div className="timeline-body">
        <details className="mail-item">
          <summary>
            <span className="timeline-head">
              <span className="badge badge-kind kind-mail">{t('kind')}</span>
              <span className="timeline-subject">{subject}</span>
            </span>
            <span className="timeline-meta muted">
              <time dateTime={when}>{formatDateTime(when, i18n.language)}</time>
              <span>{t('from', { from: fromLabel(message.from) })}</span>
              {message.attachments.length > 0 ? (
                <span>{t('attachments', { count: message.attachments.length })}</span>
              ) : null}
            </span>
          </summary>
          {message.attachments.length > 0 ? (
            <ul className="mail-attachments">
              {message.attachments.map((attachment, index) => (
                <li key={index}>
                  {attachment.fileName || t('unnamedAttachment')} ({attachment.contentType})
                </li>
              ))}
            </ul>
          ) : null}
          <pre className="mail-body">{message.textBody || t('noBody')}</pre>
        </details>
      </div>
    </li>
  )
}
