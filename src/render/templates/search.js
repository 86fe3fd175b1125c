// Site search, written by `pioneers render`: adds a search box to the page header and finds
// documents in search.json as you type. Without JavaScript the box never appears and the
// site works as it always does. Words in the index are folded (lowercase, no accents); a
// query word matches a word that starts with it; a title match counts most.
(() => {
  "use strict";
  const script = document.currentScript;
  const header = document.querySelector("header.site .wrap");
  if (!script || !header || !window.fetch) return;
  const root = new URL(".", script.src);
  const words = script.dataset;
  const WEIGHTS = [5, 2, 1];
  const LIMIT = 12;

  const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const terms = (text) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

  const box = document.createElement("div");
  box.className = "search";
  box.setAttribute("role", "search");
  const label = document.createElement("label");
  label.htmlFor = "search-input";
  label.textContent = words.label;
  const input = document.createElement("input");
  input.id = "search-input";
  input.type = "search";
  input.autocomplete = "off";
  input.setAttribute("aria-describedby", "search-status");
  input.setAttribute("aria-controls", "search-results");
  const status = document.createElement("p");
  status.id = "search-status";
  status.className = "search-status";
  status.setAttribute("aria-live", "polite");
  const results = document.createElement("ul");
  results.id = "search-results";
  results.className = "search-results";
  results.hidden = true;
  box.append(label, input, status, results);
  header.append(box);

  let index = null;
  const load = () => {
    index ??= fetch(new URL("search.json", root)).then((r) => r.json());
    return index;
  };
  input.addEventListener("focus", load, { once: true });

  const score = (doc, query) => {
    let total = 0;
    for (const term of query) {
      let best = 0;
      doc.f.forEach((field, i) => {
        if (WEIGHTS[i] > best && field.some((w) => w.startsWith(term))) best = WEIGHTS[i];
      });
      if (!best) return 0;
      total += best;
    }
    return total;
  };

  const show = (hits, asked) => {
    results.replaceChildren(
      ...hits.slice(0, LIMIT).map(([, doc]) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = new URL(doc.u, root).href;
        link.textContent = doc.t;
        const about = document.createElement("span");
        about.textContent = doc.s ? `${doc.k} · ${doc.s}` : doc.k;
        item.append(link, " ", about);
        return item;
      }),
    );
    results.hidden = hits.length === 0;
    status.textContent = asked
      ? hits.length === 0
        ? words.none
        : words.found.replace("{n}", String(hits.length))
      : "";
  };

  input.addEventListener("input", async () => {
    const asked = input.value;
    const query = terms(asked);
    if (query.length === 0) {
      show([], false);
      return;
    }
    let data;
    try {
      data = await load();
    } catch {
      status.textContent = words.failed;
      return;
    }
    if (input.value !== asked) return;
    const hits = [];
    for (const doc of data.docs) {
      const s = score(doc, query);
      if (s > 0) hits.push([s, doc]);
    }
    hits.sort((a, b) => b[0] - a[0] || a[1].t.localeCompare(b[1].t));
    show(hits, true);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      show([], false);
    }
  });
})();
