// @ts-check
/* One checklist or worksheet on the page: wires its form, its saved answers,
 * the other assessments kept in this browser, and its buttons. */

import { answersDocument, emptyState, fitAnswers, hasContent, readAnswers,
  readAssessments } from "./answers.js";
import { find, Notice } from "./dom.js";
import { Form } from "./form.js";
import { KINDS } from "./kinds.js";
import { fill, resultLines } from "./result.js";
import { openStorage, storageKeys } from "./storage.js";
import { exportCsv, exportJson, importAnswers, readChosenFile } from "./transfer.js";

/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").State} State */

/**
 * What the toolbar's buttons do (data-worksheets-action); Open and Delete of
 * the other assessments are Block.onAssessment.
 * @type {Record<string, (block: Block) => void>}
 */
const ACTIONS = {
  "export-json": (block) => exportJson(block.block, block.state),
  "export-csv": (block) => exportCsv(block.block, block.state),
  "import": (block) => find(block.element, "input[data-worksheets-import]").click(),
  "reset": (block) => block.reset(),
  "print": () => window.print(),
  "new": (block) => {
    block.switchTo(emptyState());
    if (block.form.labelInput) block.form.labelInput.focus();
  },
};

export class Block {
  /** @param {HTMLElement} element a <section data-worksheets-kind> */
  constructor(element) {
    this.element = element;
    /** @type {ClientData} */
    this.block = JSON.parse(find(element, "script.worksheets-data").textContent || "");
    this.strings = this.block.strings;
    this.kindWord = KINDS[this.block.kind].word(this.strings);
    this.keys = storageKeys(this.block);
    this.form = new Form(element, this.block);
    this.notice = new Notice(find(element, ".worksheets-notice"));
    this.storage = openStorage();
    this.state = emptyState();
    /** @type {State[]} the other assessments of this block in this browser */
    this.archive = [];
    this.saveFailed = false;
  }

  start() {
    find(this.element, ".worksheets-toolbar").hidden = false;
    find(this.element, ".worksheets-noscript").hidden = true;
    this.load();
    this.loadArchive();
    this.apply();
    this.renderArchive();
    this.element.addEventListener("change", (event) => this.onChange(event));
    this.element.addEventListener("input", (event) => {
      const target = event.target;
      if (target instanceof HTMLTextAreaElement || target === this.form.labelInput) {
        this.onChange(event);
      }
    });
    this.element.addEventListener("click", (event) => this.onClick(event));
    const file = find(this.element, "input[data-worksheets-import]");
    if (file instanceof HTMLInputElement) {
      file.addEventListener("change",
        () => readChosenFile(file, (name, text) => this.importText(name, text)));
    }
  }

  /**
   * Tells the reader that stored text could not be read, and moves it aside.
   * @param {string} key
   * @param {string} text
   */
  setAside(key, text) {
    const where = this.storage.setAside(key, text);
    this.notice.say(fill(this.strings.storage_unreadable, { kind: this.kindWord, key: where }));
  }

  /** The answers saved in this browser, if any. */
  load() {
    const raw = this.storage.get(this.keys.answers);
    if (raw === undefined) {
      this.notice.say(this.strings.storage_unavailable);
      return;
    }
    if (raw === null) return;
    const read = readAnswers(this.block, raw);
    if (read.problem !== null) {
      this.setAside(this.keys.answers, raw);
      return;
    }
    const data = read.data, { state, dropped } = fitAnswers(this.block, data);
    this.state = state;
    if (data.version !== this.block.version) {
      // Keep the old answers as they were, then carry on with the ones that still apply;
      // if that copy fails, the notice below still tells the reader.
      this.storage.set(this.keys.version(data.version), raw);
      this.notice.say(fill(this.strings.version_changed, {
        kind: this.kindWord, old: String(data.version), "new": this.block.version,
        kept: Object.keys(state.answers).length, dropped: dropped.length,
      }));
      this.save();
    }
  }

