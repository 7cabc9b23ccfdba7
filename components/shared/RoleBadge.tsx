/** A figure's role (target / actual / unknown) as a coloured word, the colours of the page highlights. */
import { t } from '../../lib/i18n';
import type { Role } from '../../lib/model/role';

export function RoleBadge({ figureRole, class: extra = '', testId }: { figureRole: Role; class?: string; testId?: string }) {
  return (
    <span class={`role-badge role-${figureRole}${extra ? ` ${extra}` : ''}`} data-testid={testId} data-role={figureRole}>
      {t(`common.role.${figureRole}`)}
    </span>
  );
}
