// Unit tests read the UI in simplified Chinese, the product's first language, whatever the
// language of the machine running them; tests of other languages choose theirs.
import { setLocale } from '../../lib/i18n';

setLocale('zh-CN');
