import { describe, expect, it } from 'vitest'
import { createI18n, type Language } from '../../../lib/i18n'
import { conflictEvidence, type ConflictFacts } from './evidence'

const none = {
  matches: [],
  otherRegistrationNumber: null,
  otherRegistrationStatus: null,
  otherProtectedUntil: null,
  otherSubmittedOn: null,
  existingCustomerName: null,
  otherPartnerName: null,
  partnerName: null,
  givenRegion: null,
  givenIndustry: null,
  territories: [],
} as const

const approvedClaim: ConflictFacts = {
  ...none,
  kind: 'SAME_CUSTOMER_REGISTERED',
  evidence: 'English sentence',
  matches: [
    { by: 'TAX_ID', given: '7701234567', existing: '77-01234567' },
    { by: 'NAME', given: 'ООО «Ромашка»', existing: 'Romashka LLC' },
  ],
  otherRegistrationNumber: 'REG-2026-00004',
  otherRegistrationStatus: 'APPROVED',
  otherProtectedUntil: '2027-03-01',
  otherSubmittedOn: '2026-11-20',
  otherPartnerName: 'Northwind',
}

const waitingClaimOfTheCustomer: ConflictFacts = {
  ...approvedClaim,
  matches: [],
  otherRegistrationStatus: 'SUBMITTED',
  otherProtectedUntil: null,
}

const direct: ConflictFacts = {
  ...none,
  kind: 'DIRECT_CUSTOMER',
  evidence: 'English sentence',
  matches: [
    { by: 'NAME', given: 'Beijing Xingchen Keji Co., Ltd.', existing: '北京星辰科技有限公司' },
  ],
  existingCustomerName: '北京星辰科技有限公司',
}

const otherPartners: ConflictFacts = {
  ...none,
  kind: 'OTHER_PARTNER_CUSTOMER',
  evidence: 'English sentence',
  matches: [{ by: 'EMAIL_DOMAIN', given: 'acme.lv', existing: 'acme.lv' }],
  existingCustomerName: 'Acme SIA',
  otherPartnerName: 'Baltic Soft',
}

const outside: ConflictFacts = {
  ...none,
  kind: 'OUTSIDE_TERRITORY',
  evidence: 'English sentence',
  partnerName: 'Northwind',
  givenRegion: 'DACH',
  territories: [
    { region: 'Latvia', industry: null },
    { region: null, industry: 'Retail' },
    { region: 'Estonia', industry: 'Banking' },
  ],
}

function say(language: Language, conflict: ConflictFacts) {
  const i18n = createI18n(language)
  return conflictEvidence(conflict, i18n.getFixedT(language, 'registrations'), language)
}

describe('a conflict’s evidence in the reader’s language', () => {
  it('names another partner’s registration, its state and the values that matched', () => {
    expect(say('en', approvedClaim)).toBe(
      'Registration REG-2026-00004 of Northwind (approved, protected until Mar 1, 2027) is for the same customer: tax id 7701234567 equals 77-01234567 and name “ООО «Ромашка»” matches “Romashka LLC”.',
    )
    expect(say('ru', approvedClaim)).toBe(
      'Регистрация REG-2026-00004 партнёра Northwind (одобрена, защищена до 1 мар. 2027 г.) — на того же клиента: ИНН 7701234567 совпадает с 77-01234567 и название «ООО «Ромашка»» совпадает с «Romashka LLC».',
    )
    expect(say('zh-CN', approvedClaim)).toBe(
      '合作伙伴 Northwind 的报备 REG-2026-00004（已批准，保护期至 2027年3月1日）针对同一客户：税号 7701234567 与 77-01234567 相同和名称“ООО «Ромашка»”与“Romashka LLC”相符。',
    )
  })

  it('says when the other registration is for the very customer and still waits', () => {
    expect(say('en', waitingClaimOfTheCustomer)).toBe(
      'Registration REG-2026-00004 of Northwind (submitted on Nov 20, 2026, awaiting a decision) is for this very customer.',
    )
    expect(say('ru', waitingClaimOfTheCustomer)).toBe(
      'Регистрация REG-2026-00004 партнёра Northwind (подана 20 нояб. 2026 г., ждёт решения) подана на этого же клиента.',
    )
    expect(say('zh-CN', waitingClaimOfTheCustomer)).toBe(
      '合作伙伴 Northwind 的报备 REG-2026-00004（2026年11月20日 提交，待审批）针对的正是该客户。',
    )
  })

  it('names the vendor’s direct customer in its own script', () => {
    expect(say('en', direct)).toBe(
      'The vendor’s own sales team serves the customer “北京星辰科技有限公司”: name “Beijing Xingchen Keji Co., Ltd.” matches “北京星辰科技有限公司”.',
    )
    expect(say('ru', direct)).toBe(
      'Клиента «北京星辰科技有限公司» ведёт собственный отдел продаж вендора: название «Beijing Xingchen Keji Co., Ltd.» совпадает с «北京星辰科技有限公司».',
    )
    expect(say('zh-CN', direct)).toBe(
      '客户“北京星辰科技有限公司”由厂商直销团队服务：名称“Beijing Xingchen Keji Co., Ltd.”与“北京星辰科技有限公司”相符。',
    )
  })

  it('names another partner’s customer', () => {
    expect(say('en', otherPartners)).toBe(
      '“Acme SIA” is a customer of Baltic Soft: e-mail domain acme.lv equals acme.lv.',
    )
    expect(say('ru', otherPartners)).toBe(
      '«Acme SIA» — клиент партнёра Baltic Soft: почтовый домен acme.lv совпадает с acme.lv.',
    )
    expect(say('zh-CN', otherPartners)).toBe(
      '“Acme SIA”是合作伙伴 Baltic Soft 的客户：邮箱域名 acme.lv 与 acme.lv 相同。',
    )
  })

  it('lists the partner’s territories as the language joins a list', () => {
    expect(say('en', outside)).toBe(
      'Region “DACH” and industry (not given) are outside the territories of Northwind: region Latvia, industry Retail, and region Estonia in industry Banking.',
    )
    expect(say('ru', outside)).toBe(
      'Регион «DACH» и отрасль (не указана) — вне территорий партнёра Northwind: регион Latvia, отрасль Retail и регион Estonia (отрасль Banking).',
    )
    expect(say('zh-CN', outside)).toBe(
      '地区“DACH”和行业（未填写）不在合作伙伴 Northwind 的区域内：Latvia地区、Retail行业和Estonia地区的Banking行业。',
    )
  })

  it('falls back to the API’s English sentence for a conflict stored without its facts', () => {
    for (const kind of [
      'SAME_CUSTOMER_REGISTERED',
      'DIRECT_CUSTOMER',
      'OTHER_PARTNER_CUSTOMER',
      'OUTSIDE_TERRITORY',
    ] as const) {
      expect(say('ru', { ...none, kind, evidence: 'Tax id 1 equals 1 of …' })).toBe(
        'Tax id 1 equals 1 of …',
      )
    }
  })
})
