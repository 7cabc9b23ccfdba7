// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { RoleBadge } from './RoleBadge';
import { byTestId, mount, unmountAll } from './test-support';

afterEach(() => {
  unmountAll();
  setLocale('zh-CN');
});

describe('RoleBadge', () => {
  it('names the role in the current language and carries it for styling', () => {
    expect(byTestId(mount(<RoleBadge figureRole="target" testId="role" />).root, 'role').textContent).toBe('目标');
    setLocale('en');
    const badge = byTestId(mount(<RoleBadge figureRole="actual" testId="role" />).root, 'role');
    expect(badge.textContent).toBe('actual');
    expect(badge.dataset.role).toBe('actual');
    expect(badge.className).toContain('role-actual');
  });
});
