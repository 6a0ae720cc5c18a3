// Rendering for the chat page. Every piece of account, customer or model text goes in with
// textContent, never innerHTML. Loaded first; chat.js holds the state and talks to the API.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function button(text, onClick, cls) {
  const b = el("button", text, cls);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

const fmt = (n, digits = 2) => (n === null || n === undefined ? "—"
  : Number(n).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const words = (s) => String(s || "").replaceAll("_", " ");

function facts(dl, rows) {
  dl.replaceChildren();
  for (const [label, value] of rows) {
    if (value === null || value === undefined || value === "") continue;
    dl.append(el("dt", label), el("dd", value));
  }
}

function parseEvent(raw) {
  let event = "message";
  const data = [];
  for (const line of raw.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  return { event, data: data.length ? JSON.parse(data.join("\n")) : null };
}

// --- the account and the case --------------------------------------------------------------------

function renderAccount(a) {
  if (!a) { $("account-summary").replaceChildren(); return; }
  const acc = a.account, f = a.figures, cur = acc.currency || "";
  $("acct-name").textContent = a.name;
  facts($("account-summary"), [
    ["Segment", words(a.segment)], ["Contact", acc.contact && acc.contact.name],
    ["MRR", `${fmt(acc.mrr)} ${cur}`], ["List MRR", `${fmt(acc.list_mrr)} ${cur}`],
    ["Discount", `${fmt(f.discount_pct, 1)}%`], ["ARR", `${fmt(f.arr)} ${cur}`],
    ["Agreement", `${acc.contract.agreement_type}, month ${f.months_in + 1} of ${acc.contract.term_months}`],
    ["Ends", f.end_date], ["Seats", acc.seats],
    ["Services", (acc.services || []).map((s) => s.name).join(", ")], ["Hardship", acc.hardship],
  ]);
}

function turnItem(t) {
  const li = el("li", null, t.role);
  li.dataset.turnId = t.id;
  li.append(el("span", t.role === "customer" ? "Customer" : "You", "who"), el("span", t.text));
  return li;
}

// A 30-day bar: each cadence step's window, coloured by status, and a marker for today.
function renderTimeline(cadence) {
  const days = 30;
  const bar = el("div", null, "tl-bar");
  for (const s of cadence.steps) {
    const seg = el("span", null, `tl-step ${s.status}`);
    const first = Math.max(1, s.first_day), last = Math.min(days, Math.max(first, s.last_day));
    seg.style.left = `${((first - 1) / days) * 100}%`;
    seg.style.width = `${(Math.max(1, last - first + 1) / days) * 100}%`;
    seg.title = `Days ${s.first_day}–${s.last_day}: ${s.action} (${words(s.status)})`;
    bar.append(seg);
  }
  const mark = el("span", null, "tl-today");
  mark.style.left = `${(Math.min(days, Math.max(1, cadence.day)) - 0.5) / days * 100}%`;
  mark.title = `Today: day ${cadence.day}`;
  bar.append(mark);
  const scale = el("div", null, "tl-scale");
  scale.append(el("span", "day 1"), el("span", `day ${cadence.day} · ${cadence.days_left} left`), el("span", "30"));
  $("timeline").replaceChildren(bar, scale);
  const open = cadence.steps.filter((s) => s.status === "due" || s.status === "overdue");
  const next = cadence.next_step;
  const items = open.map((s) => el("li", `${s.status === "overdue" ? "Overdue" : "Due"} (days ${s.first_day}–${s.last_day}): ${s.action}`, s.status));
  if (!items.length && next) items.push(el("li", `Next (days ${next.first_day}–${next.last_day}): ${next.action}`, "upcoming"));
  $("due-steps").replaceChildren(...items);
}

// --- the suggestion -------------------------------------------------------------------------------

// Rules fold to one line; failing rules are listed and the fold opens.
function renderRules(rules) {
  const failing = rules.filter((r) => !r.passed);
  $("rules-summary").textContent = failing.length
    ? `${failing.length} of ${rules.length} rules fail`
    : `${rules.length} rules pass`;
  $("rules-box").open = failing.length > 0;
  $("rules-box").classList.toggle("failing", failing.length > 0);
  $("rules").replaceChildren(...[...failing, ...rules.filter((r) => r.passed)].map(
    (r) => el("li", `${r.id}: ${r.reason}`, r.passed ? "pass" : "fail")));
}

function renderCounter(c) {
  $("counter-box").hidden = !c;
  if (!c) return;
  const cur = (state.account && state.account.account.currency) || "";
  $("counter-kind").textContent = `Proposal: ${words(c.kind)} · ${fmt(c.new_mrr)} ${cur}`;
  facts($("counter-numbers"), [
    ["New MRR", `${fmt(c.new_mrr)} ${cur}`],
    ["Total discount off list", `${fmt(c.discount_pct, 1)}%`],
    ["Customer asked for", c.requested_mrr != null ? `${fmt(c.requested_mrr)} ${cur}` : null],
    ["Term extension", c.term_extension_months ? `${c.term_extension_months} months` : null],
    ["Commitment", c.commitment_months ? `${c.commitment_months} months` : null],
    ["Pause", c.pause_months ? `${c.pause_months} months, billing resumes ${c.resume_date}` : null],
    ["Seats", c.seats], ["Keeps", (c.kept_services || []).join(", ")],
    ["Suspends", (c.suspended_services || []).join(", ")], ["Needs approval", c.needs_approval],
  ]);
}

function renderCitations(citations) {
  $("citations").replaceChildren(...citations.map((c) => {
    const li = el("li");
    li.append(button(`${c.source} · ${c.section}`, () => guarded(() => openPassage(c.source, c.section))));
    return li;
  }));
}

// The inferred facts, each a chip the CSM can correct.
const FACT_CHOICES = {
  intent: ["downsell", "expansion", "renewal", "support", "billing", "feedback", "other"],
  kind: ["seat_reduction", "module_cancel", "service_removal", "acv_cut", "tier_downgrade", "pause", "cancel", "other"],
  root_cause: ["budget_cut", "org_shrinking", "usage_gap", "value_perception", "strategic_shift",
    "competitive_displacement", "unknown"],
  hardship: ["none", "financial", "natural_disaster"],
};

function factValues(d) {
  const r = d.request || {};
  const size = r.reduction_pct ? `${fmt(r.reduction_pct, 0)}%` : (r.seats ? `${r.seats} seats` : "unknown");
  const out = [
    ["kind", "Kind", words(r.kind)], ["size", "Size", size],
    ["root_cause", "Reason", words(d.root_cause)], ["hardship", "Hardship", words(d.hardship || "none")],
  ];
  if (d.intent) out.unshift(["intent", "Intent", words(d.intent)]);
  return out;
}

function renderFacts(d) {
  const corrected = new Set([...(d.corrected || []), ...Object.keys(state.corrections)]);
  $("facts").replaceChildren(...factValues(d).map(([key, label, value]) => {
    const chip = el("span", null, `fact${corrected.has(key) || (key === "size" && (corrected.has("reduction") || corrected.has("seats"))) ? " corrected" : ""}`);
    chip.dataset.fact = key;
    chip.append(el("span", `${label}: `, "fact-label"), el("span", value, "fact-value"));
    chip.append(button("✎", () => editFact(chip, key), "fact-edit"));
    chip.lastChild.setAttribute("aria-label", `Correct ${label.toLowerCase()}`);
    return chip;
  }));
}

function editFact(chip, key) {
  let input;
  if (key === "size") {
    input = el("input");
    input.type = "number"; input.min = "1"; input.max = "100"; input.placeholder = "% cut";
    input.setAttribute("aria-label", "Reduction in percent");
  } else {
    input = el("select");
    input.setAttribute("aria-label", `Correct ${key}`);
    for (const v of FACT_CHOICES[key]) { const o = el("option", words(v)); o.value = v; input.append(o); }
  }
  const apply = button("Apply", () => {
    if (!input.value) return;
    const value = key === "size" ? Number(input.value) : input.value;
    guarded(() => correctFact(key === "size" ? "reduction" : key, value));
  }, "fact-apply");
  chip.replaceChildren(input, apply);
  input.focus();
}

async function openPassage(source, section) {
  const q = new URLSearchParams({ source, section });
  const p = await api("GET", `/v1/knowledge/passage?${q}`);
  $("passage-title").textContent = `${p.source} · ${p.section}`;
  $("passage-text").textContent = p.text;
  $("passage").showModal();
}
