/**
 * Corrections of one clip, in place: label, role, value, unit and dimension, a note and tags.
 * A field is saved when it is left (or its choice changes); an edited field is marked and shows
 * the extractor's original. A value that is not a number is refused with a message and kept in
 * the box, so nothing typed is lost.
 */
import { useEffect, useState } from 'preact/hooks';
import { DIMENSIONS } from '../../lib/extract/types';
import { t } from '../../lib/i18n';
import type { Clip, ClippedIndicator, EditableField } from '../../lib/model/clip';
import { formatNumber } from '../../lib/model/format';
import { ROLES } from '../../lib/model/role';
import type { ClipPatch, UiPort } from '../port/ui-port';

export interface ClipEditorProps {
  clip: Clip;
  port: UiPort;
  /** Called with the stored clip after each saved change. */
  onSaved?: (clip: Clip) => void;
}

function originalText(field: EditableField, original: ClippedIndicator): string {
  switch (field) {
    case 'role':
      return t(`common.role.${original.role}`);
    case 'dimension':
      return t(`common.dimension.${original.dimension}`);
    case 'value':
      return original.value === undefined ? '—' : formatNumber(original.value);
    default:
      return original[field] || '—';
  }
}

/** Parses a number as people write it: 1,234.5 or 1234.5 (full-width digits too). */
export function parseValue(text: string): number | undefined {
  const plain = text.replace(/[\uff10-\uff19\uff0e\uff0c\uff0d]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return undefined;
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

export function ClipEditor({ clip, port, onSaved }: ClipEditorProps) {
  const [current, setCurrent] = useState(clip);
  const [valueText, setValueText] = useState(clip.indicator.value === undefined ? '' : String(clip.indicator.value));
  const [error, setError] = useState<string>();
  useEffect(() => {
    setCurrent(clip);
    setValueText(clip.indicator.value === undefined ? '' : String(clip.indicator.value));
  }, [clip]);

  const ind = current.indicator;
  const edited = new Set(current.edited ?? []);
  const idBase = `edit-${current.id}`;

  const save = async (patch: ClipPatch) => {
    try {
      const saved = await port.updateClip(current.id, patch);
      setCurrent(saved);
      setError(undefined);
      onSaved?.(saved);
    } catch {
      setError(t('panel.edit.saveFailed'));
    }
  };

  const mark = (field: EditableField) =>
    edited.has(field) && current.original ? (
      <span class="edited-note" data-testid={`edited-${field}`}>
        {t('panel.edit.original', { value: originalText(field, current.original) })}
      </span>
    ) : null;

  return (
    <form class="clip-editor" data-testid="clip-editor" onSubmit={(e) => e.preventDefault()}>
      <label for={`${idBase}-label`}>{t('panel.col.label')}</label>
      <div>
        <input
          id={`${idBase}-label`}
          data-testid="edit-label"
          value={ind.label}
          maxLength={200}
          onChange={(e) => {
            const label = (e.currentTarget as HTMLInputElement).value.trim();
            if (label !== ind.label) void save({ label });
          }}
        />
        {mark('label')}
      </div>
      <label for={`${idBase}-role`}>{t('panel.col.role')}</label>
      <div>
        <select
          id={`${idBase}-role`}
          data-testid="edit-role"
          value={ind.role}
          onChange={(e) => void save({ role: (e.currentTarget as HTMLSelectElement).value as ClippedIndicator['role'] })}
        >
          {ROLES.map((role) => (
            <option value={role}>{t(`common.role.${role}`)}</option>
          ))}
        </select>
        {mark('role')}
      </div>
      <label for={`${idBase}-value`}>{t('panel.col.value')}</label>
      <div>
        <input
          id={`${idBase}-value`}
          data-testid="edit-value"
          inputMode="decimal"
          value={valueText}
          aria-invalid={error === t('panel.edit.notNumber')}
          onInput={(e) => setValueText((e.currentTarget as HTMLInputElement).value)}
          onChange={(e) => {
            const value = parseValue((e.currentTarget as HTMLInputElement).value);
            if (value === undefined) setError(t('panel.edit.notNumber'));
            else if (value !== ind.value) void save({ value });
            else setError(undefined);
          }}
        />
        {mark('value')}
      </div>
      <label for={`${idBase}-unit`}>{t('panel.col.unit')}</label>
      <div>
        <input
          id={`${idBase}-unit`}
          data-testid="edit-unit"
          value={ind.unit}
          maxLength={40}
          onChange={(e) => {
            const unit = (e.currentTarget as HTMLInputElement).value.trim();
            if (unit !== ind.unit) void save({ unit });
          }}
        />
        {mark('unit')}
      </div>
      <label for={`${idBase}-dimension`}>{t('panel.col.dimension')}</label>
      <div>
        <select
          id={`${idBase}-dimension`}
          data-testid="edit-dimension"
          value={ind.dimension}
          onChange={(e) => void save({ dimension: (e.currentTarget as HTMLSelectElement).value as ClippedIndicator['dimension'] })}
        >
          {DIMENSIONS.map((d) => (
            <option value={d}>{t(`common.dimension.${d}`)}</option>
          ))}
        </select>
        {mark('dimension')}
      </div>
      <label for={`${idBase}-note`}>{t('panel.edit.note')}</label>
      <textarea
        id={`${idBase}-note`}
        data-testid="edit-note"
        rows={2}
        maxLength={4000}
        value={current.note ?? ''}
        onChange={(e) => {
          const note = (e.currentTarget as HTMLTextAreaElement).value;
          if (note !== (current.note ?? '')) void save({ note });
        }}
      />
      <label for={`${idBase}-tags`}>{t('panel.edit.tags')}</label>
      <input
        id={`${idBase}-tags`}
        data-testid="edit-tags"
        value={(current.tags ?? []).join('，')}
        placeholder={t('panel.edit.tagsHint')}
        onChange={(e) => {
          const tags = [
            ...new Set(
              (e.currentTarget as HTMLInputElement).value
                .split(/[,，;；\s]+/)
                .map((s) => s.trim().slice(0, 40))
                .filter(Boolean),
            ),
          ].slice(0, 20);
          if (tags.join('\n') !== (current.tags ?? []).join('\n')) void save({ tags });
        }}
      />
      {error && (
        <p class="edit-error" role="alert" data-testid="edit-error">
          {error}
        </p>
      )}
    </form>
  );
}
