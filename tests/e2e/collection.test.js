// Working with a collection on the release build: search and each filter narrow the cards,
// sort orders them, the URL fragment restores the view, compare marks exactly the differing
// fields, two sites' pages of one trial reconcile into one card, and every export downloads
// and reads back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useApp, cardsDrawn, screenshot, fixtures, root, parseCsv, download } from './harness.js';

const app = useApp();

/** The four example trials, by NCT ID. */
const KNEE = 'NCT09990001'; // Veeva: Recruiting, Phase 1/2, 48, ages 40–75
const CROHN = 'NCT09990101'; // meddatax: Active not recruiting, Phase 2/3, 96, 18–75, start 2023-02-01
const GVHD = 'NCT09990201'; // meddatax results: Completed, Phase 2, 40, has results, no ages
const LUPUS = 'NCT09990301'; // other registry: Recruiting, Phase 1, 18, 18–65, start 2025-03

async function loadExamples(page) {
  await page.getByRole('button', { name: 'Load examples' }).click();
  await page.getByTestId('record-count').filter({ hasText: /^4 trials$/ }).waitFor();
}

/** The NCT IDs of the cards shown, in order. */
async function shownIds(page) {
  await cardsDrawn(page);
  return page.locator('article.trial-card').evaluateAll((cards) => cards.map((c) => c.dataset.nctId));
}

async function count(page) {
  return (await page.getByTestId('record-count').textContent()).trim();
}

/** Ticks or clears one value of a filter's drop-down. */
async function setFacet(page, facet, value, on = true) {
  const menu = page.locator(`details[data-facet="${facet}"]`);
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  await menu.locator(`input[value="${value}"]`).setChecked(on);
  await menu.locator('summary').click();
}

async function clearView(page) {
  await page.getByRole('button', { name: 'Clear search and filters' }).first().click();
  await page.getByTestId('record-count').filter({ hasText: /^4 trials$/ }).waitFor();
}

test('search and each filter narrow the cards to exactly the trials that match', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  const search = page.getByRole('searchbox', { name: 'Search every field' });

  await search.fill('fistula');
  assert.equal(await count(page), '1 of 4 trials shown');
  assert.deepEqual(await shownIds(page), [CROHN]);
  assert.match(await page.getByTestId('matched-in').textContent(), /^Found in: .*Title/);
  // The matches are highlighted on the card (CSS Custom Highlight API).
  await page.waitForFunction(() => CSS.highlights.get('search')?.size > 0);
  const marked = await page.evaluate(() => [...CSS.highlights.get('search')].map((r) => r.toString().toLowerCase()));
  assert.ok(marked.length >= 3, `several matches marked, got ${marked.length}`);
  assert.ok(marked.every((m) => m === 'fistula'), `only the word is marked: ${marked}`);

  // Words must all occur; a quoted phrase must occur as written; the search sees criteria.
  await search.fill('knee placebo');
  assert.deepEqual(await shownIds(page), [KNEE]);
  await search.fill('"Kellgren-Lawrence grade"');
  assert.deepEqual(await shownIds(page), [KNEE]);
  await search.fill('knee lupus');
  assert.equal(await count(page), '0 of 4 trials shown');
  assert.match(await page.locator('.empty-hint').textContent(), /No trial matches/);
  await search.fill('');
  await page.waitForFunction(() => !CSS.highlights.has('search'));
  assert.equal(await count(page), '4 trials');

  await setFacet(page, 'status', 'RECRUITING');
  assert.deepEqual(await shownIds(page), [KNEE, LUPUS]);
  assert.equal(await count(page), '2 of 4 trials shown');
  await setFacet(page, 'status', 'COMPLETED');
  assert.deepEqual(await shownIds(page), [KNEE, GVHD, LUPUS], 'values of one filter are alternatives');
  await clearView(page);

  await setFacet(page, 'phase', 'PHASE1');
  assert.deepEqual(await shownIds(page), [KNEE, LUPUS]);
  await setFacet(page, 'status', 'ACTIVE_NOT_RECRUITING');
  assert.deepEqual(await shownIds(page), [], 'different filters must all hold');
  await clearView(page);

  await setFacet(page, 'type', 'INTERVENTIONAL');
  assert.deepEqual(await shownIds(page), [KNEE, CROHN, LUPUS], 'the results page gives no study type');
  await clearView(page);

  await setFacet(page, 'sex', 'FEMALE');
  assert.deepEqual(await shownIds(page), [KNEE, CROHN, LUPUS], 'trials open to all accept women');
  await clearView(page);

  const age = page.getByRole('spinbutton', { name: 'An age in years the trial accepts' });
  await age.fill('70');
  assert.deepEqual(await shownIds(page), [KNEE, CROHN, GVHD], 'lupus stops at 65; no stated ages limit nobody');
  await age.fill('30');
  assert.deepEqual(await shownIds(page), [CROHN, GVHD, LUPUS], 'knee starts at 40');
  await clearView(page);

  await setFacet(page, 'source', 'meddatax-results');
  assert.deepEqual(await shownIds(page), [GVHD]);
  await clearView(page);

  await page.getByRole('combobox', { name: 'Posted results' }).selectOption('yes');
  assert.deepEqual(await shownIds(page), [GVHD]);
  await page.getByRole('combobox', { name: 'Posted results' }).selectOption('no');
  assert.deepEqual(await shownIds(page), [KNEE, CROHN, LUPUS]);
  await screenshot(page, 'collection-filtered');
});

