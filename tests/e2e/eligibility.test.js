// "Check a patient": a person's facts, entered in the panel, give each card a verdict with
// its reasons and their lines; "Possible only" hides the excluded trials; and nothing of the
// person reaches the address, the browser's storage or a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, screenshot, pasteInto, download, artifacts } from './harness.js';

const app = useApp();

/** A fictional trial of our own whose criteria set an ANC threshold. */
const NEUTROPHIL_PAGE = [
  'Fictional Trials Register', '', 'Stromal Cells for a Fictional Marrow Failure', '',
  'Main ID: NCT09990911', 'Recruitment status: Recruiting', 'Age minimum: 18 Years', 'Age maximum: 80 Years',
  'Gender: All', '',
  'Inclusion Criteria:', '- Marrow failure confirmed by biopsy', '- Absolute neutrophil count ≥ 1.5 x 10^9/L',
  'Exclusion Criteria:', '- Active infection', '',
].join('\n');

async function loadTrials(page) {
  await page.getByRole('button', { name: 'Load examples' }).click();
  await page.locator('article.trial-card').nth(3).waitFor();
  await pasteInto(page.getByLabel('Paste registry text'), NEUTROPHIL_PAGE);
  await page.locator('article.trial-card[data-nct-id="NCT09990911"]').waitFor();
}

/** Every text the browser keeps for the page: its address, both storages and IndexedDB. */
function everythingKept(page) {
  return page.evaluate(async () => {
    const out = [location.href, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        out.push(JSON.stringify(all));
      }
      db.close();
    }
    return out.join('\n');
  });
}

test('the panel excludes and admits the right trials, says why with the line, and keeps nothing', async () => {
  const { page } = await app.open();
  await loadTrials(page);
  const panel = page.getByTestId('patient-panel');
  await panel.locator('summary').click();
  assert.match(await panel.getByTestId('patient-privacy').textContent(), /never in the address, never saved in this browser, never in an export/);

  // With the keyboard: the age, then a measurement added with Enter.
  await panel.getByLabel('Age (years)').focus();
  await page.keyboard.type('72.5');
  await page.keyboard.press('Tab');
  await panel.getByLabel('What was measured').selectOption('anc');
  await panel.getByLabel('Value and unit').focus();
  await page.keyboard.type('0.93 x10^9/L');
  await page.keyboard.press('Enter');
  await panel.locator('.patient-list li').first().waitFor();

  const verdict = (nct) => page.locator(`article.trial-card[data-nct-id="${nct}"]`).getByTestId('verdict');
  // The lupus trial takes no one over 65; the marrow trial needs an ANC of 1.5 or more.
  await verdict('NCT09990301').waitFor();
  assert.equal(await verdict('NCT09990301').getAttribute('data-verdict'), 'excluded');
  assert.match(await verdict('NCT09990301').textContent(), /Excluded — age 72\.5 is over the maximum 65 Years/);
  assert.equal(await verdict('NCT09990911').getAttribute('data-verdict'), 'excluded');
  assert.match(await verdict('NCT09990911').textContent(), /ANC/);
  // The knee trial takes 40 to 75 and sets no ANC limit: possible, with criteria to read.
  assert.equal(await verdict('NCT09990001').getAttribute('data-verdict'), 'possible');
  assert.match(await verdict('NCT09990001').textContent(), /^Possible — nothing given rules it out; \d+ criteri(on|a) needs? reading/);

  // The reason's line opens the source there.
  const marrow = page.locator('article.trial-card[data-nct-id="NCT09990911"]');
  await verdict('NCT09990911').locator('summary').click();
  await verdict('NCT09990911').locator('.source-link').first().click();
  assert.match((await marrow.locator('.sv-line.highlighted').allTextContents()).join('\n'), /neutrophil count/);
  await screenshot(page, 'eligibility-panel');

  const excludedCards = await page.locator('[data-verdict="excluded"]').count();
  assert.match(await panel.getByTestId('patient-count').textContent(), new RegExp(`^${excludedCards} trials? excludes? these facts$`));
  await panel.getByLabel('Possible only').check();
  await page.locator('article.trial-card[data-nct-id="NCT09990301"]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-verdict="excluded"]').count(), 0);

  // Nothing of the person in the address, the storages, IndexedDB or an export.
  const json = (await download(page, 'JSON')).text;
  for (const text of [await everythingKept(page), json]) {
    assert.ok(!text.includes('72.5') && !text.includes('0.93'), 'no patient fact is kept or exported');
  }
  // Forget clears the panel, the verdicts and "Possible only"; a reload starts with none.
  await panel.getByRole('button', { name: 'Forget' }).click();
  await page.locator('[data-testid="verdict"]').first().waitFor({ state: 'detached' });
  assert.equal(await page.locator('article.trial-card').count(), 5, 'every trial is shown again');
  assert.equal(await panel.getByLabel('Age (years)').inputValue(), '');
  assert.equal(await panel.locator('.patient-list li').count(), 0);
  await panel.getByLabel('Age (years)').fill('72.5');
  await panel.getByLabel('Age (years)').press('Tab');
  await verdict('NCT09990301').waitFor();
  await page.reload();
  await page.locator('article.trial-card').nth(4).waitFor();
  assert.equal(await page.locator('[data-testid="verdict"]').count(), 0, 'a reload forgets the patient');
  assert.ok(!(await everythingKept(page)).includes('72.5'));
});

