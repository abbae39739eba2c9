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

/**
 * A button beside a notice's messages ("Undo", "Add").
 * @typedef {object} NoticeAction
 * @property {string} label
 * @property {() => void} run
 */

/**
 * A block's messages to the reader: they add up until cleared. The holder is a
 * live region; `hide` hides it while empty (a role="alert" one; a polite region
 * stays in place, empty, so that what is written into it is announced).
 */
export class Notice {
  /**
   * @param {HTMLElement} holder
   * @param {boolean} [hide]
   */
  constructor(holder, hide = true) {
    this.holder = holder;
    this.hide = hide;
    /** @type {string[]} */
    this.messages = [];
    /** @type {HTMLButtonElement[]} */
    this.buttons = [];
  }

  /** @param {string} text */
  say(text) {
    this.show(this.messages.concat([text]));
  }

  /**
   * Shows these messages instead, with buttons after them.
   * @param {string[]} lines
   * @param {NoticeAction[]} [actions]
   */
  show(lines, actions = []) {
    this.messages = lines.slice();
    writeParagraphs(this.holder, lines);
    this.buttons = actions.map((action) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = action.label;
      button.addEventListener("click", action.run);
      return button;
    });
    if (this.buttons.length) {
      const bar = document.createElement("p");
      bar.className = "worksheets-notice-actions";
      this.buttons.forEach((button) => bar.appendChild(button));
      this.holder.appendChild(bar);
    }
    if (this.hide) this.holder.hidden = lines.length === 0;
  }

  clear() {
    this.show([]);
  }
}
