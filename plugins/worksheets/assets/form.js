// @ts-check
/* A block's form and the parts of the page that show its state: the state
 * written into the controls, and a changed control read back into the state.
 * Field names come from the block's data (entry.fields, headerFields). */

import { find, findAll } from "./dom.js";
import { KINDS } from "./kinds.js";
import { entriesOf } from "./scoring.js";

/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").ClientEntry} ClientEntry */
/** @typedef {import("./types.js").Controls} Controls */
/** @typedef {import("./types.js").ResultLine} ResultLine */
/** @typedef {import("./types.js").State} State */
/** @typedef {HTMLInputElement | HTMLTextAreaElement} Field */
/** @typedef {"label" | "assessor" | "date"} HeaderName */

/** The fields above the form, in the order they are printed. */
const HEADER = /** @type {HeaderName[]} */ (["label", "assessor", "date"]);

const NOTES = "details.worksheets-note";
const WAS_OPEN = "data-worksheets-was-open";

/**
 * The named fields under `element`, by name.
 * @param {HTMLElement} element
 * @returns {Map<string, Field[]>}
 */
function fieldsByName(element) {
  /** @type {Map<string, Field[]>} */
  const byName = new Map();
  element.querySelectorAll("input[name], textarea[name]").forEach((field) => {
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
    const named = byName.get(field.name) || [];
    named.push(field);
    byName.set(field.name, named);
  });
  return byName;
}

/**
 * The controls of one entry, found by the field names in its data.
 * @param {Map<string, Field[]>} byName
 * @param {ClientEntry} entry
 * @returns {Controls}
 */
function controlsOf(byName, entry) {
  /** @param {string | null} name */
  const inputs = (name) => (name === null ? [] : byName.get(name) || [])
    .filter((field) => field instanceof HTMLInputElement);
  const note = (byName.get(entry.fields.note) || [])[0];
  if (!(note instanceof HTMLTextAreaElement)) throw new Error(`no note for ${entry.id}`);
  return { answer: inputs(entry.fields.answer), na: inputs(entry.fields.na)[0] || null, note };
}

export class Form {
  /**
   * @param {HTMLElement} element the block's <section>
   * @param {ClientData} block
   */
  constructor(element, block) {
    this.element = element;
    this.block = block;
    this.kind = KINDS[block.kind];
    const byName = fieldsByName(element);
    /** @type {Map<string, Controls>} */
    this.controls = new Map(entriesOf(block).map((entry) => [entry.id, controlsOf(byName, entry)]));
    /** @type {Map<HeaderName, HTMLInputElement>} */
    this.header = new Map();
    HEADER.forEach((name) => {
      const input = (byName.get(block.headerFields[name]) || [])[0];
      if (input instanceof HTMLInputElement) this.header.set(name, input);
    });
    this.labelInput = this.header.get("label") || null;
    this.status = find(element, '[role="status"]');
    this.printLabel = find(element, ".worksheets-print-label");
  }

  /**
   * Sets every control, note and the label to an assessment.
   * @param {State} state
   */
  show(state) {
    const na = this.block.formats.na;
    this.controls.forEach((controls, id) => {
      this.kind.show(controls, state.answers[id], na);
      const note = state.notes[id] || "";
      // Only a changed value is set: setting one moves the caret of a note being typed.
      if (controls.note.value !== note) controls.note.value = note;
      this.showNote(controls.note, note);
    });
    this.header.forEach((input, name) => {
      if (input.value !== state[name]) input.value = state[name];
    });
    this.showLabel(state);
  }

  /**
   * Label, assessor and date as printed above the form.
   * @param {State} state
   */
  showLabel(state) {
    const s = this.block.strings;
    const words = { label: s.label_field, assessor: s.pdf_assessor, date: s.pdf_date };
    this.printLabel.textContent = HEADER.filter((name) => state[name])
      .map((name) => words[name] + ": " + state[name]).join(" · ");
  }

  /**
   * Whether a control is one of the fields above the form.
   * @param {EventTarget | null} target
   * @returns {target is HTMLInputElement}
   */
  isHeader(target) {
    return target instanceof HTMLInputElement &&
      Array.from(this.header.values()).indexOf(target) >= 0;
  }

  /**
   * Reads a changed field above the form into `state`; false for any other control.
   * @param {EventTarget | null} target
   * @param {State} state
   * @returns {boolean}
   */
  readHeader(target, state) {
    if (!this.isHeader(target)) return false;
    this.header.forEach((input, name) => {
      if (input === target) state[name] = input.value;
    });
    this.showLabel(state);
    return true;
  }

  /**
   * A note's <details>: marked and opened when there is a note, and its printed copy.
   * @param {HTMLTextAreaElement} textarea
   * @param {string} note
   */
  showNote(textarea, note) {
    const details = textarea.closest("details");
    if (!details) return;
    details.classList.toggle("worksheets-has-note", note !== "");
    if (note !== "") details.open = true;
    find(details, ".worksheets-note-print").textContent = note;
  }

