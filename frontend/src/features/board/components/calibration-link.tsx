import { Anchor } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePermission } from '../../../lib/session'

/** The board's link to the calibration page, for those who may read it (admins and executives). */
export function CalibrationLink() {
  const { t } = useTranslation()
  if (!usePermission('calibration:read')) return null
  return (
    <Anchor component={Link} to="/board/calibration" size="sm" mb="md" display="inline-block">
      {t('calibration.link')}
    </Anchor>
  )
}