  save() {
    this.state.updated = new Date().toISOString();
    if (!this.storage.available) return;
    const text = JSON.stringify(answersDocument(this.block, this.state));
    if (this.storage.set(this.keys.answers, text)) {
      this.saveFailed = false;
    } else {
      if (!this.saveFailed) this.notice.say(this.strings.storage_full);
      this.saveFailed = true;
    }
  }

  /* ---- other assessments of the same block (one per vendor, site, month...) ---- */

  loadArchive() {
    this.archive = [];
    const raw = this.storage.get(this.keys.assessments);
    if (raw === undefined || raw === null) return;
    const states = readAssessments(this.block, raw);
    if (states === null) this.setAside(this.keys.assessments, raw);
    else this.archive = states;
  }

  saveArchive() {
    if (!this.storage.available) return;
    const documents = this.archive.map((state) => answersDocument(this.block, state));
    if (!this.storage.set(this.keys.assessments, JSON.stringify(documents))) {
      this.notice.say(this.strings.storage_full);
    }
  }

  renderArchive() {
    this.form.showAssessments(this.archive,
      (state) => resultLines(this.block, state.answers).join(" · "));
  }

  /**
   * Shows another assessment; the one on screen joins the others unless it is empty.
   * @param {State} next
   */
  switchTo(next) {
    if (hasContent(this.state)) this.archive.unshift(this.state);
    this.state = next;
    this.notice.clear();
    this.save();
    this.saveArchive();
    this.apply();
    this.renderArchive();
  }

  /* ---- the form and the live result ---- */

  apply() {
    this.form.show(this.state);
    this.update();
  }

  update() {
    this.form.showResult(resultLines(this.block, this.state.answers));
    KINDS[this.block.kind].showScores(this.element, this.block, this.state.answers);
  }

  /** @param {Event} event */
  onChange(event) {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    if (target.type === "file") return;
    if (target === this.form.labelInput) {
      this.state.label = target.value;
      this.form.showLabel(this.state.label);
      this.save();
      return;
    }
    if (!this.form.read(target, this.state)) return;
    this.save();
    this.update();
  }

  /* ---- buttons ---- */

  /** @param {Event} event */
  onClick(event) {
    const button = event.target instanceof Element
      ? event.target.closest("[data-worksheets-action]") : null;
    if (!button) return;
    const action = String(button.getAttribute("data-worksheets-action"));
    if (action === "open" || action === "delete") {
      this.onAssessment(action, parseInt(String(button.getAttribute("data-worksheets-index")), 10));
    } else if (Object.prototype.hasOwnProperty.call(ACTIONS, action)) {
      ACTIONS[action](this);
    }
  }

  /**
   * Opens or deletes one of the other assessments.
   * @param {"open" | "delete"} action
   * @param {number} index
   */
  onAssessment(action, index) {
    const chosen = this.archive[index];
    if (!chosen) return;
    if (action === "open") {
      this.archive.splice(index, 1);
      this.switchTo(chosen);
    } else if (window.confirm(fill(this.strings.delete_confirm, {
      label: chosen.label || this.strings.unnamed,
    }))) {
      this.archive.splice(index, 1);
      this.saveArchive();
      this.renderArchive();
    }
  }

  /**
   * Imports an answers file; the answers on screen are not lost: they join the
   * other assessments.
   * @param {string} name
   * @param {string} text
   */
  importText(name, text) {
    this.notice.clear();
    const imported = importAnswers(this.block, name, text);
    if (imported.state) this.switchTo(imported.state);
    imported.messages.forEach((message) => this.notice.say(message));
  }

  reset() {
    if (!window.confirm(fill(this.strings.reset_confirm, { title: this.block.title }))) return;
    this.state = emptyState();
    this.storage.remove(this.keys.answers);
    this.notice.clear();
    this.apply();
    this.form.closeNotes();
  }

  /**
   * Another tab changed the same answers: show them here too.
   * @param {StorageEvent} event
   */
  onStorage(event) {
    if (event.key === this.keys.assessments) {
      this.loadArchive();
      this.renderArchive();
    }
    if (event.key !== this.keys.answers) return;
    this.state = emptyState();
    this.load();
    this.apply();
  }
}
