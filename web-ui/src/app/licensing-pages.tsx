import { useViewer } from '../features/auth/use-viewer'
import { CustomerLicensing } from '../features/licenses/components/customer-licensing'
import { ProtectionKeyPage } from '../features/licenses/components/key-page'
import { LicensePage } from '../features/licenses/components/license-page'
import { InvoicePage } from '../features/orders/components/invoice-page'
import { OrderPage } from '../features/orders/components/order-page'
import { OrdersPage } from '../features/orders/components/orders-page'
import { ShipmentPage } from '../features/orders/components/shipment-page'
import { ProductPage } from '../features/products/components/product-page'
import { ProductsPage } from '../features/products/components/products-page'
import {
  INVOICE_ROLES,
  LICENSE_ADMIN_ROLES,
  ORDER_EDIT_ROLES,
  ORDER_ROLES,
  PRODUCT_ADMIN_ROLES,
  hasAnyRole,
} from './roles'

/** The catalogue, editable by admins only (the API checks again). */
export function CataloguePage() {
  const { viewer } = useViewer()
  return <ProductsPage canEdit={hasAnyRole(viewer?.roles, PRODUCT_ADMIN_ROLES)} />
}

export function CatalogueProductPage() {
  const { viewer } = useViewer()
  return <ProductPage canEdit={hasAnyRole(viewer?.roles, PRODUCT_ADMIN_ROLES)} />
}

/** /orders; "New order" for those who sell. */
export function OrderListPage() {
  const { viewer } = useViewer()
  return <OrdersPage canCreate={hasAnyRole(viewer?.roles, ORDER_EDIT_ROLES)} />
}

export function OrderDetailPage() {
  const { viewer } = useViewer()
  return <OrderPage canEdit={hasAnyRole(viewer?.roles, ORDER_EDIT_ROLES)} />
}

export function ShipmentDetailPage() {
  const { viewer } = useViewer()
  return (
    <ShipmentPage
      canEdit={hasAnyRole(viewer?.roles, ORDER_EDIT_ROLES)}
      canInvoice={hasAnyRole(viewer?.roles, INVOICE_ROLES)}
    />
  )
}

export function InvoiceDetailPage() {
  const { viewer } = useViewer()
  return <InvoicePage canDelete={hasAnyRole(viewer?.roles, INVOICE_ROLES)} />
}

export function LicenseDetailPage() {
  const { viewer } = useViewer()
  return <LicensePage canChange={hasAnyRole(viewer?.roles, LICENSE_ADMIN_ROLES)} />
}

export function ProtectionKeyDetailPage() {
  const { viewer } = useViewer()
  return <ProtectionKeyPage canChange={hasAnyRole(viewer?.roles, ORDER_EDIT_ROLES)} />
}

/** The customer page's licenses and protection keys, for those who see licenses. */
export function CustomerLicensingSection({ customerId }: { customerId: string }) {
  const { viewer } = useViewer()
  if (!hasAnyRole(viewer?.roles, ORDER_ROLES)) return null
  return (
    <CustomerLicensing
      customerId={customerId}
      canAddKeys={hasAnyRole(viewer?.roles, ORDER_EDIT_ROLES)}
    />
  )
}
