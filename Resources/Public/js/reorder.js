// Drag and drop for tables whose rows can be put in a new order (`data-reorder-action`).
// Progressive: each row's up and down buttons do the same without JavaScript, and stay the
// way to do it by keyboard. Dropping a row posts the new order of the rows' keys as a form,
// so the server answers with the page as usual (and refuses an order that is out of date).
(function () {
  "use strict";
  document.querySelectorAll("table[data-reorder-action]").forEach(function (table) {
    var body = table.tBodies[0];
    var dragged = null;
    var before = "";
    var keys = function () {
      return Array.prototype.map.call(body.rows, function (row) { return row.dataset.key; }).join(",");
    };
    Array.prototype.forEach.call(body.rows, function (row) {
      row.draggable = true;
      row.classList.add("draggable");
    });
    var hint = table.closest(".table-wrap").previousElementSibling;
    if (hint && hint.classList.contains("reorder-hint")) hint.hidden = false;

    body.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("tr");
      if (!dragged) return;
      before = keys();
      dragged.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.dataset.key);
    });
    body.addEventListener("dragover", function (event) {
      if (!dragged) return;
      event.preventDefault();
      var row = event.target.closest("tr");
      if (!row || row === dragged) return;
      var box = row.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      body.insertBefore(dragged, after ? row.nextSibling : row);
    });
    body.addEventListener("dragend", function () {
      if (dragged) dragged.classList.remove("dragging");
      dragged = null;
    });
    body.addEventListener("drop", function (event) {
      if (!dragged) return;
      event.preventDefault();
      dragged.classList.remove("dragging");
      dragged = null;
      var order = keys();
      if (order === before) return;
      var form = document.createElement("form");
      form.method = "post";
      form.action = table.dataset.reorderAction;
      [["_csrf", table.dataset.reorderCsrf], ["order", order]].forEach(function (pair) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = pair[0];
        input.value = pair[1];
        form.appendChild(input);
      });
      document.body.appendChild(form);
      form.submit();
    });
  });
})();
