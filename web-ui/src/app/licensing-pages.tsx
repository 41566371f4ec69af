import { useViewer } from '../features/auth/use-viewer'
import { ProductPage } from '../features/products/components/product-page'
import { ProductsPage } from '../features/products/components/products-page'
import { PRODUCT_ADMIN_ROLES, hasAnyRole } from './roles'

/** The catalogue, editable by admins only (the API checks again). */
export function CataloguePage() {
  const { viewer } = useViewer()
  return <ProductsPage canEdit={hasAnyRole(viewer?.roles, PRODUCT_ADMIN_ROLES)} />
}

export function CatalogueProductPage() {
  const { viewer } = useViewer()
  return <ProductPage canEdit={hasAnyRole(viewer?.roles, PRODUCT_ADMIN_ROLES)} />
}
