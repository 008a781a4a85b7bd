// Loads the viewer's wasm module. Trunk's own loader is an inline script, which the
// page's Content-Security-Policy forbids; Trunk.toml's pattern_script names the hashed
// files in this script tag's data attributes instead.
const tag = document.querySelector('script[data-wasm]');
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
