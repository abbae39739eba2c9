// @ts-check
/* One checklist or worksheet on the page: wires its form, its saved answers,
 * the other assessments kept in this browser, and its buttons. */

import { answersDocument, copyState, distinctLabel, emptyState, fitAnswers, hasContent,
  readAnswers, readAssessments } from "./answers.js";
import { find, Notice } from "./dom.js";
import { Form } from "./form.js";
import { dropZone } from "./drop.js";
import { KINDS } from "./kinds.js";
import { fill, resultSegments } from "./result.js";
import { openStorage, storageKeys } from "./storage.js";

/** @typedef {import("./types.js").BlockData} BlockData */
/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").State} State */
/** @typedef {import("./types.js").Strings} Strings */
/** @typedef {import("./transfer.js").TextFile} TextFile */

/**
 * The strings the script shows in `lang`: the page carries them once, for all its
 * blocks (formats/client.py), before its content.
 * @param {string} lang
 * @returns {Strings}
 */
function pageStrings(lang) {
  const all = Array.from(document.querySelectorAll("script.worksheets-strings"));
  const own = all.find((script) => script.getAttribute("data-worksheets-lang") === lang) || all[0];
  if (!own) throw new Error("the page has no strings for its blocks");
  return JSON.parse(own.textContent || "");
}

/** The module of exports and imports, loaded on first use. */
function transfer() {
  return import("./transfer.js");
}

/**
 * The block's other assessments and their comparison (assessments.js), loaded when
 * the block first has two or a reader acts on them: until then the comparison,
 * hidden in the page as written, has nothing to show.
 */
class Assessments {
  /** @param {Block} owner */
  constructor(owner) {
    this.owner = owner;
    /** @type {Promise<import("./assessments.js").AssessmentsView> | null} */
    this.loading = null;
    /** @type {import("./assessments.js").AssessmentsView | null} once loaded: then every
     * call goes to it at once, so its drawing and focus keep their order */
    this.view = null;
  }

  /** @param {(view: import("./assessments.js").AssessmentsView) => void} then */
  with(then) {
    if (this.view) return then(this.view);
    if (!this.loading) {
      this.loading = import("./assessments.js").then((m) => {
        this.view = new m.AssessmentsView(this.owner);
        this.view.start();
        return this.view;
      });
    }
    this.loading.then(then);
  }

  /** Shows the comparison when there are two assessments or more. */
  render() {
    if (this.loading || this.owner.list().length > 1) this.with((view) => view.render());
  }

  /**
   * A button of the comparison was pressed.
   * @param {string} action
   * @param {number} ref
   */
  act(action, ref) {
    this.with((view) => view.act(action, ref));
  }

  /** Forgets the deletion to undo and any renaming under way (AssessmentsView.forget). */
  forget() {
    if (this.loading) this.with((view) => view.forget());
  }
}

/**
 * What the toolbar's buttons do (data-worksheets-action); the comparison's
 * buttons are AssessmentsView.act.
 * @type {Record<string, (block: Block) => unknown>}
 */
const ACTIONS = {
  // Exports, imports and share links load their modules on first use.
  "export-json": (block) => transfer().then((m) => m.exportJson(block.block, block.state)),
  "export-csv": (block) => transfer().then((m) => m.exportCsv(block.block, block.state)),
  "import": (block) => find(block.element, "input[data-worksheets-import]").click(),
  "reset": (block) => block.reset(),
  "print": (block) => printBlock(block.element),
  "copy-link": (block) => import("./incoming.js").then((m) => m.copyLink(block)),
  "new": (block) => {
    block.assessments.forget();
    block.switchTo(emptyState());
    if (block.form.labelInput) block.form.labelInput.focus();
  },
};

/**
 * Prints this block alone (its form, answers, notes and result): the page's other
 * content is left out while printing (worksheets.css); the browser's own Print still
 * prints the whole page.
 * @param {HTMLElement} element
 */
function printBlock(element) {
  const root = document.documentElement, mark = "data-worksheets-printing";
  const done = () => {
    root.removeAttribute(mark);
    element.removeAttribute(mark);
    window.removeEventListener("afterprint", done);
  };
  root.setAttribute(mark, "");
  element.setAttribute(mark, "");
  window.addEventListener("afterprint", done);
  window.print();
}

export class Block {
  /** @param {HTMLElement} element a <section data-worksheets-kind> */
  constructor(element) {
    this.element = element;
    /** @type {BlockData} */
    const data = JSON.parse(find(element, "script.worksheets-data").textContent || "");
    /** @type {ClientData} */
    this.block = { ...data, strings: pageStrings(data.lang) };
    this.strings = this.block.strings;
    this.kindWord = KINDS[this.block.kind].word(this.strings);
    this.keys = storageKeys(this.block);
    this.form = new Form(element, this.block);
    this.notice = new Notice(find(element, ".worksheets-notice"));
    this.storage = openStorage();
    this.state = emptyState();
    /** @type {State[]} the other assessments of this block in this browser */
    this.archive = [];
    this.assessments = new Assessments(this);
    this.saveFailed = false;
  }

