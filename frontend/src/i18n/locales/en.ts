/** English strings; the source of truth for the key set that every other language must match. */
export const en = {
  app: {
    name: 'Summit',
    openNavigation: 'Open navigation',
    mainNavigation: 'Main navigation',
  },
  nav: {
    board: 'Board',
    deals: 'Deals',
    admin: 'Admin',
  },
  language: {
    label: 'Language',
  },
  board: {
    title: 'Board',
    description:
      'Deal-confidence board: the target, what is won, what open deals are likely to bring.',
  },
  deals: {
    title: 'Deals',
    description:
      'Deals run as projects: customer, segment, amount, owning team, target close date and milestone plan.',
  },
  admin: {
    title: 'Admin',
    description: 'Administration: teams, people and their roles, milestone templates and targets.',
  },
  server: {
    title: 'Server',
    name: 'Name',
    version: 'Version',
    loading: 'Checking the server…',
    unreachable: 'The server could not be reached.',
    failed: 'The server answered with an error (HTTP {{status}}).',
  },
  notFound: {
    title: 'Page not found',
    description: 'There is no page at this address.',
    home: 'Go to the board',
  },
  routeError: {
    title: 'Something went wrong',
    description: 'This page could not be shown. Reload to try again.',
  },
} as const
