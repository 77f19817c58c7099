/*
 * The dashboard's refresh: every few seconds it reads the console's JSON API (with the session cookie), rewrites
 * the tables and draws the rate and lag charts as SVG. No libraries; every value goes in as text, never as HTML.
 */
(function () {
  'use strict';
  var main = document.getElementById('main');
  var seconds = Number(main.getAttribute('data-refresh-seconds')) || 5;
  var COLOURS = ['#1d4f91', '#b10e1e', '#00703c', '#8a4b00', '#6f3c97', '#005a70', '#505a5f', '#d4351c'];
  var SVG = 'http://www.w3.org/2000/svg';
  var refreshes = 0;

  function el(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) { element.textContent = String(text); }
    if (className) { element.className = className; }
    return element;
  }

  function fetchJson(path) {
    return fetch(path, {credentials: 'same-origin',
      headers: {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'}})
      .then(function (response) {
        if (response.status === 401) {
          window.location.reload(); // the session ended: the page itself goes to the login form
          throw new Error('signed out');
        }
        return response.json().then(function (body) {
          if (!response.ok) { throw new Error((body && (body.title + ': ' + body.detail)) || response.status); }
          return body;
        });
      });
  }

  function problemBefore(table, id, message) {
    var problem = document.getElementById(id);
    if (!message) {
      if (problem) { problem.remove(); }
      return;
    }
    if (!problem) {
      problem = el('p', null, 'notice notice--problem');
      problem.id = id;
      table.parentNode.insertBefore(problem, table);
    }
    problem.textContent = message;
  }

  function status(value) {
    return el('span', value, 'status status--' + String(value).toLowerCase());
  }

  function renderServices(services) {
    var body = document.querySelector('#services tbody');
    body.replaceChildren();
    services.forEach(function (service) {
      var row = el('tr');
      row.setAttribute('data-service', service.name);
      var name = el('th', service.name);
      name.scope = 'row';
      row.append(name, el('td', service.url));
      [service.status, service.liveness, service.readiness].forEach(function (value) {
        var td = el('td');
        td.append(status(value));
        row.append(td);
      });
      body.append(row);
    });
  }

  function renderTopics(topics) {
    var body = document.querySelector('#topics tbody');
    body.replaceChildren();
    topics.forEach(function (topic) {
      var row = el('tr');
      row.setAttribute('data-topic', topic.name);
      var name = el('th', topic.name);
      name.scope = 'row';
      var groups = el('td');
      if (topic.consumerGroups.length === 0) {
        groups.append(el('span', 'none'));
      } else {
        var list = el('ul', null, 'groups');
        topic.consumerGroups.forEach(function (group) {
          var item = el('li');
          item.setAttribute('data-group', group.groupId);
          item.append(el('span', group.groupId), document.createTextNode(': '),
            el('strong', group.totalLag, group.totalLag > 0 ? 'lagging' : null), document.createTextNode(' '),
            el('span', '(' + group.state + ')', 'meta'));
          list.append(item);
        });
        groups.append(list);
      }
      row.append(name, el('td', topic.partitionCount, 'number'),
        el('td', topic.partitions.map(function (p) { return p.partition + ': ' + p.endOffset; }).join(', ')),
        el('td', topic.messages, 'number'),
        el('td', topic.ratePerSecond === null || topic.ratePerSecond === undefined ? '–' : topic.ratePerSecond, 'number'),
        groups);
      body.append(row);
    });
  }

  function renderOutbox(outboxes) {
    var body = document.querySelector('#outbox-table tbody');
    body.replaceChildren();
    outboxes.forEach(function (outbox) {
      outbox.collections.forEach(function (collection) {
        var row = el('tr');
        row.setAttribute('data-collection', collection.collection);
        var name = el('th', collection.collection);
        name.scope = 'row';
        row.append(el('td', outbox.service), name,
          el('td', collection.pending, 'number' + (collection.pending > 0 ? ' lagging' : '')),
          el('td', collection.oldestPendingSince || '–'),
          el('td', collection.oldestAgeSeconds === null ? '–' : collection.oldestAgeSeconds, 'number'));
        body.append(row);
      });
    });
  }

  function svgEl(tag, attributes, text) {
    var element = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    if (text !== undefined) { element.textContent = text; }
    return element;
  }

  function niceMax(value) {
    if (value <= 1) { return 1; }
    var magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * magnitude >= value) { return steps[i] * magnitude; }
    }
    return 10 * magnitude;
  }

  function clock(ms) {
    return new Date(ms).toISOString().substring(11, 19);
  }

  /** series: [{label, points: [{t, v}]}]; draws the lines, the axes, and a legend with the latest values. */
  function drawChart(svg, legend, series, empty) {
    var W = 600, H = 220, L = 52, R = 12, T = 12, B = 30;
    svg.replaceChildren();
    legend.replaceChildren();
    var points = [];
    series.forEach(function (s) { points = points.concat(s.points); });
    if (points.length === 0) {
      svg.append(svgEl('text', {x: W / 2, y: H / 2, 'text-anchor': 'middle'}, empty));
      legend.append(el('li', empty));
      return;
    }
    var tMin = Math.min.apply(null, points.map(function (p) { return p.t; }));
    var tMax = Math.max.apply(null, points.map(function (p) { return p.t; }));
    if (tMax === tMin) { tMin = tMax - 1000; }
    var vMax = niceMax(Math.max.apply(null, points.map(function (p) { return p.v; })));
    function x(t) { return L + (t - tMin) / (tMax - tMin) * (W - L - R); }
    function y(v) { return H - B - v / vMax * (H - T - B); }
    [0, vMax / 2, vMax].forEach(function (v) {
      svg.append(svgEl('line', {x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#dddddd'}));
      svg.append(svgEl('text', {x: L - 6, y: y(v) + 4, 'text-anchor': 'end'}, String(Math.round(v * 100) / 100)));
    });
    svg.append(svgEl('line', {x1: L, x2: L, y1: T, y2: H - B, stroke: '#505a5f'}));
    svg.append(svgEl('text', {x: L, y: H - 8, 'text-anchor': 'start'}, clock(tMin) + ' UTC'));
    svg.append(svgEl('text', {x: W - R, y: H - 8, 'text-anchor': 'end'}, clock(tMax) + ' UTC'));
    series.forEach(function (s, i) {
      var colour = COLOURS[i % COLOURS.length];
      svg.append(svgEl('polyline', {fill: 'none', stroke: colour, 'stroke-width': 2,
        'stroke-dasharray': i >= COLOURS.length ? '6 3' : 'none', 'class': 'series',
        points: s.points.map(function (p) { return x(p.t).toFixed(1) + ',' + y(p.v).toFixed(1); }).join(' ')}));
      var item = el('li');
      var swatch = el('span', null, 'swatch');
      swatch.style.background = colour;
      swatch.setAttribute('aria-hidden', 'true');
      item.append(swatch, document.createTextNode(s.label + ': ' + s.points[s.points.length - 1].v));
      legend.append(item);
    });
  }

  function byPeak(a, b) {
    return Math.max.apply(null, b.points.map(function (p) { return p.v; }))
      - Math.max.apply(null, a.points.map(function (p) { return p.v; }));
  }

  function renderCharts(history) {
    var rates = [], lags = {};
    history.topics.forEach(function (topic) {
      var rate = {label: topic.topic, points: []};
      topic.samples.forEach(function (sample) {
        var t = Date.parse(sample.at);
        if (sample.ratePerSecond !== null) { rate.points.push({t: t, v: sample.ratePerSecond}); }
        Object.keys(sample.lag).forEach(function (group) {
          var key = topic.topic + ' / ' + group;
          (lags[key] = lags[key] || {label: key, points: []}).points.push({t: t, v: sample.lag[group]});
        });
      });
      if (rate.points.some(function (p) { return p.v > 0; })) { rates.push(rate); }
    });
    var lagSeries = Object.keys(lags).map(function (key) { return lags[key]; });
    drawChart(document.getElementById('rate-chart'), document.getElementById('rate-legend'),
      rates.sort(byPeak).slice(0, 8), 'No records produced in these minutes');
    drawChart(document.getElementById('lag-chart'), document.getElementById('lag-legend'),
      lagSeries.sort(byPeak).slice(0, 8), 'No consumer group yet');
  }

  function refresh() {
    var problems = [];
    function settle(promise, render, onProblem) {
      return promise.then(function (body) { render(body); onProblem(null); },
        function (error) { problems.push(error.message); onProblem(error.message); });
    }
    Promise.all([
      settle(fetchJson('/api/services'), renderServices, function () {}),
      settle(fetchJson('/api/topics'), renderTopics, function (message) {
        problemBefore(document.getElementById('topics'), 'topics-problem', message);
      }),
      settle(fetchJson('/api/topics/history'), renderCharts, function () {}),
      settle(fetchJson('/api/outbox'), renderOutbox, function (message) {
        problemBefore(document.getElementById('outbox-table'), 'outbox-problem', message);
      })
    ]).then(function () {
      refreshes++;
      main.setAttribute('data-refreshes', String(refreshes));
      document.getElementById('updated').textContent = new Date().toISOString().substring(11, 19) + ' UTC';
      document.getElementById('refresh-problem').textContent = problems.length ? ' (some parts could not be read)' : '';
      window.setTimeout(refresh, seconds * 1000);
    });
  }

  refresh();
}());
