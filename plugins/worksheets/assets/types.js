// @ts-check
/* Types only: nothing here runs.
 *
 * The first part mirrors the TypedDicts in plugins/worksheets/formats/client.py,
 * the JSON that the plugin writes beside each block (one
 * <script type="application/json" class="worksheets-data">). The second part
 * is the script's own: what it keeps for a block and writes to a file.
 */

/* ---- the data the plugin gives the page (formats/client.py) ---- */

/** @typedef {"checklist" | "worksheet"} Kind */

/**
 * The form fields of one item or criterion (`na` only for a checklist's N/A box).
 * @typedef {object} EntryFields
 * @property {string} answer
 * @property {string | null} na
 * @property {string} note
 */

/**
 * An item (checklist) or criterion (worksheet).
 * @typedef {object} ClientEntry
 * @property {string} id
 * @property {string} text
 * @property {number} weight
 * @property {boolean} required
 * @property {boolean} critical
 * @property {EntryFields} fields
 */

/**
 * @typedef {object} ClientSection
 * @property {string} id
 * @property {string} title
 * @property {number | null} weight
 * @property {ScalePointData[] | null} scale the scale its criteria are answered on
 *   (a worksheet's section: its own, else the worksheet's); null in a checklist
 * @property {ClientEntry[]} entries
 */

/**
 * @typedef {object} ScalePointData
 * @property {number} value
 * @property {string} label
 */

/**
 * @typedef {object} BandData
 * @property {number} min
 * @property {string} label
 */

/**
 * The formats the script writes and the value of a "not applicable" answer.
 * @typedef {object} Formats
 * @property {string} answers
 * @property {string} bundle
 * @property {string} na
 */

/**
 * The strings the script shows (CLIENT_STRINGS in formats/client.py).
 * @typedef {"answer_no" | "answer_yes" | "band" | "band_pending" | "complete" | "completion" | "csv_answer"
 *   | "csv_item" | "csv_note" | "csv_score" | "csv_section" | "delete_assessment"
 *   | "delete_confirm" | "failed_critical" | "import_done" | "import_dropped"
 *   | "import_not_answers" | "import_not_json" | "import_wrong_block" | "kind_checklist"
 *   | "kind_worksheet" | "label_field" | "list_separator" | "not_applicable"
 *   | "open_assessment" | "open_required" | "percent" | "progress" | "progress_count"
 *   | "progress_none" | "provisional" | "reset_confirm" | "score" | "score_none" | "storage_full"
 *   | "storage_unavailable" | "storage_unreadable" | "unnamed" | "version_changed"} StringKey
 */

/** @typedef {Record<StringKey, string>} Strings */

/**
 * One block for the script. `scale` and `bands` only for a worksheet (`scale` is
 * empty when every section has its own).
 * @typedef {object} ClientData
 * @property {Kind} kind
 * @property {string} id
 * @property {number} version
 * @property {string} lang
 * @property {string} title
 * @property {boolean} allowNa
 * @property {string} labelField
 * @property {Formats} formats
 * @property {ClientSection[]} sections
 * @property {ScalePointData[]} [scale]
 * @property {BandData[]} [bands]
 * @property {Strings} strings
 */

/* ---- the script's own ---- */

/**
 * true/false (checklist), a scale value (worksheet), or `formats.na`.
 * @typedef {boolean | number | string} Answer
 */

/** @typedef {Record<string, Answer>} Answers */

/**
 * One assessment of a block, as the page holds it.
 * @typedef {object} State
 * @property {string} label
 * @property {Answers} answers
 * @property {Record<string, string>} notes
 * @property {string | null} updated
 */

/**
 * An answers file (SPEC section 5; formats/answers.py), as the script writes it.
 * @typedef {object} AnswersFile
 * @property {string} format
 * @property {Kind} kind
 * @property {string} id
 * @property {number} version
 * @property {string} lang
 * @property {string} label
 * @property {string} updated
 * @property {Answers} answers
 * @property {Record<string, string>} notes
 */

/**
 * The controls of one item or criterion in the form.
 * @typedef {object} Controls
 * @property {HTMLInputElement[]} answer the checkbox, or the radio buttons
 * @property {HTMLInputElement | null} na a checklist item's N/A box
 * @property {HTMLTextAreaElement} note
 */

export {};
