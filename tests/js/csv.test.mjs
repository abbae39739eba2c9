// @ts-check
// The CSV export: cells a spreadsheet reads as text, and a block's rows.
import assert from "node:assert/strict";
import test from "node:test";

import { emptyState } from "../../plugins/worksheets/assets/answers.js";
import { blockCsv, blockRows, csvCell, csvText } from "../../plugins/worksheets/assets/csv.js";
import { fixtures } from "./fixtures.mjs";

const { checklist, worksheet, sectionScales } = fixtures.examples;

test("plain cells stay as they are, empty ones are empty", () => {
  assert.equal(csvCell("Vendor A"), "Vendor A");
  assert.equal(csvCell(0.5), "0.5");
  assert.equal(csvCell(0), "0");
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(undefined), "");
});

test("separators, quotes and line breaks are quoted", () => {
  assert.equal(csvCell("a, b"), '"a, b"');
  assert.equal(csvCell("a; b"), '"a; b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
});

test("a cell that starts like a formula is read as text", () => {
  assert.equal(csvCell("=1"), "'=1");
  assert.equal(csvCell("+1"), "'+1");
  assert.equal(csvCell("-1"), "'-1");
  assert.equal(csvCell("@A1"), "'@A1");
  assert.equal(csvCell("\t1"), "'\t1");
  assert.equal(csvCell("\r1"), "\"'\r1\"");
  assert.equal(csvCell('=1+1, "quoted"'), '"\'=1+1, ""quoted"""');
});

test("the text starts with a byte order mark and ends every row with CRLF", () => {
  assert.equal(csvText([["a", 1], ["b", null]]), "\ufeffa,1\r\nb,\r\n");
});

test("a worksheet's rows: section, text, value and label, score from 0 to 1, note", () => {
  const s = worksheet.strings;
  const state = {
    ...emptyState(),
    answers: { programme: 1, records: worksheet.formats.na },
    notes: { records: "=SUM(A1)" },
  };
  assert.deepEqual(blockRows(worksheet, state), [
    [s.csv_section, s.csv_item, s.csv_answer, s.csv_score, s.csv_note],
    ['Training, "basic"', "A programme exists.", "1 Partly", 0.333333333, ""],
    ['Training, "basic"', "Records are kept.", s.not_applicable, "", "=SUM(A1)"],
  ]);
  assert.equal(
    blockCsv(worksheet, state).split("\r\n")[2],
    `"Training, ""basic""",Records are kept.,${s.not_applicable},,'=SUM(A1)`,
  );
});

test("a checklist's rows: yes or no, 1 or 0, nothing when unanswered", () => {
  const s = checklist.strings;
  const rows = blockRows(checklist, {
    ...emptyState(), answers: { floor: false }, notes: {},
  });
  assert.deepEqual(rows.slice(1), [
    ["On site", "We walked the floor.", s.answer_no, 0, ""],
    ["On site", "=We met the leads; all of them", "", "", ""],
  ]);
  const yes = blockRows(checklist, {
    ...emptyState(), answers: { floor: true }, notes: {},
  });
  assert.deepEqual(yes[1].slice(2, 4), [s.answer_yes, 1]);
  assert.equal(
    blockCsv(checklist, { ...emptyState(), answers: {}, notes: {} }).split("\r\n")[2],
    "On site,\"'=We met the leads; all of them\",,,",
  );
});

test("each answer is shown and scored on its own section's scale", () => {
  const rows = blockRows(sectionScales, {
    ...emptyState(), answers: { identity: 1, clarity: 3 }, notes: {},
  });
  assert.deepEqual(rows.slice(1).map((row) => row.slice(1, 4)), [
    ["The identity was verified.", "1 Yes", 1],
    ["The agent acknowledged the problem.", "", ""],
    ["The agent explained clearly.", "3 Good", 0.666666667],
  ]);
});

test("every cell is written as the report's CSV writes it (report/write.py)", () => {
  assert.ok(fixtures.csvCells.length > 0);
  for (const [cell, written] of fixtures.csvCells) assert.equal(csvCell(cell), written, cell);
});
