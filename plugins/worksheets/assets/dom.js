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
 * A button beside a notice's messages ("Undo", "Add").
 * @typedef {object} NoticeAction
 * @property {string} label
 * @property {() => void} run
 */

/**
 * A block's messages to the reader: they add up until cleared. The holder is a
 * live region; `hide` hides it while empty (a role="alert" one; a polite region
 * stays in place, empty, so that what is written into it is announced).
 *
 * A message that must not be missed (answers not saved) is held: it stays first,
 * with its buttons, whatever else is shown or cleared, until it is released; no
 * later message hides it.
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
    /** @type {NoticeAction[]} */
    this.actions = [];
    /** @type {HTMLButtonElement[]} the buttons of the messages shown last */
    this.buttons = [];
    /** @type {Map<string, {paragraph: HTMLElement, bar: HTMLElement | null}>} the held
     * messages, in a box of their own that showing other messages leaves alone */
    this.held = new Map();
    this.heldBox = document.createElement("div");
    this.linesBox = document.createElement("div");
    holder.textContent = "";
    holder.append(this.heldBox, this.linesBox);
  }

  /** @param {string} text */
  say(text) {
    this.show(this.messages.concat([text]), this.actions);
  }

  /**
   * Shows these messages instead (after the held ones), with buttons after them.
   * @param {string[]} lines
   * @param {NoticeAction[]} [actions]
   */
  show(lines, actions = []) {
    this.messages = lines.slice();
    this.actions = actions.slice();
    this.linesBox.textContent = "";
    lines.forEach((line) => this.linesBox.appendChild(paragraph(line)));
    this.buttons = actions.map(button);
    if (this.buttons.length) this.linesBox.appendChild(buttonBar(this.buttons));
    this.showHolder();
  }

  showHolder() {
    if (this.hide) this.holder.hidden = this.held.size === 0 && this.messages.length === 0;
  }

  /**
   * Holds a message. Held again, its words are written anew (so that they are
   * announced again) while its buttons stay as they are: a button being pressed
   * when the message comes again still gets its click.
   * @param {string} key
   * @param {string} text
   * @param {NoticeAction[]} [actions]
   */
  hold(key, text, actions = []) {
    const fresh = paragraph(text), was = this.held.get(key);
    if (was) {
      was.paragraph.replaceWith(fresh);
      was.paragraph = fresh;
    } else {
      const bar = actions.length ? buttonBar(actions.map(button)) : null;
      this.heldBox.appendChild(fresh);
      if (bar) this.heldBox.appendChild(bar);
      this.held.set(key, { paragraph: fresh, bar });
    }
    this.showHolder();
  }

  /**
   * Lets a held message go; false when there was none.
   * @param {string} key
   * @returns {boolean}
   */
  release(key) {
    const was = this.held.get(key);
    if (!was) return false;
    was.paragraph.remove();
    if (was.bar) was.bar.remove();
    this.held.delete(key);
    this.showHolder();
    return true;
  }

  /** Clears the messages, not the held ones. */
  clear() {
    this.show([]);
  }
}

/**
 * @param {string} text
 * @returns {HTMLParagraphElement}
 */
function paragraph(text) {
  const element = document.createElement("p");
  element.textContent = text;
  return element;
}

/**
 * @param {NoticeAction} action
 * @returns {HTMLButtonElement}
 */
function button(action) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "md-button";
  element.textContent = action.label;
  element.addEventListener("click", action.run);
  return element;
}

/**
 * @param {HTMLButtonElement[]} buttons
 * @returns {HTMLParagraphElement}
 */
function buttonBar(buttons) {
  const bar = document.createElement("p");
  bar.className = "worksheets-notice-actions";
  buttons.forEach((element) => bar.appendChild(element));
  return bar;
}
