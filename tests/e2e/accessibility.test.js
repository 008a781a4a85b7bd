// Accessibility checked by axe-core (WCAG 2 A and AA rules: contrast, labels,
// headings, landmarks) on the empty page and on loaded cards, light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { useApp } from './harness.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const app = useApp();

/** Runs axe in the page; returns its violations as readable lines. */
async function axeViolations(page) {
  // axe is injected through DevTools, outside the page's CSP, and only in this test.
  const cdp = await page.context().newCDPSession(page);
  const source = await fs.readFile(axePath, 'utf8');
  await cdp.send('Runtime.evaluate', { expression: source });
  await cdp.detach();
  const results = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

for (const scheme of ['light', 'dark']) {
  test(`no axe violations in the ${scheme} theme, empty and with every section open`, async () => {
    const { page } = await app.open();
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Load examples' }).click();
    await page.locator('article.trial-card').nth(3).waitFor();
    await page.locator('details').evaluateAll((all) => { for (const d of all) d.open = true; });
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
}
