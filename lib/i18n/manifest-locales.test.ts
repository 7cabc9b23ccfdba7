/**
 * The manifest's words (name, description, command descriptions) and the context menu's title come from public/_locales, which the browser reads by
 * itself; they must say what the catalogue says, in each of the three languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Locale, LOCALES, type MessageKey, t } from '.';

const LOCALES_DIR = join(__dirname, '../../public/_locales');
/** The browser's folder name for each UI language. */
const FOLDER: Record<Locale, string> = { 'zh-CN': 'zh_CN', 'zh-TW': 'zh_TW', en: 'en' };
/** messages.json names the manifest uses, and the catalogue key each mirrors. */
const MIRRORED: Record<string, MessageKey> = {
  extensionName: 'common.extensionName',
  extensionDescription: 'common.extensionDescription',
  menuClipSelection: 'manual.menu.clipSelection',
  commandClipSelection: 'manual.command.clipSelection',
  commandNextFigure: 'manual.command.nextFigure',
  commandPreviousFigure: 'manual.command.previousFigure',
  commandToggleClip: 'manual.command.toggleClip',
  commandToggleHighlights: 'manual.command.toggleHighlights',
};

function messagesOf(folder: string): Record<string, { message: string }> {
  return JSON.parse(readFileSync(join(LOCALES_DIR, folder, 'messages.json'), 'utf8'));
}

describe('public/_locales', () => {
  it('has exactly the three UI languages', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(Object.values(FOLDER).sort());
  });

  it.each(LOCALES)('%s says what the catalogue says', (locale) => {
    const messages = messagesOf(FOLDER[locale]);
    for (const [name, key] of Object.entries(MIRRORED)) expect(messages[name]?.message, `${FOLDER[locale]} ${name}`).toBe(t(key, undefined, locale));
  });

  it('has the same names in every language', () => {
    const names = (folder: string) => Object.keys(messagesOf(folder)).sort();
    for (const locale of LOCALES) expect(names(FOLDER[locale]), FOLDER[locale]).toEqual(names(FOLDER['zh-CN']));
  });

  it('fits the stores: a name of at most 45 characters, a description of at most 132', () => {
    for (const locale of LOCALES) {
      const messages = messagesOf(FOLDER[locale]);
      expect(messages.extensionName.message.length).toBeLessThanOrEqual(45);
      expect(messages.extensionDescription.message.length).toBeLessThanOrEqual(132);
    }
  });

  it('is what the manifest refers to, with simplified Chinese as the default', () => {
    const config = readFileSync(join(__dirname, '../../wxt.config.ts'), 'utf8');
    for (const name of Object.keys(MIRRORED).filter((n) => n !== 'menuClipSelection')) expect(config).toContain(`'__MSG_${name}__'`);
    expect(config).toContain("default_locale: 'zh_CN'");
    // No command is described by an English literal.
    expect(config).not.toMatch(/description: '(?!__MSG_)/);
  });

  it('gives the context menu its title from the same messages', () => {
    const background = readFileSync(join(__dirname, '../../entrypoints/background.ts'), 'utf8');
    expect(background).toContain("getMessage('menuClipSelection')");
  });
});
