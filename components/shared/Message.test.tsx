// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { Message } from './Message';
import { byTestId, mount, unmountAll } from './test-support';

afterEach(() => {
  unmountAll();
  setLocale('zh-CN');
});

describe('Message', () => {
  it('puts the element where the language puts the placeholder', () => {
    const count = <strong data-testid="n">12</strong>;
    const zh = mount(<Message id="popup.status.highlighted" values={{ count }} />).root;
    expect(zh.textContent).toBe('已高亮 12 个指标');
    expect(byTestId(zh, 'n').tagName).toBe('STRONG');
    setLocale('en');
    const en = mount(<Message id="popup.status.highlighted" values={{ count }} />).root;
    expect(en.textContent).toBe('Figures highlighted: 12');
    expect(en.innerHTML.endsWith('<strong data-testid="n">12</strong>')).toBe(true);
  });

  it('leaves a placeholder it has no value for visible, so the gap is noticed', () => {
    expect(mount(<Message id="popup.status.highlighted" values={{}} />).root.textContent).toBe('已高亮 {count} 个指标');
  });
});
