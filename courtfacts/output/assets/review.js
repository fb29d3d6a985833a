/* courtfacts review page. Reads the run from the JSON element #courtfacts-data and builds
   the DOM for one document at a time. Document data only ever reaches the page through
   textContent, title and dataset (never innerHTML), so a document's markup is shown as text. */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("courtfacts-data").textContent);
  const DOCS = DATA.docs;
  const FIELDS = DATA.caseFields;
  const ROW = 46;
  const STORE = "courtfacts-review:" + DATA.runId;
  const CUSTODIAL = new Set(["custody", "suspended", "extended"]);
  const KIND_NAMES = {
    duration: "duration", date: "date", money: "money",
    offence_count: "offence count", sentence: "sentence", payment: "payment",
    offence: "offence", person: "person",
  };
  const FIELD_TYPES = {
    offender: "text", age: "int", offence_count: "int", sentence_kind: "kind",
    custodial_term: "duration", time_in_custody: "duration", payment_count: "int",
    payment_total: "money", offending_start: "date", offending_end: "date", sentence_date: "date",
    offences: "categories",
  };
  const HINTS = {
    int: "a whole number", duration: "ISO 8601, e.g. P4Y8M", date: "YYYY, YYYY-MM or YYYY-MM-DD",
    money: "amount and currency, e.g. 2000 GBP", kind: "", text: "",
    categories: "offence categories, comma-separated, e.g. child_sexual_online, child_sexual_images",
  };

  const state = {
    filtered: [], current: -1, mention: null, marks: new Map(), order: [],
    review: loadReview(), editing: null,
  };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function button(label, act, title) {
    const node = el("button", null, label);
    node.type = "button";
    if (act) node.dataset.act = act;
    if (title) node.title = title;
    return node;
  }
  function show(value) {
    if (value === undefined || value === null) return "\u2014";
    if (Array.isArray(value)) return value.length ? value.join(", ") : "\u2014";
    if (typeof value === "object") return value.amount + " " + value.currency;
    return String(value);
  }
  function message(text) {
    const box = $("message");
    box.textContent = text;
    box.hidden = !text;
  }

  // ------------------------------------------------------------------ review state

  function loadReview() {
    try { return JSON.parse(window.localStorage.getItem(STORE) || "{}") || {}; } catch (e) { return {}; }
  }
  function saveReview() {
    try { window.localStorage.setItem(STORE, JSON.stringify(state.review)); } catch (e) { /* private mode */ }
    updateReviewCount();
  }
  function rev(doc) {
    if (!state.review[doc.id]) {
      state.review[doc.id] = { fields: {}, dropped: {}, added: [], rejected: {}, done: false };
    }
    return state.review[doc.id];
  }
  function isReviewed(doc) {
    const r = state.review[doc.id];
    return !!r && (r.done || r.added.length > 0 || Object.keys(r.fields).length > 0 ||
      Object.keys(r.dropped).length > 0 || Object.keys(r.rejected).length > 0);
  }
  function updateReviewCount() {
    const n = DOCS.filter(function (doc) { return doc.gold && isReviewed(doc); }).length;
    $("review-count").textContent = n + (n === 1 ? " document" : " documents") + " reviewed";
  }

  // ------------------------------------------------------------------ per-document summaries

  function missingFields(doc) {
    const missing = new Set();
    const cases = doc.gold ? doc.gold.cases : [];
    if (doc.gold && cases.length === 0) missing.add("nocase");
    cases.forEach(function (c) {
      FIELDS.forEach(function (f) { if (!(f in c)) missing.add(f); });
      if (!c.offender || !c.sentence_kind || (CUSTODIAL.has(c.sentence_kind) && !c.custodial_term)) {
        missing.add("key");
      }
    });
    return missing;
  }
  DOCS.forEach(function (doc, index) {
    doc.index = index;
    doc.kindCounts = {};
    doc.rules = new Set();
    doc.byId = new Map();
    doc.mentions.forEach(function (m) {
      doc.kindCounts[m.kind] = (doc.kindCounts[m.kind] || 0) + 1;
      doc.rules.add(m.rule);
      doc.byId.set(m.id, m);
    });
    doc.missing = missingFields(doc);
    doc.haystack = (doc.id + " " + doc.source + " " + (doc.title || "")).toLowerCase();
  });

  // ------------------------------------------------------------------ filters and the list

  function fillSelect(select, options) {
    options.forEach(function (pair) {
      const option = el("option", null, pair[1]);
      option.value = pair[0];
      select.appendChild(option);
    });
  }
  function setupFilters() {
    const kinds = new Set(), rules = new Set();
    DOCS.forEach(function (doc) {
      Object.keys(doc.kindCounts).forEach(function (k) { kinds.add(k); });
      doc.rules.forEach(function (r) { rules.add(r); });
    });
    fillSelect($("f-kind"), [["", "any"]].concat(DATA.kinds.filter(function (k) { return kinds.has(k); })
      .map(function (k) { return [k, KIND_NAMES[k] || k]; })));
    fillSelect($("f-rule"), [["", "any"]].concat(Array.from(rules).sort().map(function (r) { return [r, r]; })));
    fillSelect($("f-status"), [["", "any"], ["ok", "ok"], ["error", "error"]]);
    fillSelect($("f-missing"), [["", "(no filter)"], ["key", "offender, kind or term"], ["nocase", "no case at all"]]
      .concat(FIELDS.map(function (f) { return [f, f]; })));
    fillSelect($("f-reviewed"), [["", "any"], ["yes", "reviewed"], ["no", "not reviewed"]]);
    ["f-kind", "f-rule", "f-status", "f-missing", "f-reviewed"].forEach(function (id) {
      $(id).addEventListener("change", function (event) {
        applyFilters();
        event.target.blur();  // so that j/k/n/p work at once instead of typing into the select
      });
    });
    let timer = null;
    $("f-search").addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(applyFilters, 120);
    });
  }
  function filterValues() {
    return {
      kind: $("f-kind").value, rule: $("f-rule").value, status: $("f-status").value,
      missing: $("f-missing").value, reviewed: $("f-reviewed").value,
      search: $("f-search").value.trim().toLowerCase(),
    };
  }
  function passes(doc, f) {
    if (f.kind && !doc.kindCounts[f.kind]) return false;
    if (f.rule && !doc.rules.has(f.rule)) return false;
    if (f.status && doc.status !== f.status) return false;
    if (f.missing && !doc.missing.has(f.missing)) return false;
    if (f.reviewed && (f.reviewed === "yes") !== isReviewed(doc)) return false;
    if (f.search && doc.haystack.indexOf(f.search) < 0) return false;
    return true;
  }
  function applyFilters() {
    const f = filterValues();
    state.filtered = [];
    for (let i = 0; i < DOCS.length; i++) if (passes(DOCS[i], f)) state.filtered.push(i);
    $("f-count").textContent = state.filtered.length + " of " + DOCS.length + " documents";
    $("doclist").scrollTop = 0;
    if (state.filtered.indexOf(state.current) < 0) {
      if (state.filtered.length) showDoc(state.filtered[0]); else showNothing();
    } else {
      state.order = mentionOrder(DOCS[state.current]);
      scrollListTo(state.filtered.indexOf(state.current));
    }
    renderList();
  }
  function renderList() {
    const box = $("doclist"), sizer = $("doclist-sizer");
    sizer.style.height = state.filtered.length * ROW + "px";
    const first = Math.max(0, Math.floor(box.scrollTop / ROW) - 5);
    const last = Math.min(state.filtered.length, Math.ceil((box.scrollTop + box.clientHeight) / ROW) + 5);
    const frag = document.createDocumentFragment();
    for (let pos = first; pos < last; pos++) frag.appendChild(listRow(pos));
    sizer.textContent = "";
    sizer.appendChild(frag);
  }
  function listRow(pos) {
    const doc = DOCS[state.filtered[pos]];
    const row = el("div", "row" + (doc.index === state.current ? " is-current" : ""));
    row.style.top = pos * ROW + "px";
    row.dataset.pos = String(pos);
    const head = el("div", "rid");
    head.appendChild(el("span", "dot" + (doc.status === "ok" ? "" : " error")));
    head.appendChild(document.createTextNode(doc.id));
    if (isReviewed(doc)) head.appendChild(el("span", "reviewed-tag", "\u2713"));
    row.title = doc.source;
    row.appendChild(head);
    const cases = doc.gold ? doc.gold.cases.length : 0;
    row.appendChild(el("div", "rsub", doc.status + " \u00b7 " + doc.mentions.length + " mentions \u00b7 " +
      cases + (cases === 1 ? " case" : " cases") + (doc.text === null && doc.status === "ok" ? " \u00b7 no text" : "")));
    return row;
  }
  function scrollListTo(pos) {
    if (pos < 0) return;
    const box = $("doclist");
    if (pos * ROW < box.scrollTop) box.scrollTop = pos * ROW;
    else if ((pos + 1) * ROW > box.scrollTop + box.clientHeight) box.scrollTop = (pos + 1) * ROW - box.clientHeight;
  }
  function stepDoc(delta) {
    if (!state.filtered.length) return;
    let pos = state.filtered.indexOf(state.current) + delta;
    pos = Math.max(0, Math.min(state.filtered.length - 1, pos));
    showDoc(state.filtered[pos]);
    scrollListTo(pos);
    renderList();
  }

  // ------------------------------------------------------------------ one document

  function showNothing() {
    state.current = -1;
    $("doc-title").textContent = "No document matches the filters";
    ["doc-meta", "doc-notes", "legend", "detail", "cases", "doctext", "mentionlist"].forEach(function (id) {
      $(id).textContent = "";
    });
  }
  function showDoc(index) {
    const doc = DOCS[index];
    state.current = index;
    state.mention = null;
    state.editing = null;
    $("doc-title").textContent = doc.id;
    $("doc-meta").textContent = [doc.source, doc.format, doc.date, doc.status,
      doc.mentions.length + " mentions", "gold file " + doc.name].filter(Boolean).join(" \u00b7 ");
    const notes = $("doc-notes");
    notes.textContent = "";
    if (doc.title) notes.appendChild(el("li", null, "title: " + doc.title));
    doc.errors.forEach(function (e) { notes.appendChild(el("li", "error", e)); });
    doc.notes.forEach(function (n) { notes.appendChild(el("li", "note", n)); });
    renderLegend(doc);
    renderDetail(null);
    renderCases(doc);
    renderText(doc);
    state.order = mentionOrder(doc);
    $("main").scrollTop = 0;
  }
  function renderLegend(doc) {
    const legend = $("legend");
    legend.textContent = "";
    DATA.kinds.forEach(function (k) {
      const n = doc.kindCounts[k] || 0;
      const chip = el("span", "chip k-" + k, (KIND_NAMES[k] || k) + " " + n);
      chip.title = n + " " + (KIND_NAMES[k] || k) + " mention(s)";
      legend.appendChild(chip);
    });
  }
  function renderText(doc) {
    const pre = $("doctext"), list = $("mentionlist");
    pre.textContent = "";
    list.textContent = "";
    state.marks = new Map();
    doc.mentions.forEach(function (m) { state.marks.set(m.id, []); });
    if (doc.text === null) {
      pre.hidden = true;
      $("text-heading").textContent = doc.mentions.length ? "Mentions (text not available)" : "No text";
      renderMentionList(doc, list);
      return;
    }
    pre.hidden = false;
    $("text-heading").textContent = "Text";
    pre.appendChild(highlighted(doc));
  }
  function highlighted(doc) {
    const text = doc.text;
    const spans = doc.mentions.filter(function (m) { return m.start < m.end && m.end <= text.length; });
    const bounds = new Set([0, text.length]);
    const starts = new Map();
    spans.forEach(function (m) {
      bounds.add(m.start);
      bounds.add(m.end);
      if (!starts.has(m.start)) starts.set(m.start, []);
      starts.get(m.start).push(m);
    });
    const points = Array.from(bounds).sort(function (a, b) { return a - b; });
    const frag = document.createDocumentFragment();
    let active = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], piece = text.slice(a, points[i + 1]);
      active = active.concat(starts.get(a) || []).filter(function (m) { return m.end > a; });
      if (!active.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      const covering = active.slice().sort(function (x, y) { return (x.end - x.start) - (y.end - y.start); });
      const mark = el("mark", "mention k-" + covering[0].kind + (covering.length > 1 ? " nested" : ""), piece);
      mark.dataset.mids = covering.map(function (m) { return m.id; }).join(" ");
      mark.title = covering.map(function (m) {
        return (KIND_NAMES[m.kind] || m.kind) + ": " + m.value + "  [" + m.rule + "]";
      }).join("\n");
      covering.forEach(function (m) { state.marks.get(m.id).push(mark); });
      frag.appendChild(mark);
    }
    return frag;
  }
  function renderMentionList(doc, list) {
    if (!doc.mentions.length) return;
    const table = el("table");
    const head = el("tr");
    ["kind", "text", "value", "rule", "offender", "sentence"].forEach(function (h) { head.appendChild(el("th", null, h)); });
    table.appendChild(head);
    doc.mentions.forEach(function (m) {
      const row = el("tr", "mention k-" + m.kind);
      row.dataset.mids = m.id;
      [KIND_NAMES[m.kind] || m.kind, m.text, m.value, m.rule, m.offender || "", m.sentence || ""].forEach(function (v) {
        row.appendChild(el("td", null, v));
      });
      state.marks.get(m.id).push(row);
      table.appendChild(row);
    });
    list.appendChild(table);
  }

  // ------------------------------------------------------------------ mentions and evidence

  function mentionOrder(doc) {
    const f = filterValues();
    return doc.mentions.filter(function (m) {
      return (!f.kind || m.kind === f.kind) && (!f.rule || m.rule === f.rule);
    }).sort(function (a, b) { return a.start - b.start || b.end - a.end; }).map(function (m) { return m.id; });
  }
  function clearClass(cls) {
    document.querySelectorAll("#main ." + cls).forEach(function (node) { node.classList.remove(cls); });
  }
  function selectMention(mid, scroll) {
    const doc = DOCS[state.current];
    clearClass("is-selected");
    clearClass("is-linked");
    state.mention = mid;
    const nodes = state.marks.get(mid) || [];
    nodes.forEach(function (node) { node.classList.add("is-selected"); });
    if (scroll && nodes.length) nodes[0].scrollIntoView({ block: "center" });
    linkedCells(doc, mid).forEach(function (cell) { cell.classList.add("is-linked"); });
    document.querySelectorAll("#cases tr.person").forEach(function (row) {
      if (row.dataset.mid === mid) row.classList.add("is-selected");
    });
    renderDetail(doc.byId.get(mid));
  }
  function linkedCells(doc, mid) {
    const cells = [];
    document.querySelectorAll("#cases td.value[data-field]:not([data-added])").forEach(function (cell) {
      const c = doc.cases[Number(cell.dataset.case)];
      const ids = c && c.evidence[cell.dataset.field];
      if (ids && ids.indexOf(mid) >= 0) cells.push(cell);
    });
    return cells;
  }
  function stepMention(delta) {
    if (state.current < 0 || !state.order.length) return;
    let at = state.order.indexOf(state.mention);
    at = at < 0 ? (delta > 0 ? 0 : state.order.length - 1) : (at + delta + state.order.length) % state.order.length;
    selectMention(state.order[at], true);
  }
  function showEvidence(caseIndex, field, cell) {
    const doc = DOCS[state.current];
    clearClass("is-evidence");
    clearClass("is-active");
    cell.classList.add("is-active");
    const ids = (doc.cases[caseIndex].evidence[field] || []).filter(function (id) { return state.marks.has(id); });
    if (!ids.length) {
      renderDetail(null, "No evidence is recorded for " + field + ": it was set without a mention (from metadata or a rule).");
      return;
    }
    ids.forEach(function (id) {
      state.marks.get(id).forEach(function (node) { node.classList.add("is-evidence"); });
    });
    const first = state.marks.get(ids[0])[0];
    if (first) first.scrollIntoView({ block: "center" });
    selectMention(ids[0], false);
    cell.classList.add("is-active");
  }
  function renderDetail(m, note) {
    const box = $("detail");
    box.textContent = "";
    if (!m) {
      box.appendChild(document.createTextNode(note || "Click a highlighted mention for its value and rule (n / p step through mentions; click a case value to jump to its evidence)."));
      return;
    }
    const doc = DOCS[state.current];
    box.appendChild(el("span", "chip k-" + m.kind, KIND_NAMES[m.kind] || m.kind));
    box.appendChild(document.createTextNode(" \u201c" + m.text + "\u201d \u2192 "));
    box.appendChild(el("span", "dv", m.value));
    const where = [m.page ? "page " + m.page : "", m.paragraph ? "para " + m.paragraph : ""].filter(Boolean).join(", ");
    box.appendChild(document.createTextNode("  rule " + m.rule + (m.offender ? " \u00b7 offender " + m.offender : "") +
      (where ? " \u00b7 " + where : "") + " \u00b7 " + m.id));
    if (m.list && doc.gold) {
      const rejected = !!(state.review[doc.id] && state.review[doc.id].rejected[m.id]);
      const toggle = button(rejected ? "Restore to gold lists" : "Wrong: leave out of gold lists", "reject-mention");
      toggle.dataset.mid = m.id;
      box.appendChild(toggle);
    }
  }

  // ------------------------------------------------------------------ cases and review

  function fieldReview(doc, key) {
    const r = state.review[doc.id];
    return r ? r.fields[key] : undefined;
  }
  function renderCases(doc) {
    const wrap = $("cases");
    wrap.textContent = "";
    const cases = doc.gold ? doc.gold.cases : [];
    wrap.appendChild(el("h3", null, "Cases (" + cases.length + " found)"));
    if (!doc.gold) {
      wrap.appendChild(el("p", "muted", "This document failed: there is nothing to review."));
      return;
    }
    const tools = el("div", "case-tools");
    tools.appendChild(button("Add missed case", "add-case"));
    const done = !!(state.review[doc.id] && state.review[doc.id].done);
    tools.appendChild(button(done ? "\u2713 Reviewed (undo)" : "Mark document reviewed", "done"));
    wrap.appendChild(tools);
    cases.forEach(function (c, i) { wrap.appendChild(caseTable(doc, i, c, false)); });
    const r = state.review[doc.id];
    (r ? r.added : []).forEach(function (c, j) { wrap.appendChild(caseTable(doc, j, c, true)); });
    renderPeople(doc, wrap);
    markRejected(doc);
  }
  function caseTable(doc, index, values, added) {
    const r = state.review[doc.id];
    const dropped = !added && !!(r && r.dropped[index]);
    const table = el("table", "case" + (added ? " is-added" : "") + (dropped ? " is-dropped" : ""));
    const caption = el("caption", null, (added ? "Added case " + (index + 1) : "Case " + (index + 1)) +
      (values.offender ? ": " + values.offender : ""));
    const toggle = added ? button("Remove", "remove-added") : button(dropped ? "Restore case" : "Not a case", "drop");
    toggle.dataset.case = String(index);
    caption.appendChild(toggle);
    table.appendChild(caption);
    const evidence = added ? {} : doc.cases[index].evidence;
    FIELDS.forEach(function (field) {
      table.appendChild(fieldRow(doc, index, field, values[field], evidence[field] || [], added));
    });
    if (!added) {
      const found = doc.cases[index];
      table.appendChild(takenFromRow(doc, found));
      table.appendChild(offencesRow(doc, found, FIELDS.indexOf("offences") >= 0));
      Object.keys(found.extra).forEach(function (name) {
        table.appendChild(extraRow(name, document.createTextNode(found.extra[name]), "extra"));
      });
      (found.warnings || []).forEach(function (w) {
        table.appendChild(extraRow("warning", document.createTextNode(w), "extra warning"));
      });
    }
    return table;
  }
  function extraRow(name, content, cls) {
    const row = el("tr", cls);
    row.appendChild(el("th", null, name));
    const cell = el("td");
    cell.colSpan = 3;
    cell.appendChild(content);
    row.appendChild(cell);
    return row;
  }
  function mentionLink(doc, mid, label) {
    const link = button(label, "show-mention", mid);
    link.className = "mlink";
    link.dataset.mid = mid;
    if (!doc.byId.has(mid)) link.disabled = true;
    return link;
  }
  function takenFromRow(doc, found) {
    const ids = found.evidence.offender || [];
    const box = el("span", "taken-from");
    if (!ids.length) box.appendChild(el("span", "muted", "no person mention: the name came from a rule or metadata"));
    ids.forEach(function (mid) {
      const m = doc.byId.get(mid);
      box.appendChild(mentionLink(doc, mid, m ? m.text + " \u00b7 " + m.rule : mid));
    });
    return extraRow("offender found as", box, "extra taken");
  }
  function offencesRow(doc, found, isField) {
    // With offences among the case fields the categories are in their field row; here,
    // the words behind each category.
    const box = el("span", "offences");
    const ids = found.evidence.offences || [];
    if (!isField) box.appendChild(document.createTextNode(found.offences.join(", ") + " "));
    if (!ids.length) box.appendChild(el("span", "muted", found.offences.length ? "no offence mention" : "none found"));
    ids.forEach(function (mid) {
      const m = doc.byId.get(mid);
      box.appendChild(mentionLink(doc, mid, m ? m.text : mid));
    });
    return extraRow(isField ? "offence mentions" : "offences", box, "extra offences");
  }
  function renderPeople(doc, wrap) {
    const people = doc.people || [];
    wrap.appendChild(el("h3", null, "People (" + people.length + " found)"));
    if (!people.length) { wrap.appendChild(el("p", "muted", "No person mention in this document.")); return; }
    const table = el("table", "people");
    const head = el("tr");
    ["name", "role", "age", "rule", "case"].forEach(function (h) { head.appendChild(el("th", null, h)); });
    table.appendChild(head);
    people.forEach(function (p) {
      const row = el("tr", "person role-" + p.role + (p.case === null ? "" : " is-offender"));
      row.dataset.mid = p.id;
      const cells = [p.name, p.role, p.age === null ? "" : p.age, p.rule,
        p.case === null ? "" : "case " + (p.case + 1)];
      cells.forEach(function (v) { row.appendChild(el("td", null, v)); });
      row.title = "click: show " + p.id + " in the text";
      table.appendChild(row);
    });
    wrap.appendChild(table);
  }
  function fieldRow(doc, index, field, value, ids, added) {
    const key = index + "." + field;
    const review = added ? undefined : fieldReview(doc, key);
    const row = el("tr", review ? "rv-" + review.status : "");
    row.appendChild(el("th", null, field));
    const shown = review && review.status === "edited" ? review.value : value;
    const cell = el("td", "value" + (ids.length ? " has-evidence" : ""), show(shown));
    cell.dataset.field = field;
    cell.dataset.case = String(index);
    if (added) cell.dataset.added = "1";
    if (review && review.status === "edited") cell.appendChild(el("span", "was", show(value)));
    row.appendChild(cell);
    row.appendChild(el("td", "ev", ids.length ? ids.join(" ") : "\u2013"));
    const acts = el("td", "acts");
    if (!added) {
      acts.appendChild(button("\u2713", "correct", "correct"));
      acts.appendChild(button("\u2717", "wrong", "wrong: left out of the gold case unless you edit it"));
    }
    acts.appendChild(button("\u270e", "edit", "edit the value"));
    row.appendChild(acts);
    return row;
  }
  function markRejected(doc) {
    const r = state.review[doc.id];
    if (!r) return;
    Object.keys(r.rejected).forEach(function (mid) {
      (state.marks.get(mid) || []).forEach(function (node) { node.classList.add("is-rejected"); });
    });
  }
  function rerenderCases(doc) {
    const scroll = $("main").scrollTop;
    renderCases(doc);
    $("main").scrollTop = scroll;
    renderList();
    saveReview();
  }
  function onCasesClick(event) {
    const doc = DOCS[state.current];
    const link = event.target.closest("[data-mid]");
    if (link && doc.byId.has(link.dataset.mid)) { selectMention(link.dataset.mid, true); return; }
    const act = event.target.closest("button[data-act]");
    if (act) { caseAction(doc, act); return; }
    const cell = event.target.closest("td.value[data-field]");
    if (cell && !cell.dataset.added && !cell.querySelector("input, select")) {
      showEvidence(Number(cell.dataset.case), cell.dataset.field, cell);
    }
  }
  function caseAction(doc, node) {
    const act = node.dataset.act, r = rev(doc);
    if (act === "add-case") { r.added.push({}); rerenderCases(doc); return; }
    if (act === "done") { r.done = !r.done; rerenderCases(doc); return; }
    if (act === "drop") {
      const i = node.dataset.case;
      if (r.dropped[i]) delete r.dropped[i]; else r.dropped[i] = true;
      rerenderCases(doc);
      return;
    }
    if (act === "remove-added") { r.added.splice(Number(node.dataset.case), 1); rerenderCases(doc); return; }
    const cell = node.closest("tr").querySelector("td.value");
    const key = cell.dataset.case + "." + cell.dataset.field;
    if (act === "edit") { startEdit(doc, cell); return; }
    const current = r.fields[key];
    if (current && current.status === act) delete r.fields[key]; else r.fields[key] = { status: act };
    rerenderCases(doc);
  }
  function startEdit(doc, cell) {
    const field = cell.dataset.field, type = FIELD_TYPES[field] || "text";
    const current = cell.firstChild ? cell.firstChild.textContent : "";
    cell.textContent = "";
    let input;
    if (type === "kind") {
      input = el("select", "edit-input");
      [""].concat(DATA.caseKinds).forEach(function (k) {
        const option = el("option", null, k || "(none: leave out)");
        option.value = k;
        input.appendChild(option);
      });
      input.value = DATA.caseKinds.indexOf(current) >= 0 ? current : "";
    } else {
      input = el("input", "edit-input");
      input.value = current === "\u2014" ? "" : current;
      input.placeholder = HINTS[type] || "";
      input.size = 22;
    }
    cell.appendChild(input);
    const save = button("Save", "save-edit");
    const cancel = button("Cancel", "cancel-edit");
    cell.appendChild(save);
    cell.appendChild(cancel);
    const error = el("span", "edit-error");
    cell.appendChild(error);
    function commit() {
      const parsed = parseValue(type, input.value);
      if (parsed.error) { error.textContent = parsed.error; return; }
      setValue(doc, cell, parsed.value);
    }
    save.addEventListener("click", function (e) { e.stopPropagation(); commit(); });
    cancel.addEventListener("click", function (e) { e.stopPropagation(); rerenderCases(doc); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); commit(); }
      if (e.key === "Escape") { e.preventDefault(); rerenderCases(doc); }
    });
    input.focus();
  }
  function setValue(doc, cell, value) {
    const r = rev(doc), field = cell.dataset.field, index = Number(cell.dataset.case);
    if (cell.dataset.added) {
      if (value === null) delete r.added[index][field]; else r.added[index][field] = value;
    } else {
      r.fields[index + "." + field] = { status: "edited", value: value };
    }
    rerenderCases(doc);
  }
  function parseValue(type, raw) {
    const text = raw.trim();
    if (text === "") return { value: null };
    if (type === "int") {
      return /^\d+$/.test(text) ? { value: parseInt(text, 10) } : { error: "expected " + HINTS.int };
    }
    if (type === "duration") {
      const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(text);
      if (!m || text === "P") return { error: "expected " + HINTS.duration };
      if (m[2] && Number(m[2]) >= 12) return { error: "months must be under 12: carry them into years" };
      return { value: text };
    }
    if (type === "date") {
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
      if (!m || (m[2] && (m[2] < "01" || m[2] > "12")) || (m[3] && (m[3] < "01" || m[3] > "31"))) {
        return { error: "expected " + HINTS.date };
      }
      return { value: text };
    }
    if (type === "money") {
      const m = /^(\d+(?:\.\d+)?)\s*([A-Za-z]{3})$/.exec(text.replace(/,/g, ""));
      if (!m) return { error: "expected " + HINTS.money };
      return { value: { amount: Number(m[1]), currency: m[2].toUpperCase() } };
    }
    if (type === "kind" && DATA.caseKinds.indexOf(text) < 0) return { error: "unknown sentence kind" };
    if (type === "categories") {
      const codes = text.split(/[\s,;]+/).filter(Boolean);
      const unknown = codes.filter(function (c) { return DATA.offenceCategories.indexOf(c) < 0; });
      if (unknown.length) return { error: "unknown offence category: " + unknown.join(", ") };
      return { value: Array.from(new Set(codes)).sort() };
    }
    return { value: text };
  }
  function onDetailClick(event) {
    const node = event.target.closest("button[data-act=reject-mention]");
    if (!node) return;
    const doc = DOCS[state.current], r = rev(doc), mid = node.dataset.mid;
    if (r.rejected[mid]) delete r.rejected[mid]; else r.rejected[mid] = true;
    (state.marks.get(mid) || []).forEach(function (n) { n.classList.toggle("is-rejected", !!r.rejected[mid]); });
    saveReview();
    renderList();
    renderDetail(doc.byId.get(mid));
  }

  // ------------------------------------------------------------------ corrections as gold files

  function ordered(values) {
    const out = {};
    // Fields the document does not state are left out, an empty list of offences too (GOLD_FORMAT).
    FIELDS.forEach(function (f) {
      const v = values[f];
      if (v !== undefined && v !== null && !(Array.isArray(v) && !v.length)) out[f] = v;
    });
    return out;
  }
  function goldFor(doc) {
    const r = rev(doc), gold = JSON.parse(JSON.stringify(doc.gold));
    const drop = {};
    let rejected = 0;
    Object.keys(r.rejected).forEach(function (mid) {
      const m = doc.byId.get(mid);
      if (!m || !m.list) return;
      (drop[m.list] = drop[m.list] || new Set()).add(m.item);
      rejected++;
    });
    Object.keys(drop).forEach(function (list) {
      gold[list] = gold[list].filter(function (_, i) { return !drop[list].has(i); });
    });
    const removed = [];
    const cases = [];
    doc.gold.cases.forEach(function (c, i) {
      if (r.dropped[i]) return;
      const values = Object.assign({}, c);
      FIELDS.forEach(function (f) {
        const fr = r.fields[i + "." + f];
        if (!fr) return;
        if (fr.status === "edited") values[f] = fr.value;
        else if (fr.status === "wrong" && f in values) { delete values[f]; removed.push("case " + (i + 1) + " " + f); }
      });
      cases.push(ordered(values));
    });
    r.added.forEach(function (c) { if (Object.keys(c).length) cases.push(ordered(c)); });
    gold.cases = cases;
    gold.notes = ["reviewed with courtfacts review on " + new Date().toISOString().slice(0, 10) +
      "; lists are the pipeline's mentions less " + rejected + " marked wrong (missed list items are not added)"];
    if (removed.length) gold.notes.push("marked wrong and left out: " + removed.join(", "));
    return gold;
  }
  function downloadCorrections() {
    const out = {};
    let n = 0;
    DOCS.forEach(function (doc) {
      if (doc.gold && isReviewed(doc)) { out[doc.name] = goldFor(doc); n++; }
    });
    if (!n) { message("Nothing reviewed yet: mark, edit or add a case first."); return; }
    const blob = new Blob([JSON.stringify(out, null, 1) + "\n"], { type: "application/json" });
    const link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = "corrections.json";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 2000);
    message("corrections.json: " + n + " gold file(s). Write them with: courtfacts review-apply corrections.json -o GOLD_DIR");
  }

  // ------------------------------------------------------------------ wiring

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const t = event.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    const keys = {
      j: function () { stepDoc(1); }, k: function () { stepDoc(-1); },
      n: function () { stepMention(1); }, p: function () { stepMention(-1); },
      "?": function () { $("help").hidden = !$("help").hidden; },
      Escape: function () { $("help").hidden = true; clearClass("is-selected"); clearClass("is-evidence"); clearClass("is-active"); clearClass("is-linked"); state.mention = null; renderDetail(null); },
    };
    if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
  }
  function showTab(stats) {
    $("statsview").hidden = !stats;
    $("docview").hidden = stats;
    $("btn-stats").classList.toggle("is-on", stats);
    $("btn-docs").classList.toggle("is-on", !stats);
  }
  function init() {
    $("run-label").textContent = DATA.run + " \u00b7 " + DOCS.length + " documents \u00b7 built " + DATA.generated;
    setupFilters();
    $("doclist").addEventListener("scroll", function () { window.requestAnimationFrame(renderList); });
    $("doclist-sizer").addEventListener("click", function (event) {
      const row = event.target.closest(".row");
      if (!row) return;
      showDoc(state.filtered[Number(row.dataset.pos)]);
      renderList();
    });
    $("doctext").addEventListener("click", function (event) {
      const mark = event.target.closest("mark.mention");
      if (mark) selectMention(mark.dataset.mids.split(" ")[0], false);
    });
    $("mentionlist").addEventListener("click", function (event) {
      const row = event.target.closest("tr.mention");
      if (row) selectMention(row.dataset.mids, false);
    });
    $("cases").addEventListener("click", onCasesClick);
    $("detail").addEventListener("click", onDetailClick);
    $("btn-download").addEventListener("click", downloadCorrections);
    $("btn-help").addEventListener("click", function () { $("help").hidden = !$("help").hidden; });
    $("btn-stats").addEventListener("click", function () { showTab(true); });
    $("btn-docs").addEventListener("click", function () { showTab(false); });
    window.addEventListener("resize", renderList);
    document.addEventListener("keydown", onKey);
    updateReviewCount();
    applyFilters();
    document.body.dataset.ready = "1";
  }
  init();
})();