test('sort orders the cards by each key, missing values last either way', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  const sortBy = page.getByRole('combobox', { name: 'Sort by' });
  const order = page.locator('button.order');

  await sortBy.selectOption('enrollment');
  assert.deepEqual(await shownIds(page), [LUPUS, GVHD, KNEE, CROHN], '18 < 40 < 48 < 96');
  await order.click();
  assert.deepEqual(await shownIds(page), [CROHN, KNEE, GVHD, LUPUS]);
  await order.click();

  await sortBy.selectOption('nct');
  assert.deepEqual(await shownIds(page), [KNEE, CROHN, GVHD, LUPUS]);
  await sortBy.selectOption('start');
  assert.deepEqual(await shownIds(page), [CROHN, LUPUS, KNEE, GVHD], 'trials without a start date last');
  await order.click();
  assert.deepEqual(await shownIds(page), [LUPUS, CROHN, KNEE, GVHD], 'still last when descending');
  await order.click();

  await sortBy.selectOption('title');
  const titles = await page.locator('article.trial-card h2').allTextContents();
  assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

  await sortBy.selectOption('status');
  const statuses = await page.locator('article.trial-card .badge.status').evaluateAll((b) => b.map((e) => e.dataset.status));
  // CT.gov's order of statuses: ACTIVE_NOT_RECRUITING, COMPLETED, …, RECRUITING.
  assert.deepEqual(statuses, ['ACTIVE_NOT_RECRUITING', 'COMPLETED', 'RECRUITING', 'RECRUITING']);
});

test('the URL fragment keeps the search, filters and sort through a reload', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  await page.getByRole('searchbox', { name: 'Search every field' }).fill('stromal cells');
  await setFacet(page, 'phase', 'PHASE2');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('enrollment');
  await page.locator('button.order').click();
  const before = await shownIds(page);
  assert.deepEqual(before, [CROHN, KNEE, GVHD], 'phase 2 trials about stromal cells, most participants first');
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /q=stromal%20cells/);
  assert.match(hash, /phase=PHASE2/);
  assert.match(hash, /sort=enrollment/);
  assert.match(hash, /order=desc/);

  await page.reload();
  await page.getByLabel('Paste registry text').waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Search every field' }).inputValue(), 'stromal cells');
  assert.equal(await page.getByRole('combobox', { name: 'Sort by' }).inputValue(), 'enrollment');
  // The collection itself is kept by the browser; the view applies to it at once.
  await page.getByTestId('record-count').filter({ hasText: /^3 of 4 trials shown$/ }).waitFor();
  assert.deepEqual(await shownIds(page), before);

  // A bookmark opened in a new tab shows the same view.
  const second = await app.open();
  await second.page.goto(page.url());
  await second.page.getByTestId('record-count').filter({ hasText: /^3 of 4 trials shown$/ }).waitFor();
  assert.deepEqual(await shownIds(second.page), before);
});

