// @ts-check
// The plugin's data for the Node tests, written by tests/unit/test_js_scoring.py with
// the plugin's own Python (client data, result lines, answers files): never a copy here.
import { readFileSync } from "node:fs";

/** @typedef {import("../../plugins/worksheets/assets/types.js").Answers} Answers */
/** @typedef {import("../../plugins/worksheets/assets/types.js").ClientData} ClientData */
/** @typedef {import("../../plugins/worksheets/assets/types.js").Kind} Kind */
/** @typedef {import("../../plugins/worksheets/assets/types.js").ResultLine} ResultLine */

/**
 * One case of tests/vectors/scoring.json, with the block's data and the
 * server's result lines in each language.
 * @typedef {object} VectorFixture
 * @property {string} name
 * @property {Kind} kind
 * @property {Answers} answers
 * @property {Record<string, any>} expected
 * @property {Record<string, ClientData>} blocks by language
 * @property {Record<string, string[]>} lines by language
 * @property {Record<string, ResultLine[]>} segments the same lines, as segments, by language
 */

/**
 * An answers file for an example block, and what the Python's `fit` keeps of it.
 * @typedef {object} AnswersFileFixture
 * @property {ExampleName} example
 * @property {Record<string, unknown>} document
 * @property {{answers: Answers, notes: Record<string, string>, dropped: string[]}} fitted
 */

/**
 * Answers to an example worksheet, and the Python's score of them.
 * @typedef {object} ScoredFixture
 * @property {ExampleName} example
 * @property {Answers} answers
 * @property {{score: number | null, band: string | null, answered: number, total: number,
 *   sections: Record<string, number | null>, failedCritical: string[]}} result
 */

/**
 * Answers files of one example block, and how report/compare.py compares them: its
 * column order (indexes into documents, best first), and per row and section what it
 * marks, in that order.
 * @typedef {object} ComparedFixture
 * @property {ExampleName} example
 * @property {number} tolerance
 * @property {Record<string, unknown>[]} documents
 * @property {number[]} order
 * @property {{id: string, cells: {best: boolean, failedCritical: boolean}[],
 *   spread: number | null, beyond: boolean}[]} rows
 * @property {{id: string, scores: (number | null)[], best: boolean[],
 *   spread: number | null}[]} sections
 */

/**
 * The example blocks, in English; "sectionScales" is a worksheet whose sections have
 * scales of their own.
 * @typedef {"checklist" | "worksheet" | "sectionScales"} ExampleName
 */

/**
 * @typedef {object} Fixtures
 * @property {VectorFixture[]} vectors
 * @property {Omit<VectorFixture, "expected">[]} listed results that list several entries
 * @property {Record<ExampleName, ClientData>} examples
 * @property {AnswersFileFixture[]} answersFiles
 * @property {ScoredFixture[]} scored
 * @property {ComparedFixture[]} compared
 * @property {Array<[string, string]>} csvCells a cell and how report/write.py writes it
 */

const path = process.env.WORKSHEETS_JS_FIXTURES;
if (!path) {
  throw new Error(
    "WORKSHEETS_JS_FIXTURES is not set. These tests read the plugin's data from a file that " +
      "tests/unit/test_js_scoring.py writes: run them with " +
      "`.venv/bin/python -m pytest tests/unit/test_js_scoring.py`.",
  );
}

/** @type {Fixtures} */
export const fixtures = JSON.parse(readFileSync(path, "utf8"));
