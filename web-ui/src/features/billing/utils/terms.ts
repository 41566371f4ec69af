import type { PaymentTermInput, PaymentTermKind, PaymentTriggerEvent } from '../../../gql/graphql'
import { normalizeDecimal } from '../../../lib/decimal'
import { mapUserErrors, type UserErrorLike } from '../../../lib/user-errors'

/** One row of the terms form, as typed. */
export type TermRow = {
  key: string
  kind: PaymentTermKind
  label: string
  /** PART: a share of the total or a fixed amount. */
  share: 'percent' | 'amount'
  /** The percent or the amount, as typed. */
  value: string
  /** Due on a date, or on an event (PART, REST). INSTALMENTS always start on a date. */
  when: 'date' | 'event'
  dueOn: string
  event: PaymentTriggerEvent
  stageId: string
  offsetDays: string
  instalments: string
  intervalMonths: string
}

/** What a plan is made for: a contract (with its stages) or an order. */
export type TermsTarget =
  { kind: 'contract'; stages: readonly { id: string }[] } | { kind: 'order' }

let nextKey = 0
const key = () => `term-${++nextKey}`

export function emptyRow(target: TermsTarget, patch: Partial<TermRow> = {}): TermRow {
  return {
    key: key(),
    kind: 'PART',
    label: '',
    share: 'percent',
    value: '',
    when: 'event',
    dueOn: '',
    event: target.kind === 'contract' ? 'CONTRACT_SIGNED' : 'SHIPMENT_SENT',
    stageId: '',
    offsetDays: '0',
    instalments: '',
    intervalMonths: '1',
    ...patch,
  }
}

export type Preset = 'thirds' | 'monthly' | 'depositMilestones'

/** The presets that make sense for the target: events of contracts need a contract. */
export const presetsFor = (target: TermsTarget): Preset[] =>
  target.kind === 'contract'
    ? ['thirds', 'monthly', 'depositMilestones']
    : ['monthly', 'depositMilestones']

/**
 * `total` percent split into `parts` shares of at most 4 decimals, in integers; the last share
 * takes what rounding left, so they add up exactly.
 */
export function splitPercent(total: number, parts: number): string[] {
  const units = BigInt(total) * 10_000n
  const each = units / BigInt(parts)
  const shares = Array.from({ length: parts }, (_, i) =>
    i === parts - 1 ? units - each * BigInt(parts - 1) : each,
  )
  return shares.map((share) => {
    const whole = share / 10_000n
    const fraction = (share % 10_000n).toString().padStart(4, '0').replace(/0+$/, '')
    return fraction ? `${whole}.${fraction}` : `${whole}`
  })
}

/**
 * The rows of a preset. thirds: 30 % on signing, 40 % on acceptance of the first stage, the rest
 * on completion. monthly: `instalments` equal parts monthly from `from`. depositMilestones: a
 * 20 % deposit on signing, then a share on each stage's acceptance, the last being the rest (an
 * order: a 30 % deposit on `from` and the rest on shipment).
 */
export function presetRows(
  preset: Preset,
  target: TermsTarget,
  { from, instalments = 12 }: { from: string; instalments?: number },
): TermRow[] {
  if (preset === 'monthly') {
    return [
      emptyRow(target, {
        kind: 'INSTALMENTS',
        when: 'date',
        dueOn: from,
        instalments: String(instalments),
        intervalMonths: '1',
      }),
    ]
  }
  if (target.kind === 'order') {
    return [
      emptyRow(target, { value: '30', when: 'date', dueOn: from }),
      emptyRow(target, { kind: 'REST', event: 'SHIPMENT_SENT' }),
    ]
  }
  const [first] = target.stages
  if (preset === 'thirds') {
    return [
      emptyRow(target, { value: '30', event: 'CONTRACT_SIGNED' }),
      emptyRow(target, { value: '40', event: 'STAGE_ACCEPTED', stageId: first?.id ?? '' }),
      emptyRow(target, { kind: 'REST', event: 'CONTRACT_COMPLETED' }),
    ]
  }
  const stages = target.stages
  if (stages.length === 0) {
    return [
      emptyRow(target, { value: '20', event: 'CONTRACT_SIGNED' }),
      emptyRow(target, { kind: 'REST', event: 'CONTRACT_COMPLETED' }),
    ]
  }
  const shares = splitPercent(80, stages.length)
  return [
    emptyRow(target, { value: '20', event: 'CONTRACT_SIGNED' }),
    ...stages.map((stage, i) =>
      i === stages.length - 1
        ? emptyRow(target, { kind: 'REST', event: 'STAGE_ACCEPTED', stageId: stage.id })
        : emptyRow(target, { value: shares[i], event: 'STAGE_ACCEPTED', stageId: stage.id }),
    ),
  ]
}

const optionalInt = (value: string) => (value.trim() === '' ? null : Number(value.trim()))

/** The rows as the API's terms; blank fields are left out for the server to default or refuse. */
export function rowsToTerms(rows: readonly TermRow[]): PaymentTermInput[] {
  return rows.map((row) => {
    const term: PaymentTermInput = { kind: row.kind }
    if (row.label.trim()) term.label = row.label.trim()
    if (row.kind === 'PART' && row.value.trim()) {
      if (row.share === 'percent') term.percent = normalizeDecimal(row.value)
      else term.amount = normalizeDecimal(row.value)
    }
    if (row.kind === 'INSTALMENTS' || row.when === 'date') {
      term.dueOn = row.dueOn || null
    } else {
      term.trigger = {
        event: row.event,
        stageId: row.event === 'STAGE_ACCEPTED' ? row.stageId || null : null,
        offsetDays: optionalInt(row.offsetDays) ?? 0,
      }
    }
    if (row.kind === 'INSTALMENTS') {
      term.instalments = optionalInt(row.instalments)
      term.intervalMonths = optionalInt(row.intervalMonths) ?? 1
    }
    return term
  })
}

/** The fields a row shows errors at (the nearest one takes an error about a deeper path). */
const ROW_FIELDS = [
  'label',
  'percent',
  'amount',
  'dueOn',
  'trigger',
  'instalments',
  'intervalMonths',
] as const

/**
 * The server's errors on the rows they concern: `["input","terms","2","percent"]` goes to row 2's
 * percent, `["input","terms","2","trigger","stageId"]` to its trigger, `["input","terms","2"]` to
 * the row as a whole; the rest (the total, the whole input) above the form.
 */
export function termErrors<E extends UserErrorLike>(errors: readonly E[], rowCount: number) {
  const known = ['total', 'terms']
  for (let i = 0; i < rowCount; i++) {
    known.push(`terms.${i}`, ...ROW_FIELDS.map((field) => `terms.${i}.${field}`))
  }
  const mapped = mapUserErrors(errors, known)
  const byRow: Record<string, E[]>[] = Array.from({ length: rowCount }, () => ({}))
  const general: E[] = [...mapped.general, ...(mapped.byField.terms ?? [])]
  for (const [field, list] of Object.entries(mapped.byField)) {
    const match = /^terms\.(\d+)(?:\.(.+))?$/.exec(field)
    if (!match) continue
    const row = byRow[Number(match[1])]
    if (row) row[match[2] ?? 'row'] = list
  }
  return { byRow, total: mapped.byField.total ?? [], general }
}
