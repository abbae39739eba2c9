// @ts-check
/* Share links, both ways: copying one, and opening a page with one. Loaded on
 * first use (a click on Copy link, a page opened with a fragment). */

import { answersDocument, fitAnswers, isAnswersFile, isForBlock } from "./answers.js";
import { find } from "./dom.js";
import { fill } from "./result.js";
import { decodeShare, encodeShare, withFragment } from "./share.js";

/** @typedef {import("./block.js").Block} Block */

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
  const answer = (add) => async () => {
    forgetFragment();
    owner.notice.clear();
    if (add) await owner.importFiles([{ name: s.share_source, text: JSON.stringify(data) }]);
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
  if (blocks.length === 0) return;
  const shared = await decodeShare(window.location.hash, blocks[0].block.formats.limits.fileBytes);
  if (shared.problem === "none") return;
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