/** Normalised cell text, as the app's comparison sets aside case, punctuation and spacing. */
function same(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

test('compare puts 2 to 6 trials side by side and marks exactly the fields that differ', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  for (const id of [KNEE, CROHN, LUPUS]) {
    await page.getByRole('checkbox', { name: `Compare ${id}` }).check();
  }
  assert.match(await page.getByTestId('compare-bar').textContent(), /3 of 6 picked/);
  assert.match(await page.evaluate(() => location.hash), /compare=NCT09990001,NCT09990101,NCT09990301/);
  await page.getByRole('button', { name: 'Compare 3' }).click();
  const table = page.getByTestId('compare').locator('table');
  assert.deepEqual(await table.locator('thead th[data-key]').evaluateAll((t) => t.map((h) => h.dataset.key)), [KNEE, CROHN, LUPUS]);

  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    field: tr.dataset.field,
    differs: tr.classList.contains('differs'),
    marked: tr.querySelector('.differs-mark') !== null,
    cells: [...tr.querySelectorAll('td')].map((td) => (td.querySelector('[aria-label="not given"]') ? null : td.textContent)),
  })));
  assert.ok(rows.length > 15, `many fields compared, got ${rows.length}`);
  for (const row of rows) {
    const values = new Set(row.cells.map((c) => (c === null ? null : same(c))));
    assert.equal(row.differs, values.size > 1, `${row.field}: marked ${row.differs} for ${JSON.stringify(row.cells)}`);
    assert.equal(row.marked, row.differs, `${row.field}: the ≠ mark goes with the row's colour`);
  }
  const byField = Object.fromEntries(rows.map((r) => [r.field, r]));
  assert.equal(byField.overallStatus.differs, true);
  assert.equal(byField.studyType.differs, false);
  assert.equal(byField.minimumAge.differs, true);
  assert.deepEqual(byField.maximumAge.cells, ['75 Years', '75 Years', '65 Years']);

  // Only the differing rows, on request.
  await page.getByLabel('Only fields that differ').check();
  const differing = rows.filter((r) => r.differs).length;
  assert.equal(await table.locator('tbody tr').count(), differing);
  await page.getByLabel('Only fields that differ').uncheck();

  // At most six: with six picked, the other boxes are disabled (four examples → pick all four).
  await page.getByRole('checkbox', { name: `Compare ${GVHD}` }).check();
  await page.getByRole('button', { name: 'Compare 4' }).waitFor();

  // On a phone the table scrolls sideways and the field names stay pinned.
  await page.setViewportSize({ width: 390, height: 844 });
  const scroller = page.getByTestId('compare').locator('.compare-scroll');
  assert.ok(await scroller.evaluate((s) => s.scrollWidth > s.clientWidth + 100), 'the table is wider than the phone');
  const nameCell = table.locator('tbody tr').first().locator('th');
  const x0 = (await nameCell.boundingBox()).x;
  await scroller.evaluate((s) => { s.scrollLeft = 400; });
  const x1 = (await nameCell.boundingBox()).x;
  assert.ok(Math.abs(x1 - x0) < 1, `field names pinned (x ${x0} → ${x1})`);
  const firstValue = table.locator('tbody tr').first().locator('td').first();
  assert.ok((await firstValue.boundingBox()).x < x0, 'the values scrolled under the pinned names');
  await screenshot(page, 'collection-compare-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await scroller.evaluate((s) => { s.scrollLeft = 0; });
  await screenshot(page, 'collection-compare');

  await page.getByRole('button', { name: 'Close comparison' }).click();
  assert.equal(await page.getByTestId('compare').count(), 0);
});

