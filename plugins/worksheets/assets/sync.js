// @ts-check
/* Several tabs, one storage: how the assessments this tab holds and those another tab
 * stored are merged so that neither tab's answers are lost. Pure: no DOM, no storage.
 *
 * Every stored assessment carries a clock (formats/answers.py, STORED_CLOCK): its
 * identity (`uid`), when it became the open one (`opened`) and when each of its fields
 * last changed (`fields`: "label", "assessor", "date", "answers:<id>", "notes:<id>").
 * Two copies of one assessment merge field by field, the later change winning (a
 * last-writer-wins map: the merge is the same in any order and any number of times, so
 * two tabs that merge each other's writes end with the same assessment). A deletion is
 * remembered (`Tombstones`) so that a merge does not bring the deleted one back, unless
 * it was changed after it was deleted: then it is kept, as nothing is lost.
 */

/** @typedef {import("./types.js").State} State */
/** @typedef {import("./types.js").Answer} Answer */
/** @typedef {Record<string, number>} Tombstones uid -> when it was deleted */

/**
 * The fields of an assessment that change on their own, by clock key.
 * @param {State} state
 * @returns {Map<string, unknown>}
 */
export function fieldsOf(state) {
  /** @type {Map<string, unknown>} */
  const fields = new Map([["label", state.label], ["assessor", state.assessor],
    ["date", state.date]]);
  Object.keys(state.answers).forEach((id) => fields.set("answers:" + id, state.answers[id]));
  Object.keys(state.notes).forEach((id) => fields.set("notes:" + id, state.notes[id]));
  return fields;
}

/**
 * Sets one field (undefined: removes an answer or a note).
 * @param {State} state
 * @param {string} key
 * @param {unknown} value
 */
function setField(state, key, value) {
  if (key === "label" || key === "assessor" || key === "date") {
    state[key] = typeof value === "string" ? value : "";
    return;
  }
  const colon = key.indexOf(":"), part = key.slice(0, colon), id = key.slice(colon + 1);
  const record = part === "answers" ? state.answers : part === "notes" ? state.notes : null;
  if (record === null) return;
  if (value === undefined) delete record[id];
  else /** @type {Record<string, unknown>} */ (record)[id] = value;
}

/**
 * Marks the fields that differ between `before` and `after` as changed at `now`.
 * @param {State} before
 * @param {State} after
 * @param {number} now
 */
export function stamp(before, after, now) {
  const old = fieldsOf(before), fresh = fieldsOf(after), clock = { ...(after.clock || {}) };
  new Set([...old.keys(), ...fresh.keys()]).forEach((key) => {
    if (old.get(key) !== fresh.get(key)) clock[key] = now;
  });
  after.clock = clock;
}

/**
 * The later of two values of a field: by time, then (the same time in two tabs) by
 * their text, so that every tab picks the same one.
 * @param {number} timeA
 * @param {unknown} valueA
 * @param {number} timeB
 * @param {unknown} valueB
 * @returns {boolean} whether A wins
 */
function aWins(timeA, valueA, timeB, valueB) {
  if (timeA !== timeB) return timeA > timeB;
  return String(JSON.stringify(valueA)) >= String(JSON.stringify(valueB));
}

/**
 * Two copies of one assessment (the same uid), merged field by field.
 * @param {State} a
 * @param {State} b
 * @returns {State}
 */
export function mergeCopies(a, b) {
  const fieldsA = fieldsOf(a), fieldsB = fieldsOf(b);
  const clockA = a.clock || {}, clockB = b.clock || {};
  /** @type {State} */
  const merged = { ...a, answers: {}, notes: {}, clock: {} };
  const clock = /** @type {Record<string, number>} */ (merged.clock);
  new Set([...fieldsA.keys(), ...fieldsB.keys(), ...Object.keys(clockA), ...Object.keys(clockB)])
    .forEach((key) => {
      const timeA = clockA[key] || 0, timeB = clockB[key] || 0;
      const useA = aWins(timeA, fieldsA.get(key), timeB, fieldsB.get(key));
      setField(merged, key, useA ? fieldsA.get(key) : fieldsB.get(key));
      if (Math.max(timeA, timeB) > 0) clock[key] = Math.max(timeA, timeB);
    });
  merged.updated = [a.updated, b.updated].filter(Boolean).sort().pop() || null;
  merged.opened = Math.max(a.opened || 0, b.opened || 0);
  return merged;
}

/**
 * When an assessment last changed at all.
 * @param {State} state
 * @returns {number}
 */
export function lastChange(state) {
  const times = Object.values(state.clock || {});
  return Math.max(state.opened || 0, ...times, 0);
}

/**
 * Whether a deletion removes this copy: it was deleted after its last change.
 * @param {State} state
 * @param {Tombstones} tombstones
 * @returns {boolean}
 */
export function isDeleted(state, tombstones) {
  const uid = state.uid || "";
  return Object.prototype.hasOwnProperty.call(tombstones, uid) &&
    tombstones[uid] >= lastChange(state);
}

