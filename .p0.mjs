import { readFileSync } from 'node:fs';
const { extractIndicators } = await import('./test/.tmp/extract-bundle.mjs');
const t = readFileSync('../shared/corpus/000_2fac613d75ea5922.txt', 'utf8');
for (let i = 0; i < 200; i++) extractIndicators(t);
const s = performance.now(); for (let i = 0; i < 50; i++) extractIndicators(t); console.log(((performance.now() - s) / 50).toFixed(2), 'ms');
