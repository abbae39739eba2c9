// @ts-check
// The script's result lines are the server's (plugins/worksheets/result.py), word for
// word and link for link, in every language: on load the script leaves the server's
// text as it is.
import assert from "node:assert/strict";
import test from "node:test";

import { fill, lineText, percent, resultLines, resultSegments }
  from "../../plugins/worksheets/assets/result.js";
import { fixtures } from "./fixtures.mjs";

for (const vector of [...fixtures.vectors, ...fixtures.listed]) {
  for (const [lang, lines] of Object.entries(vector.lines)) {
    test(`${lang}: ${vector.name}`, () => {
      assert.deepEqual(resultLines(vector.blocks[lang], vector.answers), lines);
    });
    test(`${lang}: ${vector.name}, as segments`, () => {
      const segments = resultSegments(vector.blocks[lang], vector.answers);
      assert.deepEqual(segments, vector.segments[lang]);
      assert.deepEqual(segments.map(lineText), lines);
    });
  }
}

test("the lines compared link entries, several in a line too", () => {
  for (const lang of ["en", "es", "sv"]) {
    const linked = [...fixtures.vectors, ...fixtures.listed].map((vector) =>
      vector.segments[lang].map((line) => line.filter((segment) => segment.entry !== null)));
    assert.ok(linked.some((lines) => lines.some((links) => links.length === 1)), lang);
    assert.ok(linked.some((lines) => lines.some((links) => links.length === 3)), lang);
    assert.ok(linked.some((lines) => lines.some((links) => links.length === 2)), lang);
  }
});

test("no answers give the server's first text too", () => {
  for (const vector of fixtures.vectors) {
    const lines = resultLines(vector.blocks.en, {});
    assert.ok(lines.length >= 2, vector.name);
  }
});

test("fill replaces the names it is given and leaves the others", () => {
  assert.equal(fill("{a} of {b}, {c}", { a: 1, b: "two" }), "1 of two, {c}");
  assert.equal(fill("{toString}", {}), "{toString}");
});

test("percent follows the language's format", () => {
  const [en, sv] = ["en", "sv"].map((lang) => fixtures.vectors[0].blocks[lang].strings);
  assert.equal(percent(en, 62.5), "63%");
  assert.equal(percent(sv, 62.49), "62 %");
});
