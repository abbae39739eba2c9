// @ts-check
/* The scoring of SPEC sections 2-4. Pure: no DOM.
 *
 * It mirrors plugins/worksheets/scoring.py operation for operation, so that
 * both give the same floats; both run tests/vectors/scoring.json. Keep the
 * arithmetic in the same order as the Python.
 */

/** @typedef {import("./types.js").ClientData} ClientData */
/** @typedef {import("./types.js").ClientEntry} ClientEntry */
/** @typedef {import("./types.js").BandData} BandData */
/** @typedef {import("./types.js").ClientSection} ClientSection */
/** @typedef {import("./types.js").ScalePointData} ScalePointData */
/** @typedef {import("./types.js").Answers} Answers */

/**
 * @typedef {object} ChecklistResult
 * @property {number | null} progress
 * @property {number} checked
 * @property {number} applicable
 * @property {number} total
 * @property {boolean} complete
 * @property {string[]} openRequired
 */

/**
 * @typedef {object} WorksheetResult
 * @property {number | null} score
 * @property {BandData | null} band
 * @property {number} answered
 * @property {number} total
 * @property {Record<string, number | null>} sections
 * @property {boolean} provisional criteria are still unanswered
 * @property {string[]} failedCritical criteria failed that fail the form
 * @property {Record<string, string[]>} failedSections sections failed by a critical
 *   criterion (`fails: section`): its ids, by section
 */

// Sums of weighted fractions can land a hair below a half (62.49999999999999 for 62.5).
const DECIMALS = 9;

/**
 * The score with floating-point noise removed.
 * @param {number} value
 * @returns {number}
 */
export function normalize(value) {
  return Number(value.toFixed(DECIMALS));
}

/**
 * Whole percent, halves rounded up: floor(x + 0.5) (SPEC section 4).
 * @param {number} value
 * @returns {number}
 */
export function roundPercent(value) {
  return Math.floor(normalize(value) + 0.5);
}

/**
 * Every item or criterion of a block, section by section.
 * @param {ClientData} block
 * @returns {ClientEntry[]}
 */
export function entriesOf(block) {
  /** @type {ClientEntry[]} */
  const all = [];
  block.sections.forEach((section) => {
    section.entries.forEach((entry) => all.push(entry));
  });
  return all;
}

/**
 * Progress of a checklist; `answers` maps item ids to true, false or formats.na.
 * @param {ClientData} block
 * @param {Answers} answers
 * @returns {ChecklistResult}
 */
export function scoreChecklist(block, answers) {
  let checkedWeight = 0, applicableWeight = 0, checked = 0, applicable = 0;
  /** @type {string[]} */
  const openRequired = [];
  const entries = entriesOf(block);
  entries.forEach((item) => {
    const answer = answers[item.id];
    if (answer === block.formats.na && block.allowNa) return;
    applicable += 1;
    applicableWeight += item.weight;
    if (answer === true) {
      checked += 1;
      checkedWeight += item.weight;
    } else if (item.required) {
      openRequired.push(item.id);
    }
  });
  return {
    progress: applicableWeight ? 100 * checkedWeight / applicableWeight : null,
    checked,
    applicable,
    total: entries.length,
    complete: openRequired.length === 0,
    openRequired,
  };
}

/**
 * The scale a worksheet section's criteria are answered on: its own, else the worksheet's.
 * @param {ClientData} block
 * @param {ClientSection} section
 * @returns {ScalePointData[]}
 */
export function scaleOf(block, section) {
  return section.scale || block.scale || [];
}

/**
 * The lowest and highest value of a scale.
 * @param {ScalePointData[]} scale
 * @returns {{low: number, high: number}}
 */
export function scaleBounds(scale) {
  const values = scale.map((point) => point.value);
  return { low: Math.min(...values), high: Math.max(...values) };
}

/**
 * A worksheet's answer as it counts: a value of the scale, formats.na where
 * allowed, or null for anything else.
 * @param {ClientData} block
 * @param {ScalePointData[]} scale
 * @param {unknown} answer
 * @returns {number | string | null}
 */
