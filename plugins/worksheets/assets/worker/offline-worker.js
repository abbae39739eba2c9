// @ts-check
/* The site's service worker: the guides of the language being read, the
 * assets they need and the PDFs linked from pages the reader opened, kept in
 * this browser so that guides, forms, saved answers, comparison and export
 * work with no network (a site visit without signal).
 *
 * Written for this site by plugins/worksheets/offline.py, which puts the build's
 * manifest on the first line: a new build has a new version (a hash of what it
 * lists), so the browser installs the new worker and its cache replaces the old.
 * Everything is network first: online, a reader always gets the page as built
 * last; the saved copy is used only when the network fails or stalls.
 */

/** @typedef {{version: string, shared: string[], languages: Record<string, string[]>, fallback: string}} Manifest */
/** @type {Manifest} */
const OFFLINE = {"version": "dev", "shared": [], "languages": {}, "fallback": "en"};

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const PREFIX = "worksheets-offline-";
const CACHE = `${PREFIX}${OFFLINE.version}`;
// Which languages this browser keeps: read by the next version, which keeps them too.
const KEPT = "worksheets-offline-languages";
// On a weak signal, a saved copy after this long rather than a page that never comes.
const PATIENCE_MS = 4000;

/** @param {string} path */
const inScope = (path) => new URL(path, sw.registration.scope).href;

/** @param {Cache} cache @param {string[]} paths */
async function keep(cache, paths) {
  // One by one: a single missing file must not lose the others.
  await Promise.all(paths.map(async (path) => {
    try {
      const response = await fetch(inScope(path), { cache: "no-cache" });
      if (response.ok) await cache.put(inScope(path), response);
    } catch {
      // Offline or gone: the next visit online tries again.
    }
  }));
}

/** @param {Cache} cache @returns {Promise<string[]>} */
async function keptLanguages(cache) {
  const response = await cache.match(inScope(KEPT));
  if (!response) return [];
  try {
    const value = await response.json();
    return Array.isArray(value) ? value.filter((lang) => typeof lang === "string") : [];
  } catch {
    return [];
  }
}

/** @param {string} language @returns {string} */
function known(language) {
  if (language in OFFLINE.languages) return language;
  const base = language.split("-")[0];
  return base in OFFLINE.languages ? base : OFFLINE.fallback;
}

/** @param {string} requested */
async function keepLanguage(requested) {
  const language = known(requested);
  const cache = await caches.open(CACHE);
  await keep(cache, [...OFFLINE.shared, ...(OFFLINE.languages[language] || [])]);
  const languages = new Set(await keptLanguages(cache));
  languages.add(language);
  await cache.put(inScope(KEPT), new Response(JSON.stringify([...languages]),
    { headers: { "Content-Type": "application/json" } }));
  return language;
}

sw.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => keep(cache, OFFLINE.shared))
    .then(() => sw.skipWaiting()));
});

sw.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
    // The languages the previous build kept, kept again from this build.
    const languages = new Set();
    for (const name of old) {
      for (const language of await keptLanguages(await caches.open(name))) languages.add(language);
    }
    for (const language of languages) await keepLanguage(language);
    await Promise.all(old.map((name) => caches.delete(name)));
    await sw.clients.claim();
  })());
});

/** @param {ExtendableMessageEvent} event */
async function onMessage(event) {
  const data = event.data;
  if (!data || typeof data !== "object") return;
  if (data.type === "keep-language" && typeof data.language === "string") {
    const language = await keepLanguage(data.language);
    const cache = await caches.open(CACHE);
    /** @type {unknown[]} */
    const given = Array.isArray(data.links) ? data.links : [];
    const scope = sw.registration.scope;
    const links = given.filter(/** @returns {url is string} */ (url) => typeof url === "string");
    await keep(cache, links.filter((url) => url.startsWith(scope)).map((url) => url.slice(scope.length)));
    if (event.source) event.source.postMessage({ type: "kept", language, version: OFFLINE.version });
  }
}

sw.addEventListener("message", (event) => event.waitUntil(onMessage(event)));

/** @param {Request} request @param {FetchEvent} event @returns {Promise<Response>} */
async function networkFirst(request, event) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    // Whole, same-site answers only (a PDF viewer's range requests give 206).
    if (response.status === 200 && response.type === "basic") {
      event.waitUntil(cache.put(request, response.clone()));
    }
    return response;
  });
  /** @type {Promise<Response | undefined>} */
  const saved = new Promise((resolve) => {
    setTimeout(() => cache.match(request, { ignoreSearch: true }).then(resolve), PATIENCE_MS);
  });
  try {
    const response = await Promise.race([network, saved.then((copy) => copy || network)]);
    if (response.status < 500) return response;
    return (await cache.match(request, { ignoreSearch: true })) || response;
  } catch (error) {
    const copy = await cache.match(request, { ignoreSearch: true });
    if (copy) return copy;
    throw error;
  }
}

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !request.url.startsWith(sw.registration.scope)
    || url.pathname.endsWith("/offline-worker.js") || request.headers.has("range")) return;
  event.respondWith(networkFirst(request, event));
});
