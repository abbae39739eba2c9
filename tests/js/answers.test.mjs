// @ts-check
// Answers files: recognised, fitted to a block as the Python fits them
// (formats/answers.py), written back, and imported with the right messages.
import assert from "node:assert/strict";
import test from "node:test";

import {
  answersDocument, bundleDocument, copyState, distinctLabel, documentsIn, emptyState, fitAnswers,
  hasContent, isAnswersFile, isForBlock, isIsoDate, limitWords, mergeAssessments, overLimit,
  readAnswers, readAssessments, sameAssessment,
} from "../../plugins/worksheets/assets/answers.js";
import { fileName, importFiles, readFile, slug } from "../../plugins/worksheets/assets/transfer.js";
import { fill } from "../../plugins/worksheets/assets/result.js";
import { fixtures } from "./fixtures.mjs";

const { checklist, worksheet } = fixtures.examples;

/** @param {Record<string, unknown>} fields */
function file(fields) {
  return {
    format: worksheet.formats.answers, kind: "worksheet", id: worksheet.id, version: 1,
    lang: "en", answers: {}, ...fields,
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
  assert.deepEqual(state, {
    label: "", assessor: "", date: "", answers: {}, notes: { people: "ok" }, updated: null,
  });
  assert.deepEqual(dropped, ["floor", "people"]);
  const fitted = fitAnswers(worksheet, { answers: { programme: 1.5, records: true } });
  assert.deepEqual(fitted.dropped, ["programme", "records"]);
});