export function scaleValue(block, scale, answer) {
  const na = block.formats.na;
  if (answer === na) return block.allowNa ? na : null;
  if (typeof answer !== "number" || !Number.isInteger(answer)) return null;
  return scale.some((point) => point.value === answer) ? answer : null;
}

/**
 * The band: the lowest at once when a critical criterion failed (it cannot get
 * better); otherwise none until every criterion is answered (SPEC section 3),
 * then the highest whose minimum the score reaches.
 * @param {BandData[]} bands
 * @param {number | null} score
 * @param {boolean} failed
 * @param {boolean} complete
 * @returns {BandData | null}
 */
function bandOf(bands, score, failed, complete) {
  const sorted = bands.slice().sort((a, b) => b.min - a.min);
  const lowest = sorted.length ? sorted[sorted.length - 1] : null;
  if (failed) return lowest;
  if (score === null || !complete) return null;
  return sorted.find((band) => band.min <= normalize(score)) || lowest;
}

/**
 * Whether an answer fails a critical criterion (SPEC section 3): below its threshold, or
 * at its scale's lowest value when it has none.
 * @param {import("./types.js").ClientEntry} criterion
 * @param {number} value
 * @param {number} lowest
 * @returns {boolean}
 */
export function failsAt(criterion, value, lowest) {
  if (!criterion.critical) return false;
  const below = criterion.below === undefined ? null : criterion.below;
  return below !== null ? value < below : value === lowest;
}

/**
 * A worksheet's score, band and completion; `answers` maps criterion ids to
 * scale values or formats.na. A gate (weight 0) takes no part in the sums; a section
 * failed by a `fails: section` criterion counts every criterion not marked N/A as 0
 * (scoring.py, in the same order).
 * @param {ClientData} block
 * @param {Answers} answers
 * @returns {WorksheetResult}
 */
export function scoreWorksheet(block, answers) {
  let answered = 0, overallSum = 0, overallWeight = 0, weightedSum = 0, weightedTotal = 0;
  /** @type {string[]} */
  const failedCritical = [];
  /** @type {Record<string, string[]>} */
  const failedSections = {};
  const usesSectionWeights = block.sections.every((section) => section.weight !== null);
  /** @type {Record<string, number | null>} */
  const sections = {};
  block.sections.forEach((section) => {
    const scale = scaleOf(block, section), bounds = scaleBounds(scale);
    const values = section.entries.map((criterion) =>
      scaleValue(block, scale, answers[criterion.id]));
    /** @type {string[]} */
    const failing = [];
    section.entries.forEach((criterion, index) => {
      const value = values[index];
      if (value === null) return;
      answered += 1;
      if (typeof value === "number" && failsAt(criterion, value, bounds.low)) {
        (criterion.fails === "section" ? failing : failedCritical).push(criterion.id);
      }
    });
    if (failing.length) failedSections[section.id] = failing;
    let sectionSum = 0, sectionWeight = 0;
    section.entries.forEach((criterion, index) => {
      const value = values[index];
      if (failing.length && value !== block.formats.na) {
        sectionSum += criterion.weight * 0;
        sectionWeight += criterion.weight;
      } else if (typeof value === "number") {
        sectionSum += criterion.weight * ((value - bounds.low) / (bounds.high - bounds.low));
        sectionWeight += criterion.weight;
      }
    });
    const sectionScore = sectionWeight ? 100 * sectionSum / sectionWeight : null;
    sections[section.id] = sectionScore;
    overallSum += sectionSum;
    overallWeight += sectionWeight;
    if (sectionScore !== null && section.weight !== null) {
      weightedSum += section.weight * sectionScore;
      weightedTotal += section.weight;
    }
  });
  let score;
  if (usesSectionWeights) score = weightedTotal ? weightedSum / weightedTotal : null;
  else score = overallWeight ? 100 * overallSum / overallWeight : null;
  const total = entriesOf(block).length;
  return {
    score,
    band: bandOf(block.bands || [], score, failedCritical.length > 0, answered === total),
    answered,
    total,
    provisional: answered < total,
    sections,
    failedCritical,
    failedSections,
  };
}
