// @ts-check
// The browser's scoring against the shared test vectors, on the data the plugin writes
// for the page. The Python reference runs the same vectors in tests/unit/test_scoring.py.
import assert from "node:assert/strict";
import test from "node:test";

import {
  normalize, roundPercent, scoreChecklist, scoreWorksheet,
} from "../../plugins/worksheets/assets/scoring.js";
import { fixtures } from "./fixtures.mjs";

/**
 * @param {number | null | undefined} actual
 * @param {number | null} expected
 */
function close(actual, expected) {
  if (expected === null || actual === null || actual === undefined) return actual === expected;
  return Math.abs(actual - expected) < 1e-9;
}

/** @param {number | null} value */
function shown(value) {
  return value === null ? null : roundPercent(value);
}

test("every shared vector is there", () => {
  assert.ok(fixtures.vectors.length > 0);
});

for (const vector of fixtures.vectors) {
  const block = vector.blocks.en, expected = vector.expected;
  if (vector.kind === "worksheet") {
    test(`worksheet: ${vector.name}`, () => {
      const result = scoreWorksheet(block, vector.answers);
      assert.ok(close(result.score, expected.score), `score ${result.score}`);
      assert.equal(shown(result.score), expected.percent);
      assert.equal(result.band ? result.band.label : null, expected.band);
      assert.equal(result.answered, expected.answered);
      assert.equal(result.total, expected.total);
      assert.deepEqual(result.failedCritical, expected.failed_critical);
      assert.deepEqual(result.failedSections, expected.failed_sections || {});
      assert.equal(result.provisional, expected.provisional);
      assert.deepEqual(Object.keys(result.sections), Object.keys(expected.sections));
      for (const [id, score] of Object.entries(expected.sections)) {
        assert.ok(close(result.sections[id], score), `section ${id}`);
      }
    });
  } else {
    test(`checklist: ${vector.name}`, () => {
      const result = scoreChecklist(block, vector.answers);
      assert.ok(close(result.progress, expected.progress), `progress ${result.progress}`);
      assert.equal(shown(result.progress), expected.percent);
      assert.equal(result.checked, expected.checked);
      assert.equal(result.applicable, expected.applicable);
      assert.equal(result.total, expected.total);
      assert.equal(result.complete, expected.complete);
      assert.deepEqual(result.openRequired, expected.open_required);
    });
  }
}

test("worksheets score each section on its own scale, as the Python does", () => {
  assert.ok(fixtures.scored.length > 0);
  for (const { example, answers, result: expected } of fixtures.scored) {
    const block = fixtures.examples[example];
    const result = scoreWorksheet(block, answers);
    const context = `${example} ${JSON.stringify(answers)}`;
    assert.ok(close(result.score, expected.score), `${context}: score ${result.score}`);
    assert.equal(result.band ? result.band.label : null, expected.band, context);
    assert.equal(result.answered, expected.answered, context);
    assert.equal(result.total, expected.total, context);
    assert.deepEqual(result.failedCritical, expected.failedCritical, context);
    assert.deepEqual(Object.keys(result.sections), Object.keys(expected.sections), context);
    for (const [id, score] of Object.entries(expected.sections)) {
      assert.ok(close(result.sections[id], score), `${context}: section ${id}`);
    }
  }
});

test("halves round up, noise below a half too", () => {
  assert.equal(roundPercent(62.5), 63);
  assert.equal(roundPercent(62.49), 62);
  assert.equal(roundPercent(62.49999999999999), 63);
  assert.equal(roundPercent(0), 0);
  assert.equal(roundPercent(99.5), 100);
});

test("normalize drops floating-point noise only", () => {
  assert.equal(normalize(0.1 + 0.2), 0.3);
  assert.equal(normalize(55.55555555555556), 55.555555556);
});
