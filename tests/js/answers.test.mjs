// @ts-check
// Answers files: recognised, fitted to a block as the Python fits them
// (formats/answers.py), written back, and imported with the right messages.
import assert from "node:assert/strict";
import test from "node:test";

import {
  answersDocument, emptyState, fitAnswers, hasContent, isAnswersFile, isForBlock, readAnswers,
  readAssessments,
} from "../../plugins/worksheets/assets/answers.js";
import { fileName, importAnswers, slug } from "../../plugins/worksheets/assets/transfer.js";
import { fixtures } from "./fixtures.mjs";

const { checklist, worksheet } = fixtures.examples;

/** @param {Record<string, unknown>} fields */
function file(fields) {
  return {
    format: worksheet.formats.answers, kind: "worksheet", id: worksheet.id, version: 1,
    answers: {}, ...fields,
  };
}

test("an answers file has the block's format, a kind, an id and answers", () => {
  assert.equal(isAnswersFile(worksheet, file({})), true);
  for (const wrong of [
    null, [], "text", file({ format: "worksheets/answers@2" }), file({ kind: 1 }),
    file({ id: null }), file({ answers: [] }), file({ answers: null }),
  ]) {
    assert.equal(isAnswersFile(worksheet, wrong), false, JSON.stringify(wrong));
  }
  assert.equal(isForBlock(worksheet, file({})), true);
  assert.equal(isForBlock(checklist, file({})), false);
  assert.equal(isForBlock(worksheet, file({ id: "other" })), false);
});

test("the script fits answers files to a block as the Python does", () => {
  assert.ok(fixtures.answersFiles.length > 0);
  for (const { example, document, fitted } of fixtures.answersFiles) {
    const block = fixtures.examples[example];
    assert.equal(isForBlock(block, document), true);
    const { state, dropped } = fitAnswers(block, document);
    assert.deepEqual(
      { answers: state.answers, notes: state.notes, dropped }, fitted, JSON.stringify(document),
    );
  }
});

test("answers of the wrong type are left out, and notes that are not text", () => {
  const { state, dropped } = fitAnswers(checklist, {
    answers: { floor: 1, people: "yes" }, notes: { floor: 3, people: "ok" }, label: 7,
  });
  assert.deepEqual(state, { label: "", answers: {}, notes: { people: "ok" }, updated: null });
  assert.deepEqual(dropped, ["floor", "people"]);
  const fitted = fitAnswers(worksheet, { answers: { programme: 1.5, records: true } });
  assert.deepEqual(fitted.dropped, ["programme", "records"]);
});

test("an answers document reads back as the same assessment", () => {
  const state = {
    label: "Vendor A", updated: "2026-11-24T10:00:00.000Z",
    answers: { programme: 3, records: worksheet.formats.na }, notes: { programme: "Seen" },
  };
  const document = answersDocument(worksheet, state);
  assert.deepEqual(Object.keys(document), [
    "format", "kind", "id", "version", "lang", "label", "updated", "answers", "notes",
  ]);
  assert.equal(document.format, worksheet.formats.answers);
  assert.equal(document.version, worksheet.version);
  assert.deepEqual(fitAnswers(worksheet, JSON.parse(JSON.stringify(document))),
    { state, dropped: [] });
  assert.match(answersDocument(worksheet, emptyState()).updated, /^\d{4}-\d\d-\d\dT.*Z$/);
});

test("reading text says what is wrong with it", () => {
  assert.equal(readAnswers(worksheet, "{oops").problem, "not_json");
  assert.equal(readAnswers(worksheet, '{"format": "x"}').problem, "not_answers");
  assert.equal(readAnswers(checklist, JSON.stringify(file({}))).problem, "wrong_block");
  const read = readAnswers(worksheet, JSON.stringify(file({ answers: { records: 1 } })));
  assert.equal(read.problem, null);
});

test("the stored list of assessments keeps this block's only; other text is unreadable", () => {
  const list = [file({ label: "A" }), file({ id: "other" }), 3, file({ label: "B" })];
  const states = readAssessments(worksheet, JSON.stringify(list));
  assert.deepEqual(states && states.map((state) => state.label), ["A", "B"]);
  assert.equal(readAssessments(worksheet, "{}"), null);
  assert.equal(readAssessments(worksheet, "not json"), null);
});

test("an assessment with only a label is worth keeping, an empty one is not", () => {
  assert.equal(hasContent(emptyState()), false);
  assert.equal(hasContent({ ...emptyState(), label: "Site" }), true);
  assert.equal(hasContent({ ...emptyState(), notes: { a: "x" } }), true);
});

test("importing says how many answers came in and which were left out", () => {
  const s = worksheet.strings;
  const imported = importAnswers(worksheet, "a.json", JSON.stringify(file({
    answers: { programme: 1, gone: 1, records: 7 },
  })));
  assert.deepEqual(imported.state && imported.state.answers, { programme: 1 });
  assert.equal(imported.messages.length, 2);
  assert.ok(imported.messages[0].includes("a.json"), imported.messages[0]);
  assert.ok(imported.messages[1].includes("gone, records"), imported.messages[1]);
  assert.ok(imported.messages[1].includes(s.kind_worksheet), imported.messages[1]);
});

test("importing refuses other files with one message and no assessment", () => {
  for (const text of ["{oops", "{}", JSON.stringify({ ...file({}), id: "other-block" })]) {
    const imported = importAnswers(worksheet, "b.json", text);
    assert.equal(imported.state, null);
    assert.equal(imported.messages.length, 1);
    assert.ok(imported.messages[0].includes("b.json"), imported.messages[0]);
  }
});

test("file names: block id, label as a slug, date", () => {
  assert.equal(slug("Vendor Ä/1"), "vendor-a-1");
  assert.equal(slug("—"), "");
  assert.match(fileName(worksheet, "Vendor Ä/1", "csv"),
    /^readiness-vendor-a-1-\d{4}-\d\d-\d\d\.csv$/);
  assert.match(fileName(worksheet, "", "json"), /^readiness-\d{4}-\d\d-\d\d\.json$/);
});
