// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { PageObserver } from './observer';

describe('PageObserver', () => {
  it('reports page changes once, debounced', async () => {
    document.body.innerHTML = '<p id="a">文字</p>';
    const onChange = vi.fn();
    const observer = new PageObserver(document.body, onChange, 20);
    observer.start();
    const added = document.createElement('p');
    added.textContent = '新增15个';
    document.body.appendChild(added);
    (document.getElementById('a')!.firstChild as Text).data = '改了';
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    const [changed] = onChange.mock.calls[0];
    expect(changed).toContain(added);
    expect(changed).toContain(document.getElementById('a')!.firstChild);
    await new Promise((r) => setTimeout(r, 60));
    expect(onChange).toHaveBeenCalledTimes(1);
    observer.stop();
  });
});
