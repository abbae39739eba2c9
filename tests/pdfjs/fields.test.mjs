// @ts-check
// The offline PDFs as Mozilla's pdf.js reads them: every field's name, type, options,
// value and accessible name; and a PDF filled and saved by pdf.js itself. Run by
// tests/integration/test_pdf_readers.py, which passes the PDFs in WORKSHEETS_PDFJS.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import test from "node:test";

import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const settings = process.env.WORKSHEETS_PDFJS;
if (!settings) throw new Error("WORKSHEETS_PDFJS is not set: run tests/integration/test_pdf_readers.py");
/** @type {{checklist: string, worksheet: string, out: string, expected: Record<string, string>}} */
const given = JSON.parse(readFileSync(settings, "utf8"));

/** @param {string} path */
async function open(path) {
  return getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false }).promise;
}

/**
 * Every widget of every page, as pdf.js's annotation layer sees it.
 * @param {import("pdfjs-dist/types/src/display/api").PDFDocumentProxy} doc
 */
async function widgets(doc) {
  const found = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    for (const annotation of await page.getAnnotations()) {
      if (annotation.subtype === "Widget") found.push(annotation);
    }
  }
  return found;
}

test("every field has its name and a full accessible name", async () => {
  for (const path of [given.checklist, given.worksheet]) {
    const all = await widgets(await open(path));
    assert.ok(all.length > 10, path);
    for (const widget of all) {
      assert.ok(widget.fieldName, `a widget without a name in ${path}`);
      assert.ok(widget.alternativeText, `${widget.fieldName} has no accessible name`);
    }
  }
});

test("accessible names name the item or criterion in full", async () => {
  const byName = new Map();
  for (const path of [given.checklist, given.worksheet]) {
    for (const widget of await widgets(await open(path))) {
      const key = widget.radioButton ? `${widget.fieldName}=${widget.buttonValue}` : widget.fieldName;
      byName.set(key, widget.alternativeText);
    }
  }
  for (const [key, name] of Object.entries(given.expected)) {
    assert.equal(byName.get(key), name, key);
  }
});

test("a radio group offers each scale point and N/A, a checkbox is a checkbox", async () => {
  const all = await widgets(await open(given.worksheet));
  const group = all.filter((widget) => widget.radioButton && widget.fieldName === "readiness:programme");
  assert.deepEqual(
    group.map((widget) => String(widget.alternativeText).split(": ").pop()),
    ["Not in place", "Partly", "In place", "Not applicable"],
  );
  assert.equal(new Set(group.map((widget) => widget.buttonValue)).size, group.length);
  const boxes = (await widgets(await open(given.checklist))).filter((w) => w.checkBox);
  assert.ok(boxes.length > 0);
});

test("a PDF filled and saved by pdf.js keeps its answers", async () => {
  const doc = await open(given.checklist);
  const all = await widgets(doc);
  const box = all.find((widget) => widget.checkBox && !widget.fieldName.endsWith(":na"));
  const text = all.find((widget) => widget.fieldName.endsWith(":@label"));
  assert.ok(box && text);
  doc.annotationStorage.setValue(box.id, { value: true });
  doc.annotationStorage.setValue(text.id, { value: "Filled in pdf.js" });
  const saved = await doc.saveDocument();
  writeFileSync(given.out, saved);
  const again = await widgets(await open(given.out));
  assert.equal(again.find((widget) => widget.id === box.id)?.fieldValue, box.exportValue || "On");
  assert.equal(again.find((widget) => widget.id === text.id)?.fieldValue, "Filled in pdf.js");
});
