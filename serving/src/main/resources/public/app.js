// The traders' page: sign in, query one customer's flows, page through them, see totals, export.
// Plain JS against the JSON API; the token lives in sessionStorage (gone when the tab closes).
"use strict";

const $ = (id) => document.getElementById(id);
let nextCursor = null;
let shown = 0;

function token() { return sessionStorage.getItem("fundflow.token"); }

function showMessage(text) {
  $("message").textContent = text;
  $("message").hidden = !text;
}

function signedIn(username) {
  $("login").hidden = true;
  $("search").hidden = false;
  $("signout").hidden = false;
  $("who").textContent = username;
}

async function api(path) {
  const r = await fetch(path, { headers: { Authorization: "Bearer " + token() } });
  if (r.status === 401) {
    sessionStorage.clear();
    location.reload();
    throw new Error("signed out");
  }
  const body = await r.json();
  if (!r.ok) {
    throw new Error(body.error || ("HTTP " + r.status));
  }
  return body;
}

function params(withPaging) {
  const p = new URLSearchParams();
  p.set("from", $("from").value);
  p.set("to", $("to").value);
  p.set("moneyType", $("moneyType").value);
  if ($("direction").value) p.set("direction", $("direction").value);
  if ($("category").value) p.set("category", $("category").value);
  if (withPaging) {
    p.set("limit", $("limit").value || "100");
    if (nextCursor) p.set("cursor", nextCursor);
  }
  return p;
}

function customerPath() {
  return "/api/v1/customers/" + encodeURIComponent($("clientId").value.trim());
}

function cell(row, text, cls) {
  const td = row.insertCell();
  td.textContent = text == null ? "" : text;
  if (cls) td.className = cls;
}

function addRows(items) {
  const body = $("rows");
  for (const f of items) {
    const tr = body.insertRow();
    cell(tr, f.occurTime.replace("T", " "));
    cell(tr, f.initDate);
    cell(tr, f.serialNo);
    cell(tr, f.fundAccount);
    cell(tr, f.branchNo);
    cell(tr, f.moneyType);
    cell(tr, f.category);
    cell(tr, f.amount, "num " + (f.direction === "OUT" ? "out" : f.direction === "IN" ? "in" : ""));
    cell(tr, f.postBalance, "num");
    cell(tr, f.channelName || f.channel);
    cell(tr, f.remark, "remark");
  }
  shown += items.length;
  $("shown").textContent = shown + " shown" + (nextCursor ? ", more available" : ", end of results");
  $("next").hidden = !nextCursor;
}

async function loadPage() {
  const page = await api(customerPath() + "/fund-flows?" + params(true));
  nextCursor = page.nextCursor;
  addRows(page.items);
}

async function search(event) {
  event.preventDefault();
  showMessage("");
  $("rows").replaceChildren();
  $("results").hidden = true;
  $("totals").hidden = true;
  $("csv").disabled = true;
  nextCursor = null;
  shown = 0;
  try {
    const summary = await api(customerPath() + "/fund-flows/summary?" + params(false));
    $("inflow").textContent = summary.inflow + " " + summary.moneyType;
    $("outflow").textContent = summary.outflow + " " + summary.moneyType;
    $("net").textContent = summary.net + " " + summary.moneyType;
    $("count").textContent = summary.count;
    $("totals").hidden = false;
    await loadPage();
    $("results").hidden = false;
    $("csv").disabled = false;
  } catch (e) {
    showMessage(e.message);
  }
}

async function downloadCsv() {
  // A link cannot carry the bearer header: fetch, then hand the file to the browser.
  const p = params(false);
  const r = await fetch(customerPath() + "/fund-flows.csv?" + p, {
    headers: { Authorization: "Bearer " + token() },
  });
  if (!r.ok) {
    showMessage((await r.json()).error);
    return;
  }
  const url = URL.createObjectURL(await r.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = "fund-flows-" + $("clientId").value.trim() + ".csv";
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

$("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  showMessage("");
  const r = await fetch("/api/v1/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: $("username").value, password: $("password").value }),
  });
  const body = await r.json();
  if (!r.ok) {
    showMessage(body.error);
    return;
  }
  sessionStorage.setItem("fundflow.token", body.token);
  sessionStorage.setItem("fundflow.user", body.username);
  signedIn(body.username);
});

$("signout").addEventListener("click", () => { sessionStorage.clear(); location.reload(); });
$("query").addEventListener("submit", search);
$("next").addEventListener("click", () => loadPage().catch((e) => showMessage(e.message)));
$("csv").addEventListener("click", () => downloadCsv().catch((e) => showMessage(e.message)));

(function init() {
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10); // Shanghai date
  $("from").value = today + "T00:00:00";
  $("to").value = today + "T23:59:59";
  if (token()) signedIn(sessionStorage.getItem("fundflow.user"));
})();