test('a measurement the panel cannot read names the variable and what is wrong', async () => {
  const { page } = await app.open();
  await loadTrials(page);
  const panel = page.getByTestId('patient-panel');
  await panel.locator('summary').click();
  await panel.getByLabel('What was measured').selectOption('platelets');
  await panel.getByLabel('Value and unit').fill('lots');
  await panel.getByRole('button', { name: 'Add' }).click();
  assert.match(await panel.getByRole('alert').textContent(), /^platelets: the value is not a number/);
});

/** A fictional trial of our own whose criteria set numbers in several phrasings. */
const THRESHOLDS_PAGE = [
  'Fictional Trials Register', '', 'Stromal Cells After a Fictional Chemotherapy', '',
  'Main ID: NCT09990912', 'Recruitment status: Recruiting', 'Gender: All', '',
  'Inclusion Criteria:', '- Aged 18 to 70 years', '- ECOG performance status 0-2',
  '- Absolute neutrophil count ≥ 1.5 x 10^9/L and platelets at least 100.000/mm³',
  '- Able to attend every visit',
  'Exclusion Criteria:', '- ALT or AST > 2.5 x ULN', '- Left ventricular ejection fraction under 45%', '',
].join('\n');

test("a card marks each threshold in its criterion, its reading shown on hover and on keyboard focus", async () => {
  const { page } = await app.open();
  await pasteInto(page.getByLabel('Paste registry text'), THRESHOLDS_PAGE);
  const card = page.locator('article.trial-card[data-nct-id="NCT09990912"]');
  await card.waitFor();
  const eligibility = card.locator('.eligibility');
  if (!(await eligibility.locator('.section-body').isVisible())) await eligibility.locator('summary').first().click();
  const marks = eligibility.locator('mark.threshold');
  const readings = await marks.evaluateAll((all) => all.map((m) => m.dataset.reading));
  assert.deepEqual(readings, ['Age 18–70 years', 'ECOG 0–2', 'ANC ≥ 1.5 × 10⁹/L', 'Platelets ≥ 100,000/µL',
    'ALT > 2.5 × ULN; AST > 2.5 × ULN', 'LVEF < 45%']);
  // The words marked are the criterion's own; the sentence around them is unmarked.
  const anc = marks.nth(2);
  assert.match(await anc.evaluate((m) => m.firstChild.textContent), /^Absolute neutrophil count ≥ 1\.5 x 10\^9\/L$/);
  assert.equal(await eligibility.locator('li', { hasText: 'Able to attend every visit' }).locator('mark').count(), 0);
  // The reading is hidden until the words are pointed at or focused, and a screen reader reads it.
  const reading = anc.locator('.threshold-reading');
  const shown = () => reading.evaluate((r) => r.getBoundingClientRect().width > 20);
  assert.equal(await shown(), false);
  await anc.hover();
  assert.ok(await shown(), 'hover shows the reading');
  await page.mouse.move(0, 0);
  assert.equal(await shown(), false);
  await anc.focus();
  assert.ok(await shown(), 'keyboard focus shows the reading');
  assert.match(await anc.textContent(), /\(read as ANC ≥ 1\.5 × 10⁹\/L\)/);
  await anc.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'threshold-marks.png') });
});
