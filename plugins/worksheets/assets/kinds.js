// @ts-check
/* What differs between a checklist and a worksheet, as one table: the rest of
 * the script looks a block's kind up here instead of branching on it. */

import { find, findAll } from "./dom.js";
import { percent } from "./result.js";
import { normalize, scaleBounds, scaleOf, scaleValue, scoreWorksheet } from "./scoring.js";

/** @typedef {import("./types.js").Answer} Answer */
/** @typedef {import("./types.js").Answers} Answers */
/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").ClientSection} ClientSection */
/** @typedef {import("./types.js").Controls} Controls */
/** @typedef {import("./types.js").Kind} Kind */
/** @typedef {import("./types.js").Strings} Strings */

/**
 * @typedef {object} KindBehaviour
 * @property {(s: Strings) => string} word the kind in the block's language ("checklist")
 * @property {(block: ClientData, section: ClientSection, value: unknown) => boolean} validAnswer
 *   whether a saved or imported answer fits an entry of the section
 * @property {(controls: Controls, answer: Answer | undefined, na: string) => void} show
 *   sets an entry's controls to an answer (undefined: not answered)
 * @property {(target: HTMLInputElement, controls: Controls, na: string) => Answer | undefined} read
 *   the answer after a change of one of an entry's controls (undefined: no answer to keep)
 * @property {(block: ClientData, section: ClientSection, answer: Answer)
 *   => [string, string | number]} csvCells
 *   the CSV's answer and score cells of an answer (other than formats.na) in the section
 * @property {(element: HTMLElement, block: ClientData, answers: Answers) => void} showScores
 *   writes what the kind shows beside the result
 */

/** @type {KindBehaviour} */
const checklist = {
  word: (s) => s.kind_checklist,
  validAnswer: (block, _section, value) =>
    value === true || value === false || (value === block.formats.na && block.allowNa),
  show(controls, answer, na) {
    const box = controls.answer[0];
    box.checked = answer === true;
    if (controls.na) controls.na.checked = answer === na;
    box.disabled = answer === na;
  },
  read(target, controls, na) {
    const box = controls.answer[0];
    if (target !== controls.na) return target.checked;
    box.disabled = target.checked;
    return target.checked ? na : box.checked;
  },
  csvCells: (block, _section, answer) => {
    const s = block.strings;
    return answer ? [s.answer_yes, 1] : [s.answer_no, 0];
  },
  showScores() {},
};

/** @type {KindBehaviour} */
const worksheet = {
  word: (s) => s.kind_worksheet,
  validAnswer: (block, section, value) =>
    scaleValue(block, scaleOf(block, section), value) !== null,
  show(controls, answer) {
    controls.answer.forEach((radio) => {
      radio.checked = answer !== undefined && radio.value === String(answer);
    });
  },
  read(target, _controls, na) {
    if (target.type !== "radio" || !target.checked) return undefined;
    return target.value === na ? na : parseInt(target.value, 10);
  },
  csvCells(block, section, answer) {
    const scale = scaleOf(block, section), point = scale.find((p) => p.value === answer);
    if (typeof answer !== "number" || !point) return ["", ""];
    const bounds = scaleBounds(scale);
    return [
      answer + " " + point.label,
      normalize((answer - bounds.low) / (bounds.high - bounds.low)),
    ];
  },
  showScores(element, block, answers) {
    const scores = scoreWorksheet(block, answers).sections;
    const list = find(element, ".worksheets-section-scores");
    list.hidden = block.sections.length <= 1;
    findAll(list, "[data-worksheets-section]").forEach((item) => {
      const score = scores[String(item.getAttribute("data-worksheets-section"))];
      find(item, ".worksheets-section-score").textContent =
        score === null || score === undefined ? "—" : percent(block.strings, score);
    });
  },
};

/** @type {Record<Kind, KindBehaviour>} */
export const KINDS = { checklist, worksheet };
