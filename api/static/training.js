// The training page: practise against a simulated customer through the role-play API. Every piece
// of persona, customer or trainee text goes into the page with textContent, never innerHTML.
"use strict";

const state = { sessionId: null, personas: [] };
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function setStatus(message, isError = false) {
  $("status").textContent = message || "";
  $("status").classList.toggle("error", isError);
}

async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const key = $("api-key").value || sessionStorage.getItem("coach-key");
  if (key) { headers["X-API-Key"] = key; sessionStorage.setItem("coach-key", key); }
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401) $("key-box").hidden = false;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `request failed (${res.status})`);
  return data;
}

async function guarded(fn) {
  try { await fn(); } catch (e) { setStatus(e.message, true); }
}

const money = (x) => (x === null || x === undefined ? "–" : Number(x).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

// --- personas -----------------------------------------------------------------------------------

async function loadPersonas() {
  const data = await api("GET", "/v1/roleplay/personas");
  state.personas = data.personas;
  const select = $("persona-select");
  for (const p of data.personas) {
    const opt = el("option", `${p.title} (${p.id}, ${p.language}, ${p.difficulty})`);
    opt.value = p.id;
    select.append(opt);
  }
  if (params.get("persona")) { select.value = params.get("persona"); await showPersona(select.value); }
}

async function showPersona(id) {
  $("start").disabled = !id || !$("trainee").value.trim();
  if (!id) { $("brief").textContent = "Choose a persona to see the scenario."; $("persona-facts").replaceChildren(); return; }
  const p = await api("GET", `/v1/roleplay/personas/${encodeURIComponent(id)}`);
  const a = p.account;
  $("brief").textContent = p.brief;
  const rows = [
    ["Company", a.name], ["Contact", `${a.contact.name} (${a.contact.role})`], ["Segment", a.segment],
    ["MRR", `${money(a.mrr)} ${a.currency}`], ["List MRR", `${money(a.list_mrr)} ${a.currency}`],
    ["Seats", a.seats], ["Services", (a.services || []).map((s) => s.name).join(", ")],
    ["Agreement", `${a.contract.agreement_type}, ${a.contract.term_months} months from ${a.contract.start_date}`],
    ["Today", p.today],
  ];
  $("persona-facts").replaceChildren(...rows.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .flatMap(([k, v]) => [el("dt", k), el("dd", v)]));
}

// --- session ------------------------------------------------------------------------------------

async function start() {
  const v = await api("POST", "/v1/roleplay/sessions", {
    persona_id: $("persona-select").value, trainee: $("trainee").value.trim(), engine: $("engine").value });
  state.sessionId = v.id;
  $("session-label").textContent = `session ${v.id} · customer: ${v.engine}`;
  $("log").replaceChildren(...v.turns.map(turnItem));
  renderScorecard(null);
  $("hints").replaceChildren();
  $("next-step").textContent = "";
  setOpen(true);
  setStatus("Session started: acknowledge the request without pushback.");
  $("turn-text").focus();
  await loadHistory();
}

function setOpen(open) {
  $("send").disabled = !open;
  $("end").disabled = !open;
  $("turn-text").disabled = !open;
}

function turnItem(t) {
  const li = el("li", null, t.role === "customer" ? "customer" : "trainee");
  li.append(el("span", t.role === "customer" ? "Customer" : "You", "who"), document.createTextNode(t.text));
  return li;
}

async function send(event) {
  event.preventDefault();
  const text = $("turn-text").value;
  if (!text.trim()) { setStatus("The turn is empty: say something to the customer.", true); return; }
  $("send").disabled = true;
  try {
    const r = await api("POST", `/v1/roleplay/sessions/${encodeURIComponent(state.sessionId)}/turns`, { text });
    $("log").append(turnItem(r.trainee), turnItem(r.customer));
    $("log").scrollTop = $("log").scrollHeight;
    $("turn-text").value = "";
    $("hints").replaceChildren(...r.hints.map((h) => el("li", h)));
    $("next-step").textContent = r.next_step;
    setStatus(r.stance === "accepts" ? "The customer accepts. Set a re-engagement trigger, then end the session." : "");
    if (r.scorecard) { renderScorecard(r.scorecard); setOpen(false); setStatus("The customer has left."); await loadHistory(); await loadProgress(); return; }
  } finally {
    if (state.sessionId && !$("end").disabled) $("send").disabled = false;
  }
}

async function end() {
  const card = await api("POST", `/v1/roleplay/sessions/${encodeURIComponent(state.sessionId)}/end`);
  renderScorecard(card);
  setOpen(false);
  setStatus("Session ended. Your scorecard is on the right.");
  await loadHistory();
  await loadProgress();
}

// --- scorecard ----------------------------------------------------------------------------------

function evidenceLines(items, limit = 3) {
  return items.slice(0, limit).map((e) => el("span", e.quote ? `turn ${e.turn}: “${e.quote}” (${e.note})` : `turn ${e.turn}: ${e.note}`, "evidence"));
}

function renderScorecard(card) {
  const box = $("scorecard");
  if (!card) { box.dataset.state = "empty"; box.replaceChildren(el("p", "The scorecard appears when the session ends.", "muted")); return; }
  const head = el("div", null, "score-head");
  const level = el("span", card.level, "level");
  level.id = "level";
  level.dataset.level = card.level;
  const score = el("span", card.score, "score");
  score.id = "score";
  head.append(score, el("span", "/ 100"), level);
  const ref = card.reference;
  const parts = [head,
    el("p", `Outcome: ${card.outcome.replaceAll("_", " ")} · root cause: ${card.root_cause.replaceAll("_", " ")} (${card.root_cause_uncovered ? "uncovered" : "not uncovered"})`, "muted"),
    el("p", `Policy reference: ${ref.play.replaceAll("_", " ")}${ref.new_mrr !== null ? `, new MRR ${money(ref.new_mrr)}` : ""}${ref.term_extension_months ? `, ${ref.term_extension_months}-month extension` : ""}${ref.pause_months ? `, ${ref.pause_months}-month pause` : ""}`, "muted"),
    ...(card.level_reason ? [el("p", `Level: ${card.level_reason}.`, "level-reason"), el("p", `Rule: ${card.level_rule}`, "muted rule")] : []),
    el("h3", "Mandatory components")];
  const comps = el("ul", null, "items");
  comps.id = "components";
  for (const c of card.components) {
    const li = el("li", `${c.title}: ${c.summary}`, c.status);
    li.dataset.id = c.id;
    li.prepend(el("span", `${c.points}/${c.max_points}`, "pts"));
    li.append(...evidenceLines(c.evidence));
    comps.append(li);
  }
  const fails = el("ul", null, "items");
  fails.id = "failures";
  for (const f of card.failure_modes) {
    const status = f.status || (f.triggered ? "triggered" : "ok");
    const li = el("li", `${f.id} ${f.title}: ${f.summary}`, status === "triggered" ? "failed" : status === "ok" ? "ok" : "not-reached");
    li.dataset.status = status;
    li.dataset.id = f.id;
    li.append(...evidenceLines(f.evidence));
    fails.append(li);
  }
  parts.push(comps, el("h3", "Failure modes"), fails);
  if (card.breaches.length) {
    const list = el("ul");
    list.id = "breaches";
    list.append(...card.breaches.map((b) => el("li", `Policy breach at turn ${b.turn} (${b.rule}): ${b.reason} — “${b.quote}”`, "breach")));
    parts.push(el("h3", "Policy breaches"), list);
  }
  const turns = el("ol", null, "turns");
  turns.id = "turns";
  for (const t of card.turns) {
    const li = el("li", `“${t.text}”`, t.turn === card.weakest_turn ? "weakest" : "");
    for (const m of t.marks) li.append(el("span", `${m.good ? "+" : "−"} [${m.on}] ${m.note}`, `mark ${m.good ? "good" : "bad"}`));
    turns.append(li);
  }
  parts.push(el("h3", "Turn by turn"), turns);
  if (card.model_answer) {
    const a = card.model_answer;
    const answer = el("div", a.text, "answer");
    answer.id = "model-answer";
    parts.push(el("h3", `Model answer at turn ${a.turn} (${a.part.replaceAll("_", " ")})`), el("p", a.why, "muted"), answer);
  }
  box.replaceChildren(...parts);
  box.dataset.state = "ready";
}

// --- history (a trainer's review) ------------------------------------------------------------------

async function loadHistory() {
  const trainee = $("trainee").value.trim();
  if (!trainee) { $("history").replaceChildren(); return; }
  const data = await api("GET", `/v1/roleplay/sessions?trainee=${encodeURIComponent(trainee)}&limit=20`);
  $("history").replaceChildren(...data.sessions.map((s) => {
    const li = el("li");
    const b = el("button", `${s.created_at.slice(0, 16).replace("T", " ")} · ${s.persona_id} · ${s.status === "ended" ? `${s.score} (${s.level})` : "active"}`);
    b.type = "button";
    b.addEventListener("click", () => guarded(() => review(s.id)));
    li.append(b);
    return li;
  }));
}

// --- progress, report, cohort, CSV (for trainers) --------------------------------------------------

async function loadProgress() {
  const trainee = $("trainee").value.trim();
  const box = $("progress");
  if (!trainee) { box.dataset.state = "empty"; return; }
  const data = await api("GET", `/v1/roleplay/trainees/${encodeURIComponent(trainee)}/progress`);
  // The SVG is built by the server with every text escaped; parsed as SVG, never as HTML.
  const doc = new DOMParser().parseFromString(data.svg, "image/svg+xml");
  const plot = document.importNode(doc.documentElement, true);
  plot.setAttribute("width", "100%");
  plot.removeAttribute("height");
  box.replaceChildren(plot, el("p", `${data.points.length} ended session(s)`, "muted"));
  box.dataset.state = data.points.length ? "ready" : "empty";
  box.dataset.sessions = String(data.points.length);
}

async function download(path, type, name) {
  const headers = {};
  const key = $("api-key").value || sessionStorage.getItem("coach-key");
  if (key) headers["X-API-Key"] = key;
  const res = await fetch(path, { headers });
  if (!res.ok) throw new Error(`request failed (${res.status})`);
  const url = URL.createObjectURL(new Blob([await res.text()], { type }));
  if (name) {
    const a = el("a");
    a.href = url; a.download = name; document.body.append(a); a.click(); a.remove();
  } else {
    window.open(url, "_blank", "noopener");
  }
}

async function loadCohort() {
  const data = await api("GET", "/v1/roleplay/trainees");
  $("cohort").tBodies[0].replaceChildren(...data.trainees.map((r) => {
    const tr = el("tr");
    const fails = Object.entries(r.failures).filter(([, n]) => n).map(([m, n]) => `${m}×${n}`).join(" ") || "–";
    for (const v of [r.trainee, r.sessions, r.last_score, r.best_score, r.average, r.last_level, fails]) tr.append(el("td", v));
    return tr;
  }));
}

async function review(id) {
  const v = await api("GET", `/v1/roleplay/sessions/${encodeURIComponent(id)}`);
  state.sessionId = v.id;
  $("session-label").textContent = `session ${v.id} · ${v.trainee} · ${v.status}`;
  $("log").replaceChildren(...v.turns.map(turnItem));
  renderScorecard(v.scorecard);
  setOpen(v.status === "active");
}

// --- wiring -------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("trainee").value = params.get("trainee") || localStorage.getItem("coach-trainee") || "";
  $("persona-select").addEventListener("change", (e) => guarded(() => showPersona(e.target.value)));
  $("trainee").addEventListener("input", () => {
    localStorage.setItem("coach-trainee", $("trainee").value.trim());
    $("start").disabled = !$("persona-select").value || !$("trainee").value.trim();
  });
  $("trainee").addEventListener("change", () => guarded(async () => { await loadHistory(); await loadProgress(); }));
  $("report").addEventListener("click", () => guarded(() => download(`/v1/roleplay/trainees/${encodeURIComponent($("trainee").value.trim())}/report`, "text/html")));
  $("csv").addEventListener("click", () => guarded(() => download("/v1/roleplay/export.csv", "text/csv", "roleplay-sessions.csv")));
  $("cohort-box").addEventListener("toggle", () => { if ($("cohort-box").open) guarded(loadCohort); });
  $("start").addEventListener("click", () => guarded(start));
  $("turn-form").addEventListener("submit", (e) => guarded(() => send(e)));
  $("end").addEventListener("click", () => guarded(end));
  $("hint-toggle").addEventListener("change", () => { $("hint-box").hidden = !$("hint-toggle").checked; });
  $("key-box").addEventListener("submit", (e) => { e.preventDefault(); guarded(loadPersonas); });
  setOpen(false);
  guarded(async () => { await loadPersonas(); await loadHistory(); await loadProgress(); });
});
