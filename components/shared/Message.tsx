/**
 * A catalogue string with elements in it: `{name}` placeholders become the given nodes, so the
 * language decides where a figure in <strong> goes ("已高亮 {count} 个指标", "Figures highlighted: {count}").
 */
import type { ComponentChild } from 'preact';
import { type MessageKey, t } from '../../lib/i18n';

export function Message({ id, values }: { id: MessageKey; values: Record<string, ComponentChild> }) {
  const parts = t(id).split(/\{(\w+)\}/);
  // split() with a capture group puts the placeholder names at the odd positions.
  return <>{parts.map((part, i) => (i % 2 === 1 ? (part in values ? values[part] : `{${part}}`) : part))}</>;
}
