import { render } from 'preact';
import { currentLocale, t } from '../../lib/i18n';
import { App } from '../../components/popup/App';
import '../../components/popup/popup.css';

document.documentElement.lang = currentLocale();
document.title = t('common.extensionName');
render(<App />, document.getElementById('app')!);
