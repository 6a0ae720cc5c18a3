// The chat page: talks to the JSON API and the SSE stream. Every piece of account, customer or
// model text goes into the page with textContent, never innerHTML.
"use strict";

const state = { caseId: null, account: null, reply: "", stage: null };
const params = new URLSearchParams(location.search);

function setStatus(message, isError = false) {
  $("status").textContent = message || "";
  $("status").classList.toggle("error", isError);
}

function headers(json) {
  const h = {};
  if (json) h["Content-Type"] = "application/json";
  const key = $("api-key").value || sessionStorage.getItem("coach-key");
  if (key) h["X-API-Key"] = key;
  return h;
}

async function request(method, path, body) {
  const res = await fetch(path, { method, headers: headers(body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401) $("key-box").hidden = false;
  return res;
}

async function api(method, path, body) {
  const res = await request(method, path, body);
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `request failed (${res.status})`);
  return data;
}

const today = () => $("today").value || undefined;
const withToday = (path) => (today() ? `${path}${path.includes("?") ? "&" : "?"}today=${today()}` : path);
// --- accounts -----------------------------------------------------------------------------------

async function loadAccounts(selectId) {
  const data = await api("GET", withToday("/v1/accounts"));
  const select = $("account-select");
  select.replaceChildren(el("option", "— choose —"));
  select.firstChild.value = "";
  for (const a of data.accounts) {
    const opt = el("option", `${a.name} (${a.id})`);
    opt.value = a.id;
    select.append(opt);
  }
  if (selectId) { select.value = selectId; await selectAccount(selectId); }
}

async function selectAccount(id) {
  state.account = id ? await api("GET", withToday(`/v1/accounts/${encodeURIComponent(id)}`)) : null;
  $("new-case").disabled = !state.account;
  renderAccount(state.account);
}

function renderAccount(a) {
  if (!a) { $("account-summary").replaceChildren(); return; }
  const acc = a.account, f = a.figures, cur = acc.currency || "";
  facts($("account-summary"), [
    ["Name", a.name], ["Segment", a.segment], ["Contact", acc.contact && acc.contact.name],
    ["MRR", `${fmt(acc.mrr)} ${cur}`], ["List MRR", `${fmt(acc.list_mrr)} ${cur}`],
    ["Discount", `${fmt(f.discount_pct, 1)}%`], ["ARR", `${fmt(f.arr)} ${cur}`],
    ["Agreement", `${acc.contract.agreement_type}, month ${f.months_in + 1} of ${acc.contract.term_months}`],
    ["Ends", f.end_date], ["Seats", acc.seats],
    ["Services", (acc.services || []).map((s) => s.name).join(", ")], ["Hardship", acc.hardship],
  ]);
}

async function importAccount() {
  let body;
  try { body = JSON.parse($("import-json").value); } catch (e) { setStatus("The account is not valid JSON", true); return; }
  const a = await api("POST", withToday("/v1/accounts"), body);
  setStatus(`Imported ${a.id}`);
  $("import").open = false;
  await loadAccounts(a.id);
}

// --- cases --------------------------------------------------------------------------------------

async function newCase() {
  const c = await api("POST", "/v1/cases", { account_id: state.account.id, today: today() });
  renderCase(c);
  setStatus("Case opened: acknowledge the request without pushback.");
  $("turn-text").focus();
}

async function refreshCase() {
  renderCase(await api("GET", withToday(`/v1/cases/${encodeURIComponent(state.caseId)}`)), false);
}

function renderCase(c, withDraft = true) {
  state.caseId = c.id;
  state.stage = c.stage;
  $("case-label").textContent = `case ${c.id}`;
  $("stage").textContent = c.stage.replaceAll("_", " ");
  $("case-day").textContent = `day ${c.cadence.day} · ${c.cadence.days_left} days to the ${c.cadence.target_date} target`;
  const next = c.cadence.next_step;
  $("next-step").textContent = next ? `Next (days ${next.first_day}–${next.last_day}): ${next.action}` : "";
  $("warnings").replaceChildren(...c.warnings.map((w) => el("li", w)));
  const actions = c.allowed_next.map((stage) => {
    const b = el("button", `→ ${stage.replaceAll("_", " ")}`);
    b.type = "button";
    b.addEventListener("click", () => guarded(() => moveStage(stage)));
    return b;
  });
  if (c.cadence.steps.some((s) => s.key === "report" && s.status !== "done" && s.status !== "skipped")) {
    const b = el("button", "Reported to VP CS / Deal Desk");
    b.type = "button";
    b.addEventListener("click", () => guarded(markReported));
    actions.push(b);
  }
  $("stage-actions").replaceChildren(...actions);
  $("log").replaceChildren(...c.turns.map(turnItem));
  $("log").scrollTop = $("log").scrollHeight;
  const open = c.stage !== "triggers_set";
  $("send").disabled = !open;
  $("sent-as-csm").disabled = !open;
  if (withDraft && c.suggestion) renderDraft(c.suggestion);
}

function turnItem(t) {
  const li = el("li", null, t.role);
  li.append(el("span", t.role === "customer" ? "Customer" : "You", "who"), el("span", t.text));
  return li;
}

async function moveStage(stage) {
  renderCase(await api("POST", `/v1/cases/${encodeURIComponent(state.caseId)}/stage`, { stage, today: today() }), false);
  setStatus(`Stage: ${stage.replaceAll("_", " ")}`);
}

async function markReported() {
  renderCase(await api("POST", `/v1/cases/${encodeURIComponent(state.caseId)}/milestones`,
    { milestone: "reported", today: today() }), false);
}

// --- the suggestion -----------------------------------------------------------------------------

async function openPassage(source, section) {
  const q = new URLSearchParams({ source, section });
  const p = await api("GET", `/v1/knowledge/passage?${q}`);
  $("passage-title").textContent = `${p.source} · ${p.section}`;
  $("passage-text").textContent = p.text;
  $("passage").showModal();
}

// --- sending turns (Server-Sent Events over a POST) ---------------------------------------------

async function streamTurn(text) {
  const res = await fetch(`/v1/cases/${encodeURIComponent(state.caseId)}/turns/stream`, {
    method: "POST", headers: { ...headers(true), Accept: "text/event-stream" },
    body: JSON.stringify({ text, today: today() }) });
  if (!res.ok) {
    if (res.status === 401) $("key-box").hidden = false;
    const data = await res.json().catch(() => ({}));
    throw new Error(data.error || `request failed (${res.status})`);
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parts = { acknowledgment: "", counter_proposal: "" };
  const shown = () => pickReply(parts.acknowledgment, parts.counter_proposal);
  let buffer = "";
  showReply("", true);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const { event, data } = parseEvent(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
      if (event === "turn") { state.stage = data.stage; $("log").append(turnItem(data.turn)); }
      else if (event === "meta") renderCounter(data.counter);  // the numbers come before the words
      else if (event === "delta" && Object.hasOwn(parts, data.part)) {
        parts[data.part] += data.text;
        showReply(shown(), true);
      } else if (event === "replace" && Object.hasOwn(parts, data.part)) {
        parts[data.part] = data.text;
        showReply(shown(), true);
      }
      else if (event === "final") { renderDraft(data.suggestion); setStatus("Suggestion ready (checked)."); }
      else if (event === "error") throw new Error(data.error);
    }
  }
  await refreshCase();
}

async function sendTurn(role, given) {
  const text = (given || $("turn-text").value).trim();
  if (!text || !state.caseId) return;
  $("send").disabled = true;
  setStatus(role === "customer" ? "Drafting…" : "Saving…");
  try {
    if (role === "customer") await streamTurn(text);
    else {
      await api("POST", `/v1/cases/${encodeURIComponent(state.caseId)}/turns`, { text, role, today: today() });
      await refreshCase();
      setStatus("Logged.");
    }
    if (!given) $("turn-text").value = "";
  } finally {
    $("send").disabled = false;
    if ($("suggestion").dataset.state === "streaming") showReply(state.reply, false);
  }
}

async function guarded(fn) {
  try { await fn(); } catch (e) { setStatus(e.message, true); }
}

function init() {
  if (params.get("today")) $("today").value = params.get("today");
  $("api-key").value = sessionStorage.getItem("coach-key") || "";
  $("api-key").addEventListener("change", () => { sessionStorage.setItem("coach-key", $("api-key").value); guarded(() => loadAccounts()); });
  $("account-select").addEventListener("change", (e) => guarded(() => selectAccount(e.target.value)));
  $("new-case").addEventListener("click", () => guarded(newCase));
  $("import-btn").addEventListener("click", () => guarded(importAccount));
  $("turn-form").addEventListener("submit", (e) => { e.preventDefault(); guarded(() => sendTurn("customer")); });
  $("sent-as-csm").addEventListener("click", () => guarded(() => sendTurn("csm")));
  $("mark-sent").addEventListener("click", () => guarded(() => sendTurn("csm", state.reply)));
  $("key-box").addEventListener("submit", (e) => e.preventDefault());
  $("copy").addEventListener("click", () => guarded(async () => {
    await navigator.clipboard.writeText(state.reply);
    setStatus("Reply copied to the clipboard.");
  }));
  guarded(async () => {
    await loadAccounts(params.get("account") || undefined);
    if (params.get("case")) await refreshCaseById(params.get("case"));
  });
}

async function refreshCaseById(id) {
  state.caseId = id;
  const c = await api("GET", withToday(`/v1/cases/${encodeURIComponent(id)}`));
  if (!state.account || state.account.id !== c.account_id) await selectAccount(c.account_id);
  renderCase(c);
}

document.addEventListener("DOMContentLoaded", init);
