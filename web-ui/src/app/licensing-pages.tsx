import { useViewer } from '../features/auth/use-viewer'
import { NewContractLink } from '../features/contracts/components/new-contract-link'
import { CustomerLicensing } from '../features/licenses/components/customer-licensing'
import { ProtectionKeyPage } from '../features/licenses/components/key-page'
import { LicensePage } from '../features/licenses/components/license-page'
import { InvoicePage } from '../features/orders/components/invoice-page'
import { OrderPage } from '../features/orders/components/order-page'
import { OrdersPage } from '../features/orders/components/orders-page'
import { ShipmentPage } from '../features/orders/components/shipment-page'
import { ProductPage } from '../features/products/components/product-page'
import { ProductsPage } from '../features/products/components/products-page'
import { useCan } from '../lib/permissions'
import {
  InvoicePaymentsSection,
  LicensePaymentPlanSection,
  OrderPaymentSchedule,
} from './billing-pages'
import { ORDER_ROLES, hasAnyRole } from './roles'

/** The catalogue, editable by those the API lets change it (it checks again). */
export function CataloguePage() {
  const can = useCan()
  return <ProductsPage canEdit={can('CREATE', 'PRODUCT')} />
}

export function CatalogueProductPage() {
  const can = useCan()
  return <ProductPage canEdit={can('UPDATE', 'PRODUCT')} />
}

/** /orders; "New order" for those who may create orders. */
export function OrderListPage() {
  const can = useCan()
  return <OrdersPage canCreate={can('CREATE', 'ORDER')} />
}

/** An order; "New contract" resting on it for those who create contracts. */
export function OrderDetailPage() {
  const can = useCan()
  return (
    <OrderPage
      canEdit={can('UPDATE', 'ORDER')}
      renderActions={
        can('CREATE', 'CONTRACT') ? (order) => <NewContractLink orderId={order.id} /> : undefined
      }
    >
      <OrderPaymentSchedule />
    </OrderPage>
  )
}

export function ShipmentDetailPage() {
  const can = useCan()
  return <ShipmentPage canEdit={can('DELETE', 'SHIPMENT')} canInvoice={can('CREATE', 'INVOICE')} />
}

export function InvoiceDetailPage() {
  const can = useCan()
  return (
    <InvoicePage canDelete={can('DELETE', 'INVOICE')}>
      <InvoicePaymentsSection />
    </InvoicePage>
  )
}

export function LicenseDetailPage() {
  const can = useCan()
  return (
    <LicensePage canChange={can('CHANGE_TERMS', 'LICENSE')}>
      <LicensePaymentPlanSection />
    </LicensePage>
  )
}

export function ProtectionKeyDetailPage() {
  const can = useCan()
  return <ProtectionKeyPage canChange={can('UPDATE', 'PROTECTION_KEY')} />
}

/** The customer page's licenses and protection keys, for those who see licenses. */
export function CustomerLicensingSection({
  customerId,
  refreshKey,
}: {
  customerId: string
  refreshKey?: number
}) {
  const { viewer } = useViewer()
  const can = useCan()
  if (!hasAnyRole(viewer?.roles, ORDER_ROLES)) return null
  return (
    <CustomerLicensing
      customerId={customerId}
      canAddKeys={can('CREATE', 'PROTECTION_KEY')}
      refreshKey={refreshKey}
    />
  )
}
