// Keyboard navigation between comparison rows: j / ArrowDown = next row, k / ArrowUp = previous.
// Plain links (#row-N) do the same without JavaScript.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll(".cmp-row"));
  if (!rows.length) return;

  function current() {
    var active = document.activeElement;
    var row = active && active.closest ? active.closest(".cmp-row") : null;
    if (row) return rows.indexOf(row);
    var hash = window.location.hash.slice(1);
    var target = hash ? document.getElementById(hash) : null;
    row = target && target.closest ? target.closest(".cmp-row") : null;
    return row ? rows.indexOf(row) : -1;
  }

  function focusRow(index) {
    var row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    row.focus();
    row.scrollIntoView({ block: "nearest" });
    if (history.replaceState) history.replaceState(null, "", "#" + row.id);
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea" || event.target.isContentEditable) return;
    var inRows = current() >= 0;
    var next = event.key === "j" || (inRows && event.key === "ArrowDown");
    var previous = event.key === "k" || (inRows && event.key === "ArrowUp");
    if (!next && !previous) return;
    event.preventDefault();
    var index = current();
    focusRow(next ? index + 1 : index < 0 ? 0 : index - 1);
  });

  // Following a summary link moves focus to the sentence's row, so j / k continue from there.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    var row = target && target.closest ? target.closest(".cmp-row") : null;
    if (row) window.setTimeout(function () { row.focus({ preventScroll: true }); }, 0);
  });
})();
