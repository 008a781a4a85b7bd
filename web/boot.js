// Loads the page's WebAssembly. Trunk's own loader is an inline script, which the page's
// Content-Security-Policy forbids; Trunk.toml's pattern_script names the viewer's hashed
// files in this script tag's data attributes instead.
//
// A first visit loads the small shell (trialcards-shell), which draws the empty page and
// calls trialcardsOpenApp when given something to read; the viewer (trialcards-web) then
// takes its place (web/src/handoff.rs). A browser that kept a collection opens the viewer
// at once.
const tag = document.querySelector('script[data-wasm]');
const viewer = { js: tag.dataset.js, wasm: tag.dataset.wasm };
// The shell's files are not hashed by name (trunk builds it like a worker): they are asked for
// with the build's version, which cargo xtask dist writes in place of the mark below (the same
// as the service worker's), so a cached shell of another build is never taken for this one's.
// A development server leaves the mark; the viewer's hash stands in.
const stamped = '__TRIALCARDS_BUILD__';
const version = /^[0-9a-f]{16}$/.test(stamped) ? stamped : (/-([0-9a-f]{12,16})\.js$/.exec(viewer.js)?.[1] ?? '');
const shellFile = (name) => `${new URL(name, import.meta.url).href}?v=${version}`;
const shell = { js: shellFile('trialcards-shell.js'), wasm: shellFile('trialcards-shell_bg.wasm') };

// `attempt` > 0 asks again under another URL: a browser remembers a failed import of a URL.
async function start(app, attempt = 0) {
  const { default: init } = await import(attempt > 0 ? `${app.js}?attempt=${attempt}` : app.js);
  await init({ module_or_path: app.wasm });
}

// Whether this browser kept a collection for the viewer to read back (its IndexedDB
// database exists); when the browser cannot say, the viewer opens.
async function keptBefore() {
  try {
    if (!indexedDB.databases) return true;
    return (await indexedDB.databases()).some((db) => db.name === 'trialcards');
  } catch {
    return true;
  }
}

// One load however often asked; a failed one is forgotten, so that asking again retries.
let opening;
let failed = 0;
globalThis.trialcardsOpenApp = () => (opening ??= start(viewer, failed).catch((error) => {
  opening = undefined;
  failed += 1;
  throw error;
}));
// A page that cannot be loaded says so in words, never a blank page (text only: no markup).
function cannotLoad(error, kept) {
  const note = document.createElement('p');
  note.className = 'load-error';
  note.setAttribute('role', 'alert');
  note.textContent = `trialcards could not be loaded (${error?.message ?? error}). `
    + (kept ? 'What you kept is still in this browser. ' : '')
    + 'Reload the page to try again.';
  document.body.append(note);
}

const kept = await keptBefore();
try {
  await (kept ? globalThis.trialcardsOpenApp() : start(shell));
} catch (error) {
  cannotLoad(error, kept);
}

// Offline after the first visit: the release build's service worker (cargo xtask dist writes
// sw.js beside this file) caches the app's own files. A development server has none.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url), { scope: './' })
    .catch(() => {});
}
