import { useViewer } from '../features/auth/use-viewer'
import { InvoicePage } from '../features/orders/components/invoice-page'
import { OrderPage } from '../features/orders/components/order-page'
import { OrdersPage } from '../features/orders/components/orders-page'
import { ShipmentPage } from '../features/orders/components/shipment-page'
import { ProductPage } from '../features/products/components/product-page'
import { ProductsPage } from '../features/products/components/products-page'
import { INVOICE_ROLES, ORDER_EDIT_ROLES, PRODUCT_ADMIN_ROLES, hasAnyRole } from './roles'

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
