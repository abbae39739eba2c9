// @ts-check
/* Answers files (SPEC section 5; plugins/worksheets/formats/answers.py): what
 * the script saves, exports, imports and reads back. Pure: no DOM.
 *
 * The format string and the "not applicable" value come from the block's data
 * (formats), never from this file.
 */

import { KINDS } from "./kinds.js";
import { legacyUid } from "./sync.js";

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
    typeof data.kind === "string" && typeof data.id === "string" &&
    (data.answers === undefined || isObject(data.answers));
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
  if (isObject(data.clock)) readClock(state, data.clock);
  return { state, dropped };
}

/**
 * The clock of a stored assessment (storedDocument), what of it is well formed.
 * @param {State} state
 * @param {Record<string, unknown>} clock
 */
function readClock(state, clock) {
  if (typeof clock.uid === "string" && clock.uid.length <= 64) state.uid = clock.uid;
  if (isTime(clock.opened)) state.opened = clock.opened;
  const fields = entriesIn(clock.fields), times = /** @type {Record<string, number>} */ ({});
  Object.keys(fields).forEach((key) => {
    const time = fields[key];
    if (isTime(time)) times[key] = time;
  });
  state.clock = times;
}

/**
 * @param {unknown} value
 * @returns {value is number}
 */
function isTime(value) {
  return typeof value === "number" && isFinite(value) && value >= 0;
}

/**
 * An assessment as this browser stores it: its answers file, with the clock that
 * merges two tabs' changes (sync.js; formats/answers.py's StoredClock). Exports leave
 * the clock out.
 * @param {ClientData} block
 * @param {State} state
 * @returns {AnswersFile & {clock: {uid: string, opened: number, fields: Record<string, number>}}}
 */
export function storedDocument(block, state) {
  return { ...answersDocument(block, state),
    clock: { uid: state.uid || "", opened: state.opened || 0, fields: state.clock || {} } };
}

/**
 * A stored list of assessments, read: those of `block`, and those set aside as they
 * were, so that rewriting the list loses none of them.
 * @typedef {object} StoredList
 * @property {State[]} states the assessments the block can show
 * @property {unknown[]} unreadable entries that are no answers file of this block
 *   (damaged, of a later format, of another block)
 * @property {Map<number, Record<string, unknown>[]>} older entries answered on another
 *   version of the block, by version, as they were (their fitted answers are in `states`)
 */

/**
 * The assessments in a stored list; null when the text is not a list at all.
 * @param {ClientData} block
 * @param {string} text
 * @returns {StoredList | null}
 */
export function readAssessments(block, text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(data)) return null;
  /** @type {StoredList} */
  const list = { states: [], unreadable: [], older: new Map() };
  data.forEach((document) => {
    // The limits of reader data are for files coming in: what this browser stored, it
    // keeps, even from before the limits.
    if (!isForBlock(block, document)) {
      list.unreadable.push(document);
      return;
    }
    const state = fitAnswers(block, document).state;
    if (!state.uid) state.uid = legacyUid(JSON.stringify(document));
    list.states.push(state);
    const version = Number(document.version);
    if (version !== block.version) {
      list.older.set(version, (list.older.get(version) || []).concat([document]));
    }
  });
  return list;
}

/**
 * What is wrong with an answers file, as the key of its words: a limit of reader data
 * (SPEC section 5; formats/answers.py's Limits), or a shape that formats/answers.py's
 * AnswersFile refuses ("import_not_answers"); null when nothing is. The page and
 * `report` accept the same files (tests/unit/test_same_files.py holds them to it).
 * @param {ClientData} block
 * @param {Record<string, unknown>} document
 * @returns {"limit_label" | "limit_note" | "limit_date" | "limit_entries"
 *   | "import_not_answers" | null}
 */
