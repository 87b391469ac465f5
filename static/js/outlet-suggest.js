// Fills the outlet filter's <datalist> from /sources/suggest.json as one types, so the page
// never carries every outlet. Without JavaScript the box still takes an outlet's slug.
(function () {
  "use strict";
  for (const input of document.querySelectorAll("input[data-suggest-url]")) {
    const list = document.getElementById(input.getAttribute("list"));
    if (!list) continue;
    let timer = null;
    let asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(async function () {
        const query = input.value.trim();
        if (query === asked) return;
        asked = query;
        const url = new URL(input.dataset.suggestUrl, window.location.href);
        url.searchParams.set("q", query);
        try {
          const response = await fetch(url, { headers: { Accept: "application/json" } });
          if (!response.ok || query !== asked) return;
          const data = await response.json();
          list.replaceChildren(
            ...data.items.map(function (outlet) {
              const option = document.createElement("option");
              option.value = outlet.slug;
              option.label = outlet.name;
              option.textContent = outlet.name;
              return option;
            })
          );
        } catch (error) {
          // Suggestions are a convenience; typing the slug still works.
        }
      }, 150);
    });
  }
})();
