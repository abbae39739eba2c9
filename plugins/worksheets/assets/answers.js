// @ts-check
/* Answers files (SPEC section 5; plugins/worksheets/formats/answers.py): what
 * the script saves, exports, imports and reads back. Pure: no DOM.
 *
 * The format string and the "not applicable" value come from the block's data
 * (formats), never from this file.
 */

import { KINDS } from "./kinds.js";

/** @typedef {import("./types.js").Answer} Answer */
/** @typedef {import("./types.js").AnswersFile} AnswersFile */
/** @typedef {import("./types.js").BundleFile} BundleFile */
/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").ClientSection} ClientSection */
/** @typedef {import("./types.js").State} State */

/**
 * @typedef {object} Fitted
 * @property {State} state the answers and notes that apply to the block
 * @property {string[]} dropped the ids that were left out
 */

/**
 * Text that should be an answers file for a block, read: the data, or why not.
 * @typedef {{problem: null, data: Record<string, unknown>}
 *   | {problem: "not_json"} | {problem: "not_answers"}
 *   | {problem: "wrong_block", data: Record<string, unknown>}} Read
 */

// As formats/answers.py: a bundle holds at most this many assessments.
const MAX_BUNDLE = 10000;

/** @returns {State} */
export function emptyState() {
  return { label: "", assessor: "", date: "", answers: {}, notes: {}, updated: null };
}

/**
 * Whether there is anything in an assessment worth keeping.
 * @param {State} state
 * @returns {boolean}
 */
export function hasContent(state) {
  return Object.keys(state.answers).length > 0 || Object.keys(state.notes).length > 0 ||
    state.label !== "" || state.assessor !== "" || state.date !== "";
}

/**
 * Whether a value is a date as YYYY-MM-DD, as formats/answers.py accepts it.
 * @param {unknown} value
 * @returns {value is string}
 */
export function isIsoDate(value) {
  if (typeof value !== "string" || !/^\d{4}-\d\d-\d\d$/.test(value) || value < "0001") {
    return false;
  }
  const date = new Date(value + "T00:00:00Z");
  return !isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * An object's own keys and values; nothing for anything else.
 * @param {unknown} value
 * @returns {Record<string, unknown>}
 */
function entriesIn(value) {
  return value !== null && typeof value === "object"
    ? /** @type {Record<string, unknown>} */ (value) : {};
}

/**
 * Whether parsed JSON has the shape of an answers file (of any block).
 * @param {ClientData} block
 * @param {unknown} data
 * @returns {data is Record<string, unknown>}
 */
export function isAnswersFile(block, data) {
  return isObject(data) && data.format === block.formats.answers &&
    typeof data.kind === "string" && typeof data.id === "string" && isObject(data.answers);
}

/**
 * Whether parsed JSON is an answers file of this very block.
 * @param {ClientData} block
 * @param {unknown} data
 * @returns {data is Record<string, unknown>}
 */
export function isForBlock(block, data) {
  return isAnswersFile(block, data) && data.kind === block.kind && data.id === block.id;
}

/**
 * Reads text that should be an answers file for `block`.
 * @param {ClientData} block
 * @param {string} text
 * @returns {Read}
 */
export function readAnswers(block, text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: "not_json" };
  }
  if (!isAnswersFile(block, data)) return { problem: "not_answers" };
  if (!isForBlock(block, data)) return { problem: "wrong_block", data };
  return { problem: null, data };
}

/**
 * The valid answers and notes of an answers file for `block`, and the ids left out.
 * @param {ClientData} block
 * @param {Record<string, unknown>} data
 * @returns {Fitted}
 */
export function fitAnswers(block, data) {
  const state = emptyState(), valid = KINDS[block.kind].validAnswer;
  /** @type {string[]} */
  const dropped = [];
  /** @type {Map<string, ClientSection>} the section of each item or criterion */
  const known = new Map();
  block.sections.forEach((section) => {
    section.entries.forEach((entry) => known.set(entry.id, section));
  });
  const answers = entriesIn(data.answers);
  Object.keys(answers).forEach((id) => {
    const value = answers[id], section = known.get(id);
    if (section && valid(block, section, value)) {
      state.answers[id] = /** @type {Answer} */ (value);
    } else {
      dropped.push(id);
    }
  });
  const notes = entriesIn(data.notes);
  Object.keys(notes).forEach((id) => {
    const note = notes[id];
    if (known.has(id) && typeof note === "string") {
      state.notes[id] = note;
    } else if (dropped.indexOf(id) < 0 && !Object.prototype.hasOwnProperty.call(answers, id)) {
      dropped.push(id);
    }
  });
  state.label = typeof data.label === "string" ? data.label : "";
  state.assessor = typeof data.assessor === "string" ? data.assessor : "";
  state.date = isIsoDate(data.date) ? data.date : "";
  state.updated = typeof data.updated === "string" ? data.updated : null;
  return { state, dropped };
}