export function overLimit(block, document) {
  const limits = block.formats.limits;
  const isText = (/** @type {unknown} */ text, /** @type {number} */ most) =>
    typeof text === "string" && text.length <= most;
  const absent = (/** @type {unknown} */ value) => value === undefined || value === null;
  const kind = document.kind, version = document.version;
  if (document.format !== block.formats.answers || (kind !== "checklist" && kind !== "worksheet") ||
    typeof document.id !== "string" || document.id.length > 200 ||
    !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(document.id) ||
    typeof version !== "number" || !Number.isInteger(version) || version < 1 || version > 1000000 ||
    typeof document.lang !== "string" || document.lang.length > 35 ||
    !/^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/.test(document.lang) ||
    !(absent(document.updated) || isText(document.updated, 64)) ||
    !(document.answers === undefined || isObject(document.answers)) ||
    !(document.notes === undefined || isObject(document.notes))) {
    return "import_not_answers";
  }
  if (!(document.label === undefined || isText(document.label, limits.label)) ||
    !(absent(document.assessor) || isText(document.assessor, limits.label))) {
    return "limit_label";
  }
  if (!absent(document.date) && !isIsoDate(document.date)) return "limit_date";
  const answers = entriesIn(document.answers), notes = entriesIn(document.notes);
  if (Object.keys(answers).length > limits.entries || Object.keys(notes).length > limits.entries) {
    return "limit_entries";
  }
  const na = block.formats.na;
  const fits = (/** @type {unknown} */ answer) => answer === na ||
    (kind === "checklist" ? typeof answer === "boolean"
      : typeof answer === "number" && Number.isInteger(answer));
  if (!Object.keys(answers).every((id) => fits(answers[id]))) return "import_not_answers";
  if (Object.keys(notes).some((id) => !isText(notes[id], limits.note))) return "limit_note";
  return null;
}

/**
 * The words of a limit, with its numbers.
 * @param {ClientData} block
 * @param {"limit_label" | "limit_note" | "limit_date" | "limit_entries" | "limit_file"
 *   | "limit_bundle"} limit
 * @returns {string}
 */
export function limitWords(block, limit) {
  const limits = block.formats.limits, text = block.strings[limit];
  const numbers = {
    limit_label: { count: limits.label }, limit_note: { count: limits.note }, limit_date: {},
    limit_entries: { count: limits.entries }, limit_file: { size: limits.fileBytes / 1024 },
    limit_bundle: { count: limits.bundleAssessments, size: limits.bundleBytes / 1048576 },
  }[limit];
  return Object.entries(numbers).reduce(
    (words, [name, value]) => words.split("{" + name + "}").join(String(value)), text);
}

/**
 * The stored text of a list of assessments, with the entries set aside put back as
 * they were.
 * @param {ClientData} block
 * @param {State[]} states
 * @returns {string}
 */
export function assessmentsText(block, states) {
  return JSON.stringify(states.map((state) => storedDocument(block, state)));
}

/**
 * Whether two assessments are the same as stored: the same label, header, answers,
 * notes and (unless `time` is false) time of the last change.
 * @param {State} a
 * @param {State} b
 * @param {boolean} [time]
 * @returns {boolean}
 */
export function sameStored(a, b, time = true) {
  return a.label === b.label && a.assessor === b.assessor && a.date === b.date &&
    (!time || a.updated === b.updated) && sameRecord(a.answers, b.answers) &&
    sameRecord(a.notes, b.notes);
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
  if (!Array.isArray(documents)) return null;
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
  return assessmentKey(a) === assessmentKey(b);
}

/**
 * `label`, or "label (2)", "label (3)"… when it is taken; no label stays none.
 * @param {string} label
 * @param {string[] | Set<string>} taken
 * @returns {string}
 */
export function distinctLabel(label, taken) {
  const has = (/** @type {string} */ name) =>
    taken instanceof Set ? taken.has(name) : taken.indexOf(name) >= 0;
  if (label === "" || !has(label)) return label;
  // "Vendor A (2)" taken again gives "Vendor A (3)", not "Vendor A (2) (2)".
  const base = baseLabel(label);
  let number = 2;
  while (has(base + " (" + number + ")")) number += 1;
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
  // By key and by label, so that a bundle of thousands merges in one pass.
  const known = new Set(existing.map(assessmentKey));
  const labels = new Set(existing.map((state) => state.label));
  /** @type {Merged} */
  const merged = { added: [], skipped: [], renamed: [] };
  incoming.forEach((state) => {
    const key = assessmentKey(state);
    if (known.has(key)) {
      merged.skipped.push(state);
      return;
    }
    const label = distinctLabel(state.label, labels);
    const kept = { ...state, label };
    if (label !== state.label) merged.renamed.push(kept);
    known.add(key);
    labels.add(label);
    merged.added.push(kept);
  });
  return merged;
}

/**
 * What makes two assessments the same one (sameAssessment), as one text.
 * @param {State} state
 * @returns {string}
 */
function assessmentKey(state) {
  /** @param {Record<string, unknown>} record */
  const sorted = (record) => Object.keys(record).sort().map((key) => [key, record[key]]);
  return JSON.stringify([baseLabel(state.label), sorted(state.answers), sorted(state.notes)]);
}

/**
 * A copy of an assessment that shares nothing with it.
 * @param {State} state
 * @returns {State}
 */
export function copyState(state) {
  const copy = { ...state, answers: { ...state.answers }, notes: { ...state.notes } };
  if (state.clock) copy.clock = { ...state.clock };
  return copy;
}
