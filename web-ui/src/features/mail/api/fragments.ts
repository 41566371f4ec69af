import { graphql } from '../../../gql'

/** What the mail list shows of a message (fragment masking is off). */
export const MailFields = graphql(`
  fragment MailFields on MailMessage {
    id
    subject
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
 * What the customer's timeline shows of a message. The subject is aliased: the timeline also
 * selects `Activity.subject`, a `String!`, and GraphQL refuses one response name with two types.
 */
export const TimelineMailFields = graphql(`
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
