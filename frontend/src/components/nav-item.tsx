import { NavLink } from '@mantine/core'
import { Link, useMatch } from 'react-router'

/** One side-navigation link, highlighted while its section (or a page below it) is open. */
export function NavItem({ to, label }: { to: string; label: string }) {
  const active = useMatch({ path: to, end: false }) !== null
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="light"
    />
  )
}
