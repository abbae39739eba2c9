// @ts-check
// The comparison of several assessments: the same best values, failed critical
// criteria, spreads and flags as report/compare.py, and its words and CSV.
import assert from "node:assert/strict";
import test from "node:test";

import { emptyState, fitAnswers } from "../../plugins/worksheets/assets/answers.js";
import { columnOrder, compareAssessments, dayOf } from "../../plugins/worksheets/assets/compare.js";
import { assessmentsRows } from "../../plugins/worksheets/assets/csv.js";
import { answerWords, bandWords, comparisonGrid, gridRows }
  from "../../plugins/worksheets/assets/grid.js";
import { fixtures } from "./fixtures.mjs";

const { checklist, worksheet } = fixtures.examples;

/** @typedef {import("../../plugins/worksheets/assets/types.js").State} State */

/**
 * @param {Record<string, unknown>} fields
 * @returns {State}
 */
function state(fields) {
  return { ...emptyState(), ...fields };
}

test("the comparison marks what the Python's marks, in the Python's order", () => {
  assert.ok(fixtures.compared.length > 0);
  for (const expected of fixtures.compared) {
    const block = fixtures.examples[expected.example];
    const states = expected.documents.map((document) => fitAnswers(block, document).state);
    const comparison = compareAssessments(block, states, expected.tolerance);
    const order = columnOrder(comparison, "descending");
    const name = expected.example + " " + expected.order.join(",");
    assert.deepEqual(order, expected.order, name);
    assert.deepEqual(comparison.rows.map((row) => ({
      id: row.entry.id,
      cells: order.map((index) => ({
        best: row.cells[index].best, failedCritical: row.cells[index].failedCritical,
      })),
      spread: row.spread,
      beyond: row.beyondTolerance,
    })), expected.rows, name);
    const sections = block.kind === "worksheet" ? block.sections : [];
    assert.deepEqual(sections.map((section) => {
      const row = comparison.sections.get(section.id);
      assert.ok(row, section.id);
      return { id: section.id, scores: order.map((index) => row.scores[index]),
        best: order.map((index) => row.best[index]), spread: row.spread };
    }), expected.sections, name);
  }
});

test("the comparison is the same in any column order", () => {
  for (const expected of fixtures.compared) {
    const block = fixtures.examples[expected.example];
    const states = expected.documents.map((document) => fitAnswers(block, document).state);
    const forward = compareAssessments(block, states, expected.tolerance);
    const backward = compareAssessments(block, states.slice().reverse(), expected.tolerance);
    forward.rows.forEach((row, index) => {
      assert.deepEqual(row.cells, backward.rows[index].cells.slice().reverse());
      assert.equal(row.spread, backward.rows[index].spread);
    });
  }
});

test("sorting puts the best first or last, and no score always last", () => {
  const states = [
    state({ label: "None" }),
    state({ label: "Low", answers: { programme: 1, records: 1 } }),
    state({ label: "High", answers: { programme: 3, records: 3 } }),
  ];
  const comparison = compareAssessments(worksheet, states);
  assert.deepEqual(columnOrder(comparison, "none"), [0, 1, 2]);
  assert.deepEqual(columnOrder(comparison, "descending"), [2, 1, 0]);
  assert.deepEqual(columnOrder(comparison, "ascending"), [1, 2, 0]);
});

test("answers in words, and the band or provisional", () => {
  const s = worksheet.strings, section = worksheet.sections[0];
  assert.equal(answerWords(worksheet, section, 3), "3 In place");
  assert.equal(answerWords(worksheet, section, worksheet.formats.na), s.not_applicable);
  assert.equal(answerWords(worksheet, section, undefined), "—");
  assert.equal(answerWords(checklist, checklist.sections[0], true), "✓ " + s.answer_yes);
  const [partial, failed, none] = compareAssessments(worksheet, [
    state({ answers: { records: 3 } }), state({ answers: { programme: 0 } }), state({}),
  ]).results;
  assert.equal(bandWords(s, partial), "Provisional: 1 of 2 answered");
  assert.equal(bandWords(s, failed), "Not ready");
  assert.equal(bandWords(s, none), "Provisional: 0 of 2 answered");
});

