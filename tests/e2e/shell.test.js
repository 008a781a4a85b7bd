// The first visit's small page: a fresh browser loads the shell (trialcards-shell) and not the
// viewer (trialcards-web) until it is given something to read; then the viewer takes over,
// reads what the shell was given, and focus stays where it was. A browser that kept a
// collection opens the viewer at once, without the shell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, cardsDrawn, pasteInto, screenshot } from './harness.js';

const app = useApp();

/** A fictional page of our own. */
const PAGE = [
  'Fictional Trials Register', '', 'Stromal Cells Opened From the Shell', '',
  'Main ID: NCT09990915', 'Recruitment status: Recruiting', 'Gender: All', '',
].join('\n');

/** Records the name of every .wasm file the context's pages ask for (from the network or the
 * service worker's cache), from now on. The service worker's own caching of the build in the
 * background, once the page has loaded, is not the page's load. */
function wasmRequests(context) {
  const seen = [];
  context.on('request', (request) => {
    if (request.serviceWorker()) return;
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('.wasm')) seen.push(pathname.split('/').pop());
  });
  return seen;
}

/** A first visit that pastes PAGE and waits until it is kept, then closes its page. */
async function keepOnePage() {
  const first = await app.open();
  await pasteInto(first.page.getByLabel('Paste registry text'), PAGE);
  await first.page.locator('article.trial-card[data-nct-id="NCT09990915"]').waitFor();
  await first.page.locator('.keep-note[data-keep="kept"][aria-busy="false"]').waitFor();
  await first.page.close();
}

const viewerWasm = (name) => /^trialcards-web-[0-9a-f]{12,16}_bg\.wasm$/.test(name);
const shellWasm = (name) => name === 'trialcards-shell_bg.wasm';

test('a first visit loads the small shell only; a paste opens the viewer, which reads it and keeps the focus', { timeout: 60_000 }, async () => {
  const seen = wasmRequests(app.browser.context);
  const { page } = await app.open();
  // The empty page is the viewer's: the same header, intake and examples button.
  await page.getByRole('button', { name: 'Load examples' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(seen.some(shellWasm), `the shell was loaded: ${seen.join(', ')}`);
  assert.ok(!seen.some(viewerWasm), `the viewer waits for an input: ${seen.join(', ')}`);
  assert.equal(await page.getByTestId('record-count').textContent(), '0 trials');
  // The shell's files, unhashed by name, are asked for with the build's version: the service
  // worker's.
  const [build, asked] = await page.evaluate(async () => [
    (await (await fetch('sw.js')).text()).match(/const VERSION = '([0-9a-f]{16})'/)[1],
    performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /trialcards-shell(_bg\.wasm|\.js)/.test(n)),
  ]);
  assert.equal(asked.length, 2, asked.join(', '));
  for (const url of asked) assert.equal(new URL(url).searchParams.get('v'), build, url);
  await screenshot(page, 'shell-empty');

  const box = page.getByLabel('Paste registry text');
  await pasteInto(box, PAGE);
  const card = page.locator('article.trial-card[data-nct-id="NCT09990915"]');
  await card.waitFor();
  assert.match(await card.locator('h2').textContent(), /Stromal Cells Opened From the Shell/);
  assert.ok(seen.some(viewerWasm), `the viewer was loaded: ${seen.join(', ')}`);
  // The shell is gone: one page, one box, and the focus is back in it.
  assert.equal(await page.locator('header.app-header').count(), 1);
  assert.equal(await page.locator('main.layout').count(), 1);
  assert.equal(await page.locator('textarea').count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'paste-input');
  assert.equal(await page.getByTestId('record-count').textContent(), '1 trial');
  // The viewer goes on as usual: a second paste is a second source.
  await pasteInto(box, PAGE.replace('NCT09990915', 'NCT09990916'));
  await page.locator('article.trial-card[data-nct-id="NCT09990916"]').waitFor();
  assert.equal(await page.locator('.source').count(), 2);
  await screenshot(page, 'shell-handed-over');
});

test('text typed into the shell stays in the box and is read as one source', { timeout: 60_000 }, async () => {
  const seen = wasmRequests(app.browser.context);
  const { page } = await app.open();
  await page.waitForLoadState('networkidle');
  assert.ok(!seen.some(viewerWasm), 'the viewer waits for an input');
  const box = page.getByLabel('Paste registry text');
  await box.focus();
  await page.keyboard.insertText(PAGE);
  const card = page.locator('article.trial-card[data-nct-id="NCT09990915"]');
  await card.waitFor();
  assert.equal(await box.inputValue(), PAGE, 'what was typed is still in the box');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'paste-input');
  // Typing on rewrites the same source in place.
  await page.keyboard.insertText('Phase: Phase 2\n');
  await card.filter({ hasText: /Phase 2/ }).waitFor();
  await cardsDrawn(page);
  assert.equal(await page.locator('.source').count(), 1);
  assert.equal(await page.locator('.source-name').textContent(), 'Typed text');
  assert.equal(await page.locator('article.trial-card').count(), 1);
});

