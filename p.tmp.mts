import { readFileSync } from 'node:fs';
import { html } from './main/core/formats/html/index.js';
import { profile } from '/tmp/fmt/profile.mts';
const page = readFileSync('tests/core/formats/fixtures/news-article.html', 'utf8');
const body = page.slice(page.indexOf('<article>'), page.indexOf('</article>') + '</article>'.length);
const head = page.slice(0, page.indexOf('<article>'));
const hb = Buffer.from(head + Array.from({ length: 3000 }, () => body).join('\r\n') + '\r\n</body>\r\n</html>\r\n');
html.read(Buffer.from(page), { path: 'w.html' });
await profile('html', () => html.read(hb, { path: 'x.html' }));
