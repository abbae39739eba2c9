// @ts-check
/* One checklist or worksheet on the page: wires its form, its saved answers,
 * the other assessments kept in this browser, and its buttons. */

import { assessmentsText, copyState, distinctLabel, emptyState, fitAnswers, hasContent,
  readAnswers, readAssessments, sameStored, storedDocument } from "./answers.js";
import { find, Notice } from "./dom.js";
import { Form } from "./form.js";
import { dropZone } from "./drop.js";
import { KINDS } from "./kinds.js";
import { fill, resultSegments } from "./result.js";
import { openStorage, storageKeys } from "./storage.js";
import { holdsNothingMore, legacyUid, mergeLists, mergeOpen, mergeTombstones, newUid,
  stamp } from "./sync.js";

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
    if (block.switchTo(freshState()) && block.form.labelInput) block.form.labelInput.focus();
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

/** @typedef {import("./sync.js").Tombstones} Tombstones */

// Deletions are remembered this long, for tabs that were left open as long.
const TOMBSTONE_DAYS = 90;

/**
 * A new, empty assessment, opened now.
 * @returns {State}
 */
function freshState() {
  return { ...emptyState(), uid: newUid(), opened: Date.now(), clock: {} };
}

/**
 * The assessments of a block as one tab holds them.
 * @typedef {object} View
 * @property {State} state the open assessment
 * @property {State[]} archive the others
 * @property {Tombstones} tombstones the deleted ones
 */

