// @ts-check
/* A comparison in words, row by row: what the comparison table shows and what
 * its CSV holds (the same words as report/tables.py). Pure: no DOM. */

import { dayOf } from "./compare.js";
import { fill, percent } from "./result.js";
import { scaleOf } from "./scoring.js";

/** @typedef {import("./types.js").Answer} Answer */
/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").ClientSection} ClientSection */
/** @typedef {import("./types.js").State} State */
/** @typedef {import("./types.js").Strings} Strings */
/** @typedef {import("./compare.js").Comparison} Comparison */
/** @typedef {import("./compare.js").ScoreRow} ScoreRow */
/** @typedef {import("./scoring.js").ChecklistResult} ChecklistResult */
/** @typedef {import("./scoring.js").WorksheetResult} WorksheetResult */

/**
 * @typedef {object} GridCell
 * @property {string} text the answer or figure
 * @property {string[]} marks "✗ failed (critical)", "▲ best"
 */

/**
 * @typedef {object} GridRow
 * @property {"info" | "overall" | "section" | "entry"} kind
 * @property {string} header
 * @property {GridCell[]} cells one per column
 * @property {string} spread empty when there is none, or the spread is not shown
 * @property {boolean} beyond the spread is beyond the tolerance
 */

/**
 * @typedef {object} Grid
 * @property {string[]} columns the assessments' names, in column order
 * @property {boolean} spread whether there is a spread column
 * @property {GridRow[]} rows
 */

/**
 * An answer in words: "2 In place", "✓ Yes", "Not applicable", "—".
 * @param {ClientData} block
 * @param {ClientSection} section
 * @param {Answer | undefined} answer
 * @returns {string}
 */
export function answerWords(block, section, answer) {
  const s = block.strings;
  if (answer === undefined) return "—";
  if (answer === block.formats.na) return s.not_applicable;
  if (typeof answer === "boolean") return answer ? "✓ " + s.answer_yes : "✗ " + s.answer_no;
  const point = scaleOf(block, section).find((scalePoint) => scalePoint.value === answer);
  return (answer + " " + (point ? point.label : "")).trim();
}

/**
 * The band, "provisional: …" while criteria are unanswered, or "—"; for a
 * checklist, whether it is complete.
 * @param {Strings} s
 * @param {ChecklistResult | WorksheetResult} result
 * @returns {string}
 */
export function bandWords(s, result) {
  if (!("score" in result)) return result.complete ? s.complete : "—";
  if (result.band) return result.band.label;
  return result.provisional
    ? fill(s.provisional, { answered: result.answered, total: result.total }) : "—";
}

/**
 * "2 of 3 answered", "1 of 2 applicable items checked".
 * @param {Strings} s
 * @param {ChecklistResult | WorksheetResult} result
 * @returns {string}
 */
function completionWords(s, result) {
  return "score" in result
    ? fill(s.completion, { answered: result.answered, total: result.total })
    : fill(s.progress_count, { checked: result.checked, applicable: result.applicable });
}

/**
 * @param {Strings} s
 * @param {number | null} value
 * @returns {string}
 */
function percentOrNone(s, value) {
  return value === null ? "—" : percent(s, value);
}

/**
 * A row of scores, the best marked.
 * @param {Strings} s
 * @param {ScoreRow} row
 * @param {number[]} order
 * @returns {GridCell[]}
 */
function scoreCells(s, row, order) {
  return order.map((index) => ({
    text: percentOrNone(s, row.scores[index]),
    marks: row.best[index] ? [s.report_best] : [],
  }));
}

/**
 * @param {string} header
 * @param {string[]} texts
 * @returns {GridRow}
 */
function infoRow(header, texts) {
  return { kind: "info", header, cells: texts.map((text) => ({ text, marks: [] })), spread: "",
    beyond: false };
}

/**
 * The rows about each assessment as a whole: assessor, date, score, band, completion.
 * @param {ClientData} block
 * @param {Comparison} comparison
 * @param {number[]} order
 * @param {boolean} spread
 * @returns {GridRow[]}
 */
function headRows(block, comparison, order, spread) {
  const s = block.strings, states = order.map((index) => comparison.states[index]);
  const results = order.map((index) => comparison.results[index]);
  /** @type {GridRow[]} */
  const rows = [];
  if (states.some((state) => state.assessor)) {
    rows.push(infoRow(s.pdf_assessor, states.map((state) => state.assessor)));
  }
  rows.push(infoRow(s.pdf_date, states.map(dayOf)));
  const overall = comparison.overall;
  rows.push({ kind: "overall", header: s.report_overall, cells: scoreCells(s, overall, order),
    spread: spread && overall.spread !== null ? percent(s, overall.spread) : "", beyond: false });
  rows.push(infoRow(s.report_result, results.map((result) => bandWords(s, result))));
  rows.push(infoRow(s.compare_completion, results.map((result) => completionWords(s, result))));
  return rows;
}

/**
 * The comparison in words, columns in `order`.
 * @param {ClientData} block
 * @param {Comparison} comparison
 * @param {number[]} order indexes into comparison.states
 * @param {boolean} spread whether to show each row's spread
 * @returns {Grid}
 */
export function comparisonGrid(block, comparison, order, spread) {
  const s = block.strings;
  const rows = headRows(block, comparison, order, spread);
  /** @type {ClientSection | null} */
  let current = null;
  comparison.rows.forEach((row) => {
    if (row.section !== current) {
      current = row.section;
      const scores = comparison.sections.get(row.section.id);
      rows.push({
        kind: "section", header: row.section.title, beyond: false,
        cells: scores ? scoreCells(s, scores, order) : order.map(() => ({ text: "", marks: [] })),
        spread: spread && scores && scores.spread !== null ? percent(s, scores.spread) : "",
      });
    }
    const cells = order.map((index) => {
      const cell = row.cells[index], marks = [];
      if (cell.failedCritical) marks.push(s.report_failed);
      if (cell.best) marks.push(s.report_best);
      return { text: answerWords(block, row.section, cell.answer), marks };
    });
    const critical = row.entry.critical ? " (" + s.critical + ")" : "";
    rows.push({ kind: "entry", header: row.entry.text + critical, cells,
      spread: spread && row.spread !== null ? String(row.spread) : "",
      beyond: spread && row.beyondTolerance });
  });
  const columns = order.map((index) => comparison.states[index].label || s.unnamed);
  return { columns, spread, rows };
}

/**
 * A spread in words: "2 ⚠ beyond tolerance".
 * @param {Strings} s
 * @param {GridRow} row
 * @returns {string}
 */
export function spreadWords(s, row) {
  return row.beyond ? row.spread + " ⚠ " + s.report_beyond : row.spread;
}

/**
 * The comparison as CSV rows: a header of names, then a row per grid row.
 * @param {Strings} s
 * @param {Grid} grid
 * @returns {string[][]}
 */
export function gridRows(s, grid) {
  const spread = grid.spread ? [s.report_spread] : [];
  const rows = [["", ...grid.columns, ...spread]];
  grid.rows.forEach((row) => {
    rows.push([row.header, ...row.cells.map((cell) => [cell.text, ...cell.marks].join(" ")),
      ...(grid.spread ? [spreadWords(s, row)] : [])]);
  });
  return rows;
}
