/** A figure's role (target / actual / unknown) as a coloured word, the colours of the page highlights. */
import { t } from '../../lib/i18n';
import type { Role } from '../../lib/model/role';

export function RoleBadge({ role, class: extra = '', testId }: { role: Role; class?: string; testId?: string }) {
  return (
    <span class={`role-badge role-${role}${extra ? ` ${extra}` : ''}`} data-testid={testId} data-role={role}>
      {t(`common.role.${role}`)}
    </span>
  );
}
