import type { TFunction } from 'i18next'
import type {
  CustomerMatch,
  DealRegistrationStatus,
  RegistrationConflictKind,
} from '../../../gql/graphql'
import { formatDate } from '../../../lib/format'

/** The facts of a conflict as the API keeps them from the submission (ADR 0032). */
export type ConflictFacts = {
  kind: RegistrationConflictKind
  evidence: string
  matches: readonly { by: CustomerMatch; given: string; existing: string }[]
  otherRegistrationNumber?: string | null
  otherRegistrationStatus?: DealRegistrationStatus | null
  otherProtectedUntil?: string | null
  otherSubmittedOn?: string | null
  existingCustomerName?: string | null
  otherPartnerName?: string | null
  partnerName?: string | null
  givenRegion?: string | null
  givenIndustry?: string | null
  territories: readonly { region?: string | null; industry?: string | null }[]
}

type T = TFunction<'registrations'>

/**
 * The conflict's evidence as a sentence in the reader's language, written from its facts; the
 * API's English `evidence` for a conflict stored before the facts were kept (its facts are empty).
 */
export function conflictEvidence(conflict: ConflictFacts, t: T, lang: string): string {
  const quoted = (value: string) => t('conflict.evidence.quoted', { value })
  const list = (items: string[]) =>
    new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items)
  const matches = list(
    conflict.matches.map((match) =>
      t(`conflict.evidence.match.${match.by}`, {
        given: match.by === 'NAME' ? quoted(match.given) : match.given,
        existing: match.by === 'NAME' ? quoted(match.existing) : match.existing,
      }),
    ),
  )
  const otherPartner = conflict.otherPartnerName ?? t('conflict.evidence.anotherPartner')
  switch (conflict.kind) {
    case 'SAME_CUSTOMER_REGISTERED': {
      if (!conflict.otherRegistrationNumber) break
      const state =
        conflict.otherRegistrationStatus === 'APPROVED'
          ? t('conflict.evidence.approved', {
              date: formatDate(conflict.otherProtectedUntil, lang),
            })
          : t('conflict.evidence.submitted', { date: formatDate(conflict.otherSubmittedOn, lang) })
      const values = {
        number: conflict.otherRegistrationNumber,
        partner: otherPartner,
        state,
        matches,
      }
      return conflict.matches.length > 0
        ? t('conflict.evidence.sameCustomer', values)
        : t('conflict.evidence.sameCustomerItself', values)
    }
    case 'DIRECT_CUSTOMER':
    case 'OTHER_PARTNER_CUSTOMER': {
      if (!conflict.existingCustomerName) break
      const values = {
        customer: quoted(conflict.existingCustomerName),
        partner: otherPartner,
        matches,
      }
      return conflict.kind === 'DIRECT_CUSTOMER'
        ? t('conflict.evidence.directCustomer', values)
        : t('conflict.evidence.otherPartnerCustomer', values)
    }
    case 'OUTSIDE_TERRITORY': {
      if (conflict.territories.length === 0) break
      return t('conflict.evidence.outsideTerritory', {
        region: conflict.givenRegion
          ? quoted(conflict.givenRegion)
          : t('conflict.evidence.regionNotGiven'),
        industry: conflict.givenIndustry
          ? quoted(conflict.givenIndustry)
          : t('conflict.evidence.industryNotGiven'),
        partner: conflict.partnerName ?? t('conflict.evidence.anotherPartner'),
        territories: list(
          conflict.territories.map(({ region, industry }) =>
            region && industry
              ? t('conflict.evidence.territory.both', { region, industry })
              : region
                ? t('conflict.evidence.territory.region', { region })
                : t('conflict.evidence.territory.industry', { industry: industry ?? '' }),
          ),
        ),
      })
    }
  }
  return conflict.evidence
}
