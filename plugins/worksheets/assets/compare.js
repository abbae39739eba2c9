// @ts-check
/* Several assessments of one block side by side: the best value of each row,
 * failed critical criteria, and the spread between assessments with the rows
 * beyond a tolerance. Pure: no DOM.
 *
 * The same rules as plugins/worksheets/report/compare.py; tests/js checks that
 * both mark the same cells and rows for the same assessments.
 */

import { failsAt, scaleBounds, scaleOf, scoreChecklist, scoreWorksheet } from "./scoring.js";

/** @typedef {import("./types.js").Answer} Answer */
/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").ClientEntry} ClientEntry */
/** @typedef {import("./types.js").ClientSection} ClientSection */
/** @typedef {import("./types.js").State} State */
/** @typedef {import("./scoring.js").ChecklistResult} ChecklistResult */
/** @typedef {import("./scoring.js").WorksheetResult} WorksheetResult */

/** Evaluators of one contact may differ by this many scale points before a row is flagged. */
export const DEFAULT_TOLERANCE = 1;

/**
 * One assessment's answer to one item or criterion.
 * @typedef {object} CompareCell
 * @property {Answer | undefined} answer
 * @property {number | null} number the value on the scale; a checklist's 1 checked, 0 not
 * @property {boolean} failedCritical
 * @property {boolean} best
 */

/**
 * An item or criterion across the assessments.
 * @typedef {object} CompareRow
 * @property {ClientEntry} entry
 * @property {ClientSection} section
 * @property {CompareCell[]} cells
 * @property {number | null} spread
 * @property {boolean} beyondTolerance
 */

/**
 * A score across the assessments (a worksheet section's, or the overall one).
 * @typedef {object} ScoreRow
 * @property {(number | null)[]} scores
 * @property {boolean[]} best
 * @property {number | null} spread
 */

/**
 * @typedef {object} Comparison
 * @property {State[]} states in the order given
 * @property {(ChecklistResult | WorksheetResult)[]} results
 * @property {ScoreRow} overall the score of a worksheet, the progress of a checklist
 * @property {Map<string, ScoreRow>} sections a worksheet's, by section id
 * @property {CompareRow[]} rows
 * @property {number} tolerance
 */

/**
 * The score of a worksheet, the progress of a checklist.
 * @param {ChecklistResult | WorksheetResult} result
 * @returns {number | null}
 */
export function figureOf(result) {
  return "score" in result ? result.score : result.progress;
}

/**
 * max − min of the numbers present, when there are two or more.
 * @param {(number | null)[]} numbers
 * @returns {number | null}
 */
function spreadOf(numbers) {
  const present = /** @type {number[]} */ (numbers.filter((number) => number !== null));
  return present.length > 1 ? Math.max(...present) - Math.min(...present) : null;
}

/**
 * Which numbers are the best of their row: the highest, when at least two
 * differ; none when all are equal.
 * @param {(number | null)[]} numbers
 * @returns {boolean[]}
 */
function bestOf(numbers) {
  const present = /** @type {number[]} */ (numbers.filter((number) => number !== null));
  const top = present.length > 1 && Math.min(...present) !== Math.max(...present)
    ? Math.max(...present) : null;
  return numbers.map((number) => top !== null && number === top);
}

/**
 * @param {(number | null)[]} scores
 * @returns {ScoreRow}
 */
function scoreRow(scores) {
  return { scores, best: bestOf(scores), spread: spreadOf(scores) };
}

/**
 * A row of a worksheet criterion (best marked) or a checklist item (spread only).
 * @param {ClientData} block
 * @param {ClientSection} section
 * @param {ClientEntry} entry
 * @param {State[]} states
 * @param {number} tolerance
 * @returns {CompareRow}
 */
function rowOf(block, section, entry, states, tolerance) {
  const worksheet = block.kind === "worksheet", low = worksheet
    ? scaleBounds(scaleOf(block, section)).low : 0;
  const cells = states.map((state) => {
    const answer = state.answers[entry.id];
    /** @type {number | null} */
    let number = null;
    if (worksheet && typeof answer === "number") number = answer;
    else if (!worksheet && typeof answer === "boolean") number = answer ? 1 : 0;
    const failedCritical = worksheet && number !== null && failsAt(entry, number, low);
    return { answer, number, failedCritical, best: false };
  });
  const spread = spreadOf(cells.map((cell) => cell.number));
  if (worksheet) {
    const best = bestOf(cells.map((cell) => cell.number));
    cells.forEach((cell, index) => { cell.best = best[index]; });
  }
  // SPEC section 5, as report/compare.py's _disagree: beyond the tolerance on a scale of
  // three points or more, any difference on a yes/no scale, or a critical pass/fail flip.
  const points = worksheet ? scaleOf(block, section).length : 0;
  const flips = cells.some((cell) => cell.failedCritical) &&
    cells.some((cell) => cell.number !== null && !cell.failedCritical);
  const beyondTolerance = worksheet &&
    (flips || (spread !== null && spread > (points >= 3 ? tolerance : 0)));
  return { entry, section, cells, spread, beyondTolerance };
}

/**
 * The assessments of a block side by side, in the order given.
 * @param {ClientData} block
 * @param {State[]} states
 * @param {number} [tolerance]
 * @returns {Comparison}
 */
export function compareAssessments(block, states, tolerance = DEFAULT_TOLERANCE) {
  const worksheet = block.kind === "worksheet";
  const results = states.map((state) => worksheet
    ? scoreWorksheet(block, state.answers) : scoreChecklist(block, state.answers));
  /** @type {Map<string, ScoreRow>} */
  const sections = new Map();
  /** @type {CompareRow[]} */
  const rows = [];
  block.sections.forEach((section) => {
    section.entries.forEach((entry) => {
      rows.push(rowOf(block, section, entry, states, tolerance));
    });
    if (worksheet) {
      sections.set(section.id, scoreRow(results.map((result) =>
        "sections" in result ? result.sections[section.id] ?? null : null)));
    }
  });
  return {
    states, results, overall: scoreRow(results.map(figureOf)), sections, rows, tolerance,
  };
}

/**
 * The day of an assessment: its date, else the day it was last saved.
 * @param {State} state
 * @returns {string}
 */
export function dayOf(state) {
  return state.date || (state.updated || "").slice(0, 10);
}

/**
 * The order of the columns: as given ("none"), or by score, the best first
 * ("descending", as report/compare.py orders them) or last; no score always last,
 * ties by label then day.
 * @param {Comparison} comparison
 * @param {"none" | "descending" | "ascending"} sort
 * @returns {number[]} indexes into comparison.states
 */
export function columnOrder(comparison, sort) {
  const indexes = comparison.states.map((_state, index) => index);
  if (sort === "none") return indexes;
  const sign = sort === "descending" ? -1 : 1;
  /** @param {number} index */
  const key = (index) => {
    const figure = comparison.overall.scores[index];
    const state = comparison.states[index];
    return { missing: figure === null ? 1 : 0, figure: figure ?? 0, label: state.label,
      day: dayOf(state) };
  };
  return indexes.sort((a, b) => {
    const first = key(a), second = key(b);
    return first.missing - second.missing || sign * (first.figure - second.figure) ||
      compareText(first.label, second.label) || compareText(first.day, second.day) || a - b;
  });
}

/**
 * Code-point order, as Python compares strings.
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
function compareText(a, b) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
