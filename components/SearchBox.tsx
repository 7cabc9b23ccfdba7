/** Search field that reports its text after the user pauses typing, so each keystroke stays cheap. */
import { useEffect, useRef, useState } from 'preact/hooks';

export const SEARCH_DEBOUNCE_MS = 150;

export function SearchBox({ onSearch, delayMs = SEARCH_DEBOUNCE_MS }: { onSearch: (query: string) => void; delayMs?: number }) {
  const [text, setText] = useState('');
  const latest = useRef(onSearch);
  latest.current = onSearch;
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => latest.current(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);

  return (
    <input
      type="search"
      class="search"
      data-testid="search"
      placeholder="搜索指标、数值、单位、句子或页面标题"
      aria-label="搜索摘录"
      value={text}
      onInput={(e) => setText(e.currentTarget.value)}
    />
  );
}
