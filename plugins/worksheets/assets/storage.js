// @ts-check
/* The browser's localStorage, wrapped so that nothing here ever throws: a
 * private window, a full disk or a policy that forbids storage leaves the page
 * working, and the caller decides what to tell the reader. */

/** @typedef {import("./types.js").ClientData} ClientData */

const PROBE = "worksheets:probe";

/**
 * Where a block's answers live: the current assessment, the other
 * assessments, and the copy kept when the block's version changed.
 * @param {ClientData} block
 */
export function storageKeys(block) {
  const answers = "worksheets:" + block.kind + ":" + block.id;
  const assessments = answers + ":assessments";
  return {
    answers,
    assessments,
    /** @param {unknown} version */
    version: (version) => answers + ":version-" + String(version),
    /** kept assessments of an older version, as they were: a list of answers files
     * @param {unknown} version */
    keptVersion: (version) => assessments + ":version-" + String(version),
    /** kept assessments the page could not read, as they were: a list */
    keptUnreadable: assessments + ":unreadable",
    /** when each deleted assessment was deleted, by its uid (sync.js) */
    deleted: assessments + ":deleted",
  };
}

export class SafeStorage {
  /** @param {Storage | null} storage null when the browser gives the page none */
  constructor(storage) {
    this.storage = storage;
  }

  /** Whether the page can save at all. */
  get available() {
    return this.storage !== null;
  }

  /**
   * The text under `key`, null when there is none, undefined when it cannot be read.
   * @param {string} key
   * @returns {string | null | undefined}
   */
  get(key) {
    if (!this.storage) return undefined;
    try {
      return this.storage.getItem(key);
    } catch {
      return undefined;
    }
  }

  /**
   * Stores `value` under `key`; false when that failed (no storage, or full).
   * @param {string} key
   * @param {string} value
   * @returns {boolean}
   */
  set(key, value) {
    if (!this.storage) return false;
    try {
      this.storage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Removes `key`; false when that failed.
   * @param {string} key
   * @returns {boolean}
   */
  remove(key) {
    if (!this.storage) return false;
    try {
      this.storage.removeItem(key);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Writes several keys as one: each change is text to store, or null to remove the
   * key. When one fails (a full storage), those already made are undone in reverse
   * order, so storage is as it was and nothing half-written survives; false then.
   * The changes that free room go first, so that a change that frees more than it
   * takes fits in a full storage. Undoing passes back through states that fit before,
   * so it cannot fail for space.
   * @param {Array<[string, string | null]>} changes
   * @returns {boolean}
   */
  write(changes) {
    if (!this.storage) return false;
    /** @type {Array<[string, string | null | undefined]>} */
    const done = [];
    const growth = (/** @type {[string, string | null]} */ [key, value]) =>
      (value === null ? 0 : value.length) - (this.get(key) || "").length;
    const ordered = changes.map((change) => ({ change, grows: growth(change) }))
      .sort((a, b) => a.grows - b.grows).map((entry) => entry.change);
    for (const [key, value] of ordered) {
      const before = this.get(key);
      if (before === value) continue;
      const ok = value === null ? this.remove(key) : this.set(key, value);
      if (!ok || before === undefined) {
        if (ok) done.push([key, before]);
        for (const [doneKey, doneBefore] of done.reverse()) {
          if (doneBefore === null) this.remove(doneKey);
          else if (doneBefore !== undefined) this.set(doneKey, doneBefore);
        }
        return false;
      }
      done.push([key, before]);
    }
    return true;
  }

  /**
   * Moves text that could not be read from `key` to a key of its own, so that
   * nothing is lost and the page can start afresh. Returns where the text is now.
   * @param {string} key
   * @param {string} text
   * @returns {string}
   */
  setAside(key, text) {
    const aside = key + ":unreadable:" + new Date().toISOString();
    return this.set(aside, text) && this.remove(key) ? aside : key;
  }
}

/**
 * The page's localStorage, if the browser lets the page write to it.
 * @returns {SafeStorage}
 */
export function openStorage() {
  try {
    const storage = window.localStorage;
    storage.setItem(PROBE, "1");
    storage.removeItem(PROBE);
    return new SafeStorage(storage);
  } catch {
    return new SafeStorage(null);
  }
}