/**
 * Where a block keeps its assessments, and how a write that cannot be made is handled.
 *
 * Nothing a reader saved is lost (SPEC section 5):
 * - the open assessment, the list of the others and the deletions are written as one
 *   (`SafeStorage.write`): when a write fails, those before it are undone, so a full
 *   storage leaves storage as it was; a change of the list is then not made at all;
 * - an edit that cannot be saved is said every time, first in the notice, with an
 *   Export button, until a write succeeds; it stays on the page meanwhile;
 * - what the page cannot use (unreadable entries, answers of another version) is set
 *   aside under keys of its own, in the same write as the next one;
 * - every change starts from what is stored now, merged with what this tab holds
 *   (sync.js), and another tab's writes are merged as they come: two tabs never drop
 *   each other's answers, and Undo puts back the deleted one among the others as they
 *   are now.
 */
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
    /** @type {State} the open assessment; two tabs opening an empty block start the same */
    this.state = { ...emptyState(), uid: legacyUid(""), opened: 0, clock: {} };
    /** @type {State[]} the other assessments of this block in this browser */
    this.archive = [];
    /** @type {Tombstones} */
    this.tombstones = {};
    this.assessments = new Assessments(this);
    /** @type {string[]} the stored texts this tab last read or wrote, to see another's */
    this.seen = [];
    /** @type {Array<[string, string]>} writes that set data aside and must come first */
    this.pending = [];
    /** Whether an edit of the open assessment is not stored. */
    this.unsaved = false;
    /** @type {{list: State[] | null, text: string}} */
    this.archiveMemo = { list: null, text: "" };
    /** Whether this tab holds changes the stored text lacks (set by sync). */
    this.behind = false;
  }

  start() {
    find(this.element, ".worksheets-toolbar").hidden = false;
    find(this.element, ".worksheets-noscript").hidden = true;
    this.load();
    this.loadArchive();
    this.tombstones = this.readTombstones(this.storage.get(this.keys.deleted));
    this.seen = this.storedTexts();
    this.apply();
    if (this.pending.length) this.store();
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

  /**
   * The open assessment in stored text; null when the text is none of this block's.
   * @param {string | null | undefined} raw
   * @returns {State | null}
   */
  readOpen(raw) {
    if (typeof raw !== "string") return null;
    const read = readAnswers(this.block, raw);
    if (read.problem !== null) return null;
    const state = fitAnswers(this.block, read.data).state;
    if (!state.uid) state.uid = legacyUid(raw);
    return state;
  }

  /**
   * @param {string | null | undefined} raw
   * @returns {Tombstones}
   */
  readTombstones(raw) {
    /** @type {Tombstones} */
    const tombstones = {};
    try {
      const data = JSON.parse(raw || "{}");
      Object.keys(data).forEach((uid) => {
        if (typeof data[uid] === "number" && isFinite(data[uid])) tombstones[uid] = data[uid];
      });
    } catch {
      // Deletions that cannot be read are forgotten: at worst a deleted one comes back.
    }
    return tombstones;
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
    this.state = { ...state, uid: state.uid || legacyUid(raw) };
    if (data.version !== this.block.version) {
      // The old answers as they were are kept before the ones that still apply are
      // written: both in one write, and until it succeeds the old text stays stored.
      this.pending.push([this.keys.version(data.version), raw]);
      this.notice.say(fill(this.strings.version_changed, {
        kind: this.kindWord, old: String(data.version), "new": this.block.version,
        kept: Object.keys(this.state.answers).length, dropped: dropped.length,
      }));
    }
  }

  loadArchive() {
    this.archive = [];
    const raw = this.storage.get(this.keys.assessments);
    if (raw === undefined || raw === null) return;
    const list = readAssessments(this.block, raw);
    if (list === null) {
      this.setAside(this.keys.assessments, raw);
      return;
    }
    this.archive = list.states.filter((state) => state.uid !== this.state.uid);
    this.keepAside(list);
  }

  /**
   * Sets aside, as they were, the kept entries the page cannot show as they are: they are
   * added to lists of their own, written before the list of kept assessments is next
   * written (and in the same write).
   * @param {import("./answers.js").StoredList} list
   */
  keepAside(list) {
    const s = this.strings;
    /**
     * @param {string} key
     * @param {unknown[]} entries
     * @returns {[string, string]}
     */
    const appended = (key, entries) => {
      let before = [];
      try {
        const stored = JSON.parse(this.storage.get(key) || "[]");
        if (Array.isArray(stored)) before = stored;
      } catch {
        // An unreadable list there is not ours to drop: these go under a key of their own.
        return [key + ":" + new Date().toISOString(), JSON.stringify(entries)];
      }
      return [key, JSON.stringify(before.concat(entries))];
    };
    if (list.unreadable.length) {
      const write = appended(this.keys.keptUnreadable, list.unreadable);
      this.pending.push(write);
      this.notice.say(fill(s.kept_unreadable,
        { count: list.unreadable.length, kind: this.kindWord, key: write[0] }));
    }
    list.older.forEach((documents, version) => {
      const write = appended(this.keys.keptVersion(version), documents);
      this.pending.push(write);
      this.notice.say(fill(s.kept_version, {
        count: documents.length, old: String(version), "new": this.block.version,
        kind: this.kindWord, key: write[0],
      }));
    });
  }

  /* ---- storing, and other tabs ---- */

  /** The stored texts of the open assessment, the kept ones and the deletions. */
  storedTexts() {
    return [this.keys.answers, this.keys.assessments, this.keys.deleted]
      .map((key) => String(this.storage.get(key)));
  }

  /** This tab's view as texts to store, by key (null: no key, as for no deletions).
   * @returns {Array<[string, string | null]>} */
  viewTexts() {
    const cutoff = Date.now() - TOMBSTONE_DAYS * 86400000;
    /** @type {Tombstones} */
    const recent = {};
    Object.keys(this.tombstones).forEach((uid) => {
      if (this.tombstones[uid] >= cutoff) recent[uid] = this.tombstones[uid];
    });
    this.tombstones = recent;
    return [
      [this.keys.answers, JSON.stringify(storedDocument(this.block, this.state))],
      [this.keys.assessments, this.archiveText()],
      [this.keys.deleted, Object.keys(recent).length ? JSON.stringify(recent) : null],
    ];
  }

  /** The stored text of the kept assessments, written once per list (a list is replaced,
   * never changed in place): thousands of them are not written again at every answer. */
  archiveText() {
    if (this.archiveMemo.list !== this.archive) {
      this.archiveMemo = { list: this.archive, text: assessmentsText(this.block, this.archive) };
    }
    return this.archiveMemo.text;
  }

  /**
   * Merges what another tab stored since this tab last read or wrote it (sync.js).
   * @returns {boolean} whether the open assessment or the list changed here
   */
  sync() {
    const texts = this.storedTexts();
    if (texts.every((text, index) => text === this.seen[index])) return false;
    const [open, list, deleted] = [this.keys.answers, this.keys.assessments, this.keys.deleted]
      .map((key) => this.storage.get(key));
    const read = list ? readAssessments(this.block, list) : null;
    const stored = { state: this.readOpen(open), archive: read ? read.states : [],
      tombstones: this.readTombstones(deleted) };
    const tombstones = mergeTombstones(this.tombstones, stored.tombstones);
    const archive = mergeLists(this.archive, stored.archive, tombstones);
    const merged = mergeOpen(this.state, stored.state, archive, tombstones);
    const changed = !sameStored(merged.state, this.state, false) ||
      merged.state.uid !== this.state.uid || merged.archive.length !== this.archive.length ||
      merged.archive.some((state, index) => !sameStored(state, this.archive[index], false));
    this.state = merged.state;
    this.archive = merged.archive;
    this.tombstones = tombstones;
    this.seen = texts;
    this.behind = !holdsNothingMore({ ...merged, tombstones }, stored);
    return changed;
  }

  /**
   * Stores this tab's view, after the writes that set data aside.
   * @returns {boolean} false when storage refused it (nothing of it was stored then)
   */
  store() {
    if (!this.storage.available) return false;
    const now = new Date().toISOString();
    this.list().forEach((state) => {
      if (!state.updated) state.updated = now;
    });
    const texts = this.viewTexts();
    if (!this.storage.write([...this.pending, ...texts])) return false;
    this.pending = [];
    this.seen = this.storedTexts();
    this.behind = false;
    if (this.unsaved) {
      this.unsaved = false;
      this.notice.release("storage");
      this.notice.say(fill(this.strings.storage_saved_again,
        { label: this.state.label || this.strings.unnamed }));
    }
    return true;
  }

  /**
   * Saves an edit of the open assessment, merged with what is stored now; when it cannot
   * be stored, says so (again) and offers to export it.
   */
  save() {
    this.state.updated = new Date().toISOString();
    if (!this.storage.available) return;
    if (this.sync()) this.form.show(this.state);
    if (this.store()) return;
    this.unsaved = true;
    const s = this.strings;
    this.notice.hold("storage", fill(s.storage_failed, { label: this.state.label || s.unnamed }),
      [{ label: s.storage_export, run: () => ACTIONS["export-json"](this) }]);
  }

  /**
   * Another tab changed this block's storage: its changes are merged with this tab's,
   * and what this tab holds that the stored text lacks is written again.
   * @param {StorageEvent} event
   */
  onStorage(event) {
    if (event.storageArea !== null && event.storageArea !== this.storage.storage) return;
    if (![this.keys.answers, this.keys.assessments, this.keys.deleted].includes(
      String(event.key))) return;
    const changed = this.sync();
    // Only what the stored text lacks is written back (sync.js, holdsNothingMore).
    if (this.behind) this.store();
    if (!changed) return;
    // A deletion to undo and a renaming under way stay: both name their assessment by
    // its identity, and Undo puts it back among the assessments as they are then.
    this.apply(true);
  }

  /** Every assessment: the open one first, then the others. */
  list() {
    return [this.state, ...this.archive];
  }

  /**
   * Changes the assessments, from what is stored now: `change` edits the view (false:
   * it has nothing to do). When storage refuses the result, nothing changes and the
   * reader is told.
   * @param {(view: View) => boolean} change
   * @returns {boolean} whether it was made
   */
  change(change) {
    this.sync();
    const before = { state: this.state, archive: this.archive, tombstones: this.tombstones };
    /** @type {View} */
    const view = { state: this.state, archive: this.archive.slice(),
      tombstones: { ...this.tombstones } };
    if (change(view) === false) {
      this.apply(true);
      return false;
    }
    this.state = view.state;
    this.archive = view.archive;
    this.tombstones = view.tombstones;
    if (this.storage.available && !this.store()) {
      this.state = before.state;
      this.archive = before.archive;
      this.tombstones = before.tombstones;
      this.notice.say(this.strings.storage_unchanged);
      this.apply(true);
      return false;
    }
    this.apply(true);
    return true;
  }

  /**
   * Where an assessment shown in the list is now; -1 (and a word to the reader) when
   * another tab removed it meanwhile.
   * @param {View} view
   * @param {State} chosen
   * @returns {number}
   */
  locate(view, chosen) {
    if (chosen.uid === view.state.uid) return 0;
    const index = view.archive.findIndex((state) => state.uid === chosen.uid);
    if (index < 0) this.notice.say(fill(this.strings.changed_elsewhere, { kind: this.kindWord }));
    return index < 0 ? -1 : index + 1;
  }

  /**
   * Shows another assessment; the one on screen joins the others unless it is empty.
   * @param {State} next
   * @param {State[]} [added] assessments to keep beside it (an import's)
   * @returns {boolean} whether it could be stored
   */
  switchTo(next, added = []) {
    this.notice.clear();
    return this.change((view) => {
      const kept = [...added, ...view.archive];
      if (hasContent(view.state)) kept.unshift(view.state);
      view.state = { ...next, opened: Date.now() };
      view.archive = kept;
      return true;
    });
  }

  /**
   * @param {State} chosen an assessment of list()
   * @returns {boolean}
   */
  open(chosen) {
    this.notice.clear();
    return this.change((view) => {
      const ref = this.locate(view, chosen);
      if (ref < 0) return false;
      if (ref === 0) return true;
      const [state] = view.archive.splice(ref - 1, 1);
      if (hasContent(view.state)) view.archive.unshift(view.state);
      view.state = { ...state, opened: Date.now() };
      return true;
    });
  }

  /**
   * @param {State} chosen
   * @param {string} label
   * @returns {boolean}
   */
  rename(chosen, label) {
    return this.change((view) => {
      const ref = this.locate(view, chosen);
      if (ref < 0) return false;
      const old = ref === 0 ? view.state : view.archive[ref - 1];
      const renamed = { ...copyState(old), label };
      stamp(old, renamed, Date.now());
      if (ref === 0) view.state = renamed;
      else view.archive[ref - 1] = renamed;
      return true;
    });
  }

  /**
   * Opens a copy of an assessment, under a label of its own.
   * @param {State} chosen
   * @returns {boolean}
   */
  duplicate(chosen) {
    this.notice.clear();
    return this.change((view) => {
      const ref = this.locate(view, chosen);
      if (ref < 0) return false;
      const all = [view.state, ...view.archive], copy = copyState(all[ref]);
      copy.label = distinctLabel(copy.label, all.map((state) => state.label));
      copy.updated = null;
      copy.uid = newUid();
      stamp(all[ref], copy, Date.now());
      if (hasContent(view.state)) view.archive.unshift(view.state);
      view.state = { ...copy, opened: Date.now() };
      return true;
    });
  }

  /**
   * Deletes an assessment; when it is the open one, the next one opens.
   * @param {State} chosen
   * @returns {{state: State, ref: number} | null} what was deleted and where, to undo it
   */
  remove(chosen) {
    /** @type {{state: State, ref: number} | null} */
    let deleted = null;
    const done = this.change((view) => {
      const ref = this.locate(view, chosen);
      if (ref < 0) return false;
      const state = ref === 0 ? view.state : view.archive.splice(ref - 1, 1)[0];
      if (ref === 0) view.state = { ...(view.archive.shift() || freshState()), opened: Date.now() };
      view.tombstones[state.uid || ""] = Date.now();
      deleted = { state, ref };
      return true;
    });
    return done ? deleted : null;
  }

  /**
   * Puts a deleted assessment back where it was, among the assessments as they are now
   * (another tab may have changed them since): nothing newer is undone.
   * @param {State} state
   * @param {number} ref
   * @returns {number} where it is now in list(), -1 when it could not be stored
   */
  undelete(state, ref) {
    let at = -1;
    // Under a new identity: the deletion stays remembered for the old one.
    const back = { ...copyState(state), uid: newUid() };
    const done = this.change((view) => {
      if (ref === 0) {
        if (hasContent(view.state)) view.archive.unshift(view.state);
        view.state = { ...back, opened: Date.now() };
        at = 0;
      } else {
        at = Math.min(ref - 1, view.archive.length);
        view.archive.splice(at, 0, back);
        at += 1;
      }
      return true;
    });
    return done ? at : -1;
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
    const before = copyState(this.state);
    if (this.form.readHeader(target, this.state)) {
      stamp(before, this.state, Date.now());
      this.save();
      this.assessments.render();
      return;
    }
    if (!this.form.read(target, this.state)) return;
    stamp(before, this.state, Date.now());
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
   * here: the first new one opens, the one on screen joins the others. Nothing is
   * added unless all of it can be stored.
   * @param {TextFile[]} files
   */
  async importFiles(files) {
    const { importFiles } = await transfer();
    this.sync();
    const existing = this.list().filter(hasContent);
    const { added, messages } = importFiles(this.block, existing, files);
    this.assessments.forget();
    if (added.length) {
      const fresh = added.map((state) => ({ ...state, uid: newUid(), opened: Date.now() }));
      if (!this.switchTo(fresh[0], fresh.slice(1))) {
        this.notice.show([fill(this.strings.storage_import_failed,
          { files: files.map((file) => file.name).join(this.strings.list_separator) })]);
        return;
      }
      messages.push(fill(this.strings.now_open, { label: this.state.label || this.strings.unnamed }));
    }
    this.notice.show(messages);
  }

  reset() {
    const s = this.strings;
    if (!window.confirm(fill(s.reset_confirm,
      { label: this.state.label || s.unnamed, title: this.block.title }))) return;
    const cleared = this.change((view) => {
      view.tombstones[view.state.uid || ""] = Date.now();
      view.state = freshState();
      return true;
    });
    if (!cleared) return;
    this.notice.clear();
    this.assessments.forget();
    this.apply();
    this.form.closeNotes();
  }
}
