// @ts-check
/* worksheets: live scores, saved answers, notes, export, import and print for
 * the checklists and worksheets that the MkDocs plugin renders.
 *
 * The entry the pages load (a module script, so it runs once the page is
 * parsed): it starts one Block per block on the page, on every page that
 * Material's instant navigation shows, and passes the window's events on.
 */

import { Block } from "./block.js";
import { openNotesForPrint, restoreNotesAfterPrint } from "./form.js";
import { normalize, roundPercent, scoreChecklist, scoreWorksheet } from "./scoring.js";

/**
 * @typedef {object} PageWindow
 * @property {{subscribe: (next: () => void) => unknown}} [document$] Material's pages
 * @property {object} [Worksheets] the scoring, for the console and the browser tests
 */

const root = /** @type {Window & PageWindow} */ (window);

/** @type {Block[]} */
let blocks = [];

/** A share link in the address is opened (its module loads only for an address with a
 * fragment: share links are fragments). */
function openShared() {
  if (blocks.length && window.location.hash) {
    import("./incoming.js").then((incoming) => incoming.openShared(blocks));
  }
}

function init() {
  blocks = [];
  document.querySelectorAll("section.worksheets[data-worksheets-kind]").forEach((element) => {
    if (!(element instanceof HTMLElement) || element.getAttribute("data-worksheets-ready")) return;
    element.setAttribute("data-worksheets-ready", "true");
    try {
      const block = new Block(element);
      block.start();
      blocks.push(block);
    } catch (error) {
      // One broken block must not take the others or the page down.
      console.error("worksheets:", error);
    }
  });
  openShared();
}

root.Worksheets = { normalize, roundPercent, scoreChecklist, scoreWorksheet };

root.addEventListener("storage", (event) => {
  blocks.forEach((block) => block.onStorage(event));
});
root.addEventListener("beforeprint", () => {
  blocks.forEach((block) => openNotesForPrint(block.element));
});
root.addEventListener("afterprint", () => restoreNotesAfterPrint(document));
// A share link pasted into the address bar of the page already open.
root.addEventListener("hashchange", openShared);

// Material's instant navigation swaps the page without a load: document$ emits each time.
if (root.document$ && typeof root.document$.subscribe === "function") {
  root.document$.subscribe(init);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", init);
} else {
  init();
}
