// @ts-check
/* Answers in and out of the page: JSON and CSV downloads of one assessment or
 * of all, and importing answers files and bundles, which never overwrites. */

import { isPdf, readPdfFile } from "./pdfimport.js";
import { answersDocument, bundleDocument, documentsIn, fitAnswers, isForBlock, limitWords,
  mergeAssessments, overLimit } from "./answers.js";
import { assessmentsRows, blockCsv, csvText } from "./csv.js";
import { KINDS } from "./kinds.js";
import { fill } from "./result.js";

/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").State} State */

/**
 * A file's name and text; `problem` when it could not be read (a PDF refused).
 * @typedef {object} TextFile
 * @property {string} name
 * @property {string} text
 * @property {string} [problem]
 */

/**
 * What a file holds for a block: its assessments, and what to say about the rest.
 * @typedef {object} FileRead
 * @property {State[]} states
 * @property {boolean} bundle
 * @property {string[]} problems why nothing, or not everything, can be imported
 * @property {string[]} dropped ids in the file that the block does not have
 */

/**
 * @typedef {object} Imported
 * @property {State[]} added the new assessments, in the files' order
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
 * Downloads every assessment of a block as one bundle.
 * @param {ClientData} block
 * @param {State[]} states
 */
export function exportBundle(block, states) {
  download(fileName(block, "", "json"), "application/json",
    JSON.stringify(bundleDocument(block, states), null, 2) + "\n");
}

/**
 * Downloads every assessment of a block as a spreadsheet, one row each.
 * @param {ClientData} block
 * @param {State[]} states
 */
export function exportAllCsv(block, states) {
  download(fileName(block, "", "csv"), "text/csv;charset=utf-8",
    csvText(assessmentsRows(block, states)));
}

/**
 * JSON as formats/answers.py's parse_assessments reads it: undefined when it is not
 * JSON, holds text that is no text (a lone surrogate, in a key or a value), or a number
 * beyond a double (JSON.parse would make it Infinity).
 * @param {string} text
 * @returns {unknown}
 */
export function parseJson(text) {
  let sound = true;
  /** @param {unknown} value */
  const wellFormed = (value) => typeof value !== "string" || !/[\ud800-\udfff]/u.test(value);
  try {
    const data = JSON.parse(text, (key, value) => {
      if (!wellFormed(key) || !wellFormed(value) ||
        (typeof value === "number" && !isFinite(value))) sound = false;
      return value;
    });
    return sound ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The assessments of `block` in the text of the file `name`: an answers file or a bundle.
 * @param {ClientData} block
 * @param {TextFile} file
 * @returns {FileRead}
 */
export function readFile(block, file) {
  const s = block.strings, kind = KINDS[block.kind].word(s);
  /** @type {FileRead} */
  const read = { states: [], bundle: false, problems: [], dropped: [] };
  if (file.problem) {
    read.problems.push(file.problem);
    return read;
  }
  const data = parseJson(file.text);
  if (data === undefined) {
    read.problems.push(fill(s.import_not_json, { file: file.name }));
    return read;
  }
  const documents = documentsIn(block, data);
  if (documents === null) {
    read.problems.push(fill(s.import_not_answers, { file: file.name }));
    return read;
  }
  read.bundle = documents.length !== 1 || documents[0] !== data;
  const limits = block.formats.limits, bytes = new TextEncoder().encode(file.text).length;
  /** @type {string | null} a limit the file is beyond: then nothing of it is imported */
  let beyond = null;
  if (read.bundle && (documents.length > limits.bundleAssessments || bytes > limits.bundleBytes)) {
    beyond = limitWords(block, "limit_bundle");
  } else if (!read.bundle && bytes > limits.fileBytes) {
    beyond = limitWords(block, "limit_file");
  } else {
    const over = documents.map((document) => overLimit(block, document)).find(Boolean);
    if (over === "import_not_answers") {
      read.problems.push(fill(s.import_not_answers, { file: file.name }));
      return read;
    }
    if (over) beyond = limitWords(block, over);
  }
  if (beyond !== null) {
    read.problems.push(fill(s.import_limit, { file: file.name, limit: beyond }));
    return read;
  }
  const mine = documents.filter((document) => isForBlock(block, document));
  if (documents.length === 0) {
    read.problems.push(fill(s.import_bundle, { count: 0, file: file.name }));
  } else if (mine.length === 0) {
    read.problems.push(fill(s.import_wrong_block,
      { file: file.name, other: String(documents[0].id), kind, id: block.id }));
  } else if (mine.length < documents.length) {
    read.problems.push(fill(s.import_other_blocks,
      { count: documents.length - mine.length, file: file.name }));
  }
  mine.forEach((document) => {
    const fitted = fitAnswers(block, document);
    read.states.push(fitted.state);
    fitted.dropped.forEach((id) => {
      if (read.dropped.indexOf(id) < 0) read.dropped.push(id);
    });
  });
  return read;
}

/**
 * Imports files into the assessments `existing`: what to add, never what is there
 * already, each under a label of its own, and what to tell the reader.
 * @param {ClientData} block
 * @param {State[]} existing
 * @param {TextFile[]} files
 * @returns {Imported}
 */
export function importFiles(block, existing, files) {
  const s = block.strings, kind = KINDS[block.kind].word(s);
  const known = existing.slice();
  /** @type {Imported} */
  const imported = { added: [], messages: [] };
  /** @param {State[]} states */
  const labels = (states) => states.map((state) => state.label || s.unnamed)
    .join(s.list_separator);
  files.forEach((file) => {
    const read = readFile(block, file), merged = mergeAssessments(known, read.states);
    known.push(...merged.added);
    imported.added.push(...merged.added);
    imported.messages.push(...read.problems);
    if (merged.added.length) {
      imported.messages.push(read.bundle
        ? fill(s.import_bundle, { count: merged.added.length, file: file.name })
        : fill(s.import_done, { count: Object.keys(merged.added[0].answers).length,
          file: file.name }));
      if (read.dropped.length) {
        imported.messages.push(fill(s.import_dropped,
          { count: read.dropped.length, kind, ids: read.dropped.join(", ") }));
      }
    }
    if (merged.skipped.length) {
      imported.messages.push(fill(s.import_duplicates, { labels: labels(merged.skipped) }));
    }
    if (merged.renamed.length) {
      imported.messages.push(fill(s.import_renamed, { labels: labels(merged.renamed) }));
    }
  });
  return imported;
}

/**
 * Reads files (chosen in a file input, or dropped) in their order: answers files and
 * bundles as text, filled offline PDFs through pdf.js into an answers file.
 * @param {ClientData} block
 * @param {FileList | null} list
 * @returns {Promise<TextFile[]>}
 */
export function readFiles(block, list) {
  const files = list ? Array.from(list) : [];
  const limits = block.formats.limits;
  // A file larger than any bundle may be is not read into memory at all.
  return Promise.all(files.map((file) => !isPdf(file) && file.size > limits.bundleBytes
    ? { name: file.name, text: "", problem: fill(block.strings.import_limit,
      { file: file.name, limit: limitWords(block, "limit_bundle") }) }
    : isPdf(file) ? readPdfFile(block, file)
      : file.text().then((text) => ({ name: file.name, text }))));
}
