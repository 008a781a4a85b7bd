import { serveDist, launchBrowser, openApp } from './harness.js';
import fs from 'node:fs/promises'; import path from 'node:path';
const profile = await fs.mkdtemp('/tmp/walk-profile-');
const server = await serveDist();
let browser = await launchBrowser(profile);
let { page } = await openApp(browser.context, server.url);
const files = [];
for (const dir of ['/work/shared/corpus/seeds']) for (const f of await fs.readdir(dir)) files.push(path.join(dir, f));
async function walk(d) { for (const e of await fs.readdir(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) await walk(p); else files.push(p); } }
await walk('/work/shared/corpus/pages');
await page.locator('input[type=file]').setInputFiles(files);
await page.waitForFunction(() => !document.querySelector('.source[aria-busy="true"]') && document.querySelectorAll('.source').length > 5, null, { timeout: 60000 });
await page.waitForTimeout(1500);
console.log('loaded:', await page.getByTestId('record-count').textContent(), files.length, 'files');
await page.screenshot({ path: '/tmp/shots/walk-1-loaded.png' });
await page.getByRole('searchbox').fill('mesenchymal');
const menu = page.locator('details[data-facet="phase"]'); await menu.locator('summary').click(); await menu.locator('input[value="PHASE1"]').check(); await menu.locator('summary').click();
await page.waitForTimeout(500);
console.log('narrowed:', await page.getByTestId('record-count').textContent(), 'hash', await page.evaluate(() => location.hash));
const ids = await page.locator('article.trial-card').evaluateAll((c) => c.map((e) => e.dataset.key));
console.log('shown', ids);
await page.screenshot({ path: '/tmp/shots/walk-2-narrowed.png' });
for (const id of ids.slice(0, 3)) await page.locator(`article.trial-card[data-key="${id}"] .pick input`).check();
await page.getByRole('button', { name: 'Compare 3' }).click();
await page.getByTestId('compare').screenshot({ path: '/tmp/shots/walk-3-compare.png' });
for (const name of ['CSV', 'RIS']) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  await d.saveAs(`/tmp/shots/walk-export.${name.toLowerCase()}`);
}
const before = await page.getByTestId('record-count').textContent();
await browser.close();
browser = await launchBrowser(profile);
({ page } = await openApp(browser.context, server.url + '#' + (await fs.readFile('/dev/null','utf8')), { keepStorage: true }));
await page.waitForTimeout(4000);
console.log('after restart:', await page.getByTestId('record-count').textContent(), 'before:', before);
await page.screenshot({ path: '/tmp/shots/walk-4-restart.png' });
await browser.close(); await server.close();