  /**
   * Reads a changed answer or note into `state`; false when the control is
   * not one of an entry's.
   * @param {Field} target
   * @param {State} state
   * @returns {boolean}
   */
  read(target, state) {
    const holder = target.closest("[data-worksheets-item]");
    const id = holder ? holder.getAttribute("data-worksheets-item") : null;
    const controls = id === null ? undefined : this.controls.get(id);
    if (id === null || !controls) return false;
    if (target instanceof HTMLTextAreaElement) {
      if (target.value === "") delete state.notes[id];
      else state.notes[id] = target.value;
      this.showNote(target, target.value);
    } else {
      const answer = this.kind.read(target, controls, this.block.formats.na);
      if (answer !== undefined) state.answers[id] = answer;
    }
    return true;
  }

  /**
   * Writes the result, only when its words or links change, so that screen readers
   * announce real changes only (the server already wrote the first one).
   * `quiet` when something else announces the change (another assessment opened).
   * @param {ResultLine[]} lines
   * @param {boolean} [quiet]
   */
  showResult(lines, quiet = false) {
    const targets = lines.map((line) => line.map((segment) =>
      segment.entry === null ? null : this.controlId(segment.entry)));
    const wanted = lines.map((line, index) => shown(line.map((segment) => segment.text),
      targets[index]));
    const current = Array.from(this.status.children, (paragraph) => shown(
      [paragraph.textContent || ""],
      Array.from(paragraph.querySelectorAll("a[data-worksheets-focus]"),
        (link) => link.getAttribute("data-worksheets-focus"))));
    if (current.join("\n") === wanted.join("\n")) return;
    if (quiet) {
      this.status.setAttribute("aria-live", "off");
      // Once the accessibility tree has taken the change in, silently.
      setTimeout(() => this.status.setAttribute("aria-live", "polite"), 300);
    }
    writeResult(this.status, lines, targets);
  }

  /**
   * The id of an entry's answer control as the page gives it (a checkbox, a
   * criterion's first radio button), which the result's links point at.
   * @param {string} entry
   * @returns {string | null}
   */
  controlId(entry) {
    const controls = this.controls.get(entry);
    const first = controls ? controls.answer[0] : undefined;
    return first && first.id ? first.id : null;
  }

  /**
   * Moves focus to the control a result's link points at: a checklist's checkbox, a
   * criterion's chosen radio button (else its first), opening what hides it, and
   * scrolls it to the middle of the window, clear of the sticky result.
   * @param {string} id the control's id, from the link's data-worksheets-focus
   * @returns {boolean} whether it is an entry's control
   */
  focusControl(id) {
    const controls = Array.from(this.controls.values()).find((found) =>
      found.answer.length > 0 && found.answer[0].id === id);
    if (!controls) return false;
    const control = controls.answer.find((input) => input.checked) || controls.answer[0];
    for (let details = control.closest("details"); details;
      details = details.parentElement && details.parentElement.closest("details")) {
      if (details instanceof HTMLDetailsElement) details.open = true;
    }
    control.focus({ preventScroll: true });
    control.scrollIntoView({ block: "center" });
    return true;
  }

  closeNotes() {
    findAll(this.element, NOTES).forEach((details) => {
      if (details instanceof HTMLDetailsElement) details.open = false;
    });
  }
}

/**
 * What a line of the result shows, in one string: its words, and where its links go.
 * @param {string[]} texts
 * @param {(string | null)[]} targets
 * @returns {string}
 */
function shown(texts, targets) {
  return JSON.stringify([texts.join(""), targets.filter((target) => target !== null)]);
}

/**
 * Replaces the result with these lines: text, and links to the controls (`targets`,
 * each segment's control id, null for text or an entry without one).
 * @param {HTMLElement} holder
 * @param {ResultLine[]} lines
 * @param {(string | null)[][]} targets
 */
function writeResult(holder, lines, targets) {
  holder.textContent = "";
  lines.forEach((line, index) => {
    const paragraph = document.createElement("p");
    paragraph.className = "worksheets-result-line";
    line.forEach((segment, place) => {
      const target = targets[index][place];
      if (target === null) {
        paragraph.appendChild(document.createTextNode(segment.text));
        return;
      }
      const link = document.createElement("a");
      link.setAttribute("href", "#" + target);
      link.setAttribute("data-worksheets-focus", target);
      link.textContent = segment.text;
      paragraph.appendChild(link);
    });
    holder.appendChild(paragraph);
  });
}

/**
 * Before printing: opens every note that has text, remembering how it was.
 * @param {HTMLElement} element a block
 */
export function openNotesForPrint(element) {
  findAll(element, NOTES).forEach((details) => {
    if (!(details instanceof HTMLDetailsElement)) return;
    details.setAttribute(WAS_OPEN, details.open ? "1" : "");
    if (details.classList.contains("worksheets-has-note")) details.open = true;
  });
}

/**
 * After printing: every note as it was before.
 * @param {ParentNode} root
 */
export function restoreNotesAfterPrint(root) {
  findAll(root, "details[" + WAS_OPEN + "]").forEach((details) => {
    if (details instanceof HTMLDetailsElement) {
      details.open = details.getAttribute(WAS_OPEN) === "1";
    }
    details.removeAttribute(WAS_OPEN);
  });
}
