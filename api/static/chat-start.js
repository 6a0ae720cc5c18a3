// The start view: accounts (search, import from a file), open cases and what is due today.
"use strict";

let accountList = [];

async function loadStart() {
  const [accounts, cases, due] = await Promise.all([
    api("GET", withToday("/v1/accounts?limit=500")),
    api("GET", "/v1/cases?open_only=true&limit=100"),
    api("GET", withToday("/v1/triggers/due")),
  ]);
  accountList = accounts.accounts;
  renderAccounts();
  const names = Object.fromEntries(accountList.map((a) => [a.id, a.name]));
  $("open-cases").replaceChildren(...cases.cases.map((c) => {
    const li = el("li");
    const a = el("a", `${names[c.account_id] || c.account_id}`);
    a.href = caseHref(c.id);
    a.addEventListener("click", (e) => { e.preventDefault(); guarded(() => openCase(c.id)); });
    li.append(a, el("span", ` ${words(c.stage)} · opened ${c.opened_on}`, "muted"));
    return li;
  }));
  $("no-cases").hidden = cases.cases.length > 0;
  const dueItems = [
    ...due.overdue_cases.map((c) => {
      const li = el("li", null, "overdue");
      const a = el("a", `${names[c.account_id] || c.account_id}: day ${c.day}`);
      a.href = caseHref(c.case_id);
      li.append(a, el("span", ` ${c.warning}`, "muted"));
      return li;
    }),
    ...due.triggers.map((t) => el("li", `${names[t.account_id] || t.account_id}: ${words(t.kind)} (${t.due_date}) ${t.description}`)),
  ];
  $("due").replaceChildren(...dueItems);
  $("nothing-due").hidden = dueItems.length > 0;
}

function renderAccounts() {
  const q = $("account-search").value.trim().toLowerCase();
  const shown = accountList.filter((a) => !q || a.name.toLowerCase().includes(q) || a.id.toLowerCase().includes(q));
  $("accounts").replaceChildren(...shown.map((a) => {
    const li = el("li");
    li.dataset.account = a.id;
    const info = el("span", null, "who-acct");
    info.append(el("strong", a.name), el("span", ` ${words(a.segment)} · MRR ${fmt(a.account.mrr, 0)} ${a.account.currency || ""}`, "muted"));
    li.append(info, button("Start case", () => guarded(() => startCase(a.id)), "primary"));
    return li;
  }));
  $("no-accounts").hidden = accountList.length > 0;
}

async function importFile(file) {
  const form = new FormData();
  form.append("file", file);
  const res = await fetch(withToday("/v1/accounts/import"), { method: "POST", headers: headers(false), body: form });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401) $("key-box").hidden = false;
  const out = $("import-result");
  if (!res.ok) {
    out.replaceChildren(el("p", data.error || `import failed (${res.status})`, "error"));
    return;
  }
  const parts = [el("p", `Imported ${data.imported.length} of ${data.rows} rows from ${data.file}.`, "ok")];
  if (data.errors.length) {
    const ul = el("ul", null, "row-errors");
    for (const e of data.errors) ul.append(el("li", `line ${e.line}: ${e.error}`));
    parts.push(el("p", `${data.errors.length} rows were not imported:`, "error"), ul);
  }
  out.replaceChildren(...parts);
  setStatus(`Imported ${data.imported.map((a) => a.name).join(", ")}`);
  $("import-file").value = "";
  await loadStart();
}

async function startCase(accountId) {
  const c = await api("POST", "/v1/cases", { account_id: accountId, today: today() });
  await openCase(c.id, true);
  setStatus("Case opened. Type what the customer said: the first reply only acknowledges, without pushback.");
  $("turn-text").focus();
}

function initStart() {
  $("account-search").addEventListener("input", renderAccounts);
  $("import-file").addEventListener("change", (e) => {
    if (e.target.files.length) guarded(() => importFile(e.target.files[0]));
  });
}
