import { render } from 'preact';
import { PdfViewer } from '../../components/pdf-viewer/PdfViewer';
import '../../components/pdf-viewer/pdf-viewer.css';

render(<PdfViewer />, document.getElementById('app')!);
