// @ts-check
/* The words of a block's live result. Pure: no DOM.
 *
 * The same lines as plugins/worksheets/result.py, which renders them into the
 * page: on load the script finds the server's text already right and leaves
 * it alone, so screen readers hear only real changes. tests/js checks both
 * give the same lines for the same data.
 */

import { entriesOf, roundPercent, scoreChecklist, scoreWorksheet } from "./scoring.js";

/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").Strings} Strings */
/** @typedef {import("./types.js").Answers} Answers */

// "A.; B." reads badly: a list drops each text's closing full stop.
const CLOSING_STOP = /[.。]\s*$/;

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
 * The texts of some entries, as one list.
 * @param {ClientData} block
 * @param {string[]} ids
 * @returns {string}
 */
function textsOf(block, ids) {
  const texts = new Map(entriesOf(block).map((entry) => [entry.id, entry.text]));
  return ids.map((id) => String(texts.get(id)).replace(CLOSING_STOP, ""))
    .join(block.strings.list_separator);
}

/**
 * Progress, the count of checked items, and the required items still open.
 * @param {ClientData} block
 * @param {Answers} answers
 * @returns {string[]}
 */
function checklistLines(block, answers) {
  const s = block.strings, result = scoreChecklist(block, answers);
  const lines = [result.progress === null ? s.progress_none
    : fill(s.progress, { percent: percent(s, result.progress) })];
  lines.push(fill(s.progress_count, { checked: result.checked, applicable: result.applicable }));
  if (result.openRequired.length) {
    lines.push(fill(s.open_required, { items: textsOf(block, result.openRequired) }));
  } else if (entriesOf(block).some((entry) => entry.required)) {
    lines.push(s.complete);
  }
  return lines;
}

/**
 * Score; band (none while provisional, unless a critical criterion failed);
 * completion, "provisional" while criteria are unanswered; failed critical criteria.
 * @param {ClientData} block
 * @param {Answers} answers
 * @returns {string[]}
 */
function worksheetLines(block, answers) {
  const s = block.strings, result = scoreWorksheet(block, answers);
  const lines = [result.score === null ? s.score_none
    : fill(s.score, { percent: percent(s, result.score) })];
  if (result.band) lines.push(fill(s.band, { band: result.band.label }));
  else if (result.score !== null) lines.push(s.band_pending);
  const count = result.provisional && result.score !== null ? s.provisional : s.completion;
  lines.push(fill(count, { answered: result.answered, total: result.total }));
  if (result.failedCritical.length) {
    lines.push(fill(s.failed_critical, { criteria: textsOf(block, result.failedCritical) }));
  }
  return lines;
}

const LINES = { checklist: checklistLines, worksheet: worksheetLines };

/**
 * The lines of a block's result for `answers`.
 * @param {ClientData} block
 * @param {Answers} answers
 * @returns {string[]}
 */
export function resultLines(block, answers) {
  return LINES[block.kind](block, answers);
}