/**
 * The assessments in a stored list, those of `block` only; null when the
 * text is not a list at all.
 * @param {ClientData} block
 * @param {string} text
 * @returns {State[] | null}
 */
export function readAssessments(block, text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(data)) return null;
  return data.filter((document) => isForBlock(block, document))
    .map((document) => fitAnswers(block, document).state);
}

/**
 * The answers file of one assessment of `block`; assessor and date only when given.
 * @param {ClientData} block
 * @param {State} state
 * @returns {AnswersFile}
 */
export function answersDocument(block, state) {
  return {
    format: block.formats.answers, kind: block.kind, id: block.id, version: block.version,
    lang: block.lang, label: state.label,
    ...(state.assessor ? { assessor: state.assessor } : {}),
    ...(state.date ? { date: state.date } : {}),
    updated: state.updated || new Date().toISOString(), answers: state.answers, notes: state.notes,
  };
}

/**
 * A bundle of assessments of `block` (formats/answers.py's Bundle).
 * @param {ClientData} block
 * @param {State[]} states
 * @returns {BundleFile}
 */
export function bundleDocument(block, states) {
  return {
    format: block.formats.bundle,
    assessments: states.map((state) => answersDocument(block, state)),
  };
}

/**
 * The answers files in parsed JSON: the file itself, or those of a bundle;
 * null when it is neither, or a bundle holds anything but answers files.
 * @param {ClientData} block
 * @param {unknown} data
 * @returns {Record<string, unknown>[] | null}
 */
export function documentsIn(block, data) {
  if (isAnswersFile(block, data)) return [data];
  if (!isObject(data) || data.format !== block.formats.bundle) return null;
  const documents = data.assessments;
  if (!Array.isArray(documents) || documents.length > MAX_BUNDLE) return null;
  return documents.every((document) => isAnswersFile(block, document)) ? documents : null;
}

/**
 * Whether two records have the same keys with the same values, in any order.
 * @param {Record<string, unknown>} a
 * @param {Record<string, unknown>} b
 * @returns {boolean}
 */
function sameRecord(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && a[key] === b[key]);
}

/**
 * A label without the " (2)" that makes it distinct.
 * @param {string} label
 * @returns {string}
 */
function baseLabel(label) {
  return label.replace(/ \(\d+\)$/, "");
}

/**
 * Whether two assessments are the same one: the same answers, notes and label,
 * give or take the " (2)" an earlier import added to keep labels distinct.
 * @param {State} a
 * @param {State} b
 * @returns {boolean}
 */
export function sameAssessment(a, b) {
  return baseLabel(a.label) === baseLabel(b.label) && sameRecord(a.answers, b.answers) &&
    sameRecord(a.notes, b.notes);
}

/**
 * `label`, or "label (2)", "label (3)"… when it is taken; no label stays none.
 * @param {string} label
 * @param {string[]} taken
 * @returns {string}
 */
export function distinctLabel(label, taken) {
  if (label === "" || taken.indexOf(label) < 0) return label;
  // "Vendor A (2)" taken again gives "Vendor A (3)", not "Vendor A (2) (2)".
  const base = baseLabel(label);
  let number = 2;
  while (taken.indexOf(base + " (" + number + ")") >= 0) number += 1;
  return base + " (" + number + ")";
}

/**
 * @typedef {object} Merged
 * @property {State[]} added new assessments, their labels made distinct
 * @property {State[]} skipped assessments that were there already
 * @property {State[]} renamed the added ones whose label had to change
 */

/**
 * Which of `incoming` to add to `existing`: never one that is there already
 * (nor twice), and each under a label of its own.
 * @param {State[]} existing
 * @param {State[]} incoming
 * @returns {Merged}
 */
export function mergeAssessments(existing, incoming) {
  const known = existing.slice();
  /** @type {Merged} */
  const merged = { added: [], skipped: [], renamed: [] };
  incoming.forEach((state) => {
    if (known.some((other) => sameAssessment(other, state))) {
      merged.skipped.push(state);
      return;
    }
    const label = distinctLabel(state.label, known.map((other) => other.label));
    const kept = { ...state, label };
    if (label !== state.label) merged.renamed.push(kept);
    known.push(kept);
    merged.added.push(kept);
  });
  return merged;
}

/**
 * A copy of an assessment that shares nothing with it.
 * @param {State} state
 * @returns {State}
 */
export function copyState(state) {
  return { ...state, answers: { ...state.answers }, notes: { ...state.notes } };
}
