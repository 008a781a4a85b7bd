// Every way a page comes in besides pasting: drop (files and folders), the picker's
// kinds, and removing a source again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  useApp, cardsDrawn, root, fixture, fixtures, dropPaths, dropFiles, screenshot,
} from './harness.js';

const app = useApp();

async function cardIds(page) {
  await cardsDrawn(page);
  return page.locator('article.trial-card').evaluateAll((cards) => cards.map((c) => c.dataset.nctId).sort());
}

test('dropping several files anywhere on the page loads each of them', async () => {
  const { page, offOrigin } = await app.open();
  const knee = await fixture('veeva_fictional_knee_msc.txt');
  const lupus = await fixture('dropped-folder/veeva_fictional_lupus_msc.txt');
  await dropFiles(page, [{ name: 'knee.txt', text: knee }, { name: 'lupus.txt', text: lupus }]);
  await page.locator('article.trial-card').nth(1).waitFor();
  assert.deepEqual(await cardIds(page), ['NCT09990001', 'NCT09990002']);
  assert.match(await page.getByTestId('record-count').textContent(), /\b2\b/);
  assert.deepEqual(offOrigin, []);
  await page.close();
});

test('a dropped folder is walked to every file inside it, nested folders too', async () => {
  const { page } = await app.open();
  await dropPaths(page, [path.join(fixtures, 'dropped-folder')]);
  await page.locator('article.trial-card').nth(1).waitFor();
  assert.deepEqual(await cardIds(page), ['NCT09990002', 'NCT09990003']);
  const names = await page.locator('.source-name').allTextContents();
  assert.ok(names.includes('dropped-folder/nested/veeva_fictional_stroke_msc.txt'), names.join(', '));
  await page.close();
});

test('the overlay shows while files are dragged over the page', async () => {
  const { page } = await app.open();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'x.txt'));
    document.querySelector('.drop-zone').dispatchEvent(
      new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.getByTestId('drop-overlay').waitFor();
  await screenshot(page, 'drop-overlay');
  await page.evaluate(() => {
    document.querySelector('.drop-zone').dispatchEvent(new DragEvent('dragleave', { bubbles: true }));
  });
  await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
  await page.close();
});

test('a bad file among good ones: one alert naming it, the good ones load', async () => {
  const { page } = await app.open();
  await dropPaths(page, [
    path.join(fixtures, 'veeva_fictional_knee_msc.txt'),
    path.join(fixtures, 'image.png'),
    path.join(fixtures, 'dropped-folder', 'veeva_fictional_lupus_msc.txt'),
  ]);
  await page.locator('article.trial-card').nth(1).waitFor();
  const alerts = page.getByRole('alert');
  await alerts.first().waitFor();
  assert.equal(await alerts.count(), 1);
  assert.equal(await alerts.textContent(), 'image.png is a PNG image, not a registry page saved as text');
  assert.deepEqual(await cardIds(page), ['NCT09990001', 'NCT09990002']);
  await page.close();
});

test('images, PDFs, archives, empty and huge files each get an alert naming them; nothing else is lost', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trialcards-bad-'));
  const bad = {
    'scan.pdf': Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'),
    'pages.zip': Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000', 'binary'),
    'still-downloading.txt': Buffer.alloc(0),
    'huge.txt': Buffer.alloc(26 * 1024 * 1024, 'a'),
  };
  for (const [name, bytes] of Object.entries(bad)) await fs.writeFile(path.join(dir, name), bytes);
  const { page } = await app.open();
  await page.locator('input[type="file"]').setInputFiles(path.join(fixtures, 'veeva_fictional_knee_msc.txt'));
  await page.locator('article.trial-card').first().waitFor();
  await dropPaths(page, [
    ...Object.keys(bad).map((name) => path.join(dir, name)),
    path.join(fixtures, 'dropped-folder', 'veeva_fictional_lupus_msc.txt'),
  ]);
  await page.locator('article.trial-card').nth(1).waitFor();
  await page.getByRole('alert').nth(3).waitFor();
  const alerts = await page.getByRole('alert').allTextContents();
  assert.deepEqual(alerts.sort(), [
    'huge.txt is 26.0 MB — larger than the 25 MB trialcards reads; a registry page is far smaller',
    'pages.zip is a ZIP archive (or a Word, Excel or OpenDocument file), not a registry page saved as text',
    'scan.pdf is a PDF document, not a registry page saved as text',
    'still-downloading.txt is empty: there is no text to read',
  ]);
  assert.deepEqual(await cardIds(page), ['NCT09990001', 'NCT09990002'], 'what was loaded before is kept');
  await fs.rm(dir, { recursive: true, force: true });
  await page.close();
});

