(function () {
  'use strict';
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input[type=checkbox]'));
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');
  var noMatch = document.getElementById('no-match');
  var total = 0;
  var groups = Array.prototype.map.call(document.querySelectorAll('section.group'), function (el) {
    var rows = Array.prototype.slice.call(el.querySelectorAll('tr.finding'));
    total += rows.length;
    return { el: el, rows: rows, texts: null };
  });

  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var q = search.value.trim().toLowerCase();
    var count = 0;
    groups.forEach(function (g) {
      if (q && g.texts === null) {
        g.texts = g.rows.map(function (r) { return r.textContent.toLowerCase(); });
      }
      var visible = 0;
      for (var i = 0; i < g.rows.length; i++) {
        var show = on[g.rows[i].getAttribute('data-sev')] === true && (!q || g.texts[i].indexOf(q) >= 0);
        g.rows[i].hidden = !show;
        if (show) { visible++; }
      }
      g.el.hidden = visible === 0;
      count += visible;
    });
    shown.textContent = count === total
      ? 'Showing all ' + total + ' findings'
      : 'Showing ' + count + ' of ' + total + ' findings';
    if (noMatch) { noMatch.hidden = count > 0 || total === 0; }
  }

  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  apply();
})();
