import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from 'urql'
import { Loading, QueryError } from '../../../components/status'
import { DocumentFlowQuery } from '../api/orders'
import { flowColumns, type FlowNode } from '../utils/document-flow'

const REFRESH_ON_DOCUMENTS = {
  additionalTypenames: ['Order', 'Contract', 'Shipment', 'Invoice', 'Payment'],
}

/**
 * The document chain of `documentId` (quote → order → contracts → shipments → invoices →
 * payments) as columns, the
 * current document highlighted, each one a link; "from" lists what a document was made from.
 */
export function DocumentFlowPanel({ documentId }: { documentId: string }) {
  const { t } = useTranslation('orders')
  const [query, reexecute] = useQuery({
    query: DocumentFlowQuery,
    variables: { id: documentId },
    context: REFRESH_ON_DOCUMENTS,
  })
  const flow = query.data?.documentFlow
  const columns = flow ? flowColumns(flow, documentId) : []
  const byId = new Map(columns.flatMap((c) => c.nodes).map((n) => [n.id, n] as const))
  const label = (node: FlowNode) =>
    node.kind === 'Quote' ? t('flow.quoteNumber', { number: node.number }) : node.number

  return (
    <section className="card" aria-labelledby="document-flow-title">
      <h2 id="document-flow-title">{t('flow.title')}</h2>
      {query.error ? (
        <QueryError
          error={query.error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : null}
      {query.fetching && !flow ? <Loading /> : null}
      {!query.fetching && !query.error && columns.length === 0 ? (
        <p className="muted">{t('flow.none')}</p>
      ) : null}
      {columns.length > 0 ? (
        <ol className="document-flow">
          {columns.map((column) => (
            <li key={column.kind} className="document-flow-column">
              <h3>{t(`flow.kind.${column.kind}`)}</h3>
              <ul>
                {column.nodes.map((node) => (
                  <li
                    key={node.id}
                    className={
                      node.current
                        ? 'document-flow-node document-flow-current'
                        : 'document-flow-node'
                    }
                  >
                    <Link
                      to={node.href}
                      aria-current={node.current ? 'page' : undefined}
                      aria-label={t('flow.documentLabel', {
                        kind: t(`flow.single.${node.kind}`),
                        number: node.number,
                      })}
                    >
                      {label(node)}
                    </Link>
                    {node.status ? (
                      <span className="badge">{t(`flow.status.${node.status}`)}</span>
                    ) : null}
                    {node.madeFrom.length > 0 ? (
                      <span className="document-flow-from">
                        {t('flow.madeFrom', {
                          documents: node.madeFrom
                            .map((id) => byId.get(id))
                            .filter((n): n is FlowNode => Boolean(n))
                            .map(label)
                            .join(', '),
                        })}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  )
}