test('the picker offers the kinds we read; CT.gov JSON, CSV and XML load; other JSON says what it is', async () => {
  const { page } = await app.open();
  const picker = page.locator('input[type="file"]');
  const accept = (await picker.getAttribute('accept')).split(',');
  for (const kind of ['.txt', '.text', '.md', '.html', '.htm', '.mhtml', '.json', '.xml', '.csv']) {
    assert.ok(accept.includes(kind), `accept lists ${kind}`);
  }
  await picker.setInputFiles([
    path.join(fixtures, 'ctgov_study.json'),
    path.join(fixtures, 'ctgov_download.csv'),
    path.join(fixtures, 'study.json'),
    path.join(fixtures, 'study.xml'),
  ]);
  await page.getByRole('alert').first().waitFor();
  const alerts = await page.getByRole('alert').allTextContents();
  assert.equal(alerts.length, 1, alerts.join(' / '));
  assert.match(alerts[0], /^study\.json: this is valid JSON but not a ClinicalTrials\.gov study/);
  // One record from the JSON study, three from the CSV rows (one of them the JSON's trial,
  // so the two share a card), one from the XML.
  await page.getByTestId('record-count').filter({ hasText: /^4 trials \(5 records\)$/ }).waitFor();
  const ids = await cardIds(page);
  assert.deepEqual(ids, ['NCT09990021', 'NCT09990031', 'NCT09990032', 'NCT09990099']);
  assert.equal(await page.locator('article.trial-card[data-nct-id="NCT09990021"]').getAttribute('data-records'), '2');
  assert.match(await page.locator('article.trial-card[data-nct-id="NCT09990099"] .card-meta').textContent(),
    /ClinicalTrials\.gov XML record/);
  const json = page.locator('article.trial-card').first();
  assert.match(await json.locator('.card-meta').textContent(), /ClinicalTrials\.gov JSON record/);
  await page.close();
});

test('pages saved as HTML and as MHTML give the same cards as their text', async () => {
  const saved = path.join(root, 'crates', 'core', 'tests', 'fixtures', 'saved_pages');
  const { page, offOrigin, cspViolations } = await app.open();
  const card = page.locator('article.trial-card[data-nct-id="NCT09990001"]');
  // Each form on its own (together they would be one card with three sources).
  const read = async (file) => {
    await dropPaths(page, [file]);
    await card.waitFor();
    const text = await card.locator('.card-sections').evaluate((el) => {
      for (const d of el.querySelectorAll('details')) d.open = true;
      // The source lines are the saved page's visible text, whose blank lines may fall
      // otherwise than the text page's: the values are compared, not their line numbers.
      for (const b of el.querySelectorAll('.source-link')) b.textContent = '';
      return el.innerText;
    });
    const meta = await card.locator('.card-layout').textContent();
    await page.getByRole('button', { name: `Remove ${path.basename(file)} and its cards` }).click();
    await card.waitFor({ state: 'detached' });
    return { text, meta };
  };
  const fromText = await read(path.join(fixtures, 'veeva_fictional_knee_msc.txt'));
  const fromHtml = await read(path.join(saved, 'veeva_fictional_knee_msc.html'));
  const fromMhtml = await read(path.join(saved, 'veeva_fictional_knee_msc.mhtml'));
  assert.equal(fromHtml.text, fromText.text, 'the HTML page reads as the text page');
  assert.equal(fromMhtml.text, fromText.text, 'the MHTML page reads as the text page');
  assert.match(fromHtml.meta, /saved as HTML/);
  assert.match(fromMhtml.meta, /MHTML/);
  // All three at once: one trial, three sources, no field on which they disagree.
  await dropPaths(page, [
    path.join(fixtures, 'veeva_fictional_knee_msc.txt'),
    path.join(saved, 'veeva_fictional_knee_msc.html'),
    path.join(saved, 'veeva_fictional_knee_msc.mhtml'),
  ]);
  await page.getByTestId('record-count').filter({ hasText: /^1 trial \(3 records\)$/ }).waitFor();
  assert.match(await card.getByTestId('reconciled').textContent(), /Read from 3 sources \(same NCT ID NCT09990001\) — they agree on every field they share/);
  assert.deepEqual(offOrigin, [], 'nothing the saved pages reference is fetched');
  assert.deepEqual(await cspViolations(), []);
  await page.close();
});