  start() {
    find(this.element, ".worksheets-toolbar").hidden = false;
    find(this.element, ".worksheets-noscript").hidden = true;
    this.load();
    this.loadArchive();
    this.apply();
    this.element.addEventListener("change", (event) => this.onChange(event));
    this.element.addEventListener("input", (event) => {
      const target = event.target;
      if (target instanceof HTMLTextAreaElement || this.form.isHeader(target)) this.onChange(event);
    });
    this.element.addEventListener("click", (event) => this.onClick(event));
    const file = find(this.element, "input[data-worksheets-import]");
    if (file instanceof HTMLInputElement) {
      file.addEventListener("change", () => transfer()
        .then((m) => m.readFiles(this.block, file.files))
        .then((files) => {
          file.value = "";
          return this.importFiles(files);
        }));
    }
    dropZone(this);
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

  /**
   * Saves the open assessment; `edited` when the reader changed it (it is dated then).
   * @param {boolean} [edited]
   */
  save(edited = true) {
    if (edited || !this.state.updated) this.state.updated = new Date().toISOString();
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

  /** Every assessment: the open one first, then the others. */
  list() {
    return [this.state, ...this.archive];
  }

  /** Saves every assessment as it is, and shows the open one without announcing it. */
  commit() {
    this.save(false);
    this.saveArchive();
    this.apply(true);
  }

  /**
   * Shows another assessment; the one on screen joins the others unless it is empty.
   * @param {State} next
   */
  switchTo(next) {
    if (hasContent(this.state)) this.archive.unshift(this.state);
    this.state = next;
    this.notice.clear();
    this.commit();
  }

  /** @param {number} ref an assessment's place in list() */
  openAt(ref) {
    if (ref > 0) this.switchTo(this.archive.splice(ref - 1, 1)[0]);
  }

  /**
   * @param {number} ref
   * @param {string} label
   */
  renameAt(ref, label) {
    this.list()[ref].label = label;
    this.commit();
  }

  /**
   * Opens a copy of an assessment, under a label of its own.
   * @param {number} ref
   */
  duplicateAt(ref) {
    const copy = copyState(this.list()[ref]);
    copy.label = distinctLabel(copy.label, this.list().map((state) => state.label));
    copy.updated = null;
    this.switchTo(copy);
  }

  /**
   * Deletes an assessment; when it is the open one, the next one opens.
   * @param {number} ref
   * @returns {{state: State, archive: State[]}} the assessments as they were
   */
  deleteAt(ref) {
    const before = { state: this.state, archive: this.archive.slice() };
    if (ref === 0) this.state = this.archive.shift() || emptyState();
    else this.archive.splice(ref - 1, 1);
    this.commit();
    return before;
  }

  /**
   * The assessments as they were.
   * @param {State} state
   * @param {State[]} archive
   */
  restore(state, archive) {
    this.state = state;
    this.archive = archive;
    this.commit();
  }

  /* ---- the form and the live result ---- */

  /** @param {boolean} [quiet] the change is announced otherwise */
  apply(quiet = false) {
    this.form.show(this.state);
    this.update(quiet);
  }

  /** @param {boolean} [quiet] */
  update(quiet = false) {
    this.form.showResult(resultSegments(this.block, this.state.answers), quiet);
    KINDS[this.block.kind].showScores(this.element, this.block, this.state.answers);
    this.assessments.render();
  }

  /** @param {Event} event */
  onChange(event) {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    if (target.type === "file") return;
    if (this.form.readHeader(target, this.state)) {
      this.save();
      this.assessments.render();
      return;
    }
    if (!this.form.read(target, this.state)) return;
    this.save();
    this.update();
  }

  /* ---- buttons ---- */

  /** @param {Event} event */
  onClick(event) {
    const target = event.target instanceof Element ? event.target : null;
    // A result's link to an open item or a failed criterion (Enter activates it too):
    // the browser would only scroll to it, under the sticky result; focus goes there.
    const link = target ? target.closest("a[data-worksheets-focus]") : null;
    if (link && this.form.focusControl(String(link.getAttribute("data-worksheets-focus")))) {
      event.preventDefault();
      return;
    }
    const button = target ? target.closest("[data-worksheets-action]") : null;
    if (!button) return;
    const action = String(button.getAttribute("data-worksheets-action"));
    if (Object.prototype.hasOwnProperty.call(ACTIONS, action)) {
      ACTIONS[action](this);
    } else {
      this.assessments.act(action, Number(button.getAttribute("data-worksheets-ref")));
    }
  }

  /**
   * Adds the assessments in answers files and bundles, never over one that is
   * here: the first new one opens, the one on screen joins the others.
   * @param {TextFile[]} files
   */
  async importFiles(files) {
    const { importFiles } = await transfer();
    const existing = this.list().filter(hasContent);
    const { added, messages } = importFiles(this.block, existing, files);
    this.assessments.forget();
    if (added.length) {
      this.archive.unshift(...added.slice(1));
      this.switchTo(added[0]);
      messages.push(fill(this.strings.now_open, { label: this.state.label || this.strings.unnamed }));
    }
    this.notice.show(messages);
  }

  reset() {
    const s = this.strings;
    if (!window.confirm(fill(s.reset_confirm,
      { label: this.state.label || s.unnamed, title: this.block.title }))) return;
    this.state = emptyState();
    this.storage.remove(this.keys.answers);
    this.notice.clear();
    this.assessments.forget();
    this.apply();
    this.form.closeNotes();
  }

  /**
   * Another tab changed the same answers: show them here too.
   * @param {StorageEvent} event
   */
  onStorage(event) {
    if (event.key === this.keys.assessments) {
      this.assessments.forget();
      this.loadArchive();
      this.assessments.render();
    }
    if (event.key !== this.keys.answers) return;
    this.state = emptyState();
    this.load();
    this.apply();
  }
}
