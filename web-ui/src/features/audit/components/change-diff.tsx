import { useTranslation } from 'react-i18next'
import { formatValue } from '../utils/format-value'

export type FieldChange = {
  field: string
  before?: unknown
  after?: unknown
  redacted: boolean
}

/** The fields a change touched, each with its value before and after (secrets: only that they changed). */
export function ChangeDiff({ changes }: { changes: readonly FieldChange[] }) {
  const { t } = useTranslation('audit')
  if (changes.length === 0) return <p className="muted">{t('diff.none')}</p>
  return (
    <table className="table audit-diff">
      <thead>
        <tr>
          <th scope="col">{t('diff.field')}</th>
          <th scope="col">{t('diff.before')}</th>
          <th scope="col">{t('diff.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field} data-redacted={change.redacted || undefined}>
            <th scope="row">
              <code>{change.field}</code>
            </th>
            {change.redacted ? (
              <td colSpan={2} className="muted">
                {t('diff.redacted')}
              </td>
            ) : (
              <>
                <td className="audit-before">{formatValue(change.before)}</td>
                <td className="audit-after">{formatValue(change.after)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