test('removing a source removes its cards and keeps the others', async () => {
  const { page } = await app.open();
  await page.locator('input[type="file"]').setInputFiles([
    path.join(fixtures, 'veeva_fictional_knee_msc.txt'),
    path.join(fixtures, 'dropped-folder', 'veeva_fictional_lupus_msc.txt'),
  ]);
  await page.locator('article.trial-card').nth(1).waitFor();
  await page.getByRole('button', { name: 'Remove veeva_fictional_knee_msc.txt and its cards' }).click();
  await page.locator('article.trial-card[data-nct-id="NCT09990001"]').waitFor({ state: 'detached' });
  assert.deepEqual(await cardIds(page), ['NCT09990002']);
  assert.match(await page.getByTestId('record-count').textContent(), /\b1\b/);
  await page.close();
});

test('UTF-16 and windows-1252 files read with their symbols intact', async () => {
  const { page } = await app.open();
  await page.locator('input[type="file"]').setInputFiles([
    path.join(fixtures, 'utf16le_bom_page.txt'),
    path.join(fixtures, 'windows1252_page.txt'),
  ]);
  const utf16 = page.locator('article.trial-card[data-nct-id="NCT09990701"]');
  const cp1252 = page.locator('article.trial-card[data-nct-id="NCT09990702"]');
  await utf16.waitFor();
  await cp1252.waitFor();
  assert.equal(await utf16.locator('h2').textContent(), 'A Fictional “Quoted” Trial of µ-Dosed Cells in Knees');
  assert.equal(await cp1252.locator('h2').textContent(), 'A Fictional “Quoted” Trial of µ-Dosed Cells in Elbows');
  for (const [card, age] of [[utf16, 'Age ≥ 18 years'], [cp1252, 'Age >= 18 years']]) {
    await card.locator('details.eligibility').evaluate((el) => { el.open = true; });
    // The criteria's own words, without the readings of the thresholds marked in them.
    const items = await card.locator('details.eligibility ul.criteria > li').evaluateAll((all) => all.map((li) => {
      const copy = li.cloneNode(true);
      copy.querySelectorAll('.threshold-reading').forEach((r) => r.remove());
      return copy.textContent;
    }));
    assert.deepEqual(items, [age, 'Weight 70 ± 10 kg', 'Dose 10 µg/kg', '“Informed” consent given']);
  }
  await page.close();
});

test('picked files are listed in the order they were picked, however long each takes to read', async () => {
  const { page } = await app.open();
  const knee = await fixture('veeva_fictional_knee_msc.txt');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trialcards-order-'));
  // The first file is the largest: read concurrently, it would finish last.
  const paths = [];
  for (let i = 0; i < 9; i++) {
    const nct = `NCT0999${String(8000 + i).padStart(4, '0')}`;
    const padding = i === 0 ? '\nA line no reader places.'.repeat(200_000) : '';
    const file = path.join(dir, `order_${i}.txt`);
    await fs.writeFile(file, knee.replace(/NCT09990001/g, nct) + padding);
    paths.push(file);
  }
  await page.locator('input[type=file]').setInputFiles(paths);
  await page.getByTestId('record-count').filter({ hasText: /^9 trials$/ }).waitFor({ timeout: 60_000 });
  const names = await page.locator('.source-name').allTextContents();
  assert.deepEqual(names, paths.map((p) => path.basename(p)));
  await fs.rm(dir, { recursive: true, force: true });
});

