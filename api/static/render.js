// Rendering for the chat page. Every piece of account, customer or model text goes in with
// textContent, never innerHTML. Loaded before chat.js, which holds the state and talks to the API.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

const fmt = (n, digits = 2) => (n === null || n === undefined ? "—"
  : Number(n).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }));

function facts(dl, rows) {
  dl.replaceChildren();
  for (const [label, value] of rows) {
    if (value === null || value === undefined || value === "") continue;
    dl.append(el("dt", label), el("dd", value));
  }
}

// The playbook's order: on day 1 only acknowledge (no pushback, no offer yet); once the customer has
// answered, the reply to send is the counter-proposal. Both stay visible: the counter card has its text.
function pickReply(acknowledgment, counterMessage) {
  return state.stage === "acknowledged" || !counterMessage ? acknowledgment : counterMessage;
}

function replyText(d) {
  return pickReply(d.acknowledgment, d.counter_proposal && d.counter_proposal.message) || "";
}

function showReply(text, streaming) {
  state.reply = text;
  $("suggestion").textContent = text;
  $("suggestion").dataset.state = streaming ? "streaming" : (text ? "ready" : "empty");
  $("copy").disabled = !text || streaming;
  $("mark-sent").disabled = !text || streaming;
}

function renderDraft(d) {
  showReply(replyText(d), false);
  $("rules").replaceChildren(...d.eligibility.rules.map((r) => {
    const li = el("li", `${r.id}: ${r.reason}`, r.passed ? "pass" : "fail");
    return li;
  }));
  $("chips").replaceChildren(...d.diagnosis_questions.map((q) => {
    const b = el("button", q, "chip");
    b.type = "button";
    b.title = "Add this question to the reply";
    b.addEventListener("click", () => showReply(state.reply ? `${state.reply}\n\n${q}` : q, false));
    return b;
  }));
  renderCounter(d.counter_proposal);
  $("escalations").textContent = d.escalations.length ? `Loop in: ${d.escalations.join(", ").replaceAll("_", " ")}` : "";
  $("citations").replaceChildren(...d.citations.map((c) => {
    const b = el("button", `${c.source} · ${c.section}`);
    b.type = "button";
    b.addEventListener("click", () => guarded(() => openPassage(c.source, c.section)));
    const li = el("li");
    li.append(b);
    return li;
  }));
}

function renderCounter(c) {
  $("counter").hidden = !c;
  $("no-counter").hidden = !!c;
  if (!c) return;
  const cur = (state.account && state.account.account.currency) || "";
  $("counter-kind").textContent = c.kind.replaceAll("_", " ");
  facts($("counter-numbers"), [
    ["New MRR", `${fmt(c.new_mrr)} ${cur}`],
    ["Total discount off list", `${fmt(c.discount_pct, 1)}%`],
    ["Customer asked for", c.requested_mrr != null ? `${fmt(c.requested_mrr)} ${cur}` : null],
    ["Term extension", c.term_extension_months ? `${c.term_extension_months} months` : null],
    ["Commitment", c.commitment_months ? `${c.commitment_months} months` : null],
    ["Pause", c.pause_months ? `${c.pause_months} months, billing resumes ${c.resume_date}` : null],
    ["Contract value", c.contract_value != null ? `${fmt(c.contract_value)} ${cur}` : null],
    ["Their request's value", c.requested_contract_value != null ? `${fmt(c.requested_contract_value)} ${cur}` : null],
    ["Seats", c.seats], ["Keeps", (c.kept_services || []).join(", ")],
    ["Suspends", (c.suspended_services || []).join(", ")], ["Needs approval", c.needs_approval],
  ]);
  $("counter-message").textContent = c.message || "";
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