test("an answers document reads back as the same assessment", () => {
  const state = {
    label: "Vendor A", assessor: "", date: "", updated: "2026-11-24T10:00:00.000Z",
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

test("assessor and date travel with the answers, when there are any", () => {
  const state = { ...emptyState(), label: "Call 7", assessor: "Ana", date: "2026-02-28",
    updated: "2026-03-01T08:00:00.000Z" };
  const document = answersDocument(worksheet, state);
  assert.deepEqual(Object.keys(document), [
    "format", "kind", "id", "version", "lang", "label", "assessor", "date", "updated", "answers",
    "notes",
  ]);
  assert.deepEqual(fitAnswers(worksheet, JSON.parse(JSON.stringify(document))).state, state);
  const odd = fitAnswers(worksheet, file({ assessor: 3, date: "2026-02-30" })).state;
  assert.deepEqual([odd.assessor, odd.date], ["", ""]);
});

test("dates are YYYY-MM-DD, as the Python accepts them", () => {
  for (const good of ["2026-02-28", "2024-02-29", "0001-01-01"]) assert.ok(isIsoDate(good), good);
  for (const bad of ["2026-02-30", "2026-2-28", "20260228", "0000-01-01", "2026-02-28T00:00",
    "", 20260228, null]) {
    assert.equal(isIsoDate(bad), false, String(bad));
  }
});

test("reading text says what is wrong with it", () => {
  assert.equal(readAnswers(worksheet, "{oops").problem, "not_json");
  assert.equal(readAnswers(worksheet, '{"format": "x"}').problem, "not_answers");
  assert.equal(readAnswers(checklist, JSON.stringify(file({}))).problem, "wrong_block");
  const read = readAnswers(worksheet, JSON.stringify(file({ answers: { records: 1 } })));
  assert.equal(read.problem, null);
});

test("the stored list keeps this block's assessments and sets every other entry aside", () => {
  const other = file({ id: "other" }), future = file({ format: "worksheets/answers@2" });
  const older = file({ label: "C", version: 7, answers: { records: 1, gone: 2 } });
  const list = [file({ label: "A" }), other, 3, file({ label: "B" }), future, older,
    file({ answers: null }), file({ label: "x".repeat(201) })];
  const read = readAssessments(worksheet, JSON.stringify(list));
  assert.ok(read);
  assert.deepEqual(read.states.map((state) => state.label), ["A", "B", "C", "x".repeat(201)]);
  // Stored before assessments had an identity: one from the content, the same in every tab.
  assert.match(String(read.states[0].uid), /^was-[0-9a-f]{16}$/);
  assert.notEqual(read.states[0].uid, read.states[1].uid);
  assert.deepEqual(read.unreadable, [other, 3, future, list[6]]);
  assert.deepEqual([...read.older.entries()], [[7, [older]]]);
  assert.equal(readAssessments(worksheet, "{}"), null);
  assert.equal(readAssessments(worksheet, "not json"), null);
});

test("a file beyond a limit of reader data names the limit", () => {
  const limits = worksheet.formats.limits;
  assert.equal(overLimit(worksheet, file({ label: "x".repeat(limits.label) })), null);
  assert.equal(overLimit(worksheet, file({ label: "x".repeat(limits.label + 1) })), "limit_label");
  assert.equal(overLimit(worksheet, file({ assessor: 7 })), "limit_label");
  assert.equal(overLimit(worksheet, file({ date: "2026-W01-1" })), "limit_date");
  assert.equal(overLimit(worksheet, file({ date: "2026-02-30" })), "limit_date");
  assert.equal(overLimit(worksheet, file({ notes: { a: "x".repeat(limits.note + 1) } })),
    "limit_note");
  assert.match(limitWords(worksheet, "limit_label"), new RegExp(String(limits.label)));
});

test("an assessment with only a label is worth keeping, an empty one is not", () => {
  assert.equal(hasContent(emptyState()), false);
  assert.equal(hasContent({ ...emptyState(), label: "Site" }), true);
  assert.equal(hasContent({ ...emptyState(), notes: { a: "x" } }), true);
});

/**
 * @param {string} name
 * @param {unknown} data
 */
function textFile(name, data) {
  return { name, text: typeof data === "string" ? data : JSON.stringify(data) };
}

test("importing says how many answers came in and which were left out", () => {
  const s = worksheet.strings;
  const imported = importFiles(worksheet, [], [textFile("a.json", file({
    answers: { programme: 1, gone: 1, records: 7 },
  }))]);
  assert.deepEqual(imported.added.map((state) => state.answers), [{ programme: 1 }]);
  assert.equal(imported.messages.length, 2);
  assert.ok(imported.messages[0].includes("a.json"), imported.messages[0]);
  assert.ok(imported.messages[1].includes("gone, records"), imported.messages[1]);
  assert.ok(imported.messages[1].includes(s.kind_worksheet), imported.messages[1]);
});

test("importing refuses other files with one message and no assessment", () => {
  for (const text of ["{oops", "{}", JSON.stringify({ ...file({}), id: "other-block" }),
    JSON.stringify({ format: worksheet.formats.bundle, assessments: [file({}), { format: 1 }] }),
    JSON.stringify({ format: worksheet.formats.bundle, assessments: "none" })]) {
    const imported = importFiles(worksheet, [], [textFile("b.json", text)]);
    assert.deepEqual(imported.added, []);
    assert.equal(imported.messages.length, 1, text);
    assert.ok(imported.messages[0].includes("b.json"), imported.messages[0]);
  }
});

test("a bundle holds answers files only; its own format comes from the block", () => {
  const states = [{ ...emptyState(), label: "A" }, { ...emptyState(), label: "B" }];
  const bundle = bundleDocument(worksheet, states);
  assert.equal(bundle.format, worksheet.formats.bundle);
  assert.deepEqual(bundle.assessments.map((document) => document.label), ["A", "B"]);
  assert.equal(documentsIn(worksheet, JSON.parse(JSON.stringify(bundle)))?.length, 2);
  assert.deepEqual(documentsIn(worksheet, file({})), [file({})]);
  assert.deepEqual(documentsIn(worksheet, { format: worksheet.formats.bundle, assessments: [] }),
    []);
  for (const wrong of [null, [], { format: "worksheets/bundle@2", assessments: [] },
    { format: worksheet.formats.bundle }, { format: worksheet.formats.bundle, assessments: [1] }]) {
    assert.equal(documentsIn(worksheet, wrong), null, JSON.stringify(wrong).slice(0, 80));
  }
});

test("a file beyond a limit is refused whole, naming the file and the limit", () => {
  const s = worksheet.strings, limits = worksheet.formats.limits;
  const many = { format: worksheet.formats.bundle,
    assessments: new Array(limits.bundleAssessments + 1).fill(file({})) };
  const long = file({ label: "A", notes: { records: "x".repeat(limits.fileBytes) } });
  const late = { format: worksheet.formats.bundle,
    assessments: [file({ label: "fine" }), file({ label: "bad", date: "2026-13-01" })] };
  /** @type {Array<[string, unknown, any]>} */
  const cases = [["many.json", many, "limit_bundle"], ["long.json", long, "limit_file"],
    ["late.json", late, "limit_date"]];
  for (const [name, data, limit] of cases) {
    const read = readFile(worksheet, textFile(name, data));
    assert.deepEqual(read.states, [], name);
    assert.deepEqual(read.problems, [fill(s.import_limit,
      { file: name, limit: limitWords(worksheet, limit) })]);
  }
});

test("the same assessment: same label, answers and notes, in any key order", () => {
  const renamed = { ...emptyState(), label: "A (2)", answers: { programme: 1 } };
  assert.equal(sameAssessment(renamed, { ...renamed, label: "A" }), true);
  const a = { ...emptyState(), label: "A", answers: { programme: 1, records: 3 },
    notes: { records: "x" } };
  const b = { ...emptyState(), label: "A", answers: { records: 3, programme: 1 },
    notes: { records: "x" }, assessor: "Bo", updated: "2026-01-01T00:00:00Z" };
  assert.equal(sameAssessment(a, b), true);
  assert.equal(sameAssessment(a, { ...b, label: "B" }), false);
  assert.equal(sameAssessment(a, { ...b, answers: { records: 3 } }), false);
  assert.equal(sameAssessment(a, { ...b, answers: { records: 3, programme: 0 } }), false);
  assert.equal(sameAssessment(a, { ...b, notes: {} }), false);
});

test("labels are made distinct: (2), (3)…, and no label stays none", () => {
  assert.equal(distinctLabel("Vendor A", ["Vendor B"]), "Vendor A");
  assert.equal(distinctLabel("Vendor A", ["Vendor A"]), "Vendor A (2)");
  assert.equal(distinctLabel("Vendor A", ["Vendor A", "Vendor A (2)"]), "Vendor A (3)");
  assert.equal(distinctLabel("Vendor A (2)", ["Vendor A", "Vendor A (2)"]), "Vendor A (3)");
  assert.equal(distinctLabel("", [""]), "");
});

test("merging never adds what is there already, nor anything twice", () => {
  const here = { ...emptyState(), label: "A", answers: { programme: 1 } };
  const same = { ...copyState(here), updated: "2026-01-01T00:00:00Z" };
  const other = { ...emptyState(), label: "A", answers: { programme: 3 } };
  const again = copyState(other);
  const merged = mergeAssessments([here], [same, other, again]);
  assert.deepEqual(merged.skipped, [same, again]);
  assert.deepEqual(merged.added.map((state) => state.label), ["A (2)"]);
  assert.deepEqual(merged.renamed, merged.added);
  assert.equal(other.label, "A", "the incoming assessment is left as it was");
});

test("importing twice adds nothing the second time, and says so", () => {
  const s = worksheet.strings;
  const bundle = bundleDocument(worksheet, [
    { ...emptyState(), label: "A", answers: { programme: 1 } },
    { ...emptyState(), label: "B", answers: { programme: 3 } },
  ]);
  const first = importFiles(worksheet, [], [textFile("all.json", bundle)]);
  assert.deepEqual(first.added.map((state) => state.label), ["A", "B"]);
  assert.deepEqual(first.messages, [s.import_bundle.replace("{count}", "2")
    .replace("{file}", "all.json")]);
  const second = importFiles(worksheet, first.added, [textFile("all.json", bundle),
    textFile("a.json", bundle.assessments[0])]);
  assert.deepEqual(second.added, []);
  assert.equal(second.messages.length, 2);
  assert.ok(second.messages.every((message) => message.includes("A")), second.messages[0]);
});

test("a bundle's assessments of other blocks are left out, and said so", () => {
  const read = readFile(worksheet, textFile("mixed.json", {
    format: worksheet.formats.bundle,
    assessments: [file({ label: "Here" }), { ...file({}), id: "elsewhere" }],
  }));
  assert.equal(read.bundle, true);
  assert.deepEqual(read.states.map((state) => state.label), ["Here"]);
  assert.equal(read.problems.length, 1);
  assert.ok(read.problems[0].startsWith("1 "), read.problems[0]);
});

test("several files at once: each one's messages, in order", () => {
  const imported = importFiles(worksheet, [], [
    textFile("one.json", file({ label: "One", answers: { programme: 1 } })),
    textFile("bad.json", "{oops"),
    textFile("two.json", file({ label: "One", answers: { programme: 3 } })),
  ]);
  assert.deepEqual(imported.added.map((state) => state.label), ["One", "One (2)"]);
  assert.equal(imported.messages.length, 4);
  assert.ok(imported.messages[1].includes("bad.json"));
  assert.ok(imported.messages[3].includes("One (2)"), imported.messages[3]);
});

test("file names: block id, label as a slug, date", () => {
  assert.equal(slug("Vendor Ä/1"), "vendor-a-1");
  assert.equal(slug("—"), "");
  assert.match(fileName(worksheet, "Vendor Ä/1", "csv"),
    /^readiness-vendor-a-1-\d{4}-\d\d-\d\d\.csv$/);
  assert.match(fileName(worksheet, "", "json"), /^readiness-\d{4}-\d\d-\d\d\.json$/);
});
