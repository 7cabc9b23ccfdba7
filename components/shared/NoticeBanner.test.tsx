// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoticeBanner } from './NoticeBanner';
import { byTestId, click, mount, unmountAll } from './test-support';

afterEach(unmountAll);

describe('NoticeBanner', () => {
  it('shows the outcome and can be closed', async () => {
    const onDismiss = vi.fn();
    const { root } = mount(<NoticeBanner message="已导入 3 条，跳过 1 条损坏记录" onDismiss={onDismiss} />);
    expect(byTestId(root, 'notice').textContent).toContain('已导入 3 条，跳过 1 条损坏记录');
    await click(byTestId(root, 'notice').querySelector('button')!);
    expect(onDismiss).toHaveBeenCalled();
  });

  it('shows nothing without a message', () => {
    expect(mount(<NoticeBanner onDismiss={vi.fn()} />).root.innerHTML).toBe('');
  });
});
