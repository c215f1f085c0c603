// The place page: each indicator over the years (chart.js), the values with units, and each
// value's source sentence highlighted inside its article's text.
import { esc, getJson, wireSearch } from "/assets/common.js";

const $ = (id) => document.getElementById(id);
wireSearch($("search-form"), $("search"), $("search-results"));

const code = location.pathname.split("/").filter(Boolean).pop();
const fmt = new Intl.NumberFormat("zh-Hans", { maximumFractionDigits: 4 });

function period(f) {
  if (f.start && f.start === f.end) return f.start;
  if (!f.start && !f.end) return "";
  return `${f.start ?? ""}–${f.end ?? ""}`;
}

/** Code point slice (offsets in the graph count code points, not UTF-16 units). */
const slice = (cps, a, b) => cps.slice(a, b).join("");

function showSource(data, f, row) {
  for (const tr of document.querySelectorAll("#facts tr.selected")) tr.classList.remove("selected");
  row?.classList.add("selected");
  const article = data.articles[f.article];
  $("source-title").textContent = article ? article.title : f.article;
  if (!article?.text) {
    $("source").innerHTML = `<mark class="source">${esc(f.sentence ?? f.quote)}</mark>`;
    return;
  }
  const cps = Array.from(article.text);
  const s = f.sentenceStart ?? f.quoteStart;
  const e = f.sentenceEnd ?? f.quoteEnd;
  const inner =
    esc(slice(cps, s, f.quoteStart)) +
    `<strong>${esc(slice(cps, f.quoteStart, f.quoteEnd))}</strong>` +
    esc(slice(cps, f.quoteEnd, e));
  $("source").innerHTML =
    `${esc(slice(cps, 0, s))}<mark class="source" data-obs="${esc(f.obs)}">${inner}</mark>${esc(slice(cps, e))}`;
  $("source").querySelector("mark")?.scrollIntoView({ block: "center" });
}

function charts(data) {
  // One chart per indicator and unit: stated results for single years, targets apart.
  const series = new Map();
  for (const f of data.facts) {
    if (!f.start || f.start !== f.end) continue;
    const key = `${f.indicator}|${f.unit}`;
    if (!series.has(key))
      series.set(key, { label: f.indicatorLabel, unit: f.unitLabel, result: new Map(), target: new Map() });
    series.get(key)[f.kind].set(Number(f.start), Number(f.value));
  }
  const box = $("charts");
  if (series.size === 0) {
    box.innerHTML = `<p class="muted">No single-year values to chart.</p>`;
    return;
  }
  for (const [key, s] of series) {
    const years = [...new Set([...s.result.keys(), ...s.target.keys()])].sort((a, b) => a - b);
    const div = document.createElement("div");
    div.className = "chart-box";
    div.innerHTML = `<h3>${esc(s.label)} <span class="muted">(${esc(s.unit)})</span></h3><canvas data-indicator="${esc(key)}"></canvas>`;
    box.append(div);
    new Chart(div.querySelector("canvas"), {
      type: years.length > 1 ? "line" : "bar",
      data: {
        labels: years.map(String),
        datasets: [
          {
            label: "result",
            data: years.map((y) => s.result.get(y) ?? null),
            borderColor: "#1f5fbf",
            backgroundColor: "#1f5fbf88",
            spanGaps: true,
          },
          ...(s.target.size
            ? [
                {
                  label: "target",
                  data: years.map((y) => s.target.get(y) ?? null),
                  borderColor: "#d9822b",
                  backgroundColor: "#d9822b88",
                  borderDash: [5, 4],
                },
              ]
            : []),
        ],
      },
      options: { animation: false, responsive: true, plugins: { legend: { display: s.target.size > 0 } } },
    });
  }
}

function table(data) {
  const rows = data.facts.map(
    (f, i) => `<tr data-i="${i}">
      <td>${esc(f.indicatorLabel)}<div class="muted">${esc(f.indicator)}</div></td>
      <td>${esc(period(f))}</td>
      <td class="num">${esc(fmt.format(Number(f.value)))}</td>
      <td>${esc(f.unitLabel)} <span class="muted">${esc(f.unit)}</span></td>
      <td>${f.kind === "target" ? "target" : ""}${f.approximation ? ` <span class="muted">${esc(f.approximation)}</span>` : ""}</td>
      <td>${esc(f.quote)}</td>
    </tr>`,
  );
  $("facts").innerHTML =
    `<thead><tr><th>Indicator</th><th>Period</th><th>Value</th><th>Unit</th><th></th><th>As written</th></tr></thead><tbody>${rows.join("")}</tbody>`;
  $("facts").addEventListener("click", (e) => {
    const tr = e.target.closest("tr[data-i]");
    if (tr) showSource(data, data.facts[Number(tr.dataset.i)], tr);
  });
}

async function main() {
  try {
    const data = await getJson(`/api/place/${encodeURIComponent(code)}`);
    document.title = `${data.name} — article-kg`;
    $("place-name").textContent = `${data.name} (${data.code})`;
    $("place-meta").innerHTML = [
      data.level ? esc(data.level) : "",
      data.parent ? `in <a href="/place/${esc(data.parent.code)}">${esc(data.parent.name)}</a>` : "",
      `${data.facts.length} facts`,
      `<a href="${esc(location.pathname)}?format=ttl">Turtle</a>`,
    ]
      .filter(Boolean)
      .join(" · ");
    charts(data);
    table(data);
    if (data.facts.length > 0) showSource(data, data.facts[0], document.querySelector("#facts tbody tr"));
    document.body.dataset.ready = "true";
  } catch (err) {
    $("error").textContent = err.message;
    document.body.dataset.ready = "error";
  }
}
main();
