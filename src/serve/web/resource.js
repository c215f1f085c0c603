// The page of any other resource (observation, mention, period, unit, indicator, the ontology):
// its statements grouped by subject, every IRI shown by its label in the reader's language
// (zh-Hans, zh-Hant or en; ?lang= overrides the browser's) and linked to its own page.
import { esc, getJson } from "/assets/common.js";

const $ = (id) => document.getElementById(id);
const path = location.pathname;
const LANGS = ["zh-Hans", "zh-Hant", "en"];

/** The reader's languages as label tags: ?lang=, else the browser's (zh-CN → zh-Hans, zh-TW → zh-Hant). */
function preferred() {
  const asked = new URLSearchParams(location.search).get("lang");
  const out = [];
  for (const l of [asked, ...(navigator.languages ?? [navigator.language])]) {
    if (!l) continue;
    const t = l.toLowerCase();
    const tag = t.startsWith("zh")
      ? /hant|-tw|-hk|-mo/.test(t)
        ? "zh-Hant"
        : "zh-Hans"
      : (LANGS.find((x) => x.toLowerCase() === t.split("-")[0]) ?? l);
    if (!out.includes(tag)) out.push(tag);
  }
  for (const l of LANGS) if (!out.includes(l)) out.push(l);
  return out;
}
const prefs = preferred();
const lang = prefs[0];
document.documentElement.lang = lang;

const UI = {
  en: { indicator: "Indicator", place: "Place", period: "Period", value: "Value", kind: "Kind", by: "Referred to by" },
  "zh-Hans": { indicator: "指标", place: "地区", period: "时期", value: "数值", kind: "类别", by: "被以下引用" },
  "zh-Hant": { indicator: "指標", place: "地區", period: "時期", value: "數值", kind: "類別", by: "被以下引用" },
};
const ui = UI[lang] ?? UI.en;

/** The label in the most preferred language it has (an untagged label after those). */
function pick(labels) {
  if (!labels) return undefined;
  const keys = Object.keys(labels);
  for (const l of [...prefs, ""]) {
    const k = keys.find((x) => x.toLowerCase() === l.toLowerCase());
    if (k !== undefined) return labels[k];
  }
  return keys.length ? labels[keys[0]] : undefined;
}

for (const f of ["ttl", "jsonld", "nt", "rdf"]) $(f).href = `${path}?format=${f}`;

try {
  const d = await getJson(`/api/resource?path=${encodeURIComponent(decodeURI(path))}`);
  const info = (iri) => d.terms[iri] ?? { labels: {}, href: iri };
  const name = (iri) => pick(info(iri).labels) ?? info(iri).curie ?? iri;
  const link = (iri) => {
    const t = info(iri);
    const label = pick(t.labels);
    const extra = label !== undefined && t.curie ? ` <span class="muted">${esc(t.curie)}</span>` : "";
    return `<a href="${esc(t.href)}" title="${esc(iri)}">${esc(label ?? t.curie ?? iri)}</a>${extra}`;
  };
  const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 6 });
  const literal = (o) => {
    const numeric = o.datatype && /#(decimal|integer|double|float)$/.test(o.datatype);
    const text = numeric && Number.isFinite(Number(o.value)) ? num.format(Number(o.value)) : o.value;
    const tag = o.lang ? ` <span class="muted">@${esc(o.lang)}</span>` : "";
    return `<span title="${esc(o.datatype ?? "")}">${esc(text)}</span>${tag}`;
  };
  const term = (t) => (t.type === "iri" ? link(t.value) : t.type === "bnode" ? esc(`_:${t.value}`) : literal(t));

  $("title").textContent = name(d.iri) === d.iri ? decodeURI(path) : name(d.iri);
  $("iri").textContent = d.iri;
  document.title = `article-kg — ${$("title").textContent}`;

  // An observation: what, where, when and how much, by label.
  const own = d.statements.filter((s) => s.s.type === "iri" && s.s.value === d.iri);
  const value = (suffix) => own.find((s) => s.p.endsWith(suffix))?.o;
  if (own.some((s) => s.p.endsWith("#type") && s.o.value === "http://purl.org/linked-data/cube#Observation")) {
    const measure = value("measure#obsValue");
    const unit = value("attribute#unitMeasure");
    const rows = [
      [ui.indicator, value("#indicator")],
      [ui.place, value("dimension#refArea")],
      [ui.period, value("dimension#refPeriod")],
      [ui.kind, value("#observationKind")],
    ].filter(([, o]) => o !== undefined);
    const html = rows.map(([k, o]) => `<dt>${esc(k)}</dt><dd data-role="${esc(k)}">${term(o)}</dd>`);
    if (measure) html.push(`<dt>${esc(ui.value)}</dt><dd>${literal(measure)} ${unit ? term(unit) : ""}</dd>`);
    $("summary").querySelector("dl").innerHTML = html.join("");
    $("summary").hidden = false;
    $("title").textContent = rows.length
      ? `${name(value("#indicator")?.value ?? "")} · ${name(value("dimension#refArea")?.value ?? "")}`
      : $("title").textContent;
  }

  // Statements by subject: the resource, its fragments (the ontology's terms), then what refers to it.
  const groups = new Map();
  const incoming = [];
  for (const s of d.statements) {
    if (s.o.type === "iri" && s.o.value === d.iri && s.s.value !== d.iri) incoming.push(s);
    else {
      const key = `${s.s.type}:${s.s.value}`;
      if (!groups.has(key)) groups.set(key, { subject: s.s, rows: [] });
      groups.get(key).rows.push(s);
    }
  }
  const section = (id, heading, rows) =>
    `<section${id ? ` id="${esc(id)}"` : ""}><h3>${heading}</h3><div class="table-wrap"><table><tbody>${rows.join("")}</tbody></table></div></section>`;
  const order = [...groups.values()].sort((a, b) =>
    a.subject.value === d.iri ? -1 : b.subject.value === d.iri ? 1 : 0,
  );
  const html = order.map((g) => {
    const rows = g.rows.map((s) => `<tr><th>${link(s.p)}</th><td>${term(s.o)}</td></tr>`);
    const iri = g.subject.value;
    const fragment = g.subject.type === "iri" && iri.startsWith(`${d.iri}#`) ? iri.slice(d.iri.length + 1) : undefined;
    return section(fragment, g.subject.type === "iri" ? link(iri) : esc(`_:${iri}`), rows);
  });
  if (incoming.length)
    html.push(
      section(
        undefined,
        esc(ui.by),
        incoming.map((s) => `<tr><th>${term(s.s)}</th><td>${link(s.p)}</td></tr>`),
      ),
    );
  $("groups").innerHTML = html.join("");
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  document.body.dataset.ready = "true";
} catch (err) {
  $("error").textContent = err.message;
  document.body.dataset.ready = "error";
}
