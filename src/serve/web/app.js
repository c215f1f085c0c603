// The query page: named queries to pick from, a results table, downloads.
import { esc, wireSearch } from "/assets/common.js";

const $ = (id) => document.getElementById(id);
const named = $("named");
const query = $("query");
let queries = [];

wireSearch($("search-form"), $("search"), $("search-results"));

async function loadNamed() {
  queries = await (await fetch("/api/queries")).json();
  for (const q of queries) {
    const o = document.createElement("option");
    o.value = q.name;
    o.textContent = q.title;
    named.append(o);
  }
}

named.addEventListener("change", () => {
  const q = queries.find((x) => x.name === named.value);
  if (!q) return;
  query.value = q.text;
  $("named-description").textContent = q.description;
});

function cell(t) {
  if (!t) return "<td></td>";
  if (t.type === "uri") {
    const local = t.value.match(/^https?:\/\/[^/]+\/(?:article-kg\/)?(place\/\d{6})$/);
    const href = local ? `/${local[1]}` : t.value;
    return `<td><a href="${esc(href)}">${esc(t.value)}</a></td>`;
  }
  const num = t.datatype && /#(decimal|integer|double|float|nonNegativeInteger)$/.test(t.datatype);
  return `<td${num ? ' class="num"' : ""}>${esc(t.value)}</td>`;
}

async function run() {
  $("error").textContent = "";
  $("status").textContent = "running…";
  const started = performance.now();
  const res = await fetch("/sparql", {
    method: "POST",
    headers: {
      "content-type": "application/sparql-query",
      accept: "application/sparql-results+json, text/turtle;q=0.9",
    },
    body: query.value,
  });
  const ms = Math.round(performance.now() - started);
  const type = res.headers.get("content-type") || "";
  const table = $("results");
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    const e = body?.error;
    $("error").textContent = e
      ? `${e.code}: ${e.message}${e.line ? ` (line ${e.line}, column ${e.column})` : ""}`
      : `HTTP ${res.status}`;
    $("status").textContent = "";
    table.innerHTML = "";
    return;
  }
  if (type.startsWith("text/turtle")) {
    table.innerHTML = `<tbody><tr><td><pre>${esc(await res.text())}</pre></td></tr></tbody>`;
    $("status").textContent = `graph in ${ms} ms`;
    return;
  }
  const json = await res.json();
  if ("boolean" in json) {
    table.innerHTML = `<thead><tr><th>boolean</th></tr></thead><tbody><tr><td>${json.boolean}</td></tr></tbody>`;
    $("status").textContent = `${ms} ms`;
    return;
  }
  const vars = json.head.vars;
  const rows = json.results.bindings;
  table.innerHTML =
    `<thead><tr>${vars.map((v) => `<th>${esc(v)}</th>`).join("")}</tr></thead>` +
    `<tbody>${rows.map((b) => `<tr>${vars.map((v) => cell(b[v])).join("")}</tr>`).join("")}</tbody>`;
  $("status").textContent = `${rows.length} row${rows.length === 1 ? "" : "s"} in ${ms} ms`;
}

async function download(format) {
  const res = await fetch(`/sparql?format=${format}`, {
    method: "POST",
    headers: { "content-type": "application/sparql-query" },
    body: query.value,
  });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    $("error").textContent = body?.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${res.status}`;
    return;
  }
  const blob = await res.blob();
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `${named.value || "query"}.${format}`;
  a.click();
  URL.revokeObjectURL(a.href);
}

$("run").addEventListener("click", run);
for (const b of document.querySelectorAll("[data-download]"))
  b.addEventListener("click", () => download(b.dataset.download));
query.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run();
});
loadNamed();