test("the grid: head rows, section and entry rows, marks and spread in words", () => {
  const s = worksheet.strings;
  const states = [
    state({ label: "A", assessor: "Ana", date: "2026-03-02", answers: { programme: 0, records: 3 } }),
    state({ label: "B", updated: "2026-03-05T10:00:00Z", answers: { programme: 3, records: 3 } }),
  ];
  const comparison = compareAssessments(worksheet, states);
  const grid = comparisonGrid(worksheet, comparison, [1, 0], true);
  assert.deepEqual(grid.columns, ["B", "A"]);
  const byHeader = new Map(grid.rows.map((row) => [row.header, row]));
  assert.deepEqual(byHeader.get(s.pdf_assessor)?.cells.map((cell) => cell.text), ["", "Ana"]);
  assert.deepEqual(byHeader.get(s.pdf_date)?.cells.map((cell) => cell.text),
    ["2026-03-05", "2026-03-02"]);
  const overall = byHeader.get(s.report_overall);
  assert.deepEqual(overall?.cells, [{ text: "100%", marks: [s.report_best] },
    { text: "50%", marks: [] }]);
  assert.equal(overall?.spread, "50%");
  const critical = byHeader.get("A programme exists. (" + s.critical + ")");
  assert.deepEqual(critical?.cells, [{ text: "3 In place", marks: [s.report_best] },
    { text: "0 Not in place", marks: [s.report_failed] }]);
  assert.equal(critical?.spread, "3");
  assert.equal(critical?.beyond, true);
  const rows = gridRows(s, grid);
  assert.deepEqual(rows[0], ["", "B", "A", s.report_spread]);
  assert.ok(rows.some((row) => row[3] === "3 ⚠ " + s.report_beyond), JSON.stringify(rows));
  const hidden = comparisonGrid(worksheet, comparison, [0, 1], false);
  assert.ok(hidden.rows.every((row) => row.spread === "" && !row.beyond));
  assert.equal(gridRows(s, hidden)[0].length, 3);
});

test("the day of an assessment is its date, else the day it was saved", () => {
  assert.equal(dayOf(state({ date: "2026-01-02", updated: "2026-05-05T00:00:00Z" })), "2026-01-02");
  assert.equal(dayOf(state({ updated: "2026-05-05T00:00:00Z" })), "2026-05-05");
  assert.equal(dayOf(state({})), "");
});

test("the CSV of all assessments: a row each, whole percents, the band", () => {
  const s = worksheet.strings;
  const rows = assessmentsRows(worksheet, [
    state({ label: "A", assessor: "Ana", date: "2026-03-02", answers: { programme: 1, records: 3 } }),
    state({ label: "B", answers: { programme: "na" } }),
  ]);
  assert.deepEqual(rows[0], [s.label_field, s.pdf_assessor, s.pdf_date, "A programme exists.",
    "Records are kept.", 'Training, "basic"', s.report_overall, s.report_result]);
  // (1/3 + 1) / 2 = 66.67%: a whole percent, not 0.666666667.
  assert.deepEqual(rows[1], ["A", "Ana", "2026-03-02", "1 Partly", "3 In place", "67%", "67%",
    "Close"]);
  assert.deepEqual(rows[2], ["B", "", "", s.not_applicable, "", "", "",
    "Provisional: 1 of 2 answered"]);
  const lists = assessmentsRows(checklist, [state({ label: "L", answers: { floor: true } })]);
  assert.deepEqual(lists[0].slice(3), ["We walked the floor.", "=We met the leads; all of them",
    s.report_overall, s.report_result]);
  assert.deepEqual(lists[1].slice(3), [s.answer_yes, "", "50%", s.complete]);
});