/**
 * Both tabs' deletions: the later time of each.
 * @param {Tombstones} a
 * @param {Tombstones} b
 * @returns {Tombstones}
 */
export function mergeTombstones(a, b) {
  /** @type {Tombstones} */
  const merged = { ...a };
  Object.keys(b).forEach((uid) => {
    merged[uid] = Math.max(merged[uid] || 0, b[uid]);
  });
  return merged;
}

/**
 * Two lists of kept assessments: every assessment of either, once, its copies merged;
 * the deleted ones left out. This tab's own new ones first, then the stored list's order
 * (so that two tabs that merge each other's lists agree on the order, and neither
 * writes the other's list back only to reorder it).
 * @param {State[]} local
 * @param {State[]} incoming
 * @param {Tombstones} tombstones
 * @returns {State[]}
 */
export function mergeLists(local, incoming, tombstones) {
  /** @type {Map<string, State>} */
  const byUid = new Map();
  /** @type {string[]} */
  const order = [];
  const stored = new Set(incoming.map((state) => state.uid || ""));
  const own = local.filter((state) => !stored.has(state.uid || ""));
  const others = local.filter((state) => stored.has(state.uid || ""));
  [...own, ...incoming, ...others].forEach((state) => {
    const uid = state.uid || "", known = byUid.get(uid);
    if (known) {
      byUid.set(uid, mergeCopies(known, state));
    } else {
      byUid.set(uid, state);
      order.push(uid);
    }
  });
  return order.map((uid) => /** @type {State} */ (byUid.get(uid)))
    .filter((state) => !isDeleted(state, tombstones));
}

/**
 * The open assessment and the kept ones after another tab stored its open one: the same
 * assessment merges; a different one is open if it was opened later (the other tab
 * opened it after this one), and the one that is not open joins the kept ones.
 * @param {State} local this tab's open assessment
 * @param {State | null} incoming the stored one (null: none)
 * @param {State[]} archive the kept assessments, merged already
 * @param {Tombstones} tombstones
 * @returns {{state: State, archive: State[]}}
 */
export function mergeOpen(local, incoming, archive, tombstones) {
  let state = local, others = archive;
  if (incoming !== null && incoming.uid === local.uid) {
    state = mergeCopies(local, incoming);
  } else if (incoming !== null) {
    const incomingWins = aWins(incoming.opened || 0, incoming.uid, local.opened || 0, local.uid);
    state = incomingWins ? incoming : local;
    const other = incomingWins ? local : incoming;
    if (hasFields(other) && !isDeleted(other, tombstones)) {
      others = mergeLists(others, [other], tombstones);
    }
  }
  const uid = state.uid;
  const kept = others.find((other) => other.uid === uid);
  if (kept) state = mergeCopies(state, kept);
  return { state, archive: others.filter((other) => other.uid !== uid) };
}

/**
 * Whether an assessment holds anything, or ever did (a cleared field is a change too).
 * @param {State} state
 * @returns {boolean}
 */
function hasFields(state) {
  return Object.keys(state.clock || {}).length > 0 || Object.keys(state.answers).length > 0 ||
    Object.keys(state.notes).length > 0 || state.label !== "" || state.assessor !== "" ||
    state.date !== "";
}

/**
 * A new identity for an assessment.
 * @returns {string}
 */
export function newUid() {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The identity of an assessment stored before assessments had one: from its content,
 * so that two tabs reading it at once give it the same one.
 * @param {string} text its stored JSON
 * @returns {string}
 */
export function legacyUid(text) {
  // FNV-1a, twice with different seeds: 64 bits, enough to tell a browser's few apart.
  let first = 0x811c9dc5, second = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x5bd1e995) >>> 0;
  }
  return "was-" + first.toString(16).padStart(8, "0") + second.toString(16).padStart(8, "0");
}

/**
 * Whether a merged view holds nothing that the stored one lacks: the same open
 * assessment, the same kept ones and deletions, field for field and clock for clock
 * (order aside). When it does hold more, the tab writes it; when not, it does not, so
 * that two tabs never write each other's lists back and forth.
 * @param {{state: State, archive: State[], tombstones: Tombstones}} merged
 * @param {{state: State | null, archive: State[], tombstones: Tombstones}} stored
 * @returns {boolean}
 */
export function holdsNothingMore(merged, stored) {
  /** @param {State} state */
  const canonical = (state) => JSON.stringify([state.uid, state.opened || 0, state.updated,
    [...fieldsOf(state)].sort(), Object.entries(state.clock || {}).sort()]);
  /** @param {Tombstones} tombstones */
  const deaths = (tombstones) => JSON.stringify(Object.entries(tombstones).sort());
  const storedArchive = new Set(stored.archive.map(canonical));
  return stored.state !== null && canonical(merged.state) === canonical(stored.state) &&
    merged.archive.length === stored.archive.length &&
    merged.archive.every((state) => storedArchive.has(canonical(state))) &&
    deaths(merged.tombstones) === deaths(stored.tombstones);
}
