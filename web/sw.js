// The service worker that keeps trialcards working offline after the first visit.
// `cargo xtask dist` writes it into dist/ with this build's version (a hash of every file it
// ships) and its list of files; a new deploy changes the version, so the browser installs the
// new worker on the next visit, which caches the new files and removes the old caches.
// It fetches only the app's own files; nothing a user loads passes through it.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `trialcards-${VERSION}`;
const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(['./', ...FILES].map((f) => new URL(f, scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names
        .filter((name) => name.startsWith('trialcards-') && name !== CACHE)
        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** A file whose name carries its content's hash (trunk's `name-0123abcd.ext`, 16 hex digits, or fewer when the hash starts with zeros) never changes. */
const hashed = (url) => /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(url.pathname);

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) {
    return;
  }
  if (hashed(url)) {
    // The same name is the same bytes: from the cache when it is there.
    event.respondWith(caches.match(event.request).then((hit) => hit ?? fetch(event.request)));
    return;
  }
  // The page, its loader and the parse worker's files: the network first, so a new deploy is
  // taken at once; the cached copy when offline.
  const key = event.request.mode === 'navigate' ? new URL('./', scope).href : event.request;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(key, copy));
        }
        return response;
      })
      // The shell's files are asked for with the build's version as a query (see boot.js);
      // the cache has them under their plain names.
      .catch(() => caches.match(key, { ignoreSearch: true }).then((hit) => hit ?? Response.error())),
  );
});
