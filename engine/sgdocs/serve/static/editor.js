/* The document editor's page: a form made from the document's fields, a live preview beside it,
   findings placed at the fields they are about, saving (other people's changes combined) and
   downloads. Every word that comes from the document or the server is set as text, never as HTML:
   the only HTML put into the page is the server's sanitised Markdown preview, and the document's
   page goes into a sandboxed iframe. */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("config").textContent);
  const api = config.api;
  const byId = (id) => document.getElementById(id);
  const form = byId("form");
  const banner = byId("banner");
  const frame = byId("preview");
  const MISSING = Symbol("missing");
  const FORMAT_NAMES = { docx: "Word", pdf: "PDF", html: "Web page", xlsx: "Workbook", ics: "Calendar" };
  const STATUS_WORDS = { addressed: "Addressed", partly: "Partly addressed", placeholder: "Placeholder only",
    empty: "Empty", missing: "Missing", "not applicable": "Not applicable" };
  const LEVEL_WORDS = { must: "Must", should: "Should", checklist: "Checklist" };
  const HINTS = {
    date: "Write it as YYYY-MM-DD, or YYYY-MM, or YYYY for a month or year",
    markdown: "Formatting: `**bold**`, `*italic*`, `- list`, `[words](https://…)` for a link",
    inline: "Formatting: `**bold**`, `*italic*`, `[words](https://…)` for a link",
  };
  const ALT_HELP = "What the picture shows, in a sentence, for people who cannot see it: " +
    "this alt text is read out in place of the picture by screen readers.";
  const TEXTUAL = ["line", "inline", "markdown", "date", "yaml"];
  /** The controls that fit in a table's cell: a list of at most MOST_COLUMNS groups made only of
      these is shown as a table, a row to an entry, rather than as a card for each entry. */
  const ONE_LINE = ["line", "inline", "date", "integer", "number", "choice", "rating", "boolean", "reference"];
  const MOST_COLUMNS = 5;
  const CELL_SIZE = { line: 20, inline: 60, date: 8 }; // how much of a table's room to spare each box takes
  const FOCUSABLE = "input, select, textarea, button";
  const DOCUMENT_FILE = config.document.split("/").pop();
  const claimedIds = new Set();
  const state = { root: null, base: config.data, version: config.version, saved: null, dirty: false,
    saving: false, saveCount: 0, findings: [], marked: [], previewSent: 0, previewShown: 0, previewTimer: 0,
    noticedVersion: null, bannerKind: "", serverDown: false };

  /* ---------- Small helpers ---------- */

  function make(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "className") node.className = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    node.append(...children.flat(3).filter((child) => child !== undefined && child !== null && child !== false));
    return node;
  }

  const hidden = (text) => make("span", { className: "visually-hidden" }, text);
  const sentence = (text) => String(text || "").replace(/^[a-z]/, (c) => c.toUpperCase());
  const humanise = (key) => sentence(String(key).replace(/_/g, " "));
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const asText = (value) => (value === undefined || value === null ? "" : String(value));
  const say = (words) => { byId("status").textContent = words; };
  const choiceWords = (choice) => sentence(String(choice).replace(/-/g, " "));
  const hhmm = () => new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  const button = (props, ...words) => make("button", { type: "button", ...props }, words);

  /** Text with `backticked` parts as <code>, built as nodes rather than HTML. */
  function withCode(text) {
    const parts = String(text || "").split("`");
    if (parts.length % 2 === 0) parts.push(parts.pop() + "`" + parts.pop()); // an unmatched backtick
    return parts.map((part, i) => (i % 2 ? make("code", null, part) : part));
  }

  function deepEqual(a, b) {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || !a || !b || Array.isArray(a) !== Array.isArray(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }

  /** An id made from the field's place in the document: ["timetable", "entries", 1, "date"] is
      "f-timetable-entries-1-date". */
  function claimId(idPath) {
    const slug = (part) => String(part).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const base = "f-" + idPath.map(slug).filter(Boolean).join("-");
    let id = base;
    for (let n = 2; claimedIds.has(id) || byId(id); n += 1) id = `${base}-${n}`;
    claimedIds.add(id);
    return id;
  }

  /** Empties `container`, freeing its ids for the controls drawn in their place. */
  function clearOut(container) {
    container.querySelectorAll("[id]").forEach((element) => claimedIds.delete(element.id));
    container.replaceChildren();
  }

  /** An element's own descriptions, kept apart from the findings added to them later. */
  function describe(element, ids) {
    element.dataset.describedby = ids.join(" ");
    if (ids.length) element.setAttribute("aria-describedby", ids.join(" "));
  }

  function focusWithin(element, selector) {
    const target = element && element.querySelector(selector);
    if (target) target.focus();
  }

  /** A value in words for the conflict banner: lists as bullets, groups as "Name: value" lines. */
  function readable(value) {
    if (value === null || value === undefined) return "(nothing)";
    if (typeof value === "boolean") return value ? "Yes" : "No";
    if (Array.isArray(value)) return value.map((v) => "• " + readable(v).replace(/\n/g, "\n  ")).join("\n") || "(none)";
    if (isObject(value)) return Object.entries(value).map(([k, v]) => `${humanise(k)}: ${readable(v)}`).join("\n");
    return String(value);
  }

  /** A place in the document as the form's labels say it: "Timetable › Entries › entry 2 › Date". */
  function labelPath(path) {
    const words = [];
    let field = { fields: config.fields };
    for (const key of path) {
      if (typeof key === "number" || field.control === "pairs") {
        words.push(typeof key === "number" ? `entry ${key + 1}` : String(key));
        field = field.item || {};
      } else {
        const found = (field.fields || []).find((f) => f.name === key);
        words.push(found ? found.label : humanise(key));
        field = found || {};
      }
    }
    return words.join(" › ") || "The whole document";
  }

  /* ---------- Talking to the server ---------- */

  const jsonHeaders = () => ({ "Content-Type": "application/json", Accept: "application/json",
    "X-CSRF-Token": config.csrf });

  async function request(url, options) {
    try {
      const response = await fetch(url, { credentials: "same-origin", ...options });
      const json = (response.headers.get("Content-Type") || "").includes("json");
      const body = json ? await response.json().catch(() => ({})) : {};
      return { ok: response.ok, status: response.status, body: body || {}, response };
    } catch (error) {
      return { ok: false, status: 0, body: { error: "the editor's server could not be reached" }, response: null };
    }
  }

  const postJSON = (url, data) => request(url, { method: "POST", headers: jsonHeaders(), body: JSON.stringify(data) });

  /* ---------- The form's controls ----------
     Each control is a node: its field, its parent, key() (its key in the parent's value; list rows
     move), collect() (its value; undefined leaves the key out), `input` (the element findings are
     tied to), `after` (the element findings follow) and children(). */

  function build(field, value, parent, key, idPath, opts) {
    const node = { field, control: field.control, parent, key: typeof key === "function" ? key : () => key,
      children: () => [], collect: () => value, input: null, after: null, element: null };
    const builder = { group: buildGroup, list: buildList, pairs: buildPairs, picture: buildPicture }[field.control];
    (builder || buildLeaf)(node, claimId(idPath), value, { depth: 1, ...opts, idPath });
    return node;
  }

  function pathOf(node) {
    const path = [];
    for (let n = node; n && n.parent; n = n.parent) path.unshift(n.key());
    return path;
  }

  function labelWords(field, opts) {
    return [opts.label || field.label || "Entry", opts.hiddenLabel ? hidden(opts.hiddenLabel) : null,
      field.required ? make("span", { className: "required" }, " (required)") : null];
  }

  function helpParts(field, id, opts, hint) {
    const help = opts.help !== undefined ? opts.help : field.help;
    return [help && make("p", { className: "help", id: `${id}-help` }, withCode(help)),
      hint && make("p", { className: "hint", id: `${id}-hint` }, withCode(hint))].filter(Boolean);
  }

  /** One value in one control: a line or box of text, a date, a number, a tick box, a choice or a rating. */
  function buildLeaf(node, id, value, opts) {
    const field = node.field;
    let control = TEXTUAL.concat("integer", "number", "boolean", "choice", "reference", "rating")
      .includes(field.control) ? field.control : "yaml";
    if ((control === "integer" || control === "number") && asText(value).trim() && !Number.isFinite(Number(value))) {
      control = "line"; // words where a number belongs: kept as words, never lost
    }
    const made = (control === "boolean" ? checkbox : control === "rating" ? (opts.cell ? ratingSelect : ratingSet)
      : ["choice", "reference"].includes(control) ? dropdown : textBox)(control, id, value, field, opts);
    const textual = TEXTUAL.includes(control);
    if (field.required && control !== "boolean") made.input.setAttribute("aria-required", "true");
    if (opts.cell) { // in a table's cell: named by its column and row, described by the notes under the table
      made.input.setAttribute("aria-label", opts.cell);
      if (made.input.tagName === "INPUT" && made.input.type === "text") made.input.size = CELL_SIZE[control] || 10;
      describe(made.input, opts.notes || []);
      Object.assign(node, { control, element: made.input, input: made.input, after: made.input });
    } else {
      labelled(node, made, control, id, opts);
      Object.assign(node, { control, input: made.input, after: made.row || made.options || made.input });
    }
    const shown = made.read();
    node.collect = () => {
      const now = made.read();
      if (now === shown) return value === undefined && textual && field.required ? "" : value;
      if (!now.trim()) return opts.inArray ? made.blank : textual && field.required ? "" : undefined;
      return made.convert(now);
    };
  }

  /** A control with its label, help and hint above it (a tick box's label beside it). */
  function labelled(node, made, control, id, opts) {
    const field = node.field;
    const helps = helpParts(field, id, opts, opts.inArray ? null : HINTS[control]); // a list says it once, above its rows
    describe(made.input, helps.map((p) => p.id));
    if (control === "rating") {
      made.input.prepend(make("legend", null, labelWords(field, opts)));
      made.options.before(...helps);
      node.element = make("div", { className: "field field-rating" }, made.input);
    } else if (control === "boolean") {
      made.row.append(make("label", { for: id, className: "label" }, labelWords(field, opts)));
      node.element = make("div", { className: "field field-boolean" }, made.row, helps);
    } else {
      node.element = make("div", { className: `field field-${control}` },
        make("label", { for: id, className: "label" }, labelWords(field, opts)), helps, made.input);
      if (control === "markdown" || control === "inline") {
        node.element.append(...formattedPreview(made.input, control === "inline", opts.title || field.label));
      }
    }
  }

  function textBox(control, id, value) {
    const several = control === "markdown" || control === "yaml" || asText(value).includes("\n");
    const input = several ? make("textarea", { id, rows: 3, className: control === "yaml" ? "as-text" : null })
      : make("input", { id, type: ["integer", "number"].includes(control) ? "number" : "text", autocomplete: "off" });
    const number = input.type === "number";
    if (number) Object.assign(input, { step: control === "integer" ? "1" : "any" });
    if (control === "date") Object.assign(input, { placeholder: "YYYY-MM-DD", spellcheck: false });
    input.value = control === "yaml" && value !== undefined && value !== null && typeof value !== "string"
      ? JSON.stringify(value, null, 2) : asText(value);
    const convert = number ? Number : control !== "yaml" ? (text) => text : (text) => {
      try { return JSON.parse(text); } catch (error) { return text; } // not readable as data: kept as written
    };
    return { input, read: () => input.value, convert, blank: number ? null : "" };
  }

  function checkbox(control, id, value) {
    const input = make("input", { id, type: "checkbox" });
    input.checked = value === true;
    const row = make("div", { className: "check-row" }, input);
    return { input, row, read: () => (input.checked ? "yes" : "no"), convert: (text) => text === "yes", blank: false };
  }

  function dropdown(control, id, value, field) {
    const current = asText(value);
    const options = control === "reference"
      ? ((config.references || {})[field.kind] || []).map((r) => [r.path, r.title || r.path])
      : (field.choices || []).map((choice) => [choice, choiceWords(choice)]);
    if (current && !options.some(([v]) => v === current)) options.unshift([current, current]);
    if (!field.required || !current) options.unshift(["", ""]);
    const input = make("select", { id }, options.map(([v, words]) => make("option", { value: v }, words)));
    input.value = current;
    return { input, read: () => input.value, convert: (text) => text, blank: "" };
  }

  function ratingSet(control, id, value, field) {
    const current = asText(value);
    const choices = [["green", "Green"], ["amber", "Amber"], ["red", "Red"]];
    if (current && !choices.some(([v]) => v === current)) choices.push([current, current]);
    if (!field.required) choices.push(["", "Not rated"]);
    const options = make("div", { className: "rating-options" }, choices.map(([v, words]) => {
      const radio = make("input", { type: "radio", id: `${id}-${v || "not-rated"}`, name: id, value: v });
      radio.checked = v === current;
      return make("label", { for: radio.id, className: "rating-option" }, radio,
        make("span", { className: `swatch swatch-${v || "none"}`, "aria-hidden": "true" }), words);
    }));
    // A radiogroup (not a plain group) may be marked invalid when a finding says so.
    const input = make("fieldset", { className: "rating", id, role: "radiogroup" }, options);
    const read = () => { const on = input.querySelector("input:checked"); return on ? on.value : ""; };
    return { input, options, read, convert: (text) => text, blank: "" };
  }

  /** A rating in a table's cell: the words Green, Amber and Red in a drop-down, its colour beside them. */
  function ratingSelect(control, id, value, field) {
    const current = asText(value);
    const choices = [["green", "Green"], ["amber", "Amber"], ["red", "Red"]];
    if (current && !choices.some(([v]) => v === current)) choices.push([current, current]);
    if (!field.required || !current) choices.unshift(["", "Not rated"]);
    const input = make("select", { id, className: "rating-select" },
      choices.map(([v, words]) => make("option", { value: v }, words)));
    input.value = current;
    const mark = () => { input.dataset.rating = input.value || "none"; };
    input.addEventListener("change", mark);
    mark();
    return { input, read: () => input.value, convert: (text) => text, blank: "" };
  }

  /** The "Show formatted" or "Preview" button, and the box with the server's rendering. */
  function formattedPreview(input, inline, title) {
    const box = make("div", { className: "formatted", id: `${input.id}-formatted`, hidden: true });
    const toggle = button({ className: "small", "aria-pressed": "false", "aria-controls": box.id },
      inline ? "Show formatted" : "Preview", hidden(` of ${title}`));
    let timer = 0;
    toggle.addEventListener("click", () => {
      const on = toggle.getAttribute("aria-pressed") !== "true";
      toggle.setAttribute("aria-pressed", String(on));
      box.hidden = !on;
      if (on) renderMarkdown(input.value, inline, box);
    });
    input.addEventListener("input", () => {
      clearTimeout(timer);
      if (!box.hidden) timer = setTimeout(() => renderMarkdown(input.value, inline, box), 300);
    });
    return [make("div", { className: "tools" }, toggle), box];
  }

  async function renderMarkdown(text, inline, box) {
    const answer = await postJSON(api.markdown, { text, inline });
    if (answer.ok && answer.body.html) {
      box.innerHTML = answer.body.html; // sanitised by the server: the only HTML set in this page
      box.querySelectorAll("a").forEach((link) => Object.assign(link, { target: "_blank", rel: "noopener noreferrer" }));
    } else if (!text.trim()) {
      box.replaceChildren(make("p", { className: "muted" }, "Nothing to show yet."));
    } else {
      const problems = answer.body.problems || [answer.body.error || "it could not be shown"];
      box.replaceChildren(make("p", { className: "formatted-problem" }, "This cannot be shown yet: ",
        withCode(problems.join("; "))));
    }
  }

  /** A fieldset for a group, list, pairs or picture: legend and help, the rest added by the caller. */
  function fieldsetShell(node, id, opts, kind) {
    const helps = helpParts(node.field, id, opts, opts.hint);
    const legend = make("legend", null, labelWords(node.field, opts));
    const set = make("fieldset", { className: `${kind} depth-${Math.min(opts.depth, 3)}`, id }, legend, helps);
    describe(set, helps.map((p) => p.id));
    Object.assign(node, { element: set, input: set, after: helps[helps.length - 1] || legend });
    return set;
  }

  /** A group's or picture's value: keys the form has no field for are kept as they were. */
  function objectOf(original, fields, children) {
    const named = new Set(fields.map((f) => f.name));
    const out = {};
    if (isObject(original)) Object.keys(original).filter((k) => !named.has(k)).forEach((k) => { out[k] = original[k]; });
    for (const child of children) {
      const value = child.collect();
      if (value !== undefined) out[child.field.name] = value;
    }
    return out;
  }

  function buildGroup(node, id, value, opts) {
    if (opts.table) return buildTableRow(node, id, value, opts);
    const field = node.field;
    const body = make("div", { className: "group-fields" });
    fieldsetShell(node, id, opts, opts.card ? "group card" : "group").append(body);
    const optional = !field.required && !opts.inArray;
    const title = opts.title || field.label;
    let present = isObject(value) || !optional;
    let removed = false;
    let stash = null; // what Remove took away, so that Add brings it back
    let children = [];
    const fill = (data) => {
      clearOut(body);
      children = !present ? [] : field.fields.map((child) => build(child, isObject(data) ? data[child.name] : undefined,
        node, child.name, [...opts.idPath, child.name], { depth: opts.depth + 1, title: `${title} ${child.label.toLowerCase()}` }));
      body.append(...children.map((child) => child.element));
      if (!optional) return;
      body.append(present ? button({ className: "small quiet", onclick: () => setPresent(false) }, "Remove", hidden(` ${field.label}`))
        : button({ className: "small add", onclick: () => setPresent(true) }, `Add ${field.label}`));
    };
    const setPresent = (on) => {
      if (!on) stash = node.collect();
      [present, removed] = [on, !on];
      fill(on ? stash || (isObject(value) ? value : {}) : undefined);
      focusWithin(node.element, on ? FOCUSABLE : "button.add");
      changed(on ? `Added ${field.label}.` : `Removed ${field.label}. Choose “Add ${field.label}” to bring it back.`);
    };
    fill(value);
    node.children = () => children;
    node.collect = () => (present ? objectOf(value, field.fields, children) : removed ? undefined : value);
  }

  /** An entry of a list shown as a table: a row of cells, a control in each, and a row below for
      the findings about the entry as a whole (shown only when there are some). */
  function buildTableRow(node, id, value, opts) {
    const { table, rowName, index } = opts.table;
    const children = node.field.fields.map((child) => build(child, isObject(value) ? value[child.name] : undefined,
      node, child.name, [...opts.idPath, child.name],
      { depth: opts.depth + 1, cell: `${child.label}, ${rowName}`, notes: table.notes[child.name] }));
    const anchor = make("span", { hidden: true });
    node.element = make("tr", { id, className: "entry" },
      make("th", { scope: "row", className: "entry-number" }, hidden("Entry "), String(index + 1)),
      children.map((child) => make("td", { className: `cell cell-${child.control}` }, child.element)));
    node.extra = make("tr", { className: "entry-findings" },
      make("td", { colspan: children.length + 2 }, anchor));
    Object.assign(node, { input: node.element, after: anchor, children: () => children });
    node.collect = () => objectOf(value, node.field.fields, children);
  }

  /** Whether a list's entries are short enough to be rows of a table. */
  const tabular = (item) => item.control === "group" && Array.isArray(item.fields) && item.fields.length > 0 &&
    item.fields.length <= MOST_COLUMNS && item.fields.every((f) => ONE_LINE.includes(f.control));

  /** The table a list's entries are drawn in: a header naming each column (and saying which must be
      filled in), the columns' help as notes under it, and a box that scrolls sideways if it must. */
  function entriesTable(columns, title, idPath) {
    const notes = Object.fromEntries(columns.map((column) => [column.name, []])); // each column's notes' ids
    const ended = (text) => String(text).trim().replace(/[^.!?…:]$/, "$&.");
    const note = (key, about, words) => {
      const id = claimId([...idPath, "about", key]);
      about.forEach((column) => notes[column.name].push(id));
      const names = about.map((column) => column.label).join(", ").replace(/, ([^,]*)$/, " and $1");
      return make("li", { id }, make("span", { className: "column-name" }, `${names}: `), withCode(words));
    };
    // A hint shared by several columns (two dates, say) is said once, for them all.
    const hints = [...new Set(columns.map((column) => HINTS[column.control]).filter(Boolean))]
      .map((hint) => [hint, columns.filter((column) => HINTS[column.control] === hint)]);
    const own = (column) => hints.find(([, about]) => about.length === 1 && about[0] === column);
    const items = columns.map((column) => {
      const words = [column.help, (own(column) || [])[0]].filter(Boolean).map(ended).join(" ");
      return words ? note(column.name, [column], words) : null;
    }).concat(hints.filter(([, about]) => about.length > 1)
      .map(([hint, about]) => note(`${about[0].control} hint`, about, ended(hint)))).filter(Boolean);
    const heading = (column) => make("th", { scope: "col", className: `column-${column.control}` }, column.label,
      column.required ? make("span", { className: "required" }, " (required)") : null);
    const rows = make("tbody");
    const table = make("table", { className: "entries" }, make("caption", { className: "visually-hidden" }, title),
      make("thead", null, make("tr", null, make("th", { scope: "col", className: "entry-number" }, hidden("Entry")),
        columns.map(heading), make("th", { scope: "col", className: "entry-tools" }, hidden("Move or remove")))),
      rows);
    const scroller = make("div", { className: "entries-scroll" }, table);
    const frame = make("div", { className: "entries-frame" }, scroller);
    shadeEdges(frame, scroller, table);
    const box = make("div", { className: "entries-box" }, frame,
      items.length ? make("ul", { className: "column-notes" }, items) : null);
    return { rows, box, notes };
  }

  /** A shadow at the side of a table that has more to scroll to, so that no column goes unnoticed. */
  function shadeEdges(frame, scroller, table) {
    const shade = () => {
      const more = scroller.scrollWidth - scroller.clientWidth - scroller.scrollLeft;
      frame.classList.toggle("more-left", scroller.scrollLeft > 1);
      frame.classList.toggle("more-right", more > 1);
    };
    scroller.addEventListener("scroll", shade, { passive: true });
    const sized = new ResizeObserver(() => (scroller.isConnected ? shade() : sized.disconnect()));
    sized.observe(scroller);
    sized.observe(table);
  }

  function rowButton(words, rowName, action, disabled, onClick) {
    return button({ className: "small", "data-action": action, "aria-disabled": disabled ? "true" : null,
      onclick: () => { if (!disabled) onClick(); } }, words, hidden(` ${rowName}`));
  }

  /** Rows the user adds, removes and (in a list) moves. Each change draws the rows anew from their
      values, so that ids, labels and button names always say the rows' new places. */
  function rowsControl(node, id, opts, kind, drawRow, emptyRow, table) {
    const set = fieldsetShell(node, id, opts, table ? `${kind} as-table` : kind);
    const title = opts.title || node.field.label;
    const list = table ? table.rows : make("ol", { className: "rows" });
    const add = button({ className: "small add", onclick: () => {
      node.touched = true;
      const values = node.rowValues().concat([emptyRow()]);
      redraw(values);
      focusWithin(node.rows[node.rows.length - 1].li, FOCUSABLE);
      changed(`Added entry ${values.length} to ${title}.`);
    } }, "Add entry", hidden(` to ${title}`));
    set.append(table ? table.box : list, make("div", { className: "tools" }, add));
    const redraw = (values) => {
      clearOut(list);
      node.rows = values.map((value, index) => drawRow(value, index, { rowName: `entry ${index + 1} of ${title}`,
        rowTitle: `${title} entry ${index + 1}`, last: index === values.length - 1 }));
      list.append(...node.rows.flatMap((row) => [row.li, row.extra].filter(Boolean)));
      if (table) table.box.hidden = !values.length; // no table of no rows: "Add entry" starts one
    };
    node.title = title;
    node.children = () => node.rows;
    node.rowChange = (index, change, action) => {
      node.touched = true;
      const values = node.rowValues();
      const [row] = values.splice(index, 1);
      if (change === "remove") {
        redraw(values);
        const next = node.rows[Math.min(index, node.rows.length - 1)];
        if (next) focusWithin(next.li, "button[data-action=remove]"); else add.focus();
        return changed(`Removed entry ${index + 1} of ${title}.`);
      }
      values.splice(index + change, 0, row);
      redraw(values);
      focusWithin(node.rows[index + change].li, `button[data-action=${action}]`); // focus stays with the moved row
      changed(`Moved entry ${index + 1} of ${title} to place ${index + change + 1}.`);
    };
    return redraw;
  }

  function buildList(node, id, value, opts) {
    const item = node.field.item || { name: "", label: "", control: "yaml", fields: [] };
    const table = tabular(item) ? entriesTable(item.fields, opts.title || node.field.label, opts.idPath) : null;
    const card = !table && ["group", "picture"].includes(item.control);
    const redraw = rowsControl(node, id, { ...opts, hint: HINTS[item.control] }, "list", (rowValue, index, about) => {
      const row = build(item, rowValue, node, () => node.rows.indexOf(row), [...opts.idPath, index], { inArray: true,
        card, depth: opts.depth + 1, label: `Entry ${index + 1}`, hiddenLabel: ` of ${node.title}`, title: about.rowTitle,
        table: table && { table, rowName: about.rowName, index } });
      const tools = make("div", { className: "row-tools" },
        rowButton("Move up", about.rowName, "up", index === 0, () => node.rowChange(index, -1, "up")),
        rowButton("Move down", about.rowName, "down", about.last, () => node.rowChange(index, 1, "down")),
        rowButton("Remove", about.rowName, "remove", false, () => node.rowChange(index, "remove")));
      if (table) {
        row.element.append(make("td", { className: "entry-tools" }, tools));
        row.li = row.element; // the row of the table
      } else {
        if (card) row.element.append(tools);
        row.li = make("li", { className: card ? "row card-row" : "row" }, row.element, card ? null : tools);
      }
      return row;
    }, () => ({ group: {}, picture: {}, list: [], pairs: {}, boolean: false, integer: null, number: null })[item.control] ?? "",
    table);
    node.rowValues = () => node.rows.map((row) => { const v = row.collect(); return v === undefined ? null : v; });
    redraw(Array.isArray(value) ? value : []);
    node.collect = () => {
      if (!Array.isArray(value) && !node.touched) return value;
      const values = node.rowValues();
      return values.length || node.field.required || deepEqual(value, []) ? values : undefined;
    };
  }

  function buildPairs(node, id, value, opts) {
    const item = node.field.item || { name: "", label: "", control: "yaml", fields: [] };
    const redraw = rowsControl(node, id, opts, "pairs", ([name, rowValue], index, about) => {
      const nameInput = make("input", { id: claimId([...opts.idPath, index, "name"]), type: "text", autocomplete: "off" });
      nameInput.value = name;
      const row = build(item, rowValue, node, () => nameInput.value.trim(), [...opts.idPath, index, "value"],
        { inArray: true, depth: opts.depth + 1, label: "Details", hiddenLabel: ` of ${about.rowName}`,
          title: about.rowTitle });
      row.li = make("li", { className: "row pair" }, make("div", { className: "field field-line" },
        make("label", { for: nameInput.id, className: "label" }, "Name", hidden(` of ${about.rowName}`)), nameInput),
      row.element, make("div", { className: "row-tools" },
        rowButton("Remove", about.rowName, "remove", false, () => node.rowChange(index, "remove"))));
      return Object.assign(row, { nameInput });
    }, () => ["", ""]);
    node.rowValues = () => node.rows.map((row) => [row.nameInput.value, row.collect()]);
    redraw(isObject(value) ? Object.entries(value) : []);
    node.collect = () => {
      if (!isObject(value) && !node.touched) return value;
      const out = {};
      for (const [name, v] of node.rowValues()) {
        if (name.trim() || asText(v) !== "") out[name.trim()] = v === undefined ? null : v; // a blank row is dropped
      }
      return Object.keys(out).length || node.field.required || deepEqual(value, {}) ? out : undefined;
    };
  }

  function buildPicture(node, id, value, opts) {
    const field = node.field;
    const set = fieldsetShell(node, id, opts, opts.card ? "picture card" : "picture");
    let file = isObject(value) && typeof value.file === "string" ? value.file : "";
    const fileId = claimId([...opts.idPath, "file"]);
    const chosen = make("p", { className: "chosen", id: `${fileId}-chosen` });
    const input = make("input", { id: fileId, type: "file", accept: "image/png,image/jpeg" });
    describe(input, [chosen.id]);
    const showChosen = () => {
      chosen.textContent = file ? `Chosen: ${file}` : "No picture chosen yet.";
      forget.hidden = !file;
    };
    const forget = button({ className: "small quiet", onclick: () => {
      file = "";
      showChosen();
      input.focus();
      changed("The picture was taken away.");
    } }, "Remove picture", hidden(` from ${field.label}`));
    input.addEventListener("change", () => uploadPicture(input, (made) => { file = made; showChosen(); }));
    const fileNode = { field: { name: "file" }, parent: node, key: () => "file", children: () => [],
      collect: () => file || undefined, input, after: input };
    set.append(make("div", { className: "field field-file" }, make("label", { for: fileId, className: "label" },
      "Picture file", field.required ? " (required)" : null), input, chosen, forget));
    const others = (field.fields || []).filter((f) => f.name !== "file").map((f) => build(
      f.name === "alt" ? { ...f, label: "Alt text", required: true } : f, isObject(value) ? value[f.name] : undefined,
      node, f.name, [...opts.idPath, f.name], { depth: opts.depth + 1, help: f.name === "alt" ? ALT_HELP : undefined }));
    set.append(...others.map((child) => child.element));
    showChosen();
    node.children = () => [fileNode, ...others];
    node.collect = () => {
      const out = objectOf(value, field.fields || [], [fileNode, ...others]);
      return Object.values(out).some((v) => asText(v) !== "") || field.required || opts.inArray ? out : undefined;
    };
  }

  async function uploadPicture(input, done) {
    const chosen = input.files && input.files[0];
    if (!chosen) return;
    say(`Adding the picture ${chosen.name}…`);
    const body = new FormData();
    body.append("file", chosen);
    const answer = await request(api.picture, { method: "POST", headers: { "X-CSRF-Token": config.csrf }, body });
    input.value = "";
    if (!answer.ok || !answer.body.file) {
      say("The picture was not added.");
      return showProblem("The picture could not be added:", answer.body);
    }
    done(answer.body.file);
    changed(`Picture added: ${answer.body.file}.`);
  }

  /* ---------- The whole form ---------- */

  function buildForm(data) {
    claimedIds.clear();
    form.replaceChildren();
    const root = { parent: null, key: () => null, children: () => children };
    const children = config.fields.map((field) => build(field, isObject(data) ? data[field.name] : undefined,
      root, field.name, [field.name], { depth: 1 }));
    root.collect = () => objectOf(data, config.fields, children);
    state.root = root;
    form.append(make("section", { className: "whole", id: "whole-document", hidden: true, "aria-labelledby": "whole-title" },
      make("h2", { id: "whole-title", tabindex: "-1" }, "About the whole document")), ...children.map((c) => c.element));
    form.querySelectorAll("textarea").forEach(autoGrow);
    if (isObject(data) && typeof data.title === "string") showTitle(data.title);
  }

  const collectData = () => state.root.collect();

  function autoGrow(area) {
    if (!area.offsetParent) return; // not shown: measured when typed in
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight + 2}px`;
  }

  /** The form built anew from `data`, the focus and caret kept where they were. */
  function rebuild(data) {
    const active = form.contains(document.activeElement) ? document.activeElement : null;
    const caret = active && typeof active.selectionStart === "number" ? [active.selectionStart, active.selectionEnd] : null;
    const scroll = form.scrollTop;
    buildForm(data);
    form.scrollTop = scroll;
    const again = active && active.id && byId(active.id);
    if (again) again.focus({ preventScroll: true });
    if (again && caret) try { again.setSelectionRange(...caret); } catch (error) { /* not a box of text */ }
    placeFindings(state.findings);
  }

  /** Marks the form as differing (or not) from the file as last loaded or saved. `message`, when
      given, is said instead of "Unsaved changes": what was just done says more. */
  function changed(message) {
    const dirty = !deepEqual(collectData(), state.saved);
    if (message) say(message);
    else if (dirty !== state.dirty) say(dirty ? "Unsaved changes" : "No unsaved changes");
    state.dirty = dirty;
    clearTimeout(state.previewTimer);
    state.previewTimer = setTimeout(refreshPreview, 300);
  }

  function onEdit(event) {
    if (event.target.type === "file") return; // uploaded at once; changed() follows the upload
    if (event.target.tagName === "TEXTAREA") autoGrow(event.target);
    if (event.target.id === "f-title") showTitle(event.target.value);
    changed();
  }

  function showTitle(title) {
    const text = [...byId("doc-title").childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
    const shown = title.trim() || "Untitled document";
    if (text) text.textContent = `${shown} `;
    document.title = `${shown} – sgdocs`;
  }

  /* ---------- Preview, findings and the Check tab ---------- */

  async function refreshPreview() {
    const sent = ++state.previewSent;
    const answer = await postJSON(api.preview, { data: collectData() });
    if (answer.ok && answer.body.superseded) return; // a later one was sent while it waited
    if (sent <= state.previewShown) return; // a later answer is shown already
    state.previewShown = sent;
    const note = byId("preview-note");
    note.hidden = answer.ok && Boolean(answer.body.html);
    if (!answer.ok) return void (note.textContent = `The preview could not be made: ${answer.body.error || "no answer"}.`);
    note.textContent = frame.hidden ? "There is no page to show for this document yet."
      : "The preview shows the last version that could be made.";
    if (answer.body.html) showPage(answer.body.html);
    state.findings = answer.body.findings || [];
    placeFindings(state.findings);
    showCheck(state.findings, answer.body.requirements || [], Boolean(answer.body.html));
  }

  /** Shows the page at the place it was scrolled to. The frame runs no script (its sandbox
      allows only same-origin reading, by this page), so its window can be read. */
  function showPage(html) {
    const scrolled = (to) => {
      try { return to ? frame.contentWindow.scrollTo(...to) : [frame.contentWindow.scrollX, frame.contentWindow.scrollY]; }
      catch (error) { return null; } // sandboxed: its window cannot be read
    };
    const scroll = scrolled();
    if (scroll && (scroll[0] || scroll[1])) frame.addEventListener("load", () => scrolled(scroll), { once: true });
    frame.hidden = false;
    frame.srcdoc = html;
  }

  function indexNodes() {
    const index = new Map();
    const walk = (node) => {
      index.set(JSON.stringify(pathOf(node).map(String)), node);
      node.children().forEach(walk);
    };
    state.root.children().forEach(walk);
    return index;
  }

  /** The control for the longest start of `path` that has one. */
  function nodeFor(index, path) {
    for (let length = (path || []).length; length > 0; length -= 1) {
      const node = index.get(JSON.stringify(path.slice(0, length).map(String)));
      if (node) return node;
    }
    return null;
  }

  function findingWords(finding) {
    const elsewhere = finding.file && finding.file !== DOCUMENT_FILE ? `In ${finding.file}: ` : "";
    return [make("strong", null, finding.severity === "error" ? "Problem: " : "Check: "), elsewhere,
      withCode(sentence(finding.message)),
      finding.hint ? [make("br"), make("span", { className: "what-to-do" }, "What to do: ", withCode(finding.hint))] : null];
  }

  function placeFindings(findings) {
    form.querySelectorAll(".finding").forEach((p) => p.remove());
    for (const element of state.marked) {
      element.removeAttribute("aria-invalid");
      if (element.dataset.describedby) element.setAttribute("aria-describedby", element.dataset.describedby);
      else element.removeAttribute("aria-describedby");
    }
    state.marked = [];
    const index = indexNodes();
    const whole = byId("whole-document");
    const lastPlaced = new Map();
    findings.forEach((finding, i) => {
      const severity = finding.severity === "error" ? "error" : "warning";
      const p = make("p", { className: `finding ${severity}`, id: `finding-${i + 1}` }, findingWords(finding));
      const node = nodeFor(index, finding.path);
      if (!node) return void whole.append(p);
      (lastPlaced.get(node) || node.after).after(p);
      lastPlaced.set(node, p);
      const input = node.input;
      if (severity === "error" && input.matches("input, select, textarea, [role=radiogroup]")) {
        input.setAttribute("aria-invalid", "true");
      }
      input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), p.id].filter(Boolean).join(" "));
      state.marked.push(input);
    });
    whole.hidden = !whole.querySelector(".finding");
  }

  function focusFinding(finding) {
    const node = nodeFor(indexNodes(), finding.path);
    const input = node && node.input;
    const target = !node ? byId("whole-title")
      : input.matches(FOCUSABLE) ? input : input.querySelector(`input:checked, ${FOCUSABLE}`) || input;
    if (!target.matches(FOCUSABLE)) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }

  function showCheck(findings, requirements, made) {
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.length - errors;
    const counts = [errors && `${errors} problem${errors === 1 ? "" : "s"}`, warnings && `${warnings} to check`];
    byId("check-count").textContent = `(${counts.filter(Boolean).join(", ") || "all clear"})`;
    byId("findings").replaceChildren(make("h2", null, "Problems and checks"), findings.length
      ? make("ul", { className: "finding-list" }, findings.map((finding) => make("li", null, button({
        className: `finding-link ${finding.severity === "error" ? "error" : "warning"}`,
        onclick: () => focusFinding(finding) },
      make("span", { className: "where" }, labelPath(finding.path || [])), findingWords(finding)))))
      : make("p", null, "Nothing to put right."));
    byId("requirements").replaceChildren(make("h2", null, "Statutory requirements"), ...(made || requirements.length
      ? requirementsTable(requirements) : [make("p", null, "They are weighed once the problems above are put right.")]));
  }

  function requirementsTable(requirements) {
    if (!requirements.length) return [make("p", null, "There are no statutory requirements for this kind of document.")];
    const detail = (words, text) => text && make("span", { className: "detail" }, words, withCode(text));
    const rows = requirements.map((r) => make("tr", null,
      make("td", null, withCode(r.summary), detail("Section: ", r.section),
        detail("Not yet said: ", (r.not_yet || []).join("; "))),
      make("td", null, LEVEL_WORDS[r.level] || sentence(r.level)),
      make("td", { className: `state state-${String(r.status).replace(/\s+/g, "-")}` },
        STATUS_WORDS[r.status] || sentence(r.status)),
      make("td", null, r.reference)));
    return [make("p", { className: "help" },
      "This shows what the document says on each requirement, not whether it is good enough."),
      make("table", { className: "requirements" }, make("thead", null, make("tr", null,
        ["Requirement", "Level", "Status", "Guidance"].map((words) => make("th", { scope: "col" }, words)))),
      make("tbody", null, rows))];
  }

  /* ---------- The banner ---------- */

  function showBanner(kind, ...content) {
    state.bannerKind = kind;
    banner.className = `banner banner-${kind}`;
    banner.replaceChildren(make("div", { className: "banner-body" }, content),
      button({ className: "small quiet dismiss", onclick: () => hideBanner() }, "Dismiss", hidden(" this message")));
    banner.hidden = false;
  }

  function hideBanner(...kinds) {
    if (kinds.length && !kinds.includes(state.bannerKind)) return;
    banner.hidden = true;
    banner.replaceChildren();
    state.bannerKind = "";
  }

  function showProblem(title, body, reassurance) {
    const findings = body.findings || [];
    showBanner("problem", findings.length
      ? [make("p", { className: "banner-title" }, title),
        make("ul", null, findings.map((f) => make("li", null, findingWords(f))))]
      : make("p", { className: "banner-title" },
        `${title} ${sentence(body.error || "something went wrong on the editor's server")}.`),
    reassurance && make("p", null, reassurance));
  }

  /* ---------- Saving, and other people's changes ---------- */

  async function save(payload) {
    if (state.saving) return;
    state.saving = true;
    state.saveCount += 1;
    const formAtSend = collectData();
    const sent = payload || { data: formAtSend, base: state.base, version: state.version };
    say("Saving…");
    const answer = await postJSON(api.save, sent);
    state.saving = false;
    if (answer.ok) return saved(answer.body, sent, formAtSend);
    if (answer.status === 409 && Array.isArray(answer.body.conflicts)) {
      say("Not saved yet: someone else changed this document.");
      return showConflicts(answer.body);
    }
    say("Not saved.");
    showProblem("The document was not saved:", answer.body, "Your changes are still here.");
  }

  function saved(body, sent, formAtSend) {
    if (deepEqual(collectData(), formAtSend)) {
      state.base = body.data;
      state.version = body.version;
      if (!deepEqual(body.data, formAtSend)) rebuild(body.data); // the file now holds others' changes too
      state.saved = collectData();
    } else if (deepEqual(body.data, sent.data)) { // typed while saving: what was sent is what was saved
      [state.base, state.version, state.saved] = [body.data, body.version, sent.data];
    } else {
      // Typed while a combining save was under way: keep the old base and version, so that the
      // next save combines these edits with the file as it is now.
      state.base = sent.data;
      state.noticedVersion = body.version;
    }
    state.dirty = false;
    changed(`Saved at ${hhmm()}`);
    hideBanner("conflict", "outside", "problem");
  }

  /** `mine` and `theirs`, both edits of `base`, combined field by field as the server does. */
  function combine(base, mine, theirs) {
    if (deepEqual(mine, theirs) || deepEqual(mine, base)) return theirs;
    if (deepEqual(theirs, base)) return mine;
    const get = (o, k) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : MISSING);
    if ([base, mine, theirs].every(isObject)) {
      const out = {};
      for (const key of [...Object.keys(mine), ...Object.keys(theirs).filter((k) => !(k in mine))]) {
        const value = combine(get(base, key), get(mine, key), get(theirs, key));
        if (value !== MISSING) out[key] = value;
      }
      return out;
    }
    const lists = [base, mine, theirs].every(Array.isArray) && base.length === mine.length && mine.length === theirs.length;
    return lists ? base.map((b, i) => combine(b, mine[i], theirs[i])) : theirs;
  }

  function valueAt(data, path) {
    return path.reduce((value, key) =>
      (value !== null && typeof value === "object" && key in value ? value[key] : MISSING), data);
  }

  function setValueAt(data, path, value) {
    const holder = path.slice(0, -1).reduce((at, key) => {
      if (at[key] === null || typeof at[key] !== "object") at[key] = {};
      return at[key];
    }, data);
    if (value === MISSING) delete holder[path[path.length - 1]]; else holder[path[path.length - 1]] = value;
  }

  function showConflicts(answer) {
    const choices = new Map();
    const items = answer.conflicts.map((conflict, i) => {
      const where = labelPath(conflict.path);
      const side = (who, value) => make("div", null, make("span", { className: "who" }, who),
        make("div", { className: "value" }, readable(value)));
      const choice = (chosen, words) => button({ className: "small choice", "aria-pressed": "false", "data-side": chosen,
        onclick: (event) => {
          choices.set(i, chosen);
          event.currentTarget.parentElement.querySelectorAll("button")
            .forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.side === chosen)));
        } }, words, hidden(` for ${where}`));
      return make("li", { className: "conflict" }, make("p", { className: "conflict-where" }, where),
        make("div", { className: "versions" }, side("Yours", conflict.mine), side("Theirs", conflict.theirs)),
        make("div", { className: "choices" }, choice("mine", "Keep mine"), choice("theirs", "Use theirs")));
    });
    const resolve = () => {
      const undecided = answer.conflicts.findIndex((c, i) => !choices.has(i));
      if (undecided >= 0) {
        say("Choose “Keep mine” or “Use theirs” for each change first.");
        return focusWithin(banner.querySelectorAll("li.conflict")[undecided], "button");
      }
      const mine = collectData();
      const data = structuredClone(combine(state.base, mine, answer.theirs));
      answer.conflicts.forEach((c, i) =>
        setValueAt(data, c.path, valueAt(choices.get(i) === "mine" ? mine : answer.theirs, c.path)));
      save({ data, base: answer.theirs, version: answer.version });
    };
    showBanner("conflict", make("p", { className: "banner-title", id: "banner-title", tabindex: "-1" },
      "Someone else changed this document while you were editing it."),
    make("p", null, "For each change, choose which to keep, then save."),
    make("ul", { className: "conflicts" }, items), button({ className: "primary", onclick: resolve }, "Save"));
    byId("banner-title").focus();
  }

  async function poll() {
    if (state.saving || document.hidden) return;
    const count = state.saveCount;
    const answer = await request(api.state, { headers: { Accept: "application/json" } });
    if (state.saving || count !== state.saveCount) return; // a save has answered since: its version is newer
    if (answer.status === 0 && !state.serverDown) {
      state.serverDown = true;
      showBanner("offline", make("p", { className: "banner-title" }, "The editor's server is not answering. " +
        "Keep this page open: your changes are here, and you can save when it is back."));
    }
    if (!answer.ok) return;
    if (state.serverDown) {
      state.serverDown = false;
      hideBanner("offline");
      say("The editor's server is answering again.");
    }
    const { version, data } = answer.body;
    if (!version || version === state.version) return;
    if (!state.dirty) {
      [state.base, state.version] = [data, version];
      rebuild(data);
      state.saved = collectData();
      hideBanner("outside");
      changed("Reloaded: the file was changed outside this page");
    } else if (state.noticedVersion !== version && state.bannerKind !== "conflict") {
      state.noticedVersion = version;
      showBanner("outside", make("p", { className: "banner-title" },
        "The file was changed outside this page. Saving will combine your changes with theirs."));
    }
  }

  /* ---------- Downloads ---------- */

  function setUpDownloads() {
    const formats = config.formats || [];
    if (!formats.length) return;
    const holder = byId("downloads");
    holder.setAttribute("role", "group");
    holder.setAttribute("aria-labelledby", "downloads-label");
    holder.replaceChildren(make("span", { id: "downloads-label", className: "downloads-label" }, "Download:"),
      ...formats.map((format) => button({ className: "download", "data-format": format,
        onclick: (event) => download(format, event.currentTarget) }, FORMAT_NAMES[format] || format.toUpperCase())));
  }

  function fileNameFrom(disposition, fallback) {
    const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition || "");
    if (encoded) try { return decodeURIComponent(encoded[1].trim()); } catch (error) { /* the plain name follows */ }
    const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition || "");
    return plain ? plain[1].trim() : fallback;
  }

  async function download(format, clicked) {
    if (clicked.getAttribute("aria-disabled") === "true") return; // being made already
    const name = FORMAT_NAMES[format] || format.toUpperCase();
    clicked.setAttribute("aria-disabled", "true");
    say(`Making the ${name} file…`);
    const answer = await request(`${api.build}?format=${encodeURIComponent(format)}`,
      { method: "POST", headers: jsonHeaders(), body: "{}" });
    clicked.removeAttribute("aria-disabled");
    if (!answer.ok || !answer.response) {
      say(`The ${name} file could not be made.`);
      return showProblem(`The ${name} file could not be made:`, answer.body);
    }
    const fileName = fileNameFrom(answer.response.headers.get("Content-Disposition"), `document.${format}`);
    const link = make("a", { href: URL.createObjectURL(await answer.response.blob()), download: fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    say(`The ${name} file is ready: ${fileName}.` +
      (state.dirty ? " It was made from the saved file, without your unsaved changes." : ""));
  }

  /* ---------- Tabs (the WAI-ARIA tabs pattern) and starting ---------- */

  function setUpTabs() {
    const tabs = [...document.querySelectorAll('.side [role="tab"]')];
    const select = (tab) => tabs.forEach((t) => {
      t.setAttribute("aria-selected", String(t === tab));
      t.tabIndex = t === tab ? 0 : -1;
      byId(t.getAttribute("aria-controls")).hidden = t !== tab;
    });
    tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => select(tab));
      tab.addEventListener("keydown", (event) => {
        const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (to === undefined) return;
        event.preventDefault();
        const next = tabs[(to + tabs.length) % tabs.length];
        select(next);
        next.focus();
      });
    });
    byId("panel-check").tabIndex = 0; // it scrolls, so it must be reachable from the keyboard
  }

  function start() {
    byId("panel-preview").prepend(make("p", { className: "preview-note", id: "preview-note", hidden: true }));
    frame.hidden = true; // until there is a page to show
    buildForm(config.data);
    state.saved = collectData();
    setUpTabs();
    setUpDownloads();
    form.addEventListener("input", onEdit);
    form.addEventListener("change", onEdit);
    form.addEventListener("submit", (event) => event.preventDefault()); // Enter in a box must not reload the page
    byId("save").addEventListener("click", () => save());
    byId("save").setAttribute("aria-keyshortcuts", "Control+S Meta+S");
    document.addEventListener("keydown", (event) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      save();
    });
    window.addEventListener("beforeunload", (event) => {
      if (!state.dirty) return;
      event.preventDefault();
      event.returnValue = "";
    });
    window.addEventListener("resize", () => form.querySelectorAll("textarea").forEach(autoGrow));
    refreshPreview();
    setInterval(poll, 3000);
  }

  start();
})();
