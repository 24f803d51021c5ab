import { Tabs } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router'
import { PageHeader } from '../components/page-header'
import { hasPermission, useSignedIn, type Permission } from '../lib/session'
import { AccessDeniedPage } from './access-denied-page'
import { allowedAdminSections } from './admin-sections'

/**
 * `/admin`: the sections this user may open, as tabs over the open one. The server refuses the
 * calls anyway; this keeps people from pages that could only fail.
 */
export function AdminLayout() {
  const { t } = useTranslation()
  const sections = allowedAdminSections(useSignedIn())
  const navigate = useNavigate()
  const { pathname } = useLocation()
  if (sections.length === 0) return <AccessDeniedPage />

  const open = sections.find((section) => pathname.startsWith(`/admin/${section.path}`))?.path ?? null
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.description')} />
      <Tabs value={open} onChange={(path) => path && void navigate(`/admin/${path}`)} mb="lg">
        <Tabs.List aria-label={t('admin.sections')}>
          {sections.map((section) => (
            <Tabs.Tab key={section.path} value={section.path}>
              {t(section.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  )
}

/** `/admin` itself opens the first section this user may see. */
export function AdminIndex() {
  const first = allowedAdminSections(useSignedIn())[0]
  return first ? <Navigate to={`/admin/${first.path}`} replace /> : <AccessDeniedPage />
}

/**
 * A section's guard, as the element of the route above its page: the page only with the permission.
 */
export function RequirePermission({ permission }: { permission: Permission }) {
  return hasPermission(useSignedIn(), permission) ? <Outlet /> : <AccessDeniedPage />
}
