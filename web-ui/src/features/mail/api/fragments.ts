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
