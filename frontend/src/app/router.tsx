import { createBrowserRouter, Navigate, type RouteObject } from 'react-router'
import { UsersPage } from '../features/admin-users/components/users-page'
import { TeamsPage } from '../features/admin-teams/components/teams-page'
import { TemplateEditorPage } from '../features/admin-templates/components/template-editor-page'
import { TemplatesPage } from '../features/admin-templates/components/templates-page'
import { TargetsPage } from '../features/admin-targets/components/targets-page'
import { FxRatesPage } from '../features/admin-fx-rates/components/fx-rates-page'
import { SettingsPage } from '../features/admin-settings/components/settings-page'
import { AuditPage } from '../features/audit/components/audit-page'
import { RequireSession } from '../features/auth/components/require-session'
import { SignInPage } from '../features/auth/components/sign-in-page'
import { BoardPage } from '../features/board/board-page'
import { DealsPage } from '../features/deals/components/deals-page'
import { MyActionsPage } from '../features/retrospectives/my-actions-page'
import { ProfilePage } from '../features/profile/components/profile-page'
import { TokensPage } from '../features/profile/components/tokens-page'
import { AdminIndex, AdminLayout, RequirePermission } from './admin-layout'
import { AppLayout } from './app-layout'
import { DealWorkspace } from './deal-workspace'
import { NotFoundPage } from './not-found-page'
import { RouteErrorPage } from './route-error-page'

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
          { index: true, element: <Navigate to="/board" replace /> },
          { path: 'board', element: <BoardPage /> },
          { path: 'deals', element: <DealsPage /> },
          { path: 'deals/:id', element: <DealWorkspace /> },
          { path: 'deals/:id/:tab', element: <DealWorkspace /> },
          { path: 'actions', element: <MyActionsPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'profile/tokens', element: <TokensPage /> },
          {
            path: 'admin',
            element: <AdminLayout />,
            children: [
              { index: true, element: <AdminIndex /> },
              { path: 'users', element: <RequirePermission permission="users:write"><UsersPage /></RequirePermission> },
              { path: 'teams', element: <RequirePermission permission="teams:write"><TeamsPage /></RequirePermission> },
              { path: 'templates', element: <RequirePermission permission="templates:write"><TemplatesPage /></RequirePermission> },
              { path: 'templates/new', element: <RequirePermission permission="templates:write"><TemplateEditorPage /></RequirePermission> },
              { path: 'templates/:id', element: <RequirePermission permission="templates:write"><TemplateEditorPage /></RequirePermission> },
              { path: 'targets', element: <RequirePermission permission="targets:write"><TargetsPage /></RequirePermission> },
              { path: 'fx-rates', element: <RequirePermission permission="fx_rates:write"><FxRatesPage /></RequirePermission> },
              { path: 'settings', element: <RequirePermission permission="settings:write"><SettingsPage /></RequirePermission> },
              { path: 'audit', element: <RequirePermission permission="audit:read"><AuditPage /></RequirePermission> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]

/** The browser router for the running app; tests build a memory router from `routes`. */
export function createAppRouter() {
  return createBrowserRouter(routes)
}
