// @ts-check
/* Offline after one visit: registers the site's service worker (written by
 * plugins/worksheets/offline.py beside the site's root), asks it to keep the
 * language being read and the PDFs this page links to, and shows the reader
 * when they are offline. Loaded on every page, as a module script (deferred).
 *
 * Nothing happens on a file:// copy or where service workers are missing;
 * answers are kept in this browser's storage either way.
 */

const WORKER = new URL("../../offline-worker.js", import.meta.url);
const SCOPE = new URL("../../", import.meta.url);

/** Show or hide the "you are offline" notice. */
function showConnection() {
  const offline = !navigator.onLine;
  document.querySelectorAll(".worksheets-offline").forEach((notice) => {
    if (notice instanceof HTMLElement) notice.hidden = !offline;
  });
}

/** The PDFs this page links to, as absolute URLs inside the site. */
function linkedPdfs() {
  return [...document.querySelectorAll("a[href]")]
    .map((link) => (link instanceof HTMLAnchorElement ? link.href : ""))
    .filter((href) => href.startsWith(SCOPE.href) && new URL(href).pathname.endsWith(".pdf"));
}

/** @param {ServiceWorker} worker */
function keepThisLanguage(worker) {
  worker.postMessage({
    type: "keep-language",
    language: document.documentElement.lang || "",
    links: linkedPdfs(),
  });
}

async function register() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.type === "kept") {
      // For the tests and the curious: which language and build this browser keeps.
      document.documentElement.setAttribute("data-worksheets-offline", String(event.data.version));
    }
  });
  try {
    await navigator.serviceWorker.register(WORKER, { scope: SCOPE.href, updateViaCache: "none" });
    const registration = await navigator.serviceWorker.ready;
    if (registration.active) keepThisLanguage(registration.active);
  } catch (error) {
    // Private windows and some policies refuse service workers: the page works as before.
    console.warn("worksheets: offline copy unavailable:", error);
  }
}

window.addEventListener("online", showConnection);
window.addEventListener("offline", showConnection);
showConnection();
register();
