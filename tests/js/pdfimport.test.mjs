// @ts-check
// Reading a filled offline PDF's fields into an answers file, on the blocks the
// Python owner writes (tests/unit/test_js_scoring.py). pdf.js itself is exercised by
// the browser test that imports a real filled PDF.
import assert from "node:assert/strict";
import test from "node:test";

import { answersFromFields, blockInKeywords } from "../../plugins/worksheets/assets/pdfimport.js";
import { fixtures } from "./fixtures.mjs";

const checklist = fixtures.examples.checklist, worksheet = fixtures.examples.sectionScales;

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
    [floor.fields.answer]: "on",
    [people.fields.answer]: "Off",
    [String(people.fields.na)]: "on",
    [floor.fields.note]: "Clean floor",
    [checklist.headerFields.label]: "Vendor A",
    [checklist.headerFields.assessor]: "Ana",
    [checklist.headerFields.date]: "24/11/2026",
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
    [identity.fields.answer]: "1",
    [empathy.fields.answer]: "0",
    [clarity.fields.answer]: String((skills.scale || []).length),
    [worksheet.headerFields.date]: "2026-11-24",
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
    [identity.fields.answer]: "7",
    [worksheet.sections[1].entries[0].fields.answer]: "Off",
  });
  assert.deepEqual(document.answers, {});
});
