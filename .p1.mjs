import { adversarialText } from './test/bench/adversarial.mjs';
const { extractIndicators } = await import('./test/.tmp/extract-bundle.mjs');
const t = adversarialText(1_000_000);
for (let i = 0; i < 3; i++) extractIndicators(t);
const s = performance.now(); for (let i = 0; i < 3; i++) extractIndicators(t); console.log(((performance.now() - s) / 3).toFixed(0), 'ms');
