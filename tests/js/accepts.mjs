// @ts-check
// What the page makes of a file it is given to import (assets/transfer.js's readFile),
// for tests/unit/test_same_files.py: a line of JSON in ({block, name, text}), a line out
// ({accepted, answers, notes, label}). Not a test file of its own (node --test runs
// *.test.mjs only).
import { createInterface } from "node:readline";

import { readFile } from "../../plugins/worksheets/assets/transfer.js";

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const { block, name, text } = JSON.parse(line);
  const read = readFile(block, { name, text });
  const accepted = read.problems.length === 0 && read.states.length > 0;
  process.stdout.write(JSON.stringify({
    accepted, problems: read.problems,
    states: read.states.map((state) => ({ label: state.label, answers: state.answers,
      notes: state.notes })),
  }) + "\n");
});
