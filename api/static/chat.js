// The live-call page: state, the JSON API and the SSE stream. Only checked text is ever shown: the
// stream's raw model tokens (`delta`) are never put on the page; `checked` and `final` carry drafts
// that passed the guard, and an edited reply is checked again (POST /v1/replies/check) before it
// is copied or marked as sent. Text goes in with textContent, never innerHTML.
"use strict";

const state = {
  caseId: null, case: null, account: null, suggestion: null, talk: null, turnId: null,
  mode: "say", edited: false, checkedText: null, corrections: {}, stream: null,
};
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

async function api(method, path, body) {
  const res = await fetch(path, { method, headers: headers(body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401) $("key-box").hidden = false;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `request failed (${res.status})`);
  return data;
}

async function guarded(fn) {
  try { await fn(); } catch (e) { setStatus(e.message, true); }
}

const today = () => $("today").value || undefined;
const withToday = (path) => (today() ? `${path}${path.includes("?") ? "&" : "?"}today=${today()}` : path);
const caseHref = (id) => `/chat?case=${encodeURIComponent(id)}${today() ? `&today=${today()}` : ""}`;
const casePath = (suffix = "") => `/v1/cases/${encodeURIComponent(state.caseId)}${suffix}`;

// --- readiness --------------------------------------------------------------------------------------

async function pollReady() {
  const res = await fetch("/v1/ready").catch(() => null);
  const data = res ? await res.json().catch(() => ({})) : {};
  const ready = !!(res && res.ok);
  $("ready").textContent = ready ? "ready" : "warming up";
  $("ready").title = ready ? "The server is warm" : (data.reason || "The server is starting");
  $("ready").dataset.ready = ready;
  if (!ready) setTimeout(pollReady, 1000);
}

// --- views and the URL --------------------------------------------------------------------------------

function showView(call) {
  $("start-view").hidden = call;
  $("call-view").hidden = !call;
}

async function route() {
  const id = new URLSearchParams(location.search).get("case");
  if (id) await openCase(id, false);
  else { state.caseId = null; showView(false); $("case-label").textContent = ""; await loadStart(); }
}

async function openCase(id, push = true) {
  if (push) history.pushState({ case: id }, "", caseHref(id));
  state.caseId = id;
  state.corrections = JSON.parse(localStorage.getItem(`coach-corrections-${id}`) || "{}");
  const c = await api("GET", withToday(casePath()));
  if (!state.account || state.account.id !== c.account_id) {
    state.account = await api("GET", withToday(`/v1/accounts/${encodeURIComponent(c.account_id)}`));
  }
  renderAccount(state.account);
  showView(true);
  renderCase(c);
  resetSuggestion();
  if (c.suggestion) {
    const talk = await api("GET", casePath("/talk"));
    const last = [...c.turns].reverse().find((t) => t.role === "customer");
    showSuggestion({ suggestion: c.suggestion, talk, turn: last }, "stored");
  }
}

function renderCase(c) {
  state.case = c;
  $("case-label").textContent = `case ${c.id}`;
  $("stage").textContent = words(c.stage);
  $("case-day").textContent = `day ${c.cadence.day} of 30`;
  renderTimeline(c.cadence);
  $("warnings").replaceChildren(...c.warnings.map((w) => el("li", w)));
  // Only the stages the flow allows from here, never the one the case is already in.
  const actions = c.allowed_next.filter((s) => s !== c.stage).map(
    (s) => button(`→ ${words(s)}`, () => guarded(() => moveStage(s))));
  if (c.cadence.steps.some((s) => s.key === "report" && s.status !== "done" && s.status !== "skipped")) {
    actions.push(button("Reported to VP CS / Deal Desk", () => guarded(markReported)));
  }
  $("stage-actions").replaceChildren(...actions);
  $("log").replaceChildren(...c.turns.map(turnItem));
  $("log").scrollTop = $("log").scrollHeight;
  const open = c.stage !== "triggers_set";
  $("send").disabled = !open;
  $("log-mine").disabled = !open || !$("reply").value.trim();
}

async function refreshCase() {
  renderCase(await api("GET", withToday(casePath())));
}

async function moveStage(stage, note) {
  renderCase(await api("POST", casePath("/stage"), { stage, today: today(), note }));
  setStatus(`Stage: ${words(stage)}`);
}

async function markReported() {
  renderCase(await api("POST", casePath("/milestones"), { milestone: "reported", today: today() }));
}

// --- the checked suggestion ---------------------------------------------------------------------------

function resetSuggestion() {
  state.suggestion = state.talk = state.turnId = state.checkedText = null;
  state.edited = false;
  $("say-now").textContent = "Type what the customer said to get a checked suggestion.";
  $("say-now").dataset.state = "empty";
  delete $("say-now").dataset.turn;
  for (const id of ["chips", "facts", "rules", "citations"]) $(id).replaceChildren();
  $("push-back").textContent = "";
  $("escalations").textContent = "";
  $("rules-summary").textContent = "Rules";
  $("counter-box").hidden = true;
  setReply("", false);
}

function phase() { return (state.talk && state.talk.phase) || "acknowledgment"; }

function modeText() {
  if (!state.talk) return "";
  return state.mode === "email" ? state.talk.email : state.talk.say_now;
}

function setReply(text, checked) {
  $("reply").value = text;
  $("reply").disabled = !state.talk;
  state.edited = false;
  state.checkedText = checked ? text : null;
  showCheck(checked && text ? "ok" : "none", checked && text ? "Checked by the guard." : "");
  updateButtons();
}

function updateButtons() {
  const has = !!$("reply").value.trim();
  const open = !state.case || state.case.stage !== "triggers_set";
  $("copy").disabled = !has;
  $("mark-sent").disabled = !has || !open;
  $("log-mine").disabled = !has || !open;
}

function showCheck(kind, message, violations = []) {
  $("check-result").dataset.state = kind;
  $("check-result").replaceChildren(el("span", message));
  if (violations.length) {
    const ul = el("ul");
    for (const v of violations) ul.append(el("li", v.excerpt ? `${v.reason} (“${v.excerpt}”)` : v.reason));
    $("check-result").append(ul);
  }
}

// `data`: {suggestion, talk, turn}; every field is checked text from the server.
function showSuggestion(data, source) {
  const d = data.suggestion, talk = data.talk;
  if (!d || !talk) return;
  state.suggestion = d;
  state.talk = talk;
  state.turnId = data.turn ? data.turn.id : null;
  const say = $("say-now");
  say.textContent = talk.say_now;
  say.dataset.state = "checked";
  say.dataset.source = source;
  say.dataset.turn = String(state.turnId);
  say.dataset.shown = String(Number(say.dataset.shown || 0) + 1);  // one more checked suggestion on screen
  renderChips(talk.ask_next);
  $("push-back").textContent = talk.push_back || "";
  if (!state.edited) setReply(modeText(), true);
  renderFacts(d);
  renderRules(d.eligibility.rules);
  renderCounter(d.counter_proposal);
  renderCitations(d.citations);
  $("escalations").textContent = d.escalations.length ? `Loop in: ${d.escalations.map(words).join(", ")}` : "";
}

function renderChips(questions) {
  $("chips").replaceChildren(...questions.map((q) => {
    const b = button(q, () => takeQuestion(b), "chip");
    b.title = "Insert this question into your reply at the cursor";
    return b;
  }));
}

function takeQuestion(chip) {
  const b = chip || $("chips").querySelector(".chip");
  if (!b) return;
  insertAtCursor(b.textContent);
  b.remove();
}

function insertAtCursor(text) {
  const r = $("reply");
  if (r.disabled) return;
  const start = r.selectionStart ?? r.value.length, end = r.selectionEnd ?? start;
  const before = r.value.slice(0, start), after = r.value.slice(end);
  const sep = before && !/\s$/.test(before) ? " " : "";
  r.value = before + sep + text + after;
  const pos = (before + sep + text).length;
  r.focus();
  r.setSelectionRange(pos, pos);
  markEdited();
}

function markEdited() {
  state.edited = $("reply").value !== state.checkedText;
  if (state.edited) showCheck("pending", "Edited: checked by the guard before you copy or send it.");
  else showCheck("ok", "Checked by the guard.");
  updateButtons();
}

function setMode(mode) {
  state.mode = mode;
  $("mode-say").setAttribute("aria-pressed", mode === "say");
  $("mode-email").setAttribute("aria-pressed", mode === "email");
  if (state.talk) setReply(modeText(), true);
}

// --- checking the CSM's reply -----------------------------------------------------------------------------

function customerTexts() {
  return ((state.case && state.case.turns) || []).filter((t) => t.role === "customer").map((t) => t.text);
}

async function checkReply() {
  const text = $("reply").value;
  if (text && text === state.checkedText) return true;
  showCheck("pending", "Checking…");
  const r = await api("POST", "/v1/replies/check", {
    account_id: state.case.account_id, message: customerTexts().at(-1) || "-", reply: text,
    history: customerTexts().slice(0, -1).slice(-50), stage: phase() === "counter" ? "counter" : "acknowledgment",
    today: today(), ...correctionsBody() });  // the facts of the draft being edited, corrections included
  if (r.ok) {
    state.checkedText = text;
    state.edited = false;
    showCheck("ok", "Your edited reply passed the guard.");
    return true;
  }
  showCheck("fail", "Not copied: the guard found a problem. Fix the reply and try again.", r.violations);
  return false;
}

async function copyReply() {
  if (!(await checkReply())) return;
  await navigator.clipboard.writeText($("reply").value);
  setStatus("Reply copied to the clipboard (checked).");
}

async function markSent() {
  if (!(await checkReply())) return;
  const text = $("reply").value;
  await api("POST", casePath("/turns"), { role: "csm", text, today: today() });
  const c = await api("GET", withToday(casePath()));
  // Sending the counter-proposal moves the case to counter_sent (again, after an escalation).
  if (phase() === "counter" && c.allowed_next.includes("counter_sent")) await moveStage("counter_sent", "counter sent");
  else renderCase(c);
  setStatus(phase() === "counter" ? "Counter-proposal sent: the case is at counter sent." : "Reply logged as sent.");
  await refreshTalk();
}

async function logMine() {
  const text = $("reply").value.trim();
  if (!text) return;
  await api("POST", casePath("/turns"), { role: "csm", text, today: today() });
  await refreshCase();
  await refreshTalk();
  setStatus("Your reply is in the log.");
}

async function refreshTalk() {
  const talk = await api("GET", casePath("/talk"));
  if (talk) { state.talk = talk; renderChips(talk.ask_next); }
}

// --- sending turns: Server-Sent Events over a POST ------------------------------------------------------------

async function streamTo(path, body) {
  if (state.stream) state.stream.abort();
  const ctrl = new AbortController();
  state.stream = ctrl;
  let final = false, checked = !!state.talk, budget = null, timedOut = false, stored = false, model = false;
  const res = await fetch(path, { method: "POST", signal: ctrl.signal,
    headers: { ...headers(true), Accept: "text/event-stream" }, body: JSON.stringify(body) });
  if (!res.ok) {
    if (res.status === 401) $("key-box").hidden = false;
    const data = await res.json().catch(() => ({}));
    throw new Error(data.error || `request failed (${res.status})`);
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "", failure = null;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const { event, data } = parseEvent(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
        if (event === "turn") {
          stored = true;
          if (!$("log").querySelector(`[data-turn-id="${data.turn.id}"]`)) $("log").append(turnItem(data.turn));
        } else if (event === "checked") {
          // The template's checked text at once; the model's wording may replace it within the budget.
          showSuggestion(data, "template");
          checked = model = true;
          setStatus("Checked suggestion ready; the model is still writing.");
          budget = setTimeout(() => { timedOut = true; ctrl.abort(); }, (data.budget_s || 8) * 1000);
        } else if (event === "delta") {
          // Raw model text is never shown: only that the model is writing.
          if (!checked) setStatus("Drafting…");
        } else if (event === "final") {
          final = true;
          showSuggestion(data, data.source || "template");
          const late = model && (data.suggestion.fallbacks || []).length > 0;
          setStatus(late ? "The model's wording did not pass the checks in time: showing the checked template."
            : state.edited ? "New checked suggestion ready; your edits in the reply box are kept."
              : "Suggestion ready (checked).");
        } else if (event === "error") {
          failure = data.error;
        }
      }
    }
  } catch (e) {
    failure = timedOut ? null : (e.message || "the connection broke");
  } finally {
    if (budget) clearTimeout(budget);
    if (state.stream === ctrl) state.stream = null;
  }
  if (!final) {
    const kept = checked ? "showing the last checked suggestion" : "no suggestion yet";
    if (timedOut) setStatus("The model's wording did not pass the checks in time: showing the checked template.");
    else setStatus(`The suggestion stream broke (${failure || "it ended early"}): ${kept}.`, true);
  }
  return { stored, complete: final || timedOut };
}

