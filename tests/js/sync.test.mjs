// @ts-check
// Two tabs, one storage (assets/sync.js): copies of an assessment merge field by field,
// the later change winning, in any order; deletions stay deleted unless changed later.
import assert from "node:assert/strict";
import test from "node:test";

import { emptyState } from "../../plugins/worksheets/assets/answers.js";
import {
  fieldsOf, holdsNothingMore, isDeleted, legacyUid, mergeCopies, mergeLists, mergeOpen,
  mergeTombstones, stamp,
} from "../../plugins/worksheets/assets/sync.js";

/** @typedef {import("../../plugins/worksheets/assets/types.js").State} State */

/**
 * @param {Partial<State>} fields
 * @returns {State}
 */
function state(fields) {
  return { ...emptyState(), uid: "a", opened: 1, clock: {}, ...fields };
}

/**
 * A small seeded generator (mulberry32), so that a failure is found again.
 * @param {number} seed
 */
function random(seed) {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let t = value;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A copy of one assessment after some edits at some times.
 * @param {() => number} next
 * @returns {State}
 */
function edited(next) {
  const copy = state({});
  for (let edit = 0; edit < 6; edit += 1) {
    const before = { ...copy, answers: { ...copy.answers }, notes: { ...copy.notes } };
    const id = ["x", "y", "z"][Math.floor(next() * 3)], roll = next();
    if (roll < 0.4) copy.answers[id] = Math.floor(next() * 3);
    else if (roll < 0.55) delete copy.answers[id];
    else if (roll < 0.8) copy.notes[id] = "note " + Math.floor(next() * 3);
    else copy.label = "L" + Math.floor(next() * 3);
    stamp(before, copy, 1 + Math.floor(next() * 20));
  }
  return copy;
}

/** @param {State} copy */
function content(copy) {
  return JSON.stringify([...fieldsOf(copy)].sort());
}

test("a field changed in one tab and another field in the other: both kept", () => {
  const base = state({ answers: { x: 1 } });
  const first = { ...base, answers: { x: 1, y: 2 }, clock: { "answers:y": 5 } };
  const second = { ...base, answers: { x: 1, z: 0 }, clock: { "answers:z": 5 } };
  const merged = mergeCopies(first, second);
  assert.deepEqual(merged.answers, { x: 1, y: 2, z: 0 });
  assert.deepEqual(mergeCopies(second, first).answers, merged.answers);
});

test("the same field in two tabs: the later change wins, a removal too", () => {
  const early = state({ answers: { x: 1 }, clock: { "answers:x": 3 } });
  const removed = state({ answers: {}, clock: { "answers:x": 4 } });
  assert.deepEqual(mergeCopies(early, removed).answers, {});
  assert.deepEqual(mergeCopies(removed, early).answers, {});
  const late = state({ answers: { x: 2 }, clock: { "answers:x": 9 } });
  assert.deepEqual(mergeCopies(removed, late).answers, { x: 2 });
});

test("merging is the same in any order and any number of times (2,000 random cases)", () => {
  const next = random(20261207);
  for (let run = 0; run < 2000; run += 1) {
    const a = edited(next), b = edited(next), c = edited(next);
    const ab = mergeCopies(a, b);
    assert.equal(content(ab), content(mergeCopies(b, a)), "commutative");
    assert.equal(content(mergeCopies(ab, c)), content(mergeCopies(a, mergeCopies(b, c))),
      "associative");
    assert.equal(content(mergeCopies(ab, ab)), content(ab), "idempotent");
    // Every field's latest change is in the merge.
    for (const copy of [a, b]) {
      const fields = fieldsOf(copy), clock = copy.clock || {};
      for (const [key, time] of Object.entries(clock)) {
        const other = copy === a ? b : a, otherTime = (other.clock || {})[key] || 0;
        if (time > otherTime) assert.equal(fieldsOf(ab).get(key), fields.get(key), key);
      }
    }
  }
});

test("another tab's New: the later opened one is open, this tab's joins the kept ones", () => {
  const mine = state({ uid: "mine", opened: 5, answers: { x: 1 }, clock: { "answers:x": 7 } });
  const theirs = state({ uid: "theirs", opened: 6 });
  const kept = [state({ uid: "mine", opened: 5, answers: { x: 0 }, clock: { "answers:x": 2 } })];
  const merged = mergeOpen(mine, theirs, kept, {});
  assert.equal(merged.state.uid, "theirs");
  assert.deepEqual(merged.archive.map((copy) => [copy.uid, copy.answers]), [["mine", { x: 1 }]]);
  // And the other way round, in the other tab: the same result.
  const there = mergeOpen(theirs, mine, kept, {});
  assert.equal(there.state.uid, "theirs");
  assert.deepEqual(there.archive.map((copy) => copy.answers), [{ x: 1 }]);
});

test("a deleted assessment stays deleted, unless it was changed after", () => {
  const kept = [state({ uid: "k", clock: { label: 3 }, label: "K" })];
  const tombstones = mergeTombstones({ k: 4 }, { k: 2, other: 1 });
  assert.deepEqual(tombstones, { k: 4, other: 1 });
  assert.deepEqual(mergeLists(kept, kept, tombstones), []);
  const later = [state({ uid: "k", clock: { label: 5 }, label: "K2" })];
  assert.equal(isDeleted(later[0], tombstones), false);
  assert.deepEqual(mergeLists(kept, later, tombstones).map((copy) => copy.label), ["K2"]);
});

test("an assessment stored without an identity gets the same one in every tab", () => {
  assert.equal(legacyUid('{"label":"A"}'), legacyUid('{"label":"A"}'));
  assert.notEqual(legacyUid('{"label":"A"}'), legacyUid('{"label":"B"}'));
});

/**
 * A tab's view after some changes of its own to what both saw: edits of the open one and
 * of kept ones, new kept ones, deletions; in an order of its own.
 * @param {() => number} next
 * @param {State[]} kept what both saw
 * @param {string} tab
 */
function tabView(next, kept, tab) {
  const archive = kept.map((state) => ({ ...state, answers: { ...state.answers } }));
  /** @type {Record<string, number>} */
  const tombstones = {};
  for (let change = 0; change < 3; change += 1) {
    const roll = next(), time = 10 + Math.floor(next() * 10);
    if (roll < 0.3 && archive.length) {
      const target = archive[Math.floor(next() * archive.length)];
      const before = { ...target, answers: { ...target.answers } };
      target.answers.x = Math.floor(next() * 3);
      stamp(before, target, time);
    } else if (roll < 0.6) {
      archive.unshift(state({ uid: tab + change, label: tab + change, opened: time }));
    } else if (roll < 0.8 && archive.length) {
      const [gone] = archive.splice(Math.floor(next() * archive.length), 1);
      tombstones[gone.uid || ""] = time + 20;
    } else {
      archive.reverse();
    }
  }
  return { state: state({ uid: "open" }), archive, tombstones };
}

test("two tabs agree after one exchange: the second writes nothing back (1,000 cases)", () => {
  const next = random(7);
  for (let run = 0; run < 1000; run += 1) {
    const kept = [state({ uid: "k1", label: "K1" }), state({ uid: "k2", label: "K2" }),
      state({ uid: "k3", label: "K3" })];
    const mine = tabView(next, kept, "a"), theirs = tabView(next, kept, "b");
    // Tab A reads what B stored, merges, and writes the result; then B reads that.
    const deaths = mergeTombstones(mine.tombstones, theirs.tombstones);
    const listA = mergeLists(mine.archive, theirs.archive, deaths);
    const a = { ...mergeOpen(mine.state, theirs.state, listA, deaths), tombstones: deaths };
    const deathsB = mergeTombstones(theirs.tombstones, a.tombstones);
    const listB = mergeLists(theirs.archive, a.archive, deathsB);
    const b = { ...mergeOpen(theirs.state, a.state, listB, deathsB), tombstones: deathsB };
    assert.ok(holdsNothingMore(b, a), `run ${run}`);
    assert.deepEqual(b.archive.map((copy) => copy.uid), a.archive.map((copy) => copy.uid));
  }
});