test('a parse worker that dies names the file it was reading, and a new one reads the rest', async () => {
  const { page, workers } = await app.open();
  const picker = page.locator('input[type="file"]');
  const text = (file) => fs.readFile(path.join(root, 'web', 'examples', file));
  await picker.setInputFiles({ name: 'zero.txt', mimeType: 'text/plain', buffer: await text('meddatax_results_gvhd_msc.txt') });
  await page.locator('article.trial-card').first().waitFor();
  assert.equal(page.workers().length, 1, 'one parse worker (a page needs no structured worker)');
  // The worker now fails on its next job, as one whose wasm ran out of memory does: an error
  // it does not catch, mid-way through a job. It reports two more before it, so that errors
  // are still queued for the page after it ended the worker: each must be taken quietly.
  await page.workers()[0].evaluate(() => {
    self.onmessage = () => {
      self.reportError(new Error('RuntimeError: unreachable (simulated)'));
      self.reportError(new Error('RuntimeError: unreachable (simulated, again)'));
      throw new Error('RuntimeError: unreachable (simulated, a third time)');
    };
  });
  await picker.setInputFiles([
    { name: 'first.txt', mimeType: 'text/plain', buffer: await text('veeva_knee_cartilage_msc.txt') },
    { name: 'second.txt', mimeType: 'text/plain', buffer: await text('meddatax_crohn_fistula_msc.txt') },
  ]);
  const first = page.locator('li.source', { hasText: 'first.txt' });
  const problem = first.getByRole('alert');
  await problem.waitFor();
  assert.match(await problem.textContent(), /^first\.txt could not be read: the parser stopped while reading it \(.*simulated/);
  // The file after it is read by a new worker; what was loaded stays.
  await page.locator('article.trial-card').nth(1).waitFor();
  assert.equal(await page.locator('article.trial-card').count(), 2);
  assert.equal(await page.locator('li.source', { hasText: 'second.txt' }).getByRole('alert').count(), 0);
  assert.equal(workers.length, 2, 'a second worker was started');
  await page.waitForFunction(() => true);
  assert.equal(page.workers().length, 1, 'the dead worker was ended');
  // And the new worker goes on reading.
  await picker.setInputFiles({ name: 'third.txt', mimeType: 'text/plain', buffer: await text('other_registry_lupus_msc.txt') });
  await page.locator('article.trial-card').nth(2).waitFor();
  await screenshot(page, 'worker-died-and-restarted');
});

test('CT.gov JSON, XML and CSV go to a structured worker the parse worker starts on first need, in the order picked; one that dies names its file', async () => {
  const { page } = await app.open();
  const picker = page.locator('input[type="file"]');
  const example = (file) => fs.readFile(path.join(root, 'web', 'examples', file));
  const bytes = (file) => fs.readFile(path.join(fixtures, file));
  await picker.setInputFiles({ name: 'knee.txt', mimeType: 'text/plain', buffer: await example('veeva_knee_cartilage_msc.txt') });
  await page.locator('article.trial-card').first().waitFor();
  assert.equal(page.workers().length, 1, 'pages need the parse worker only');
  const picked = [
    ['study.json', 'application/json', await bytes('ctgov_study.json')],
    ['lupus.txt', 'text/plain', await example('other_registry_lupus_msc.txt')],
    ['study.xml', 'text/xml', await bytes('study.xml')],
    ['download.csv', 'text/csv', await bytes('ctgov_download.csv')],
    ['crohn.txt', 'text/plain', await example('meddatax_crohn_fistula_msc.txt')],
  ];
  await picker.setInputFiles(picked.map(([name, mimeType, buffer]) => ({ name, mimeType, buffer })));
  for (const nct of ['NCT09990021', 'NCT09990301', 'NCT09990099', 'NCT09990031', 'NCT09990032', 'NCT09990101']) {
    await page.locator(`article.trial-card[data-nct-id="${nct}"]`).first().waitFor();
  }
  const listed = await page.locator('.source-name').allTextContents();
  assert.deepEqual(listed, ['knee.txt', ...picked.map(([name]) => name)]);
  assert.equal(await page.locator('li.source').getByRole('alert').count(), 0);
  const structured = page.workers().filter((w) => w.url().includes('trialcards-structured'));
  assert.equal(structured.length, 1, 'one structured worker, started by the parse worker');
  assert.equal(page.workers().length, 2);
  // The structured worker now fails on its next job, as one out of memory does.
  await structured[0].evaluate(() => {
    self.onmessage = () => {
      throw new Error('RuntimeError: unreachable (simulated)');
    };
  });
  await picker.setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: await bytes('results_study.json') });
  const problem = page.locator('li.source', { hasText: 'again.json' }).getByRole('alert');
  await problem.waitFor();
  assert.match(await problem.textContent(), /^again\.json could not be read: the reader of CT\.gov files stopped while reading it \(.*simulated/);
  // A new one reads the next, and a page is still read by the parse worker.
  await picker.setInputFiles([
    { name: 'results.xml', mimeType: 'text/xml', buffer: await bytes('results_study.xml') },
    { name: 'gvhd.txt', mimeType: 'text/plain', buffer: await example('meddatax_results_gvhd_msc.txt') },
  ]);
  await page.locator('article.trial-card[data-nct-id="NCT09900001"]').first().waitFor();
  await page.locator('article.trial-card[data-nct-id="NCT09990201"]').first().waitFor();
  assert.equal(await page.locator('li.source', { hasText: 'results.xml' }).getByRole('alert').count(), 0);
  await screenshot(page, 'structured-worker-read-ctgov-files');
});

