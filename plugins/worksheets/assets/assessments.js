// @ts-check
/* The assessments of a block kept in this browser, compared in a table beside
 * the result, and managed there: open, rename, duplicate, delete with undo.
 * After each, focus moves to where the reader can carry on, and one polite
 * message says which assessment is open. */

import { find, Notice } from "./dom.js";
import { fill } from "./result.js";

/** The comparison's modules, loaded when a block first has two assessments. */
function comparing() {
  return Promise.all([import("./compare.js"), import("./grid.js"), import("./table.js")]);
}

/** @typedef {import("./block.js").Block} Block */
/** @typedef {import("./types.js").State} State */
/** @typedef {import("./table.js").Sort} Sort */

/**
 * A deleted assessment and where it was, to undo the deletion.
 * @typedef {object} Snapshot
 * @property {State} state
 * @property {number} ref
 */

// Assessments side by side on screen at once: more are shown a page at a time, so that a
// bundle of thousands draws (and every click redraws) as quickly as a dozen.
const PAGE = 12;

/** @type {Record<Sort, Sort>} */
const NEXT_SORT = { none: "descending", descending: "ascending", ascending: "descending" };

export class AssessmentsView {
  /** @param {Block} owner */
  constructor(owner) {
    this.owner = owner;
    const element = owner.element;
    this.holder = find(element, ".worksheets-compare");
    this.scroll = find(this.holder, ".worksheets-compare-scroll");
    this.said = new Notice(find(element, ".worksheets-said"), false);
    this.renameForm = find(element, "form.worksheets-rename");
    this.renameInput = /** @type {HTMLInputElement} */ (find(this.renameForm, "input"));
    this.renameLabel = find(this.renameForm, "label");
    this.spreadButton = find(element, "[data-worksheets-action='spread']");
    this.tolerance = /** @type {HTMLInputElement} */ (find(element, "[data-worksheets-tolerance]"));
    /** @type {Sort} */
    this.sort = "none";
    /** @type {number | null} the assessment being renamed */
    this.renaming = null;
    /** @type {State | null} */
    this.renamingState = null;
    /** @type {Snapshot | null} */
    this.snapshot = null;
    /** the first column on screen, when there are more than PAGE */
    this.first = 0;
    /** @type {Promise<void>} the comparison's latest drawing (its modules load first) */
    this.drawn = Promise.resolve();
  }

