// @ts-check
/* The comparison as an HTML table: a column per assessment, a header cell per
 * row, the actions on each assessment, the sort button in the overall row. */

import { spreadWords } from "./grid.js";

/** @typedef {import("./types.js").Strings} Strings */
/** @typedef {import("./grid.js").Grid} Grid */
/** @typedef {import("./grid.js").GridCell} GridCell */
/** @typedef {"none" | "descending" | "ascending"} Sort */

/**
 * @typedef {object} TableView
 * @property {string} captionId
 * @property {string} caption
 * @property {number[]} refs each column's assessment: its place in the block's list, 0 the open one
 * @property {Sort} sort
 * @property {Strings} strings
 */

const ARROWS = { none: "↕", descending: "▼", ascending: "▲" };

/**
 * An element with text.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [text]
 * @param {string} [className]
 * @returns {HTMLElementTagNameMap[K]}
 */
function element(tag, text, className) {
  const made = document.createElement(tag);
  if (text) made.textContent = text;
  if (className) made.className = className;
  return made;
}

/**
 * A button that the block's click handler dispatches.
 * @param {string} action
 * @param {string} text
 * @param {string | null} name its accessible name when the text alone is not enough
 * @param {number | null} ref
 * @returns {HTMLButtonElement}
 */
function actionButton(action, text, name, ref) {
  const button = element("button", text, "md-button");
  button.type = "button";
  button.setAttribute("data-worksheets-action", action);
  if (name) button.setAttribute("aria-label", name);
  if (ref !== null) button.setAttribute("data-worksheets-ref", String(ref));
  return button;
}

/**
 * A row header.
 * @param {string} text
 * @returns {HTMLTableCellElement}
 */
function rowHeader(text) {
  const header = element("th", text);
  header.scope = "row";
  return header;
}

/**
 * A cell: the answer or figure, then its marks, each a word with a shape.
 * @param {GridCell} cell
 * @returns {HTMLTableCellElement}
 */
function dataCell(cell) {
  const td = element("td", cell.text);
  cell.marks.forEach((mark) => {
    td.appendChild(document.createTextNode(" "));
    td.appendChild(element("strong", mark, "worksheets-mark"));
  });
  return td;
}

/**
 * The header row: a column per assessment, the open one marked, then the spread.
 * @param {Grid} grid
 * @param {TableView} view
 * @returns {HTMLTableSectionElement}
 */
function head(grid, view) {
  const thead = element("thead"), row = element("tr");
  row.appendChild(element("td"));
  grid.columns.forEach((name, index) => {
    const header = element("th", name);
    header.scope = "col";
    if (view.refs[index] === 0) {
      header.appendChild(element("span", " " + view.strings.compare_open, "worksheets-open-mark"));
    }
    row.appendChild(header);
  });
  if (grid.spread) {
    const header = element("th", view.strings.report_spread);
    header.scope = "col";
    row.appendChild(header);
  }
  thead.appendChild(row);
  return thead;
}

/**
 * The row of buttons that open, rename, copy and delete each assessment.
 * @param {Grid} grid
 * @param {TableView} view
 * @returns {HTMLTableRowElement}
 */
function actionsRow(grid, view) {
  const s = view.strings, row = element("tr", "", "worksheets-compare-manage");
  row.appendChild(rowHeader(s.compare_actions));
  grid.columns.forEach((name, index) => {
    const ref = view.refs[index], cell = element("td"), holder = element("div");
    /** @type {[string, string][]} */
    const actions = [["rename", s.rename_assessment], ["duplicate", s.duplicate_assessment],
      ["delete", s.delete_assessment]];
    if (ref !== 0) actions.unshift(["open", s.open_assessment]);
    actions.forEach(([action, word]) => {
      holder.appendChild(actionButton(action, word, word + " " + name, ref));
    });
    cell.appendChild(holder);
    row.appendChild(cell);
  });
  if (grid.spread) row.appendChild(element("td"));
  return row;
}

/**
 * The overall row's header: a button that sorts the columns by score.
 * @param {string} text
 * @param {Sort} sort
 * @returns {HTMLTableCellElement}
 */
function sortHeader(text, sort) {
  const header = rowHeader("");
  header.setAttribute("aria-sort", sort);
  const button = actionButton("sort", text, null, null);
  const arrow = element("span", ARROWS[sort], "worksheets-sort-arrow");
  arrow.setAttribute("aria-hidden", "true");
  button.appendChild(document.createTextNode(" "));
  button.appendChild(arrow);
  header.appendChild(button);
  return header;
}

/**
 * The comparison table.
 * @param {Grid} grid
 * @param {TableView} view
 * @returns {HTMLTableElement}
 */
export function comparisonTable(grid, view) {
  const table = element("table", "", "worksheets-compare-table");
  // Read out, not shown: the heading above says it, and a caption scrolls away with the table.
  const caption = element("caption", view.caption, "worksheets-sr-only");
  caption.id = view.captionId;
  table.appendChild(caption);
  table.appendChild(head(grid, view));
  const body = element("tbody");
  body.appendChild(actionsRow(grid, view));
  grid.rows.forEach((gridRow) => {
    const row = element("tr", "", "worksheets-compare-" + gridRow.kind);
    row.appendChild(gridRow.kind === "overall"
      ? sortHeader(gridRow.header, view.sort) : rowHeader(gridRow.header));
    gridRow.cells.forEach((cell) => row.appendChild(dataCell(cell)));
    if (grid.spread) {
      const spread = element("td", gridRow.beyond ? "" : gridRow.spread);
      if (gridRow.beyond) spread.appendChild(element("strong", spreadWords(view.strings, gridRow)));
      row.appendChild(spread);
    }
    body.appendChild(row);
  });
  table.appendChild(body);
  return table;
}
