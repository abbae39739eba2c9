// @ts-check
/* Types only: nothing here runs.
 *
 * The first part mirrors the TypedDicts in plugins/worksheets/formats/client.py,
 * the JSON that the plugin writes beside each block (one
 * <script type="application/json" class="worksheets-data">) and the strings it
 * writes once per page (<script type="application/json" class="worksheets-strings">),
 * which the script adds to each block's data. The second part is the script's own:
 * what it keeps for a block and writes to a file.
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
 * @property {number | null} below a critical criterion fails below this value (null: at
 *   its scale's lowest value)
 * @property {"all" | "section" | null} fails what a failed critical criterion fails
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
 * The names of the fields above the form: the assessment's label, assessor and date.
 * @typedef {object} HeaderFields
 * @property {string} label
 * @property {string} assessor
 * @property {string} date
 */

/**
 * The formats the script writes and the value of a "not applicable" answer.
 * The limits of reader data (formats/answers.py's Limits).
 * @typedef {object} Limits
 * @property {number} label characters of a label or an assessor
 * @property {number} note characters of a note
 * @property {number} entries answers or notes in one assessment
 * @property {number} fileBytes bytes of an answers file (UTF-8)
 * @property {number} bundleAssessments assessments in a bundle
 * @property {number} bundleBytes bytes of a bundle
 */

/**
 * @typedef {object} Formats
 * @property {string} answers
 * @property {string} bundle
 * @property {string} na
 * @property {Limits} limits
 */

/**
 * The strings the script shows (CLIENT_STRINGS in formats/client.py).
 * @typedef {"answer_no" | "answer_yes" | "band" | "band_pending" | "compare_actions"
 *   | "compare_caption" | "compare_completion" | "compare_open" | "complete" | "completion"
 *   | "critical" | "csv_answer" | "csv_item" | "csv_note" | "csv_score" | "csv_section"
 *   | "delete_assessment" | "deleted" | "duplicate_assessment" | "duplicated" | "failed_critical"
 *   | "import_bundle" | "import_done" | "import_dropped" | "import_duplicates"
 *   | "import_not_answers" | "import_not_json" | "import_pdf_damaged" | "import_pdf_flat"
 *   | "import_pdf_other" | "import_pdf_unavailable" | "import_other_blocks" | "import_renamed"
 *   | "import_wrong_block" | "kind_checklist" | "kind_worksheet" | "label_field"
 *   | "list_separator" | "not_applicable" | "now_open" | "open_assessment" | "open_required"
 *   | "pdf_assessor" | "pdf_date" | "percent" | "progress" | "progress_count" | "progress_none"
 *   | "provisional" | "rename_assessment" | "rename_label" | "renamed" | "report_beyond"
 *   | "report_best" | "report_failed" | "report_overall" | "report_result" | "report_spread"
 *   | "reset_confirm" | "restored" | "score" | "score_none" | "share_add" | "share_copied"
 *   | "share_damaged" | "share_dismiss" | "share_manual" | "share_offer" | "share_source"
 *   | "share_wrong_block" | "storage_unavailable" | "storage_unreadable"
 *   | "undo" | "unnamed" | "version_changed" | "storage_failed" | "storage_saved_again"
 *   | "storage_unchanged" | "storage_import_failed" | "storage_export" | "kept_unreadable"
 *   | "kept_version" | "changed_elsewhere" | "import_limit" | "limit_label" | "limit_note"
 *   | "limit_date" | "limit_entries" | "limit_file" | "limit_bundle" | "compare_page" | "failed_section"} StringKey
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
 * @property {HeaderFields} headerFields
 * @property {Formats} formats
 * @property {{keywordPrefix: string}} pdf how to find this block in an offline PDF's keywords
 * @property {ClientSection[]} sections
 * @property {ScalePointData[]} [scale]
 * @property {BandData[]} [bands]
 * @property {Strings} strings the page's strings in `lang` (not in the block's JSON)
 */

/**
 * One block as the plugin writes it beside the form: its data without the strings.
 * @typedef {Omit<ClientData, "strings">} BlockData
 */

/* ---- the script's own ---- */

/**
 * true/false (checklist), a scale value (worksheet), or `formats.na`.
 * @typedef {boolean | number | string} Answer
 */

/** @typedef {Record<string, Answer>} Answers */

/**
 * One assessment of a block, as the page holds it ("" for no assessor or date).
 * @typedef {object} State
 * @property {string} label
 * @property {string} assessor
 * @property {string} date YYYY-MM-DD
 * @property {Answers} answers
 * @property {Record<string, string>} notes
 * @property {string | null} updated
 * @property {string} [uid] its identity in this browser (sync.js)
 * @property {number} [opened] when it became the open one, in ms since 1970
 * @property {Record<string, number>} [clock] when each field last changed (sync.js)
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
 * @property {string} [assessor] only when there is one
 * @property {string} [date] YYYY-MM-DD, only when there is one
 * @property {string} updated
 * @property {Answers} answers
 * @property {Record<string, string>} notes
 */

/**
 * Several assessments moved together (formats/answers.py's Bundle).
 * @typedef {object} BundleFile
 * @property {string} format
 * @property {AnswersFile[]} assessments
 */

/**
 * A piece of a line of a block's live result (result.js; the server's Segment in
 * plugins/worksheets/result.py, the same shape): plain text (`entry` null), or the
 * text of an item or criterion, shown as a link that moves focus to its control.
 * @typedef {object} Segment
 * @property {string} text
 * @property {string | null} entry the item's or criterion's id
 */

/**
 * One line of the live result (one paragraph); its words are its segments' texts.
 * @typedef {Segment[]} ResultLine
 */

/**
 * The controls of one item or criterion in the form.
 * @typedef {object} Controls
 * @property {HTMLInputElement[]} answer the checkbox, or the radio buttons
 * @property {HTMLInputElement | null} na a checklist item's N/A box
 * @property {HTMLTextAreaElement} note
 */

export {};
