/** The UI language: follow the browser, or one of the three. Each language is named in itself. */
import { type LocaleSetting, type MessageKey, t } from '../../lib/i18n';

const OPTIONS: { value: LocaleSetting; key: MessageKey }[] = [
  { value: 'auto', key: 'popup.language.auto' },
  { value: 'zh-CN', key: 'popup.language.zhCN' },
  { value: 'zh-TW', key: 'popup.language.zhTW' },
  { value: 'en', key: 'popup.language.en' },
];

export function LanguagePicker({ value, onChange }: { value: LocaleSetting; onChange: (setting: LocaleSetting) => void }) {
  return (
    <label class="language-picker">
      <span class="visually-hidden">{t('popup.language.label')}</span>
      <select data-testid="ui-language" title={t('popup.language.label')} value={value} onChange={(e) => onChange(e.currentTarget.value as LocaleSetting)}>
        {OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {t(option.key)}
          </option>
        ))}
      </select>
    </label>
  );
}
