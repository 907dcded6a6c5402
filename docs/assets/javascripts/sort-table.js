/* vanban: sort the tables inside .vb-sortable by clicking a column heading.
   Cells may carry data-sort (e.g. an ISO date) to sort by something other than their text. */
(function () {
  "use strict";
  function key(cell) {
    var marked = cell.querySelector("[data-sort]");
    return marked ? marked.getAttribute("data-sort") : cell.textContent.trim();
  }
  function sortBy(table, column, th) {
    var body = table.tBodies[0];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var order = key(a.cells[column]).localeCompare(key(b.cells[column]), "vi", { numeric: true });
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function setUp() {
    document.querySelectorAll(".vb-sortable table").forEach(function (table) {
      if (!table.tHead || table.dataset.vbSortable) { return; }
      table.dataset.vbSortable = "1";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
        th.tabIndex = 0;
        th.title = "Bấm để sắp xếp";
        th.addEventListener("click", function () { sortBy(table, column, th); });
        th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sortBy(table, column, th); } });
      });
    });
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(setUp); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setUp); }
  else { setUp(); }
})();