  start() {
    this.tolerance.addEventListener("input", () => this.render());
    this.renameForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.finishRename(true);
    });
    this.renameForm.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.finishRename(false);
    });
  }

  /** Whether the reader asked for the spread between assessments (evaluators' calibration). */
  showsSpread() {
    return this.spreadButton.getAttribute("aria-pressed") === "true";
  }

  /**
   * The tolerance typed in, if it is a number of scale points.
   * @param {number} fallback
   */
  toleranceValue(fallback) {
    const value = this.tolerance.valueAsNumber;
    return isFinite(value) && value >= 0 ? value : fallback;
  }

  /**
   * The comparison of every assessment in columns, its words, and how to draw it; `paged`:
   * only the columns of the page on screen (the best of each row is still the best of all).
   * @param {boolean} [paged]
   */
  async grid(paged = false) {
    const [compare, grid, table] = await comparing();
    const block = this.owner.block, states = this.owner.list();
    const tolerance = this.toleranceValue(compare.DEFAULT_TOLERANCE);
    const comparison = compare.compareAssessments(block, states, tolerance);
    const all = compare.columnOrder(comparison, this.sort);
    this.first = Math.max(0, Math.min(this.first, (Math.ceil(all.length / PAGE) - 1) * PAGE));
    const order = paged ? all.slice(this.first, this.first + PAGE) : all;
    return {
      order, count: all.length,
      grid: grid.comparisonGrid(block, comparison, order, this.showsSpread()),
      rows: grid.gridRows, table: table.comparisonTable,
    };
  }

  /**
   * Shows the pages' buttons and which columns are on screen, when there is more than one page.
   * @param {number} count
   * @param {number} shown
   */
  showPage(count, shown) {
    const pages = find(this.holder, ".worksheets-compare-pages");
    pages.hidden = count <= PAGE;
    if (pages.hidden) return;
    find(pages, ".worksheets-compare-page").textContent = fill(this.owner.strings.compare_page,
      { first: this.first + 1, last: this.first + shown, count });
    const [previous, next] = Array.from(pages.querySelectorAll("button"));
    previous.disabled = this.first === 0;
    next.disabled = this.first + PAGE >= count;
  }

  /** Shows the comparison when there are two assessments or more; keeps focus where it was. */
  render() {
    this.drawn = this.draw();
    return this.drawn;
  }

  async draw() {
    const states = this.owner.list(), s = this.owner.strings;
    this.holder.hidden = states.length < 2;
    find(this.owner.element, ".worksheets-tolerance").hidden = !this.showsSpread();
    if (states.length < 2) {
      this.scroll.textContent = "";
      return;
    }
    // A button of the table keeps the focus through the table's rebuilding.
    const focused = document.activeElement;
    const action = focused && this.scroll.contains(focused)
      ? focused.getAttribute("data-worksheets-action") : null;
    const ref = focused && focused.getAttribute("data-worksheets-ref");
    const { order, count, grid, table } = await this.grid(true);
    // Another render began while the modules loaded: the latest one draws.
    if (this.owner.list().length < 2) return;
    this.showPage(count, order.length);
    // Focus that moved elsewhere meanwhile (to an Undo button, say) stays there.
    const keep = action && document.activeElement === focused;
    this.scroll.textContent = "";
    this.scroll.appendChild(table(grid, {
      captionId: this.owner.element.id + "-compare-caption",
      caption: fill(s.compare_caption, { title: this.owner.block.title, count: states.length }),
      refs: order, sort: this.sort, strings: s,
    }));
    if (keep) this.focusNow(String(action), ref === null ? null : Number(ref));
  }

  /**
   * Focuses a button of the table, or the label field when the table is gone.
   * @param {string} action
   * @param {number | null} ref
   */
  focusAction(action, ref) {
    this.drawn.then(() => this.focusNow(action, ref));
  }

  /**
   * The same, at once (the table is drawn).
   * @param {string} action
   * @param {number | null} ref
   */
  focusNow(action, ref) {
    const where = "[data-worksheets-action='" + action + "']"
      + (ref === null ? "" : "[data-worksheets-ref='" + ref + "']");
    const button = this.holder.hidden ? null : this.scroll.querySelector(where);
    if (button instanceof HTMLElement) button.focus();
    else if (this.owner.form.labelInput) this.owner.form.labelInput.focus();
  }

  /**
   * Says what happened and which assessment is open, with buttons if any.
   * @param {string} what
   * @param {import("./dom.js").NoticeAction[]} [actions]
   */
  announce(what, actions = []) {
    const s = this.owner.strings;
    const open = fill(s.now_open, { label: this.owner.state.label || s.unnamed });
    this.said.show([what ? what + " " + open : open], actions);
  }

  /** Forgets the deletion to undo, the last message and any renaming under way: the
   * assessments changed otherwise. */
  forget() {
    this.snapshot = null;
    this.said.clear();
    this.renaming = null;
    this.renameForm.hidden = true;
  }

  /**
   * A button of the comparison was pressed.
   * @param {string} action
   * @param {number} ref the assessment's place in the block's list (0: the open one)
   */
  act(action, ref) {
    const owner = this.owner, states = owner.list(), chosen = states[ref];
    const s = owner.strings, name = chosen ? chosen.label || s.unnamed : "";
    if (action === "page-previous" || action === "page-next") {
      this.first += action === "page-next" ? PAGE : -PAGE;
      this.render();
    } else if (action === "sort") {
      this.sort = NEXT_SORT[this.sort];
      this.render();
    } else if (action === "spread") {
      this.spreadButton.setAttribute("aria-pressed", String(!this.showsSpread()));
      this.render();
    } else if (action === "export-compare") {
      Promise.all([this.grid(), import("./csv.js"), import("./transfer.js")])
        .then(([{ grid, rows }, csv, transfer]) => transfer.download(
          transfer.fileName(owner.block, "comparison", "csv"), "text/csv;charset=utf-8",
          csv.csvText(rows(s, grid))));
    } else if (action === "export-bundle") {
      import("./transfer.js").then((transfer) => transfer.exportBundle(owner.block, states));
    } else if (action === "export-all-csv") {
      import("./transfer.js").then((transfer) => transfer.exportAllCsv(owner.block, states));
    } else if (action === "rename-cancel") {
      this.finishRename(false);
    } else if (chosen) {
      this.manage(action, ref, name);
    }
  }

  /**
   * Opens, renames, duplicates or deletes one assessment. Each starts from the
   * assessments as stored (another tab may have changed them) and, when storage is
   * full, changes nothing (the block says so).
   * @param {string} action
   * @param {number} ref
   * @param {string} name
   */
  manage(action, ref, name) {
    const owner = this.owner, s = owner.strings, chosen = owner.list()[ref];
    if (action === "rename") this.startRename(ref, name);
    if (["open", "duplicate", "delete"].indexOf(action) < 0) return;
    this.forget();
    if (action === "open") {
      if (owner.open(chosen)) this.announce("");
    } else if (action === "duplicate") {
      if (owner.duplicate(chosen)) {
        this.announce(fill(s.duplicated, { label: name, copy: owner.state.label || s.unnamed }));
      }
    } else if (action === "delete") {
      const deleted = owner.remove(chosen);
      if (!deleted) return;
      this.snapshot = deleted;
      this.announce(fill(s.deleted, { label: name }), [{ label: s.undo, run: () => this.undo() }]);
      this.said.buttons[0].focus();
      return;
    }
    this.focusAction("rename", 0);
  }

  /** Puts the deleted assessment back, into the assessments as they are now. */
  undo() {
    const snapshot = this.snapshot, s = this.owner.strings;
    if (!snapshot) return;
    this.snapshot = null;
    const ref = this.owner.undelete(snapshot.state, snapshot.ref);
    if (ref < 0) return;
    this.announce(fill(s.restored, { label: snapshot.state.label || s.unnamed }));
    this.focusAction(ref === 0 ? "rename" : "open", ref);
  }

  /**
   * Shows the rename field for one assessment.
   * @param {number} ref
   * @param {string} name
   */
  startRename(ref, name) {
    this.renaming = ref;
    this.renamingState = this.owner.list()[ref];
    this.renameLabel.textContent = fill(this.owner.strings.rename_label, { label: name });
    this.renameInput.value = this.owner.list()[ref].label;
    this.renameForm.hidden = false;
    this.renameInput.focus();
    this.renameInput.select();
  }

  /**
   * Saves or drops the new name, then goes back to the assessment's Rename button.
   * @param {boolean} save
   */
  finishRename(save) {
    const ref = this.renaming, s = this.owner.strings;
    if (ref === null) return;
    this.renaming = null;
    this.renameForm.hidden = true;
    const state = this.renamingState, label = this.renameInput.value.trim();
    this.renamingState = null;
    if (save && state && state.label !== label) {
      const old = state.label || s.unnamed;
      this.forget();
      if (this.owner.rename(state, label)) {
        this.announce(fill(s.renamed, { old, "new": label || s.unnamed }));
      }
    }
    this.focusAction("rename", ref);
  }
}