test('hundreds of picked files are read by the worker many to a read, in order, each bad one named alone', { timeout: 120_000 }, async () => {
  const { page } = await app.open();
  const knee = await fixture('veeva_fictional_knee_msc.txt');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trialcards-groups-'));
  // 300 small pages: more than one read of the worker's (256 files) and several read jobs
  // (128 files); among them a PNG, an empty file and one over the 25 MB limit (read on the page).
  const bad = new Map([
    [40, ['picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])]],
    [130, ['empty.txt', Buffer.alloc(0)]],
    [270, ['huge.txt', Buffer.alloc(26 * 1024 * 1024, 'a')]],
  ]);
  const paths = [];
  for (let i = 0; i < 300; i++) {
    const [name, bytes] = bad.get(i)
      ?? [`group_${i}.txt`, knee.replace(/NCT09990001/g, `NCT0997${String(i).padStart(4, '0')}`)];
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    paths.push(file);
  }
  await page.locator('input[type=file]').setInputFiles(paths);
  await page.getByTestId('record-count').filter({ hasText: /^297 trials$/ }).waitFor({ timeout: 90_000 });
  // The sources list shows its first 200 and every source with a problem: in the order picked.
  const listed = await page.locator('.source-name').allTextContents();
  assert.ok(listed.length >= 200, `${listed.length} listed`);
  assert.deepEqual(listed, paths.map((p) => path.basename(p)).filter((name) => listed.includes(name)));
  const problem = (name) => page.locator('li.source', { hasText: name }).getByRole('alert').textContent();
  assert.match(await problem('picture.png'), /^picture\.png .*PNG image/);
  assert.match(await problem('empty.txt'), /^empty\.txt is empty/);
  assert.match(await problem('huge.txt'), /^huge\.txt is 26\.0 MB — larger than the 25 MB/);
  assert.equal(await page.locator('li.source [role=alert]').count(), 3);
  assert.equal(page.workers().length, 1, 'one parse worker read them all');
  await fs.rm(dir, { recursive: true, force: true });
});