async function sendCustomerTurn() {
  const text = $("turn-text").value.trim();
  if (!text || !state.caseId || $("send").disabled) return;
  $("send").disabled = true;
  setStatus("Drafting…");
  state.edited = false;
  try {
    const got = await streamTo(casePath("/turns/stream"), { text, today: today(), ...correctionsBody() });
    if (got.stored) $("turn-text").value = "";
    if (got.complete) await refreshCase();  // after a broken stream the status says what happened
  } finally {
    $("send").disabled = state.case && state.case.stage === "triggers_set";
  }
}

function correctionsBody() {
  return Object.keys(state.corrections).length ? { corrections: state.corrections } : {};
}

async function correctFact(key, value) {
  state.corrections[key] = value;
  localStorage.setItem(`coach-corrections-${state.caseId}`, JSON.stringify(state.corrections));
  setStatus(`Corrected ${words(key)}: drafting again…`);
  state.edited = false;
  const got = await streamTo(casePath("/redraft/stream"), { corrections: state.corrections, today: today() });
  if (got.complete) await refreshCase();
}

// --- keyboard ---------------------------------------------------------------------------------------------------

function onKey(e) {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !$("call-view").hidden) {
    e.preventDefault();
    guarded(sendCustomerTurn);
  } else if (e.altKey && e.code === "KeyC" && !$("call-view").hidden) {
    e.preventDefault();
    guarded(copyReply);
  } else if (e.altKey && e.code === "KeyN" && !$("call-view").hidden) {
    e.preventDefault();
    takeQuestion();
  }
}

