// The browser's scoring against the shared test vectors, under Node's test runner.
// The Python reference runs the same file in tests/unit/test_scoring.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");

const scoring = require(path.join(__dirname, "../../plugins/worksheets/assets/worksheets.js"));
const vectors = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../vectors/scoring.json"), "utf8")
).cases;

// The front matter of a vector, in the shape the plugin gives the page (render.client_data).
function clientBlock(frontMatter) {
  const kind = frontMatter.checklist ? "checklist" : "worksheet";
  const block = frontMatter[kind];
  return {
    kind,
    id: block.id,
    allowNa: block.allow_na === undefined ? true : block.allow_na,
    scale: block.scale,
    bands: block.bands,
    sections: block.sections.map((section) => ({
      id: section.id,
      weight: section.weight === undefined ? null : section.weight,
      entries: (section.items || section.criteria).map((entry) => ({
        id: entry.id,
        text: entry.text,
        weight: entry.weight === undefined ? 1 : entry.weight,
        required: Boolean(entry.required),
        critical: Boolean(entry.critical),
      })),
    })),
  };
}

function close(actual, expected) {
  if (expected === null || actual === null) return actual === expected;
  return Math.abs(actual - expected) < 1e-9;
}

for (const vector of vectors) {
  test(vector.name, () => {
    const block = clientBlock(vector.block);
    const expected = vector.expected;
    if (block.kind === "worksheet") {
      const result = scoring.scoreWorksheet(block, vector.answers);
      assert.ok(close(result.score, expected.score), `score ${result.score}`);
      const shown = result.score === null ? null : scoring.roundPercent(result.score);
      assert.equal(shown, expected.percent);
      assert.equal(result.band ? result.band.label : null, expected.band);
      assert.equal(result.answered, expected.answered);
      assert.equal(result.total, expected.total);
      assert.deepEqual(result.failedCritical, expected.failed_critical);
      assert.deepEqual(Object.keys(result.sections), Object.keys(expected.sections));
      for (const [id, score] of Object.entries(expected.sections)) {
        assert.ok(close(result.sections[id], score), `section ${id}`);
      }
    } else {
      const result = scoring.scoreChecklist(block, vector.answers);
      assert.ok(close(result.progress, expected.progress), `progress ${result.progress}`);
      const shown = result.progress === null ? null : scoring.roundPercent(result.progress);
      assert.equal(shown, expected.percent);
      assert.equal(result.checked, expected.checked);
      assert.equal(result.applicable, expected.applicable);
      assert.equal(result.total, expected.total);
      assert.equal(result.complete, expected.complete);
      assert.deepEqual(result.openRequired, expected.open_required);
    }
  });
}

test("halves round up, noise below a half too", () => {
  assert.equal(scoring.roundPercent(62.5), 63);
  assert.equal(scoring.roundPercent(62.49), 62);
  assert.equal(scoring.roundPercent(62.49999999999999), 63);
});
