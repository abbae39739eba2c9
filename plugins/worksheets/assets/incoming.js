// @ts-check
/* Assessments that come from elsewhere: files dropped on a block, and share
 * links, both ways (copying one, and opening a page with one). */

import { answersDocument, fitAnswers, isAnswersFile, isForBlock } from "./answers.js";
import { find } from "./dom.js";
import { fill } from "./result.js";
import { decodeShare, encodeShare, withFragment } from "./share.js";
import { readFiles } from "./transfer.js";

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
    readFiles(owner.block, event.dataTransfer.files).then((files) => owner.importFiles(files));
  });
}

/**
 * Puts a link to the page that carries the open assessment into the clipboard,
 * or, where the browser does not allow that, shows it to copy by hand.
 * @param {Block} owner
 */
export async function copyLink(owner) {
  const s = owner.strings, state = owner.state;
  const link = withFragment(window.location.href,
    await encodeShare(answersDocument(owner.block, state)));
  const field = /** @type {HTMLInputElement} */ (find(owner.element, "input[data-worksheets-link]"));
  const said = find(owner.element, ".worksheets-copied"), box = find(owner.element, ".worksheets-link");
  try {
    await navigator.clipboard.writeText(link);
    box.hidden = true;
    said.textContent = fill(s.share_copied, { label: state.label || s.unnamed });
  } catch {
    field.value = link;
    box.hidden = false;
    said.textContent = s.share_manual;
    field.focus();
    field.select();
  }
}

/** Takes the share link out of the address, leaving the page where it is. */
function forgetFragment() {
  const location = window.location;
  window.history.replaceState(window.history.state, "", location.pathname + location.search);
}

/**
 * Offers to add the assessment a share link carries.
 * @param {Block} owner
 * @param {Record<string, unknown>} data an answers file for this block
 */
function offer(owner, data) {
  const s = owner.strings, state = fitAnswers(owner.block, data).state;
  /** @param {boolean} add */
  const answer = (add) => () => {
    forgetFragment();
    owner.notice.clear();
    if (add) owner.importFiles([{ name: s.share_source, text: JSON.stringify(data) }]);
    if (owner.form.labelInput) owner.form.labelInput.focus();
  };
  owner.notice.show([fill(s.share_offer, {
    title: owner.block.title, label: state.label || s.unnamed,
    count: Object.keys(state.answers).length,
  })], [{ label: s.share_add, run: answer(true) }, { label: s.share_dismiss, run: answer(false) }]);
  owner.notice.buttons[0].focus();
}

/**
 * When the page's address carries a share link, the block it is for offers to
 * add it; a damaged link, or one for a block not on this page, is only reported.
 * @param {Block[]} blocks
 */
export async function openShared(blocks) {
  const shared = await decodeShare(window.location.hash);
  if (shared.problem === "none" || blocks.length === 0) return;
  const first = blocks[0], s = first.strings;
  if (shared.problem === "damaged" || !isAnswersFile(first.block, shared.data)) {
    first.notice.say(s.share_damaged);
  } else {
    const data = shared.data, owner = blocks.find((block) => isForBlock(block.block, data));
    if (owner) {
      offer(owner, data);
      return;
    }
    first.notice.say(fill(s.share_wrong_block, { other: String(data.id) }));
  }
  first.notice.holder.scrollIntoView({ block: "center" });
}