function init() {
  if (params.get("today")) $("today").value = params.get("today");
  $("api-key").value = sessionStorage.getItem("coach-key") || "";
  $("api-key").addEventListener("change", () => { sessionStorage.setItem("coach-key", $("api-key").value); guarded(route); });
  $("key-box").addEventListener("submit", (e) => e.preventDefault());
  $("home").addEventListener("click", (e) => { e.preventDefault(); history.pushState({}, "", withToday("/chat")); guarded(route); });
  $("back").addEventListener("click", (e) => { e.preventDefault(); history.pushState({}, "", withToday("/chat")); guarded(route); });
  $("turn-form").addEventListener("submit", (e) => { e.preventDefault(); guarded(sendCustomerTurn); });
  $("reply").addEventListener("input", markEdited);
  $("mode-say").addEventListener("click", () => setMode("say"));
  $("mode-email").addEventListener("click", () => setMode("email"));
  $("copy").addEventListener("click", () => guarded(copyReply));
  $("mark-sent").addEventListener("click", () => guarded(markSent));
  $("log-mine").addEventListener("click", () => guarded(logMine));
  document.addEventListener("keydown", onKey);
  window.addEventListener("popstate", () => guarded(route));
  initStart();
  pollReady();
  guarded(route);
}

document.addEventListener("DOMContentLoaded", init);
