import { render } from 'preact';
render(<p>Zhibiao</p>, document.getElementById('app')!);
