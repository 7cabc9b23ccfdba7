/** Search field that reports its text after the user pauses typing, so each keystroke stays cheap. */
import { useEffect, useRef, useState } from 'preact/hooks';

export const SEARCH_DEBOUNCE_MS = 150;

export interface SearchBoxProps {
  onSearch: (query: string) => void;
  /** Words from the catalogue: what can be searched, and the field's name. */
  placeholder: string;
  label: string;
  delayMs?: number;
}

export function SearchBox({ onSearch, placeholder, label, delayMs = SEARCH_DEBOUNCE_MS }: SearchBoxProps) {
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
      placeholder={placeholder}
      aria-label={label}
      value={text}
      onInput={(e) => setText(e.currentTarget.value)}
    />
  );
}
