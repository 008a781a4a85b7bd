// Shared harness for the end-to-end tests: serves the release build (dist/) under the
// same sub-path GitHub Pages uses, starts headless Chromium through playwright-core, and
// records every request that leaves the origin and every CSP violation.
import http from 'node:http';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const fixtures = path.join(root, 'tests', 'fixtures');
export const artifacts = path.join(here, 'artifacts');
const dist = path.resolve(process.env.TRIALCARDS_DIST ?? path.join(root, 'dist'));
const publicUrl = process.env.TRIALCARDS_PUBLIC_URL ?? '/trialcards/';

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

/** Serves dist/ under `publicUrl` on a free loopback port; resolves to { url, close }. */
export async function serveDist() {
  await fs.access(path.join(dist, 'index.html')).catch(() => {
    throw new Error(`no release build in ${dist}: run cargo xtask test (or cargo xtask dist)`);
  });
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (!pathname.startsWith(publicUrl)) {
      res.writeHead(404).end('outside the public URL');
      return;
    }
    const relative = decodeURIComponent(pathname.slice(publicUrl.length)) || 'index.html';
    const file = path.resolve(dist, relative);
    if (!file.startsWith(dist + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': mimeTypes[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${publicUrl}`,
    // Open keep-alive connections are closed too: a stopped server answers nothing.
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/**
 * Starts headless Chromium with a fresh profile, or with the profile in `userDataDir` (a
 * browser restart: what the last one kept is still there); a given profile is not removed
 * on close.
 */
export async function launchBrowser(userDataDir) {
  const fresh = !userDataDir;
  userDataDir ??= await fs.mkdtemp(path.join(os.tmpdir(), 'trialcards-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    userDataDir,
    // `context` may be replaced by a restarted browser's: the one in use is closed.
    async close() {
      await this.context.close();
      if (fresh) await fs.rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Deletes everything the browser keeps for `origin` (IndexedDB, local storage, cookies …). */
export async function clearSiteData(context, origin) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  await cdp.detach();
  await page.close();
}

/**
 * Opens the app in a new page and waits until it has rendered. Returns the page and live
 * lists: `offOrigin` (requests to any other origin), `pageErrors`, `workers` (the URLs of
 * the Web Workers started) and `cspViolations()`.
 */
export async function openApp(context, appUrl) {
  const page = await context.newPage();
  const origin = new URL(appUrl).origin;
  const offOrigin = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) {
      offOrigin.push(url);
    }
  });
  // Violations are reported to this process as they happen, so they are seen even after the
  // page is closed or reloaded.
  const violations = [];
  await page.exposeFunction('__trialcardsCspViolation', (violation) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__trialcardsCspViolation(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(appUrl);
  await page.getByLabel('Paste registry text').waitFor();
  return {
    page,
    offOrigin,
    pageErrors,
    workers,
    cspViolations: async () => [...violations],
  };
}

/** Waits until every card the list shows is drawn (it draws new cards a few a task). */
export async function cardsDrawn(page, timeout = 30_000) {
  await page.locator('.card-list[aria-busy="true"]').waitFor({ state: 'detached', timeout });
}

/**
 * Pastes `text` into the element matched by `locator`, as a user's Ctrl+V does: the element
 * is focused, then the paste goes to whatever has the focus. (Not to the element found first:
 * when the viewer takes the shell's place, the box found may be gone by the time of the paste,
 * and a browser never pastes into a removed element.)
 */
export async function pasteInto(locator, text) {
  await locator.focus();
  await locator.page().evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Reads a fixture written by us. */
export function fixture(name) {
  return fs.readFile(path.join(fixtures, name), 'utf8');
}

/** Saves a screenshot under tests/e2e/artifacts/ for a person to look at. */
export async function screenshot(page, name) {
  await fs.mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/**
 * Drops files on the page the way a user's drag from the file manager does, through
 * Chromium's own drag pipeline (DevTools `Input.dispatchDragEvent`), so dropped folders
 * arrive as real directory entries.
 */
export async function dropPaths(page, paths) {
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  const at = { x: 640, y: 400 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) {
    await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  }
  await cdp.detach();
}

/** Drops in-memory files through a synthetic drop event (no file-system entries). */
export async function dropFiles(page, files) {
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const { name, text } of list) data.items.add(new File([text], name, { type: 'text/plain' }));
    const target = document.querySelector('.drop-zone');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, files);
}

/**
 * Registers the suite's setup: the release build served under the public URL and one
 * browser, both closed after the suite; after each test, every page it opened is checked
 * for CSP violations, requests to other origins and uncaught errors, then closed, and what
 * the app kept in the browser is deleted, so every test starts empty. Returns `app`;
 * `app.open()` opens the app in a new page (see `openApp`) of the suite's browser or of the
 * browser context given, `app.restartBrowser()` closes the
 * browser and starts it again on the same profile, `app.server` and `app.browser` are there
 * once tests run.
 */
export function useApp() {
  const opened = [];
  const app = {
    server: undefined,
    browser: undefined,
    open: async (context = app.browser.context) => {
      const opening = await openApp(context, app.server.url);
      opened.push(opening);
      return opening;
    },
    restartBrowser: async () => {
      await app.browser.context.close();
      const again = await launchBrowser(app.browser.userDataDir);
      app.browser.context = again.context;
    },
  };
  // After every test of every suite, for every page it opened: the Content-Security-Policy
  // was never violated, no request left the origin and no error went uncaught.
  afterEach(async () => {
    for (const { page, offOrigin, pageErrors, cspViolations } of opened.splice(0)) {
      if (!page.isClosed()) await page.close();
      assert.deepEqual(await cspViolations(), [], 'no Content-Security-Policy violation');
      assert.deepEqual(offOrigin, [], 'no request left the origin');
      assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
    }
    await clearSiteData(app.browser.context, new URL(app.server.url).origin);
  });
  before(async () => {
    app.server = await serveDist();
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** RFC 4180 CSV into rows of cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Clicks an export button and returns the downloaded file's name and text. */
export async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), text: await fs.readFile(saved, 'utf8') };
}
