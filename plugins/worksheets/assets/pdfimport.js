// @ts-check
/* A filled offline PDF read back into an answers file, in the reader's browser.
 *
 * pdf.js (Mozilla's PDF reader) is served by the site itself from vendor/pdfjs/
 * and loaded only when a PDF is chosen: no third-party host, and it works
 * offline once cached. The field names come from the page's data (formats/fields.py
 * owns them); the block is found in the PDF's keywords by the prefix the page's
 * data gives (formats/documents.py). answersFromFields is pure, tested in tests/js.
 */

import { isIsoDate } from "./answers.js";
import { fill } from "./result.js";
import { KINDS } from "./kinds.js";

/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./transfer.js").TextFile} TextFile */

const VENDOR = new URL("./vendor/pdfjs/", import.meta.url);

/**
 * @param {File} file
 * @returns {boolean}
 */
export function isPdf(file) {
  return /\.pdf$/i.test(file.name) || file.type === "application/pdf";
}

/**
 * This block's version and language in a PDF's keywords, or null when it is not there.
 * @param {ClientData} block
 * @param {string} keywords
 * @returns {{version: number, lang: string} | null}
 */
export function blockInKeywords(block, keywords) {
  const prefix = block.pdf.keywordPrefix;
  for (const keyword of String(keywords).split(/[,\s]+/)) {
    if (!keyword.startsWith(prefix)) continue;
    const [version = "", lang = ""] = keyword.slice(prefix.length).split(":");
    if (/^[1-9][0-9]{0,6}$/.test(version) && /^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/.test(lang)) {
      return { version: Number(version), lang };
    }
  }
  return null;
}

/**
 * A field as pdf.js reads it: its value (a checkbox's is its appearance state when it
 * has one, "Off" when unchecked; a radio group's the name of the chosen button; text),
 * and the names of its buttons. How a value counts is defined once, in
 * plugins/worksheets/pdf/read.py, and both are tested on the same files.
 * @typedef {object} FieldValue
 * @property {string} value
 * @property {string[]} buttons
 */

// A radio button's place, and an option, as plain decimal numbers (not "٣", "²" or "01").
const INDEX = /^(0|[1-9][0-9]{0,6})$/;

/**
 * The answers file of a PDF's field values: a checkbox's value is its export value
 * or "Off", a radio group's the index of the chosen button, a text field its text.
 * @param {ClientData} block
 * @param {{version: number, lang: string}} found
 * @param {Record<string, FieldValue>} values by field name
 * @returns {Record<string, unknown>}
 */
export function answersFromFields(block, found, values) {
  const na = block.formats.na;
  const text = (/** @type {string} */ name) => (values[name] ? values[name].value : "");
  const checked = (/** @type {string} */ name) => text(name) !== "" && text(name) !== "Off";
  /** @type {Record<string, unknown>} */
  const answers = {};
  /** @type {Record<string, string>} */
  const notes = {};
  block.sections.forEach((section) => {
    const options = (section.scale || []).map((point) => point.value);
    section.entries.forEach((entry) => {
      const fields = entry.fields, chosen = values[fields.answer];
      if (fields.na && checked(fields.na)) answers[entry.id] = na;
      else if (block.kind === "checklist" && checked(fields.answer)) answers[entry.id] = true;
      else if (block.kind === "worksheet" && chosen && INDEX.test(chosen.value) &&
        chosen.buttons.indexOf(chosen.value) >= 0) {
        const index = Number(chosen.value);
        const choice = index < options.length ? options[index] : index === options.length && block.allowNa ? na : undefined;
        if (choice !== undefined) answers[entry.id] = choice;
      }
      if (text(fields.note)) notes[entry.id] = text(fields.note);
    });
  });
  const header = block.headerFields, date = text(header.date).trim();
  return {
    format: block.formats.answers, kind: block.kind, id: block.id,
    version: found.version, lang: found.lang, label: text(header.label),
    ...(text(header.assessor) ? { assessor: text(header.assessor) } : {}),
    ...(isIsoDate(date) ? { date } : {}),
    updated: new Date().toISOString(), answers, notes,
  };
}

/**
 * Each field's value and buttons, by name, from pdf.js's field objects; a value that is
 * not text (a PDF array, say) is none.
 * @param {Record<string, Array<{type?: string, value?: unknown, exportValues?: unknown}>>} objects
 * @returns {Record<string, FieldValue>}
 */
export function fieldValues(objects) {
  /** @type {Record<string, FieldValue>} */
  const values = {};
  Object.entries(objects).forEach(([name, widgets]) => {
    const widget = widgets.find((candidate) => candidate.type) || widgets[0];
    if (!widget || typeof widget.value !== "string") return;
    const buttons = widgets.map((candidate) => candidate.exportValues)
      .filter((value) => typeof value === "string");
    values[name] = { value: widget.value, buttons: /** @type {string[]} */ (buttons) };
  });
  return values;
}

/**
 * A chosen PDF as a text file holding its answers file, or with the problem to report.
 * @param {ClientData} block
 * @param {File} file
 * @returns {Promise<TextFile>}
 */
export async function readPdfFile(block, file) {
  const s = block.strings, name = file.name;
  /** @param {string} problem */
  const refused = (problem) => ({ name, text: "", problem });
  /** @type {any} */
  let pdfjs;
  try {
    pdfjs = await import(new URL("pdf.min.mjs", VENDOR).href);
    pdfjs.GlobalWorkerOptions.workerSrc = new URL("pdf.worker.min.mjs", VENDOR).href;
  } catch (error) {
    return refused(fill(s.import_pdf_unavailable, { error: String(error) }));
  }
  let document;
  try {
    const data = new Uint8Array(await file.arrayBuffer());
    document = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
  } catch {
    return refused(fill(s.import_pdf_damaged, { file: name }));
  }
  try {
    const { info } = await document.getMetadata();
    const found = blockInKeywords(block, info && info.Keywords ? info.Keywords : "");
    if (!found) {
      return refused(fill(s.import_pdf_other,
        { file: name, kind: KINDS[block.kind].word(s), id: block.id }));
    }
    const objects = await document.getFieldObjects();
    const values = fieldValues(objects || {});
    if (!objects || !(block.headerFields.label in values)) {
      return refused(fill(s.import_pdf_flat, { file: name }));
    }
    return { name, text: JSON.stringify(answersFromFields(block, found, values)) };
  } catch {
    return refused(fill(s.import_pdf_damaged, { file: name }));
  } finally {
    document.destroy();
  }
}
