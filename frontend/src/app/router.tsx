import { createBrowserRouter, Navigate, type RouteObject } from 'react-router'
import { AdminPage } from '../features/admin/admin-page'
import { BoardPage } from '../features/board/board-page'
import { DealsPage } from '../features/deals/deals-page'
import { AppLayout } from './app-layout'
import { NotFoundPage } from './not-found-page'
import { RouteErrorPage } from './route-error-page'

/** The client routes; the Go server answers every non-/api path with index.html so these resolve. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <Navigate to="/board" replace /> },
      { path: 'board', element: <BoardPage /> },
      { path: 'deals', element: <DealsPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]

/** The browser router for the running app; tests build a memory router from `routes`. */
export function createAppRouter() {
  return createBrowserRouter(routes)
}
