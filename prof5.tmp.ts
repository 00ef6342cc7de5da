import { generateSdlxliff } from './bench/xliff.js';
import { xliff } from './main/core/formats/xliff/index.js';
const bytes = new TextEncoder().encode(generateSdlxliff(10 * 1024 * 1024));
const c0 = process.cpuUsage(); const t0 = performance.now();
const doc = xliff.read(bytes, { path: 'x' });
const c1 = process.cpuUsage(c0);
console.log('read wall', (performance.now() - t0).toFixed(0), 'cpu', ((c1.user + c1.system) / 1000).toFixed(0), doc.units.length);
