// @ts-check
/* The CSV export of a block. Pure: no DOM. */

import { compareAssessments, dayOf } from "./compare.js";
import { bandWords } from "./grid.js";
import { KINDS } from "./kinds.js";
import { percent } from "./result.js";

/** @typedef {import("./types.js").Answer} Answer */
/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").ClientSection} ClientSection */
/** @typedef {import("./types.js").State} State */
/** @typedef {string | number | null | undefined} Cell */

/**
 * One cell: quoted when needed, and never read as a formula by a spreadsheet.
 * @param {Cell} value
 * @returns {string}
 */
export function csvCell(value) {
  const text = (value === null || value === undefined ? "" : String(value))
    // What a spreadsheet would take for a formula, at the start or after a comma or a
    // semicolon (the separator of Spanish and Swedish spreadsheets), stays text.
    .replace(/(^|[,;])( *)([=+\-@\t\r])/g, "$1$2'$3");
  return /[",\n\r;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/**
 * CSV text of some rows: UTF-8 with a byte order mark (for spreadsheets), CRLF line ends.
 * @param {Cell[][]} rows
 * @returns {string}
 */
export function csvText(rows) {
  return "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/**
 * The answer and score cells of an answer: words and a score from 0 to 1.
 * @param {ClientData} block
 * @param {ClientSection} section
 * @param {Answer | undefined} answer
 * @returns {[string, string | number]}
 */
function answerCells(block, section, answer) {
  if (answer === block.formats.na) return [block.strings.not_applicable, ""];
  return answer === undefined ? ["", ""] : KINDS[block.kind].csvCells(block, section, answer);
}

/**
 * A header row, then one row per item or criterion: section, text, answer, score, note.
 * @param {ClientData} block
 * @param {State} state
 * @returns {Cell[][]}
 */
export function blockRows(block, state) {
  const s = block.strings;
  /** @type {Cell[][]} */
  const rows = [[s.csv_section, s.csv_item, s.csv_answer, s.csv_score, s.csv_note]];
  block.sections.forEach((section) => {
    section.entries.forEach((entry) => {
      rows.push([section.title, entry.text, ...answerCells(block, section, state.answers[entry.id]),
        state.notes[entry.id] || ""]);
    });
  });
  return rows;
}

/**
 * Every assessment of a block, one row each: label, assessor, date, each answer,
 * each section's score (a worksheet's), the score or progress and the band, in
 * whole percents.
 * @param {ClientData} block
 * @param {State[]} states
 * @returns {Cell[][]}
 */
export function assessmentsRows(block, states) {
  const s = block.strings, comparison = compareAssessments(block, states);
  const sections = block.kind === "worksheet" ? block.sections : [];
  /** @param {number | null | undefined} value */
  const whole = (value) => (value === null || value === undefined ? "" : percent(s, value));
  /** @type {Cell[][]} */
  const rows = [[s.label_field, s.pdf_assessor, s.pdf_date,
    ...block.sections.flatMap((section) => section.entries.map((entry) => entry.text)),
    ...sections.map((section) => section.title), s.report_overall, s.report_result]];
  states.forEach((state, index) => {
    const result = comparison.results[index];
    rows.push([state.label, state.assessor, dayOf(state),
      ...block.sections.flatMap((section) => section.entries.map((entry) =>
        answerCells(block, section, state.answers[entry.id])[0])),
      ...sections.map((section) => whole(comparison.sections.get(section.id)?.scores[index])),
      whole(comparison.overall.scores[index]), bandWords(s, result)]);
  });
  return rows;
}

/**
 * The CSV export of one assessment of a block.
 * @param {ClientData} block
 * @param {State} state
 * @returns {string}
 */
export function blockCsv(block, state) {
  return csvText(blockRows(block, state));
}
