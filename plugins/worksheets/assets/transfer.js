// @ts-check
/* Answers in and out of the page: JSON and CSV downloads, and importing an
 * answers file chosen by the reader. */

import { answersDocument, fitAnswers, readAnswers } from "./answers.js";
import { blockCsv } from "./csv.js";
import { KINDS } from "./kinds.js";
import { fill } from "./result.js";

/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").State} State */

/**
 * @typedef {object} Imported
 * @property {State | null} state the assessment to show, null when nothing was imported
 * @property {string[]} messages what to tell the reader, in order
 */

/**
 * Lower-case ASCII letters and digits joined by hyphens ("Vendor Ä/1" -> "vendor-a-1").
 * @param {string} text
 * @returns {string}
 */
export function slug(text) {
  return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/**
 * `<block id>-<label>-<date>.<extension>`, the label left out when it has no letters.
 * @param {ClientData} block
 * @param {string} label
 * @param {string} extension
 * @returns {string}
 */
export function fileName(block, label, extension) {
  const parts = [block.id];
  if (slug(label)) parts.push(slug(label));
  parts.push(new Date().toISOString().slice(0, 10));
  return parts.join("-") + "." + extension;
}

/**
 * Saves `text` as a file through the browser's downloads.
 * @param {string} name
 * @param {string} type
 * @param {string} text
 */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Downloads an assessment as an answers file.
 * @param {ClientData} block
 * @param {State} state
 */
export function exportJson(block, state) {
  download(fileName(block, state.label, "json"), "application/json",
    JSON.stringify(answersDocument(block, state), null, 2) + "\n");
}

/**
 * Downloads an assessment as a spreadsheet.
 * @param {ClientData} block
 * @param {State} state
 */
export function exportCsv(block, state) {
  download(fileName(block, state.label, "csv"), "text/csv;charset=utf-8", blockCsv(block, state));
}

/**
 * What importing the text of the file `name` gives: an assessment of `block`
 * and what to say about it, or only why nothing was imported.
 * @param {ClientData} block
 * @param {string} name
 * @param {string} text
 * @returns {Imported}
 */
export function importAnswers(block, name, text) {
  const s = block.strings, kind = KINDS[block.kind].word(s);
  const read = readAnswers(block, text);
  if (read.problem === "not_json") return nothing(fill(s.import_not_json, { file: name }));
  if (read.problem === "not_answers") return nothing(fill(s.import_not_answers, { file: name }));
  if (read.problem === "wrong_block") {
    return nothing(fill(s.import_wrong_block,
      { file: name, other: String(read.data.id), kind, id: block.id }));
  }
  const { state, dropped } = fitAnswers(block, read.data);
  const messages = [fill(s.import_done, { count: Object.keys(state.answers).length, file: name })];
  if (dropped.length) {
    messages.push(fill(s.import_dropped, { count: dropped.length, kind, ids: dropped.join(", ") }));
  }
  return { state, messages };
}

/**
 * @param {string} message
 * @returns {Imported}
 */
function nothing(message) {
  return { state: null, messages: [message] };
}

/**
 * Reads the file chosen in a file input as text, then empties the input so
 * that the same file can be chosen again.
 * @param {HTMLInputElement} input
 * @param {(name: string, text: string) => void} done
 */
export function readChosenFile(input, done) {
  const file = input.files && input.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    done(file.name, String(reader.result));
    input.value = "";
  };
  reader.readAsText(file);
}
