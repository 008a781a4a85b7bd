// Loads the viewer's wasm module. Trunk's own loader is an inline script, which the
// page's Content-Security-Policy forbids; Trunk.toml's pattern_script names the hashed
// files in this script tag's data attributes instead.
const tag = document.querySelector('script[data-wasm]');
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });

// Offline after the first visit: the release build's service worker (cargo xtask dist writes
// sw.js beside this file) caches the app's own files. A development server has none.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url), { scope: './' })
    .catch(() => {});
}
