// The wall board: applies the server's snapshots and escalations, ticks the SLA countdowns.
(function () {
  'use strict';
  var labels = document.body.dataset;
  var MAX_ESCALATIONS = 10;
  // countdowns run on the server's clock: a wall screen's own clock may be off
  var serverOffset = 0;

  function syncClock(takenAt) {
    var server = Date.parse(takenAt);
    if (!isNaN(server) && server > 0) { serverOffset = server - Date.now(); }
  }

  function text(id, value) {
    var element = document.getElementById(id);
    if (element) { element.textContent = value; }
  }

  function countdown(seconds) {
    var sign = seconds < 0 ? '-' : '';
    var s = Math.abs(Math.floor(seconds));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return sign + (h > 0 ? h + ':' : '') + String(m).padStart(2, '0') + ':' + String(r).padStart(2, '0');
  }

  function tick() {
    var now = Date.now() + serverOffset;
    document.querySelectorAll('#at-risk tbody tr').forEach(function (row) {
      var left = (Date.parse(row.dataset.due) - now) / 1000;
      row.classList.toggle('overdue', left < 0);
      row.querySelector('.countdown').textContent = left < 0 ? labels.overdue + ' ' + countdown(-left) : countdown(left);
    });
  }

  function cell(row, value) {
    var td = document.createElement('td');
    td.textContent = value == null ? '' : value;
    row.appendChild(td);
    return td;
  }

  function applySnapshot(view) {
    syncClock(view.takenAt);
    text('updated', view.takenAt);
    text('volume', view.volumeToday);
    text('resolved', view.resolvedToday);
    text('csat', view.csatToday == null ? '–' : view.csatToday.toFixed(1));
    text('ratings', view.ratingsToday);
    text('at-risk-count', view.atRiskCount);
    text('backlog', view.backlog);
    ['P0', 'P1', 'P2', 'P3'].forEach(function (p) { text('backlog-' + p, view.backlogByPriority[p] || 0); });
    var body = document.querySelector('#at-risk tbody');
    body.replaceChildren();
    view.atRisk.forEach(function (clock) {
      var row = document.createElement('tr');
      row.dataset.due = clock.dueAt;
      cell(row, clock.ticketNo); cell(row, clock.metric); cell(row, clock.priority);
      cell(row, '').className = 'countdown';
      body.appendChild(row);
    });
    var hot = document.getElementById('hot-issues');
    hot.replaceChildren();
    view.hotIssues.forEach(function (issue) {
      var item = document.createElement('li');
      var tag = document.createElement('strong');
      tag.textContent = issue.tag;
      item.appendChild(tag);
      item.appendChild(document.createTextNode(' ' + issue.tickets + ' (' + labels.perHour + ' ' + issue.baselinePerHour.toFixed(1) + ')'));
      hot.appendChild(item);
    });
    tick();
  }

  function applyEscalation(escalation) {
    var list = document.getElementById('escalations');
    var item = document.createElement('li');
    item.className = 'escalation fresh ' + escalation.level;
    var level = document.createElement('strong');
    level.textContent = escalation.level;
    item.appendChild(level);
    item.appendChild(document.createTextNode(' ' + escalation.ticketNo + ' → ' + escalation.department));
    list.insertBefore(item, list.firstChild);
    while (list.children.length > MAX_ESCALATIONS) { list.removeChild(list.lastChild); }
  }

  function connect() {
    var source = new EventSource('/board/stream');
    var status = document.getElementById('connection');
    source.onopen = function () { status.className = 'live'; status.textContent = labels.live; };
    source.onerror = function () { status.className = 'offline'; status.textContent = labels.offline; };
    source.addEventListener('snapshot', function (e) { applySnapshot(JSON.parse(e.data)); });
    source.addEventListener('escalation', function (e) { applyEscalation(JSON.parse(e.data)); });
  }

  syncClock(document.getElementById('updated').textContent);
  tick();
  setInterval(tick, 1000);
  connect();
})();
