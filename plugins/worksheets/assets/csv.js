// @ts-check
/* The CSV export of a block. Pure: no DOM. */

import { KINDS } from "./kinds.js";

/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").State} State */
/** @typedef {string | number | null | undefined} Cell */

/**
 * One cell: quoted when needed, and never read as a formula by a spreadsheet.
 * @param {Cell} value
 * @returns {string}
 */
export function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  // A cell that starts like a formula is read as text by spreadsheets.
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
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
 * A header row, then one row per item or criterion: section, text, answer, score, note.
 * @param {ClientData} block
 * @param {State} state
 * @returns {Cell[][]}
 */
export function blockRows(block, state) {
  const s = block.strings, kind = KINDS[block.kind];
  /** @type {Cell[][]} */
  const rows = [[s.csv_section, s.csv_item, s.csv_answer, s.csv_score, s.csv_note]];
  block.sections.forEach((section) => {
    section.entries.forEach((entry) => {
      const answer = state.answers[entry.id];
      /** @type {[string, string | number]} */
      let cells = ["", ""];
      if (answer === block.formats.na) cells = [s.not_applicable, ""];
      else if (answer !== undefined) cells = kind.csvCells(block, section, answer);
      rows.push([section.title, entry.text, ...cells, state.notes[entry.id] || ""]);
    });
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
