import { render } from 'preact';
import { App } from '../../components/App';
import '../../components/popup.css';

render(<App />, document.getElementById('app')!);
