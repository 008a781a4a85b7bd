// The parse in WebAssembly beside the same parse natively (a benchmark, not a timed test;
// `node --test` does not run it): the page texts `cargo bench --bench parse` calls "our
// fixtures and examples" are given to the release build's parse worker, as the page gives
// them (one job of all the pages, its answers the records as JSON), round after round for
// at least 3 s, and the MB/s is printed beside the native bench's for the same pages (built
// as the wasm is: the release profile, opt-level z), the parse alone and the parse with its
// records written as JSON (what the worker does), and the ratios. Run it after
// `cargo xtask dist --public-url /trialcards/`:
//   CHROME_BIN=/usr/bin/chromium node tests/e2e/bench_parse_wasm.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { serveDist, launchBrowser, openApp, root } from './harness.js';

/** The `.txt` pages under `dir`, in the order the native bench reads them. */
async function pagesIn(dir, out) {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const name of entries.map((e) => e.name).sort()) {
    const file = path.join(dir, name);
    if ((await fs.stat(file)).isDirectory()) {
      await pagesIn(file, out);
    } else if (name.endsWith('.txt')) {
      // As the native bench: pages that are not UTF-8 (the decoding samples) are left out.
      const text = new TextDecoder('utf-8', { fatal: true });
      try {
        out.push([file, text.decode(await fs.readFile(file))]);
      } catch {}
    }
  }
}

const pages = [];
for (const dir of ['crates/core/tests/fixtures', 'web/examples', 'tests/fixtures']) {
  await pagesIn(path.join(root, dir), pages);
}
const bytes = pages.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);

// The native parse of the same pages (the bench prints `set inputs bytes per-input MB/s …`).
const native = execFileSync('cargo', ['bench', '-q', '-p', 'trialcards-core', '--bench', 'parse'], {
  cwd: root,
  env: { ...process.env, TRIALCARDS_BENCH_SET: 'our fixtures' },
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const row = native.split('\n').find((line) => line.startsWith('our fixtures and examples '));
const [nativeInputs, nativeBytes, , nativeMbps] = row.slice(28).trim().split(/\s+/);
const withJson = native.match(/records written as JSON: ([\d.]+) MB\/s/)[1];
if (Number(nativeInputs) !== pages.length || Number(nativeBytes) !== bytes) {
  throw new Error(`the native bench read ${nativeInputs} pages of ${nativeBytes} bytes, this one ${pages.length} of ${bytes}`);
}

const server = await serveDist();
const browser = await launchBrowser();
const { page } = await openApp(browser.context, server.url);
const result = await page.evaluate(async (inputs) => {
  const module = document.querySelector('script[data-js]').getAttribute('data-js');
  const worker = new Worker(module.slice(0, module.lastIndexOf('/') + 1) + 'trialcards-worker_loader.js');
  const decoder = new TextDecoder();
  let done = 0;
  let onDone = () => {};
  const ready = new Promise((resolve) => {
    // Each post of the worker is a batch: an array of messages, each its JSON bytes or
    // (a file's text) those and the text's bytes.
    worker.onmessage = (e) => {
      for (const message of e.data) {
        const text = decoder.decode(message instanceof Uint8Array ? message : message[0]);
        if (text === '"Ready"') resolve();
        else if (text.includes('{"Done":')) {
          done += 1;
          if (done === inputs.length) onDone();
        }
      }
    };
  });
  await ready;
  // As the page posts a parse job: the job's JSON with the texts left out, and the texts'
  // bytes beside it (made once: each post copies them, as the page's does).
  const encoder = new TextEncoder();
  const texts = inputs.map(([, text]) => encoder.encode(text));
  const job = (id) => [
    encoder.encode(JSON.stringify([id, { Parse: inputs.map(([name]) => [name, '']) }])),
    texts,
  ];
  const round = (id) => new Promise((resolve) => {
    done = 0;
    onDone = resolve;
    worker.postMessage(job(id));
  });
  await round(0); // compiled and warmed up
  const start = performance.now();
  let rounds = 0;
  while (performance.now() - start < 3000) {
    await round(++rounds);
  }
  const ms = performance.now() - start;
  worker.terminate();
  return { rounds, ms };
}, pages.map(([file, text]) => [path.basename(file), text]));
await browser.close();
await server.close();

const wasmMbps = (bytes * result.rounds) / (result.ms / 1000) / 1e6;
console.log(`${pages.length} pages, ${bytes} bytes, ${result.rounds} rounds in ${Math.round(result.ms)} ms`);
console.log('| parse of our pages | MB/s |');
console.log('|---|---|');
console.log(`| wasm, in the parse worker (records back as JSON) | ${wasmMbps.toFixed(1)} |`);
console.log(`| native, same profile (release, opt-level z): the parse | ${nativeMbps} |`);
console.log(`| native, same profile: the parse and its records written as JSON, as the worker does | ${withJson} |`);
console.log(`| wasm / native, the parse and its JSON | ${((100 * wasmMbps) / Number(withJson)).toFixed(0)} % |`);
console.log(`| wasm / native, beside the parse alone | ${((100 * wasmMbps) / Number(nativeMbps)).toFixed(0)} % |`);
