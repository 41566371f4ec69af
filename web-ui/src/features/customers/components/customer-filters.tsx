import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxGroup, SelectField, TextField } from '../../../components/form-field'
import { CUSTOMER_STATUSES } from '../utils/enums'
import type { ListParams, TextParams } from '../utils/list-params'

/** Status, owner, region, industry, tag and archived: the list's side panel. */
export function CustomerFilters({
  params,
  onChange,
  text,
  onTextChange,
  users,
  onClear,
  canClear,
}: {
  params: ListParams
  onChange: (next: Partial<ListParams>) => void
  text: TextParams
  onTextChange: (next: Partial<TextParams>) => void
  users: readonly { id: string; name: string }[]
  onClear: () => void
  canClear: boolean
}) {
  const { t } = useTranslation('customers')
  const archivedId = useId()
  return (
    <aside className="filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('list.filters')}</h2>
      <CheckboxGroup
        legend={t('customer.field.status')}
        value={params.statuses}
        onChange={(statuses) => onChange({ statuses })}
        options={CUSTOMER_STATUSES.map((status) => ({
          value: status,
          label: t(`customer.status.${status}`),
        }))}
      />
      <SelectField
        label={t('customer.field.owner')}
        value={params.ownerId}
        onChange={(ownerId) => onChange({ ownerId })}
        emptyLabel={t('list.anyOwner')}
        options={users.map((user) => ({ value: user.id, label: user.name }))}
      />
      <TextField
        label={t('customer.field.region')}
        value={text.region}
        onChange={(region) => onTextChange({ region })}
      />
      <TextField
        label={t('customer.field.industry')}
        value={text.industry}
        onChange={(industry) => onTextChange({ industry })}
      />
      <TextField label={t('list.tag')} value={text.tag} onChange={(tag) => onTextChange({ tag })} />
      <div className="checkbox">
        <input
          id={archivedId}
          type="checkbox"
          checked={params.includeArchived}
          onChange={(event) => onChange({ includeArchived: event.target.checked })}
        />
        <label htmlFor={archivedId}>{t('list.showArchived')}</label>
      </div>
      {canClear ? (
        <button type="button" className="button button-quiet" onClick={onClear}>
          {t('list.clearFilters')}
        </button>
      ) : null}
    </aside>
  )
}
