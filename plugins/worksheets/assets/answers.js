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

/** @returns {State} */
export function emptyState() {
  return { label: "", answers: {}, notes: {}, updated: null };
}

/**
 * Whether there is anything in an assessment worth keeping.
 * @param {State} state
 * @returns {boolean}
 */
export function hasContent(state) {
  return Object.keys(state.answers).length > 0 || Object.keys(state.notes).length > 0 ||
    state.label !== "";
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
 * The answers file of one assessment of `block`.
 * @param {ClientData} block
 * @param {State} state
 * @returns {AnswersFile}
 */
export function answersDocument(block, state) {
  return {
    format: block.formats.answers,
    kind: block.kind,
    id: block.id,
    version: block.version,
    lang: block.lang,
    label: state.label,
    updated: state.updated || new Date().toISOString(),
    answers: state.answers,
    notes: state.notes,
  };
}
