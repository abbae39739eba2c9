// @ts-check
/* The words of a block's live result. Pure: no DOM.
 *
 * The same lines as plugins/worksheets/result.py, which renders them into the
 * page: on load the script finds the server's text already right and leaves
 * it alone, so screen readers hear only real changes. tests/js checks both
 * give the same lines for the same data.
 *
 * A line is a list of segments (types.js): plain text, or the text of an item or
 * criterion that links to its control (the required items still open, the critical
 * criteria failed).
 */

import { entriesOf, roundPercent, scoreChecklist, scoreWorksheet } from "./scoring.js";

/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").Strings} Strings */
/** @typedef {import("./types.js").Answers} Answers */
/** @typedef {import("./types.js").ResultLine} ResultLine */

// "A.; B." reads badly: a list drops each text's closing full stop.
const CLOSING_STOP = /[.。]\s*$/;
// Stands for the list in a formatted sentence, which is then cut around it: a control
// character, which no sentence of ours holds.
const LIST_MARK = "\u0000";

/**
 * `text` with each `{name}` replaced by its value; unknown names stay as they are.
 * @param {string} text
 * @param {Record<string, string | number>} values
 * @returns {string}
 */
export function fill(text, values) {
  return String(text).replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole);
}

/**
 * A whole percent, halves rounded up, in the language's format ("63 %").
 * @param {Strings} strings
 * @param {number} value
 * @returns {string}
 */
export function percent(strings, value) {
  return fill(strings.percent, { value: roundPercent(value) });
}

/**
 * A line's words, as a screen reader hears them.
 * @param {ResultLine} line
 * @returns {string}
 */
export function lineText(line) {
  return line.map((segment) => segment.text).join("");
}

/**
 * @param {string} text
 * @returns {ResultLine}
 */
function plain(text) {
  return [{ text, entry: null }];
}

/**
 * The sentence `template` with its placeholder `name` replaced by the entries `ids`,
 * one link each, separated as the language separates a list.
 * @param {ClientData} block
 * @param {string} template
 * @param {string} name
 * @param {string[]} ids
 * @param {Record<string, string>} [others] the sentence's other placeholders
 * @returns {ResultLine}
 */
function listing(block, template, name, ids, others = {}) {
  const texts = new Map(entriesOf(block).map((entry) => [entry.id, entry.text]));
  /** @type {ResultLine} */
  const items = [];
  ids.forEach((id, index) => {
    if (index) items.push({ text: block.strings.list_separator, entry: null });
    items.push({ text: String(texts.get(id)).replace(CLOSING_STOP, ""), entry: id });
  });
  /** @type {ResultLine} */
  const line = [];
  fill(template, { ...others, [name]: LIST_MARK }).split(LIST_MARK).forEach((part, index) => {
    if (index) line.push(...items);
    if (part) line.push({ text: part, entry: null });
  });
  return line;
}

/**
 * Progress, the count of checked items, and the required items still open.
 * @param {ClientData} block
 * @param {Answers} answers
 * @returns {ResultLine[]}
 */
function checklistLines(block, answers) {
  const s = block.strings, result = scoreChecklist(block, answers);
  const lines = [plain(result.progress === null ? s.progress_none
    : fill(s.progress, { percent: percent(s, result.progress) }))];
  lines.push(plain(fill(s.progress_count,
    { checked: result.checked, applicable: result.applicable })));
  if (result.openRequired.length) {
    lines.push(listing(block, s.open_required, "items", result.openRequired));
  } else if (entriesOf(block).some((entry) => entry.required)) {
    lines.push(plain(s.complete));
  }
  return lines;
}

/**
 * Score; band (none while provisional, unless a critical criterion failed);
 * completion, "provisional" while criteria are unanswered; failed critical criteria.
 * @param {ClientData} block
 * @param {Answers} answers
 * @returns {ResultLine[]}
 */
function worksheetLines(block, answers) {
  const s = block.strings, result = scoreWorksheet(block, answers);
  const lines = [plain(result.score === null ? s.score_none
    : fill(s.score, { percent: percent(s, result.score) }))];
  if (result.band) lines.push(plain(fill(s.band, { band: result.band.label })));
  else if (result.score !== null) lines.push(plain(s.band_pending));
  const count = result.provisional && result.score !== null ? s.provisional : s.completion;
  lines.push(plain(fill(count, { answered: result.answered, total: result.total })));
  if (result.failedCritical.length) {
    lines.push(listing(block, s.failed_critical, "criteria", result.failedCritical));
  }
  block.sections.forEach((section) => {
    const failing = result.failedSections[section.id];
    if (failing) {
      lines.push(listing(block, s.failed_section, "criteria", failing, { section: section.title }));
    }
  });
  return lines;
}

const LINES = { checklist: checklistLines, worksheet: worksheetLines };

/**
 * The lines of a block's result for `answers`, as segments.
 * @param {ClientData} block
 * @param {Answers} answers
 * @returns {ResultLine[]}
 */
export function resultSegments(block, answers) {
  return LINES[block.kind](block, answers);
}

/**
 * The lines of a block's result for `answers`, as plain text.
 * @param {ClientData} block
 * @param {Answers} answers
 * @returns {string[]}
 */
export function resultLines(block, answers) {
  return resultSegments(block, answers).map(lineText);
}
