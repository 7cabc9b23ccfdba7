/**
 * The extractor's word tables and the message schemas are built when first used, so the content
 * script does not build them in its first task on every page. The background reads the pages'
 * text (page.extract) and checks every message it receives: it builds them once it has started,
 * in a task of its own, so a new browser's first page does not wait for them.
 */
import { indexWordTables } from '../extract/word-index';
import { prepareTables } from '../messages/protocol';

export function prepareForPages(): void {
  setTimeout(() => {
    prepareTables(['content->background', 'ui->background']);
    indexWordTables();
  }, 0);
}
