/* worksheets: live scores, saved answers, notes, export, import and print for
 * the checklists and worksheets that the MkDocs plugin renders.
 *
 * No framework, no build step. The scoring mirrors plugins/worksheets/scoring.py
 * operation for operation, so that both give the same floats; both run
 * tests/vectors/scoring.json.
 */
(function (root) {
  "use strict";

  var FORMAT = "worksheets/answers@1";
  var NA = "na";
  var DECIMALS = 9;

  /* ---- scoring (SPEC sections 2-4) ------------------------------------- */

  function normalize(value) {
    return Number(value.toFixed(DECIMALS));
  }

  function roundPercent(value) {
    return Math.floor(normalize(value) + 0.5);
  }

  function entriesOf(block) {
    var all = [];
    block.sections.forEach(function (section) {
      section.entries.forEach(function (entry) { all.push(entry); });
    });
    return all;
  }

  function scoreChecklist(block, answers) {
    var checkedWeight = 0, applicableWeight = 0, checked = 0, applicable = 0;
    var openRequired = [];
    var entries = entriesOf(block);
    entries.forEach(function (item) {
      var answer = answers[item.id];
      if (answer === NA && block.allowNa) return;
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
      checked: checked,
      applicable: applicable,
      total: entries.length,
      complete: openRequired.length === 0,
      openRequired: openRequired
    };
  }

  function scaleBounds(block) {
    var values = block.scale.map(function (point) { return point.value; });
    return { low: Math.min.apply(null, values), high: Math.max.apply(null, values) };
  }

  function answerValue(block, answer) {
    if (answer === NA) return block.allowNa ? NA : null;
    if (typeof answer !== "number" || !Number.isInteger(answer)) return null;
    return block.scale.some(function (point) { return point.value === answer; }) ? answer : null;
  }

  function scoreWorksheet(block, answers) {
    var bounds = scaleBounds(block);
    var answered = 0, failedCritical = [];
    var overallSum = 0, overallWeight = 0, weightedSum = 0, weightedTotal = 0;
    var usesSectionWeights = block.sections.every(function (section) { return section.weight !== null; });
    var sections = {};
    block.sections.forEach(function (section) {
      var sectionSum = 0, sectionWeight = 0;
      section.entries.forEach(function (criterion) {
        var value = answerValue(block, answers[criterion.id]);
        if (value === null) return;
        answered += 1;
        if (value === NA) return;
        var fraction = (value - bounds.low) / (bounds.high - bounds.low);
        sectionSum += criterion.weight * fraction;
        sectionWeight += criterion.weight;
        if (criterion.critical && value === bounds.low) failedCritical.push(criterion.id);
      });
      var sectionScore = sectionWeight ? 100 * sectionSum / sectionWeight : null;
      sections[section.id] = sectionScore;
      overallSum += sectionSum;
      overallWeight += sectionWeight;
      if (sectionScore !== null && section.weight !== null) {
        weightedSum += section.weight * sectionScore;
        weightedTotal += section.weight;
      }
    });
    var score;
    if (usesSectionWeights) score = weightedTotal ? weightedSum / weightedTotal : null;
    else score = overallWeight ? 100 * overallSum / overallWeight : null;
    var band = null;
    if (score !== null) {
      var bands = block.bands.slice().sort(function (a, b) { return b.min - a.min; });
      if (failedCritical.length) band = bands[bands.length - 1];
      else {
        band = bands[bands.length - 1];
        for (var i = 0; i < bands.length; i++) {
          if (bands[i].min <= normalize(score)) { band = bands[i]; break; }
        }
      }
    }
    return {
      score: score,
      band: band,
      answered: answered,
      total: entriesOf(block).length,
      sections: sections,
      failedCritical: failedCritical
    };
  }

  var api = {
    FORMAT: FORMAT,
    normalize: normalize,
    roundPercent: roundPercent,
    scoreChecklist: scoreChecklist,
    scoreWorksheet: scoreWorksheet
  };

  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;
  root.Worksheets = api;

  /* ---- strings ---------------------------------------------------------- */

  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function percent(strings, value) {
    return fill(strings.percent, { value: roundPercent(value) });
  }

  /* ---- storage that never throws ------------------------------------------ */

  function openStorage() {
    try {
      var storage = root.localStorage;
      var probe = "worksheets:probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  /* ---- one block on the page ------------------------------------------------ */

  function Block(element) {
    this.element = element;
    var data = element.querySelector("script.worksheets-data");
    this.block = JSON.parse(data.textContent);
    this.strings = this.block.strings;
    this.key = "worksheets:" + this.block.kind + ":" + this.block.id;
    this.entries = {};
    var self = this;
    entriesOf(this.block).forEach(function (entry) { self.entries[entry.id] = entry; });
    this.notice = element.querySelector(".worksheets-notice");
    this.status = element.querySelector('[role="status"]');
    this.labelInput = element.querySelector('input[name$=":@label"]');
    this.storage = openStorage();
    this.state = this.emptyState();
    this.messages = [];
    this.archive = [];
  }

  Block.prototype.kindWord = function () {
    return this.strings["kind_" + this.block.kind];
  };

  Block.prototype.emptyState = function () {
    return { label: "", answers: {}, notes: {}, updated: null };
  };

  Block.prototype.say = function (text) {
    this.messages.push(text);
    this.notice.textContent = "";
    var self = this;
    this.messages.forEach(function (message) {
      var paragraph = document.createElement("p");
      paragraph.textContent = message;
      self.notice.appendChild(paragraph);
    });
    this.notice.hidden = false;
  };

  Block.prototype.clearNotice = function () {
    this.messages = [];
    this.notice.textContent = "";
    this.notice.hidden = true;
  };

  /* Valid answers of ``data`` for this block, and the ids that were left out. */
  Block.prototype.sanitize = function (data) {
    var block = this.block, state = this.emptyState(), dropped = [];
    var answers = data.answers && typeof data.answers === "object" ? data.answers : {};
    var self = this;
    Object.keys(answers).forEach(function (id) {
      var value = answers[id];
      var known = Object.prototype.hasOwnProperty.call(self.entries, id);
      var valid = block.kind === "checklist"
        ? value === true || value === false || (value === NA && block.allowNa)
        : answerValue(block, value) !== null;
      if (known && valid) state.answers[id] = value;
      else dropped.push(id);
    });
    var notes = data.notes && typeof data.notes === "object" ? data.notes : {};
    Object.keys(notes).forEach(function (id) {
      if (Object.prototype.hasOwnProperty.call(self.entries, id) && typeof notes[id] === "string") {
        state.notes[id] = notes[id];
      } else if (dropped.indexOf(id) < 0 && !Object.prototype.hasOwnProperty.call(answers, id)) {
        dropped.push(id);
      }
    });
    state.label = typeof data.label === "string" ? data.label : "";
    state.updated = typeof data.updated === "string" ? data.updated : null;
    return { state: state, dropped: dropped };
  };

  Block.prototype.isAnswersFile = function (data) {
    return data !== null && typeof data === "object" && !Array.isArray(data) &&
      data.format === FORMAT && typeof data.kind === "string" && typeof data.id === "string" &&
      data.answers !== null && typeof data.answers === "object" && !Array.isArray(data.answers);
  };

  Block.prototype.setAside = function (raw) {
    var aside = this.key + ":unreadable:" + new Date().toISOString();
    try {
      this.storage.setItem(aside, raw);
      this.storage.removeItem(this.key);
    } catch (error) {
      aside = this.key;
    }
    this.say(fill(this.strings.storage_unreadable, { kind: this.kindWord(), key: aside }));
  };

  Block.prototype.load = function () {
    if (!this.storage) {
      this.say(this.strings.storage_unavailable);
      return;
    }
    var raw;
    try {
      raw = this.storage.getItem(this.key);
    } catch (error) {
      this.say(this.strings.storage_unavailable);
      return;
    }
    if (raw === null) return;
    var data;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      this.setAside(raw);
      return;
    }
    if (!this.isAnswersFile(data) || data.kind !== this.block.kind || data.id !== this.block.id) {
      this.setAside(raw);
      return;
    }
    var result = this.sanitize(data);
    this.state = result.state;
    if (data.version !== this.block.version) {
      // Keep the old answers as they were, then carry on with the ones that still apply.
      try {
        this.storage.setItem(this.key + ":version-" + data.version, raw);
      } catch (error) { /* the notice below still tells the reader */ }
      this.say(fill(this.strings.version_changed, {
        kind: this.kindWord(), old: data.version, "new": this.block.version,
        kept: Object.keys(result.state.answers).length, dropped: result.dropped.length
      }));
      this.save();
    }
  };

  Block.prototype.document = function (state) {
    state = state || this.state;
    return {
      format: FORMAT,
      kind: this.block.kind,
      id: this.block.id,
      version: this.block.version,
      lang: this.block.lang,
      label: state.label,
      updated: state.updated || new Date().toISOString(),
      answers: state.answers,
      notes: state.notes
    };
  };

  /* ---- other assessments of the same block (one per vendor, site, month...) ---- */

  function hasContent(state) {
    return Object.keys(state.answers).length > 0 || Object.keys(state.notes).length > 0 ||
      state.label !== "";
  }

  Block.prototype.archiveKey = function () {
    return this.key + ":assessments";
  };

  Block.prototype.loadArchive = function () {
    this.archive = [];
    if (!this.storage) return;
    var raw, data, self = this;
    try {
      raw = this.storage.getItem(this.archiveKey());
    } catch (error) {
      return;
    }
    if (raw === null) return;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      data = null;
    }
    if (!Array.isArray(data)) {
      var aside = this.archiveKey() + ":unreadable:" + new Date().toISOString();
      try {
        this.storage.setItem(aside, raw);
        this.storage.removeItem(this.archiveKey());
      } catch (error) {
        aside = this.archiveKey();
      }
      this.say(fill(this.strings.storage_unreadable, { kind: this.kindWord(), key: aside }));
      return;
    }
    data.forEach(function (document) {
      if (self.isAnswersFile(document) && document.kind === self.block.kind &&
          document.id === self.block.id) {
        self.archive.push(self.sanitize(document).state);
      }
    });
  };

  Block.prototype.saveArchive = function () {
    if (!this.storage) return;
    var self = this;
    try {
      this.storage.setItem(this.archiveKey(),
        JSON.stringify(this.archive.map(function (state) { return self.document(state); })));
    } catch (error) {
      this.say(this.strings.storage_full);
    }
  };

  Block.prototype.renderArchive = function () {
    var holder = this.element.querySelector(".worksheets-saved");
    var list = holder.querySelector("ul"), self = this, s = this.strings;
    list.textContent = "";
    holder.hidden = this.archive.length === 0;
    this.archive.forEach(function (state, index) {
      var item = document.createElement("li");
      var name = state.label || s.unnamed;
      var text = document.createElement("span");
      text.textContent = name + " — " + self.summary(state.answers).lines.join(" · ");
      item.appendChild(text);
      [["open", s.open_assessment], ["delete", s.delete_assessment]].forEach(function (pair) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = pair[1];
        button.setAttribute("aria-label", pair[1] + " " + name);
        button.setAttribute("data-worksheets-action", pair[0]);
        button.setAttribute("data-worksheets-index", String(index));
        item.appendChild(document.createTextNode(" "));
        item.appendChild(button);
      });
      list.appendChild(item);
    });
  };

  Block.prototype.switchTo = function (next) {
    if (hasContent(this.state)) this.archive.unshift(this.state);
    this.state = next;
    this.clearNotice();
    this.save();
    this.saveArchive();
    this.apply();
    this.renderArchive();
  };

  Block.prototype.save = function () {
    this.state.updated = new Date().toISOString();
    if (!this.storage) return;
    try {
      this.storage.setItem(this.key, JSON.stringify(this.document()));
      this.saveFailed = false;
    } catch (error) {
      if (!this.saveFailed) this.say(this.strings.storage_full);
      this.saveFailed = true;
    }
  };

  /* ---- form <-> state ----------------------------------------------------- */

  Block.prototype.controls = function (id) {
    var name = this.block.id + ":" + id;
    var element = this.element;
    return {
      answer: element.querySelectorAll('input[name="' + name + '"]'),
      na: element.querySelector('input[name="' + name + ':na"]'),
      note: element.querySelector('textarea[name="' + name + ':note"]')
    };
  };

  Block.prototype.apply = function () {
    var self = this, block = this.block;
    Object.keys(this.entries).forEach(function (id) {
      var controls = self.controls(id), answer = self.state.answers[id];
      if (block.kind === "checklist") {
        var box = controls.answer[0];
        box.checked = answer === true;
        if (controls.na) controls.na.checked = answer === NA;
        box.disabled = answer === NA;
      } else {
        Array.prototype.forEach.call(controls.answer, function (radio) {
          radio.checked = answer !== undefined && radio.value === String(answer);
        });
      }
      var note = self.state.notes[id] || "";
      controls.note.value = note;
      self.showNote(controls.note, note);
    });
    if (this.labelInput) this.labelInput.value = this.state.label;
    this.showLabel();
    this.update();
  };

  Block.prototype.showLabel = function () {
    var line = this.element.querySelector(".worksheets-print-label");
    line.textContent = this.state.label ? this.strings.label_field + ": " + this.state.label : "";
  };

  Block.prototype.showNote = function (textarea, note) {
    var details = textarea.closest("details");
    details.classList.toggle("worksheets-has-note", note !== "");
    if (note !== "") details.open = true;
    details.querySelector(".worksheets-note-print").textContent = note;
  };

  Block.prototype.entryOf = function (control) {
    var holder = control.closest("[data-worksheets-item]");
    return holder ? holder.getAttribute("data-worksheets-item") : null;
  };

  Block.prototype.onChange = function (event) {
    var target = event.target, id = this.entryOf(target);
    if (target.type === "file") return;
    if (target === this.labelInput) {
      this.state.label = target.value;
      this.showLabel();
      this.save();
      return;
    }
    if (id === null || !this.entries[id]) return;
    if (target.tagName === "TEXTAREA") {
      if (target.value === "") delete this.state.notes[id];
      else this.state.notes[id] = target.value;
      this.showNote(target, target.value);
    } else if (this.block.kind === "checklist") {
      var controls = this.controls(id);
      if (target === controls.na) {
        controls.answer[0].disabled = target.checked;
        this.state.answers[id] = target.checked ? NA : controls.answer[0].checked;
      } else {
        this.state.answers[id] = target.checked;
      }
    } else if (target.type === "radio" && target.checked) {
      this.state.answers[id] = target.value === NA ? NA : parseInt(target.value, 10);
    }
    this.save();
    this.update();
  };

  /* ---- the live result ------------------------------------------------------ */

  Block.prototype.textsOf = function (ids) {
    var self = this;
    // "A.; B." reads badly: a list drops each text's closing full stop.
    return ids.map(function (id) { return self.entries[id].text.replace(/[.。]\s*$/, ""); })
      .join(this.strings.list_separator);
  };

  Block.prototype.summary = function (answers) {
    var s = this.strings, lines = [];
    if (this.block.kind === "checklist") {
      var progress = scoreChecklist(this.block, answers);
      lines.push(progress.progress === null ? s.progress_none
        : fill(s.progress, { percent: percent(s, progress.progress) }));
      lines.push(fill(s.progress_count, { checked: progress.checked, applicable: progress.applicable }));
      if (progress.openRequired.length) {
        lines.push(fill(s.open_required, { items: this.textsOf(progress.openRequired) }));
      } else if (this.block.sections.some(function (section) {
        return section.entries.some(function (entry) { return entry.required; });
      })) {
        lines.push(s.complete);
      }
      return { lines: lines };
    }
    var result = scoreWorksheet(this.block, answers);
    lines.push(result.score === null ? s.score_none
      : fill(s.score, { percent: percent(s, result.score) }));
    if (result.band) lines.push(fill(s.band, { band: result.band.label }));
    lines.push(fill(s.completion, { answered: result.answered, total: result.total }));
    if (result.failedCritical.length) {
      lines.push(fill(s.failed_critical, { criteria: this.textsOf(result.failedCritical) }));
    }
    return { lines: lines, result: result };
  };

  Block.prototype.update = function () {
    var summary = this.summary(this.state.answers), status = this.status;
    var current = Array.prototype.map.call(status.children, function (p) { return p.textContent; });
    // Rewrite the region only when its text changes, so screen readers announce changes only.
    if (current.join("\n") !== summary.lines.join("\n")) {
      status.textContent = "";
      summary.lines.forEach(function (line) {
        var paragraph = document.createElement("p");
        paragraph.className = "worksheets-result-line";
        paragraph.textContent = line;
        status.appendChild(paragraph);
      });
    }
    if (summary.result) {
      var strings = this.strings, scores = summary.result.sections;
      var list = this.element.querySelector(".worksheets-section-scores");
      var weighted = this.block.sections.length > 1;
      list.hidden = !weighted;
      Array.prototype.forEach.call(list.querySelectorAll("[data-worksheets-section]"), function (item) {
        var score = scores[item.getAttribute("data-worksheets-section")];
        item.querySelector(".worksheets-section-score").textContent =
          score === null || score === undefined ? "—" : percent(strings, score);
      });
    }
  };

  /* ---- export, import, reset, print ------------------------------------------- */

  function slug(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  Block.prototype.fileName = function (extension) {
    var parts = [this.block.id];
    if (slug(this.state.label)) parts.push(slug(this.state.label));
    parts.push(new Date().toISOString().slice(0, 10));
    return parts.join("-") + "." + extension;
  };

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    // A cell that starts like a formula is read as text by spreadsheets.
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\n\r;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  Block.prototype.csv = function () {
    var s = this.strings, block = this.block, state = this.state;
    var bounds = block.kind === "worksheet" ? scaleBounds(block) : null;
    var rows = [[s.csv_section, s.csv_item, s.csv_answer, s.csv_score, s.csv_note]];
    block.sections.forEach(function (section) {
      section.entries.forEach(function (entry) {
        var answer = state.answers[entry.id], shown = "", score = "";
        if (answer === NA) shown = s.not_applicable;
        else if (block.kind === "checklist" && answer !== undefined) {
          shown = answer ? s.answer_yes : s.answer_no;
          score = answer ? 1 : 0;
        } else if (block.kind === "worksheet" && answer !== undefined) {
          var point = block.scale.filter(function (p) { return p.value === answer; })[0];
          shown = answer + " " + point.label;
          score = normalize((answer - bounds.low) / (bounds.high - bounds.low));
        }
        rows.push([section.title, entry.text, shown, score, state.notes[entry.id] || ""]);
      });
    });
    return "\ufeff" + rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  };

  Block.prototype.importText = function (name, text) {
    var s = this.strings, data;
    this.clearNotice();
    try {
      data = JSON.parse(text);
    } catch (error) {
      this.say(fill(s.import_not_json, { file: name }));
      return;
    }
    if (!this.isAnswersFile(data)) {
      this.say(fill(s.import_not_answers, { file: name }));
      return;
    }
    if (data.kind !== this.block.kind || data.id !== this.block.id) {
      this.say(fill(s.import_wrong_block, {
        file: name, other: data.id, kind: this.kindWord(), id: this.block.id
      }));
      return;
    }
    // The answers on screen are not lost: they join the other assessments below.
    var result = this.sanitize(data);
    this.switchTo(result.state);
    this.say(fill(s.import_done, { count: Object.keys(result.state.answers).length, file: name }));
    if (result.dropped.length) {
      this.say(fill(s.import_dropped, {
        count: result.dropped.length, kind: this.kindWord(), ids: result.dropped.join(", ")
      }));
    }
  };

  Block.prototype.reset = function () {
    if (!root.confirm(fill(this.strings.reset_confirm, { title: this.block.title }))) return;
    this.state = this.emptyState();
    if (this.storage) {
      try { this.storage.removeItem(this.key); } catch (error) { /* nothing saved to remove */ }
    }
    this.clearNotice();
    this.apply();
    Array.prototype.forEach.call(this.element.querySelectorAll("details.worksheets-note"),
      function (details) { details.open = false; });
  };

  Block.prototype.onClick = function (event) {
    var button = event.target.closest("[data-worksheets-action]");
    if (!button) return;
    var action = button.getAttribute("data-worksheets-action");
    if (action === "export-json") {
      download(this.fileName("json"), "application/json",
        JSON.stringify(this.document(), null, 2) + "\n");
    } else if (action === "export-csv") {
      download(this.fileName("csv"), "text/csv;charset=utf-8", this.csv());
    } else if (action === "import") {
      this.element.querySelector("input[data-worksheets-import]").click();
    } else if (action === "reset") {
      this.reset();
    } else if (action === "print") {
      root.print();
    } else if (action === "new") {
      this.switchTo(this.emptyState());
      if (this.labelInput) this.labelInput.focus();
    } else if (action === "open" || action === "delete") {
      var index = parseInt(button.getAttribute("data-worksheets-index"), 10);
      var chosen = this.archive[index];
      if (!chosen) return;
      if (action === "open") {
        this.archive.splice(index, 1);
        this.switchTo(chosen);
      } else if (root.confirm(fill(this.strings.delete_confirm, {
        label: chosen.label || this.strings.unnamed
      }))) {
        this.archive.splice(index, 1);
        this.saveArchive();
        this.renderArchive();
      }
    }
  };

  Block.prototype.onFile = function (event) {
    var input = event.target, file = input.files && input.files[0], self = this;
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      self.importText(file.name, String(reader.result));
      input.value = "";
    };
    reader.readAsText(file);
  };

  Block.prototype.start = function () {
    var self = this;
    this.element.querySelector(".worksheets-toolbar").hidden = false;
    this.element.querySelector(".worksheets-noscript").hidden = true;
    this.load();
    this.loadArchive();
    this.apply();
    this.renderArchive();
    this.element.addEventListener("change", function (event) { self.onChange(event); });
    this.element.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA" || event.target === self.labelInput) self.onChange(event);
    });
    this.element.addEventListener("click", function (event) { self.onClick(event); });
    this.element.querySelector("input[data-worksheets-import]")
      .addEventListener("change", function (event) { self.onFile(event); });
  };

  /* Another tab changed the same answers: show them here too. */
  Block.prototype.onStorage = function (event) {
    if (event.key === this.archiveKey()) {
      this.loadArchive();
      this.renderArchive();
    }
    if (event.key !== this.key) return;
    this.state = this.emptyState();
    this.load();
    this.apply();
  };

  /* ---- start-up ------------------------------------------------------------- */

  var blocks = [];

  function init() {
    blocks = [];
    var elements = document.querySelectorAll("section.worksheets[data-worksheets-kind]");
    Array.prototype.forEach.call(elements, function (element) {
      if (element.getAttribute("data-worksheets-ready")) return;
      element.setAttribute("data-worksheets-ready", "true");
      try {
        var block = new Block(element);
        block.start();
        blocks.push(block);
      } catch (error) {
        // One broken block must not take the others or the page down.
        if (root.console) root.console.error("worksheets:", error);
      }
    });
  }

  root.addEventListener("storage", function (event) {
    blocks.forEach(function (block) { block.onStorage(event); });
  });
  root.addEventListener("beforeprint", function () {
    blocks.forEach(function (block) {
      Array.prototype.forEach.call(block.element.querySelectorAll("details.worksheets-note"),
        function (details) {
          details.setAttribute("data-worksheets-was-open", details.open ? "1" : "");
          if (details.classList.contains("worksheets-has-note")) details.open = true;
        });
    });
  });
  root.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-worksheets-was-open]"),
      function (details) {
        details.open = details.getAttribute("data-worksheets-was-open") === "1";
        details.removeAttribute("data-worksheets-was-open");
      });
  });

  // Material's instant navigation swaps the page without a load: document$ emits each time.
  if (root.document$ && typeof root.document$.subscribe === "function") {
    root.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})(typeof window !== "undefined" ? window : globalThis);