test('a Veeva page and a meddatax page of the same trial become one card that flags each disagreement', async () => {
  const { page } = await app.open();
  await page.locator('input[type=file]').setInputFiles([
    path.join(fixtures, 'veeva_fictional_knee_msc.txt'),
    path.join(fixtures, 'meddatax_fictional_knee_msc.txt'),
  ]);
  await page.getByTestId('record-count').filter({ hasText: /^1 trial \(2 records\)$/ }).waitFor();
  const card = page.locator('article.trial-card');
  assert.equal(await card.count(), 1);
  assert.equal(await card.getAttribute('data-nct-id'), 'NCT09990001');
  assert.equal((await card.getByTestId('sources-count').textContent()).trim(), '2 sources');
  const reconciled = card.getByTestId('reconciled');
  assert.match(await reconciled.locator('.reconciled-summary').textContent(), /Read from 2 sources \(same NCT ID NCT09990001\) — they disagree on 2 fields/);
  const differences = await reconciled.locator('.difference').evaluateAll((ds) => ds.map((d) => ({
    field: d.dataset.field,
    values: [...d.querySelectorAll('dd')].map((dd) => [...dd.childNodes].filter((n) => !n.classList?.contains('source-link')).map((n) => n.textContent).join('').trim()),
  })));
  assert.deepEqual(differences, [
    { field: 'overallStatus', values: ['veeva_fictional_knee_msc.txt: Recruiting', 'meddatax_fictional_knee_msc.txt: Unknown status'] },
    { field: 'enrollmentInfo', values: ['veeva_fictional_knee_msc.txt: 48', 'meddatax_fictional_knee_msc.txt: 60'] },
  ]);
  // The card shows the source updated last (the meddatax page says when it was updated).
  assert.match(await reconciled.locator('li.shown').textContent(), /meddatax_fictional_knee_msc\.txt/);
  await screenshot(page, 'collection-reconciled');

  // Removing the card removes the trial from both sources.
  await card.getByRole('button', { name: 'Remove card for NCT09990001' }).click();
  await page.getByTestId('record-count').filter({ hasText: /^0 trials$/ }).waitFor();
});

/** ClinicalTrials.gov's CSV download columns. */
const CTGOV_COLUMNS = ['NCT Number', 'Study Title', 'Study URL', 'Acronym', 'Study Status', 'Brief Summary', 'Study Results',
  'Conditions', 'Interventions', 'Primary Outcome Measures', 'Secondary Outcome Measures', 'Other Outcome Measures', 'Sponsor',
  'Collaborators', 'Sex', 'Age', 'Phases', 'Enrollment', 'Funder Type', 'Study Type', 'Study Design', 'Other IDs', 'Start Date',
  'Primary Completion Date', 'Completion Date', 'First Posted', 'Results First Posted', 'Last Update Posted', 'Locations',
  'Study Documents'];

