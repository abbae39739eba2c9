// @ts-check
/* Files dropped anywhere on a block: a hint while they are dragged over it, and
 * their import (transfer.js, loaded when the first file is dropped). */

import { find } from "./dom.js";

/** @typedef {import("./block.js").Block} Block */

/**
 * Whether a drag carries files (not text or a link from the page).
 * @param {DragEvent} event
 * @returns {boolean}
 */
function carriesFiles(event) {
  return Boolean(event.dataTransfer) &&
    Array.from(/** @type {DataTransfer} */ (event.dataTransfer).types).indexOf("Files") >= 0;
}

/**
 * Files dropped anywhere on the block are imported, with a visible hint while
 * they are dragged over it (the Import button does the same by keyboard).
 * @param {Block} owner
 */
export function dropZone(owner) {
  const element = owner.element, hint = find(element, ".worksheets-drop-hint");
  let depth = 0;
  /** @param {boolean} shown */
  const showHint = (shown) => {
    hint.hidden = !shown;
    element.classList.toggle("worksheets-dropping", shown);
  };
  element.addEventListener("dragenter", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth += 1;
    showHint(true);
  });
  element.addEventListener("dragover", (event) => {
    if (!carriesFiles(event) || !event.dataTransfer) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  element.addEventListener("dragleave", (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) showHint(false);
  });
  element.addEventListener("drop", (event) => {
    if (!carriesFiles(event) || !event.dataTransfer) return;
    event.preventDefault();
    depth = 0;
    showHint(false);
    const dropped = event.dataTransfer.files;
    import("./transfer.js")
      .then(({ readFiles }) => readFiles(owner.block, dropped))
      .then((files) => owner.importFiles(files));
  });
}
