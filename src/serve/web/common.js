// Shared helpers of the pages (plain ES modules, no build step).

/** Escapes text for HTML. */
export function esc(s) {
  return String(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );
}

/** Fetches JSON; a non-2xx answer throws the server's error message. */
export async function getJson(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(body?.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${res.status}`);
  return body;
}

/** The local path of an entity IRI under the server's base, for links. */
export function localHref(iri, base) {
  return base && iri.startsWith(base) ? `/${iri.slice(base.length)}` : iri;
}

/** Wires the place search box (either script) of the header. */
export function wireSearch(form, input, out) {
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    out.textContent = "…";
    try {
      const hits = await getJson(`/api/search?q=${encodeURIComponent(input.value)}`);
      out.innerHTML = hits.length
        ? hits
            .map(
              (h) =>
                `<a href="/place/${esc(h.code)}">${esc(h.name)} <span class="muted">${esc(h.code)} · ${h.facts} facts</span></a>`,
            )
            .join("")
        : `<span class="muted">no place matches “${esc(input.value)}”</span>`;
    } catch (err) {
      out.innerHTML = `<span class="error">${esc(err.message)}</span>`;
    }
  });
}
