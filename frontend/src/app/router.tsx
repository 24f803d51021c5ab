import type { ComponentType } from 'react'
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router'
import { RequireSession } from '../features/auth/components/require-session'
import { SignInPage } from '../features/auth/components/sign-in-page'
import { AdminIndex, AdminLayout, RequirePermission } from './admin-layout'
import { AppLayout } from './app-layout'
import { NotFoundPage } from './not-found-page'
import { PageLoader } from './page-loader'
import { RouteErrorPage } from './route-error-page'

/**
 * A page whose code is fetched the first time it is opened (its own chunk; the first load carries
 * only the frame, sign-in and the router). The router waits for it, showing the old page and the
 * frame's loading mark meanwhile; a chunk that fails to load lands in RouteErrorPage.
 */
function page(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: await load() }) }
}

/** The client routes; the Go server answers every non-/api path with index.html so these resolve. */
export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteErrorPage /> },
  {
    // Everything else needs a session: the guard asks GET /me once and sends strangers to sign in.
    path: '/',
    element: <RequireSession />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            // A page that fails (or whose code no longer loads) shows its error inside the frame, so
            // the navigation stays; on the very first load the frame shows a loader until the page's code is in.
            errorElement: <RouteErrorPage />,
            hydrateFallbackElement: <PageLoader />,
            children: [
              { index: true, element: <Navigate to="/board" replace /> },
              { path: 'board', ...page(async () => (await import('../features/board/board-page')).BoardPage) },
              { path: 'board/calibration', ...page(async () => (await import('../features/calibration/calibration-page')).CalibrationPage) },
              { path: 'deals', ...page(async () => (await import('../features/deals/components/deals-page')).DealsPage) },
              { path: 'deals/:id', ...page(async () => (await import('./deal-workspace')).DealWorkspace) },
              { path: 'deals/:id/:tab', ...page(async () => (await import('./deal-workspace')).DealWorkspace) },
              { path: 'actions', ...page(async () => (await import('../features/retrospectives/my-actions-page')).MyActionsPage) },
              { path: 'profile', ...page(async () => (await import('../features/profile/components/profile-page')).ProfilePage) },
              { path: 'profile/tokens', ...page(async () => (await import('../features/profile/components/tokens-page')).TokensPage) },
              {
                path: 'admin',
                element: <AdminLayout />,
                children: [
                  { index: true, element: <AdminIndex /> },
                  {
                    element: <RequirePermission permission="users:write" />,
                    children: [{ path: 'users', ...page(async () => (await import('../features/admin-users/components/users-page')).UsersPage) }],
                  },
                  {
                    element: <RequirePermission permission="teams:write" />,
                    children: [{ path: 'teams', ...page(async () => (await import('../features/admin-teams/components/teams-page')).TeamsPage) }],
                  },
                  {
                    element: <RequirePermission permission="templates:write" />,
                    children: [
                      { path: 'templates', ...page(async () => (await import('../features/admin-templates/components/templates-page')).TemplatesPage) },
                      { path: 'templates/new', ...page(async () => (await import('../features/admin-templates/components/template-editor-page')).TemplateEditorPage) },
                      { path: 'templates/:id', ...page(async () => (await import('../features/admin-templates/components/template-editor-page')).TemplateEditorPage) },
                    ],
                  },
                  {
                    element: <RequirePermission permission="targets:write" />,
                    children: [{ path: 'targets', ...page(async () => (await import('../features/admin-targets/components/targets-page')).TargetsPage) }],
                  },
                  {
                    element: <RequirePermission permission="fx_rates:write" />,
                    children: [{ path: 'fx-rates', ...page(async () => (await import('../features/admin-fx-rates/components/fx-rates-page')).FxRatesPage) }],
                  },
                  {
                    element: <RequirePermission permission="settings:write" />,
                    children: [{ path: 'settings', ...page(async () => (await import('../features/admin-settings/components/settings-page')).SettingsPage) }],
                  },
                  {
                    element: <RequirePermission permission="confidence_models:write" />,
                    children: [
                      {
                        path: 'confidence-model',
                        ...page(async () => (await import('../features/admin-confidence-model/components/confidence-model-page')).ConfidenceModelPage),
                      },
                    ],
                  },
                  {
                    element: <RequirePermission permission="audit:read" />,
                    children: [{ path: 'audit', ...page(async () => (await import('../features/audit/components/audit-page')).AuditPage) }],
                  },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]

/** The browser router for the running app; tests build a memory router from `routes`. */
export function createAppRouter() {
  return createBrowserRouter(routes)
}
