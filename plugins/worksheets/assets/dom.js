// @ts-check
/* Small helpers for the page's elements. */

/**
 * The first element under `root` that matches `selector`; a block without it is broken.
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
export function find(root, selector) {
  const found = root.querySelector(selector);
  if (!(found instanceof HTMLElement)) throw new Error(`no ${selector} in the block`);
  return found;
}

/**
 * Every element under `root` that matches `selector`.
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement[]}
 */
export function findAll(root, selector) {
  return Array.from(root.querySelectorAll(selector)).filter(
    (element) => element instanceof HTMLElement);
}

/**
 * Replaces what `holder` shows with one paragraph per line.
 * @param {HTMLElement} holder
 * @param {string[]} lines
 * @param {string} [className]
 */
export function writeParagraphs(holder, lines, className) {
  holder.textContent = "";
  lines.forEach((line) => {
    const paragraph = document.createElement("p");
    if (className) paragraph.className = className;
    paragraph.textContent = line;
    holder.appendChild(paragraph);
  });
}

/** A block's messages to the reader (role="alert"): they add up until cleared. */
export class Notice {
  /** @param {HTMLElement} holder */
  constructor(holder) {
    this.holder = holder;
    /** @type {string[]} */
    this.messages = [];
  }

  /** @param {string} text */
  say(text) {
    this.messages.push(text);
    writeParagraphs(this.holder, this.messages);
    this.holder.hidden = false;
  }

  clear() {
    this.messages = [];
    this.holder.textContent = "";
    this.holder.hidden = true;
  }
}