test('exports download what is shown as CSV, RIS and JSON, and each reads back', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  await setFacet(page, 'phase', 'PHASE1');
  assert.deepEqual(await shownIds(page), [KNEE, LUPUS]);

  // CSV: CT.gov's columns, one row per trial shown, lists joined with a bare "|" as CT.gov joins them.
  const csv = await download(page, 'CSV');
  assert.match(csv.name, /^trialcards-2-trials-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.notEqual(csv.text.charCodeAt(0), 0xfeff, 'no byte order mark unless asked');
  const rows = parseCsv(csv.text);
  assert.deepEqual(rows[0], CTGOV_COLUMNS);
  assert.equal(rows.length, 3);
  const at = (row, column) => row[CTGOV_COLUMNS.indexOf(column)];
  assert.deepEqual(rows.slice(1).map((r) => at(r, 'NCT Number')), [KNEE, LUPUS]);
  assert.equal(at(rows[1], 'Phases'), 'PHASE1|PHASE2');
  assert.equal(at(rows[1], 'Study Status'), 'RECRUITING');
  assert.equal(at(rows[1], 'Study URL'), `https://clinicaltrials.gov/study/${KNEE}`);
  assert.equal(at(rows[2], 'Enrollment'), '18');

  // The byte order mark for spreadsheet programs, on request.
  await page.getByLabel('CSV for Excel (UTF-8 mark)').check();
  const excel = await download(page, 'CSV');
  assert.equal(excel.text.charCodeAt(0), 0xfeff);
  assert.equal(excel.text.slice(1), csv.text);

  // Our own reader reads the CSV back: the same trials, joined to the cards they came from.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trialcards-export-'));
  await fs.writeFile(path.join(dir, csv.name), csv.text);
  await page.locator('input[type=file]').setInputFiles(path.join(dir, csv.name));
  await page.getByTestId('record-count').filter({ hasText: /\(6 records\)/ }).waitFor();
  assert.equal(await page.locator(`article.trial-card[data-nct-id="${KNEE}"]`).getAttribute('data-records'), '2');
  const knee = page.locator(`article.trial-card[data-nct-id="${KNEE}"]`);
  const disagreements = await knee.locator('.difference').evaluateAll((ds) => ds.map((d) => d.dataset.field));
  assert.deepEqual(disagreements, [], 'the CSV says nothing the page did not');
  await page.locator('.source', { hasText: csv.name }).getByRole('button', { name: /Remove/ }).click();
  await page.getByTestId('record-count').filter({ hasText: /^2 of 4 trials shown$/ }).waitFor();

  // RIS: one entry per trial, TY first and ER last, every line a known tag.
  const ris = await download(page, 'RIS');
  assert.match(ris.name, /\.ris$/);
  const entries = ris.text.split(/\r\n/).filter((l) => l !== '').reduce((all, line) => {
    if (line.startsWith('TY  - ')) all.push([]);
    all[all.length - 1].push(line);
    return all;
  }, []);
  assert.equal(entries.length, 2);
  // The RIS specification fixes only TY first and ER last; our writer's order is this one.
  const RIS_ORDER = ['TY', 'TI', 'ST', 'AU', 'A4', 'PY', 'DA', 'DB', 'AN', 'UR', 'AB', 'KW', 'N1', 'ER'];
  for (const [i, entry] of entries.entries()) {
    for (const line of entry) assert.match(line, /^[A-Z][A-Z0-9] {2}- /, `RIS line: ${line}`);
    const tags = entry.map((l) => l.slice(0, 2));
    assert.equal(tags[0], 'TY');
    assert.equal(tags.at(-1), 'ER');
    for (const needed of ['TI', 'AU', 'DB', 'AN', 'UR']) assert.ok(tags.includes(needed), `${needed} in ${tags}`);
    const known = tags.filter((t) => RIS_ORDER.includes(t));
    assert.deepEqual(known, [...known].sort((a, b) => RIS_ORDER.indexOf(a) - RIS_ORDER.indexOf(b)), `tags in order: ${tags}`);
    assert.ok(entry.includes(`AN  - ${[KNEE, LUPUS][i]}`));
    assert.ok(entry.includes(`UR  - https://clinicaltrials.gov/study/${[KNEE, LUPUS][i]}`));
  }
  // The sponsor as a corporate author (the trailing comma keeps Zotero and EndNote from
  // splitting it into family and given names); the summary as the abstract.
  assert.ok(entries[0].includes('AU  - Northwind University Hospital,'), 'the sponsor as author');
  assert.ok(entries[0].some((l) => /^AB {2}- This fictional study tests whether umbilical cord/.test(l)), 'the summary as abstract');

  // JSON: exactly the records the parser gives for the same pages (the CLI parses them here).
  await page.getByRole('radio', { name: /all 4/ }).check();
  const json = await download(page, 'JSON');
  const exported = JSON.parse(json.text);
  assert.equal(exported.length, 4);
  const names = ['Example: ClinicalTrials.Veeva page.txt', 'Example: meddatax.com study page.txt',
    'Example: meddatax.com results page.txt', "Example: another registry's page.txt"];
  const files = ['veeva_knee_cartilage_msc.txt', 'meddatax_crohn_fistula_msc.txt', 'meddatax_results_gvhd_msc.txt',
    'other_registry_lupus_msc.txt'];
  for (const [i, file] of files.entries()) await fs.copyFile(path.join(root, 'web', 'examples', file), path.join(dir, names[i]));
  const cli = JSON.parse(execFileSync(path.join(root, 'target', 'debug', 'trialcards'), ['parse', ...names], { cwd: dir, encoding: 'utf8' }));
  const byId = (list) => Object.fromEntries(list.map((r) => [r.protocolSection.identificationModule.nctId, r]));
  assert.deepEqual(byId(exported), byId(cli));
  await fs.rm(dir, { recursive: true, force: true });
});