test('whitespace typed into the shell opens nothing', { timeout: 60_000 }, async () => {
  const seen = wasmRequests(app.browser.context);
  const { page } = await app.open();
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Paste registry text').focus();
  await page.keyboard.insertText('   \n  ');
  await page.waitForTimeout(1500);
  assert.ok(!seen.some(viewerWasm), `nothing to read, nothing loaded: ${seen.join(', ')}`);
  assert.equal(await page.getByTestId('record-count').textContent(), '0 trials');
});

test('a viewer that cannot be loaded is said; the next input loads it, and everything given is read', { timeout: 60_000 }, async () => {
  const { page } = await app.open();
  // The viewer's script cannot be fetched (a network gone mid-visit).
  const viewerJs = /\/trialcards-web-[0-9a-f]{12,16}\.js/;
  await page.route(viewerJs, (route) => route.abort());
  const box = page.getByLabel('Paste registry text');
  await pasteInto(box, PAGE);
  const alert = page.getByRole('alert').filter({ hasText: /^The reader could not be loaded \(.+\)\. What you gave is kept: the next paste, file or drop tries again/ });
  await alert.waitFor();
  assert.equal(await page.getByTestId('record-count').textContent(), '0 trials');
  await screenshot(page, 'shell-load-failed');
  await page.unroute(viewerJs);
  await pasteInto(box, PAGE.replace('NCT09990915', 'NCT09990916'));
  await page.locator('article.trial-card[data-nct-id="NCT09990916"]').waitFor();
  await page.locator('article.trial-card[data-nct-id="NCT09990915"]').waitFor();
  assert.deepEqual(await page.locator('.source-name').allTextContents(), ['Pasted text 1', 'Pasted text 2']);
  assert.equal(await alert.count(), 0, 'the shell and its alert are gone');
});

test('files chosen in a dialog the shell opened, once the viewer has taken its place, are read', { timeout: 60_000 }, async () => {
  const { page } = await app.open();
  // The shell's file input, as a dialog it opened holds it; then a paste opens the viewer.
  await page.evaluate(() => { window.shellPicker = document.querySelector('#trialcards-shell input[type=file]'); });
  await pasteInto(page.getByLabel('Paste registry text'), PAGE);
  await page.locator('article.trial-card[data-nct-id="NCT09990915"]').waitFor();
  assert.equal(await page.locator('#trialcards-shell').count(), 0, 'the shell is out of the page');
  // The dialog closes with a file chosen: the shell's input changes.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'chosen-late.txt', { type: 'text/plain' }));
    window.shellPicker.files = data.files;
    window.shellPicker.dispatchEvent(new Event('change', { bubbles: true }));
  }, PAGE.replace('NCT09990915', 'NCT09990917'));
  await page.locator('article.trial-card[data-nct-id="NCT09990917"]').waitFor();
  assert.deepEqual(await page.locator('.source-name').allTextContents(), ['Pasted text 1', 'chosen-late.txt']);
});

test('a browser that kept a collection opens the viewer at once, without the shell', { timeout: 60_000 }, async () => {
  await keepOnePage();

  const seen = wasmRequests(app.browser.context);
  const { page } = await app.open();
  await page.locator('article.trial-card[data-nct-id="NCT09990915"]').waitFor();
  assert.ok(seen.some(viewerWasm), `the viewer was loaded: ${seen.join(', ')}`);
  assert.ok(!seen.some(shellWasm), `the shell was not: ${seen.join(', ')}`);
});

test('a returning browser whose viewer cannot be loaded says so, and that what it kept is still there', { timeout: 60_000 }, async () => {
  await keepOnePage();

  // A page of that browser with the viewer's script unreachable: the service worker that
  // would serve it from its cache is removed first, and not registered again.
  const context = app.browser.context;
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(app.server.url);
  await page.locator('article.trial-card[data-nct-id="NCT09990915"]').waitFor();
  await page.evaluate(async () => Promise.all((await navigator.serviceWorker.getRegistrations()).map((r) => r.unregister())));
  await context.route(/\/trialcards-web-[0-9a-f]{12,16}\.js/, (route) => route.abort());
  await context.route(/\/sw\.js$/, (route) => route.abort());
  try {
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /^trialcards could not be loaded \(.+\)\. What you kept is still in this browser\. Reload the page to try again\.$/);
    assert.deepEqual(errors, [], 'no uncaught error');
    await screenshot(page, 'viewer-load-failed');
    await page.close();
  } finally {
    await context.unrouteAll();
  }
});

