// @ts-check
// Reading a filled offline PDF's fields into an answers file, on the blocks the
// Python owner writes (tests/unit/test_js_scoring.py). pdf.js itself is exercised by
// the browser test that imports a real filled PDF.
import assert from "node:assert/strict";
import test from "node:test";

import { answersFromFields, blockInKeywords, fieldValues } from "../../plugins/worksheets/assets/pdfimport.js";
import { fixtures } from "./fixtures.mjs";

const checklist = fixtures.examples.checklist, worksheet = fixtures.examples.sectionScales;

/**
 * A field as fieldValues reads it from pdf.js: a text or checkbox value, or a radio
 * group's chosen button among buttons named 0, 1, 2...
 * @param {string} value
 * @param {number} [buttons]
 */
function field(value, buttons = 0) {
  return { value, buttons: Array.from({ length: buttons }, (_, index) => String(index)) };
}

test("the block is found in the keywords, whatever other blocks a booklet names", () => {
  const keywords = "worksheets:worksheet:readiness:3:sv, worksheets:checklist:site-visit:2:pt-BR";
  assert.deepEqual(blockInKeywords(checklist, keywords), { version: 2, lang: "pt-BR" });
  assert.equal(blockInKeywords(checklist, "worksheets:checklist:site-visit-2:1:en"), null);
  assert.equal(blockInKeywords(checklist, "worksheets:checklist:site-visit:x:en"), null);
  assert.equal(blockInKeywords(checklist, "worksheets:checklist:site-visit:99999999:en"), null);
  assert.equal(blockInKeywords(checklist, ""), null);
});

test("checkboxes, N/A boxes, notes and the header become an answers file", () => {
  const [floor, people] = checklist.sections[0].entries;
  const values = {
    [floor.fields.answer]: field("on"),
    [people.fields.answer]: field("Off"),
    [String(people.fields.na)]: field("on"),
    [floor.fields.note]: field("Clean floor"),
    [checklist.headerFields.label]: field("Vendor A"),
    [checklist.headerFields.assessor]: field("Ana"),
    [checklist.headerFields.date]: field("24/11/2026"),
  };
  const document = answersFromFields(checklist, { version: 1, lang: "en" }, values);
  assert.equal(document.format, checklist.formats.answers);
  assert.deepEqual(document.answers, { floor: true, people: checklist.formats.na });
  assert.deepEqual(document.notes, { floor: "Clean floor" });
  assert.equal(document.label, "Vendor A");
  assert.equal(document.assessor, "Ana");
  assert.equal("date" in document, false, "a date not written as YYYY-MM-DD is left out");
});

test("a radio group's chosen button is a value of its section's own scale", () => {
  const [compliance, skills] = worksheet.sections;
  const identity = compliance.entries[0], empathy = skills.entries[0], clarity = skills.entries[1];
  const values = {
    [identity.fields.answer]: field("1", 2),
    [empathy.fields.answer]: field("0", 5),
    [clarity.fields.answer]: field(String((skills.scale || []).length), 6),
    [worksheet.headerFields.date]: field("2026-11-24"),
  };
  const document = answersFromFields(worksheet, { version: 1, lang: "en" }, values);
  assert.deepEqual(document.answers, {
    identity: (compliance.scale || [])[1].value,
    empathy: (skills.scale || [])[0].value,
    clarity: worksheet.formats.na,
  });
  assert.equal(document.date, "2026-11-24");
});

test("buttons beyond the options and unchosen groups are no answer", () => {
  const identity = worksheet.sections[0].entries[0];
  const document = answersFromFields(worksheet, { version: 1, lang: "en" }, {
    [identity.fields.answer]: field("7", 8),
    [worksheet.sections[1].entries[0].fields.answer]: field("Off"),
  });
  assert.deepEqual(document.answers, {});
});

test("a radio value counts only as a plain number that names one of its buttons", () => {
  const identity = worksheet.sections[0].entries[0];
  for (const odd of ["٣", "²", "01", " 1", "1 ", "1.0", "+1", ""]) {
    const document = answersFromFields(worksheet, { version: 1, lang: "en" },
      { [identity.fields.answer]: { value: odd, buttons: ["0", "1", odd] } });
    assert.deepEqual(document.answers, {}, JSON.stringify(odd));
  }
  const unnamed = answersFromFields(worksheet, { version: 1, lang: "en" },
    { [identity.fields.answer]: { value: "1", buttons: ["0"] } });
  assert.deepEqual(unnamed.answers, {}, "a value that names no button is no answer");
});

test("only text is a field's value: arrays and numbers from pdf.js are none", () => {
  const values = fieldValues({
    a: [{ type: "text", value: ["x", "y"] }], b: [{ type: "text", value: 3 }],
    c: [{ type: "text", value: "ok" }],
    d: [{ type: "radiobutton", value: "1", exportValues: "0" },
      { type: "radiobutton", value: "1", exportValues: "1" }],
  });
  assert.deepEqual(values, { c: { value: "ok", buttons: [] }, d: { value: "1", buttons: ["0", "1"] } });
});
