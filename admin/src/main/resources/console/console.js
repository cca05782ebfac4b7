// Meridian console: plain JavaScript, no build step. Logs in through POST /login, keeps the bearer
// token in sessionStorage, and renders the server-sent 'snapshot' events of GET /events.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const ROLE_ORDER = ['viewer', 'operator', 'admin'];
  let snapshot = null;
  let feedAbort = null;
  // the order whose detail is open: its state and the status of its last recorded report, to refresh it live
  let shown = null;

  function session() {
    const token = sessionStorage.getItem('meridian.token');
    return token ? { token, user: sessionStorage.getItem('meridian.user'), roles: JSON.parse(sessionStorage.getItem('meridian.roles') || '[]') } : null;
  }

  function hasRole(role) {
    const s = session();
    return !!s && s.roles.includes(role);
  }

  async function api(path, options) {
    const s = session();
    const headers = Object.assign({ 'X-Meridian-Console': '1', 'Accept': 'application/json' }, (options && options.headers) || {});
    if (s) headers['Authorization'] = 'Bearer ' + s.token;
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status === 401 && s) { logout('Session expired: log in again.'); }
    return response;
  }

  async function problemText(response) {
    try { const p = await response.json(); return p.detail || p.title || response.statusText; } catch (e) { return response.statusText; }
  }

  // ---------- login ----------
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    const response = await fetch('/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Meridian-Console': '1' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value })
    });
    if (!response.ok) {
      $('login-error').textContent = response.status === 429 ? await problemText(response) : 'Wrong user name or password.';
      return;
    }
    const token = await response.json();
    sessionStorage.setItem('meridian.token', token.access_token);
    sessionStorage.setItem('meridian.user', token.username);
    sessionStorage.setItem('meridian.roles', JSON.stringify(token.roles || []));
    $('password').value = '';
    start();
  });

  function logout(message) {
    sessionStorage.clear();
    if (feedAbort) feedAbort.abort();
    $('app-view').hidden = true;
    $('login-view').hidden = false;
    $('login-error').textContent = message || '';
  }
  $('logout').addEventListener('click', () => logout());

  // ---------- live feed (server-sent events over fetch, so the bearer token can be sent) ----------
  async function feed() {
    feedAbort = new AbortController();
    const signal = feedAbort.signal;
    while (!signal.aborted && session()) {
      try {
        const response = await api('/events', { headers: { 'Accept': 'text/event-stream' }, signal });
        if (!response.ok) { await response.text(); throw new Error('feed ' + response.status); }
        $('live').classList.add('on');
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
              if (data) {
                try { render(JSON.parse(data)); } catch (e) { console.error('console render failed', e); }
              }
            }
          }
        } finally {
          // never leave a stream open behind us: browsers allow only a few connections per server
          reader.cancel().catch(() => {});
        }
      } catch (e) {
        if (signal.aborted) return;
        console.warn('live feed interrupted', e);
      }
      $('live').classList.remove('on');
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  // ---------- rendering ----------
  function cell(value, cls) {
    const td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '' : String(value);
    if (cls) td.className = cls;
    return td;
  }

  function fill(tbody, rows, build) {
    tbody.replaceChildren(...rows.map((row) => { const tr = document.createElement('tr'); build(tr, row); return tr; }));
  }

  function yesNo(v) { return v ? 'yes' : 'no'; }

  function details(obj, skip) {
    return Object.entries(obj).filter(([k]) => !skip.includes(k)).map(([k, v]) => k + '=' + (typeof v === 'object' ? JSON.stringify(v) : v)).join('  ');
  }

  function render(s) {
    snapshot = s;
    $('updated').textContent = ' updated ' + new Date(s.time).toLocaleTimeString();
    const health = s.health;
    $('status-badge').textContent = health.status;
    $('status-badge').className = 'badge ' + (health.status === 'UP' ? 'ok' : 'bad');
    $('kill-badge').hidden = !s.halts.killSwitch;
    $('kill-state').textContent = s.halts.killSwitch ? 'ENGAGED' : 'released';

    fill($('clients').tBodies[0], health.clients, (tr, c) => {
      tr.append(cell(c.clientCompId), cell(c.dictionary || ''), cell(yesNo(c.connected), c.connected ? 'yes' : 'no'),
        cell(details(c, ['clientCompId', 'dictionary', 'connected'])));
    });
    fill($('venues').tBodies[0], health.venues, (tr, v) => {
      const halted = !!s.halts.venues[v.name];
      const action = document.createElement('td');
      const button = document.createElement('button');
      button.textContent = halted ? 'Resume' : 'Halt';
      button.className = halted ? '' : 'danger';
      button.dataset.venue = v.name;
      button.addEventListener('click', () => act('/venues/' + encodeURIComponent(v.name) + (halted ? '/resume' : '/halt'), null,
        (halted ? 'Resumed ' : 'Halted ') + v.name));
      action.append(button);
      tr.append(cell(v.name), cell(yesNo(v.connected), v.connected ? 'yes' : 'no'), cell(yesNo(halted), halted ? 'no' : ''),
        cell(details(v, ['name', 'connected'])), action);
    });
    const seq = health.sequencer;
    $('sequencer').replaceChildren(...Object.entries(seq).flatMap(([k, v]) => { const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = v; return [dt, dd]; }));

    renderOrders();
    refreshShownOrder();
    renderTable($('positions'), s.positions, 'No positions yet.');
    fill($('rejects').tBodies[0], Object.entries(s.counters.rejectsByReason), (tr, [k, v]) => tr.append(cell(k), cell(v)));
    fill($('latency').tBodies[0], s.latency || [], (tr, l) => tr.append(cell(l.name), cell(l.venue), cell(l.count, 'num'),
      cell(l.p50Us, 'num'), cell(l.p90Us, 'num'), cell(l.p99Us, 'num'), cell(l.p999Us, 'num'), cell(l.maxUs, 'num')));
  }

  function renderOrders() {
    if (!snapshot) return;
    const status = $('f-status').value, client = $('f-client').value.trim().toUpperCase(),
      venue = $('f-venue').value.trim().toUpperCase(), symbol = $('f-symbol').value.trim().toUpperCase();
    const orders = snapshot.orders.filter((o) =>
      (!status || (status === 'open') === o.open) &&
      (!client || (o.clientCompId || '').toUpperCase().includes(client)) &&
      (!venue || (o.venue || '').toUpperCase().includes(venue)) &&
      (!symbol || (o.symbol || '').toUpperCase().includes(symbol)));
    $('order-count').textContent = orders.length + ' shown of ' + snapshot.orderCount;
    fill($('orders').tBodies[0], orders, (tr, o) => {
      tr.dataset.orderId = o.orderId;
      tr.append(cell(o.orderId), cell(o.clientCompId), cell(o.clOrdId), cell(o.side), cell(o.orderQty), cell(o.symbol),
        cell(o.price), cell(o.ordStatus, 'status-' + o.ordStatus), cell(o.cumQty), cell(o.leavesQty), cell(o.avgPx), cell(o.venue), cell(o.text));
      tr.addEventListener('click', () => showOrder(o.orderId));
    });
  }
  ['f-status', 'f-client', 'f-venue', 'f-symbol'].forEach((id) => $(id).addEventListener('input', renderOrders));

  function orderState(o) { return o.ordStatus + '|' + o.cumQty + '|' + o.leavesQty; }

  // the feed says the open order changed, or its history (the store lags the sequencer by a cycle) has not
  // caught up with its status yet (a few tries: a full history never will): load the detail again, one load at a time
  function refreshShownOrder() {
    if (!shown || shown.loading || $('order-detail').hidden) return;
    const o = snapshot.orders.find((x) => x.orderId === shown.orderId);
    if (!o) return;
    if (orderState(o) !== shown.state) {
      showOrder(shown.orderId);
    } else if (shown.lastReportStatus !== null && shown.lastReportStatus !== o.ordStatus && shown.retries < 5) {
      showOrder(shown.orderId, shown.retries + 1);
    }
  }

  async function showOrder(orderId, retries) {
    const view = { orderId, loading: true, state: null, lastReportStatus: null, retries: retries || 0 };
    shown = view;
    try {
      await loadOrder($('order-detail'), view);
    } finally {
      view.loading = false;
    }
  }

  async function loadOrder(box, view) {
    const orderId = view.orderId;
    const response = await api('/orders/' + encodeURIComponent(orderId));
    if (shown !== view) { await response.text(); return; } // another order was opened meanwhile
    box.hidden = false;
    if (!response.ok) { box.textContent = await problemText(response); return; }
    const order = await response.json();
    view.state = orderState(order);
    const dl = document.createElement('dl');
    dl.className = 'kv';
    Object.entries(order).forEach(([k, v]) => { const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = v === null ? '' : v; dl.append(dt, dd); });
    const title = document.createElement('h2');
    title.textContent = 'Order ' + orderId;
    const history = document.createElement('div');
    const reports = await api('/orders/' + encodeURIComponent(orderId) + '/reports');
    if (reports.ok) {
      const heading = document.createElement('h3');
      heading.textContent = 'ExecutionReport history';
      const table = document.createElement('table');
      table.id = 'order-reports';
      table.innerHTML = '<thead><tr></tr></thead><tbody></tbody>';
      const rows = await reports.json();
      view.lastReportStatus = rows.length ? rows[rows.length - 1].ordStatus : '';
      renderHistory(table, rows);
      history.className = 'history';
      history.append(heading, table);
    } else {
      await reports.text();
      history.className = 'unavailable';
      history.textContent = 'ExecutionReport history: not available in this build (the API keeps the current state only).';
    }
    if (shown !== view) return;
    box.replaceChildren(title, dl, history);
    // a routed (parent) order: its cost analysis, child by child
    const tca = await api('/tca/' + encodeURIComponent(orderId));
    if (tca.ok) {
      const t = await tca.json();
      const heading = document.createElement('h3');
      // absent fields (null on the server) are left out of the JSON
      heading.textContent = 'Cost analysis: arrival mid ' + (t.arrivalMid ?? 'unknown') + ', average ' + t.avgPx +
        ', slippage ' + (t.slippageBps == null ? 'n/a' : t.slippageBps.toFixed(2) + ' bp') +
        ', fees ' + (t.fees && Object.keys(t.fees).length ? JSON.stringify(t.fees) : 'none');
      const venues = document.createElement('table');
      venues.innerHTML = '<thead><tr></tr></thead><tbody></tbody>';
      renderTable(venues, t.venues || [], 'No fills yet.');
      const children = document.createElement('table');
      children.id = 'tca-children';
      children.innerHTML = '<thead><tr></tr></thead><tbody></tbody>';
      renderTable(children, t.children || [], 'No child orders.');
      box.append(heading, venues, children);
      loadOptional($('tca-daily'));
    } else {
      await tca.text();
    }
  }

  // fixed columns: fields a report does not have (null) are left out of its JSON
  const HISTORY_COLUMNS = [['#', 'index'], ['ExecType', 'execType'], ['OrdStatus', 'ordStatus'], ['ExecID', 'execId'],
    ['ClOrdID', 'clOrdId'], ['OrigClOrdID', 'origClOrdId'], ['LastQty', 'lastQty'], ['LastPx', 'lastPx'],
    ['LastMkt', 'lastMkt'], ['CumQty', 'cumQty'], ['LeavesQty', 'leavesQty'], ['AvgPx', 'avgPx'], ['OrderQty', 'orderQty'],
    ['Price', 'price'], ['Reject', 'rejectReason'], ['Text', 'text'], ['TransactTime', 'transactTime'], ['Seq', 'sequence']];

  function renderHistory(table, rows) {
    const head = table.tHead.rows[0];
    if (!rows || rows.length === 0) {
      head.replaceChildren();
      fill(table.tBodies[0], ['No reports recorded.'], (tr, text) => tr.append(cell(text, 'unavailable')));
      return;
    }
    head.replaceChildren(...HISTORY_COLUMNS.map(([title]) => { const th = document.createElement('th'); th.textContent = title; return th; }));
    fill(table.tBodies[0], rows, (tr, r) => HISTORY_COLUMNS.forEach(([, key]) =>
      tr.append(cell(r[key] ?? '', key === 'ordStatus' ? 'status-' + r.ordStatus : undefined))));
  }

  function renderTable(table, rows, empty) {
    const head = table.tHead.rows[0];
    const body = table.tBodies[0];
    if (!rows || rows.length === 0) {
      head.replaceChildren();
      fill(body, [empty], (tr, text) => tr.append(cell(text, 'unavailable')));
      return;
    }
    const keys = Object.keys(rows[0]);
    head.replaceChildren(...keys.map((k) => { const th = document.createElement('th'); th.textContent = k; return th; }));
    fill(body, rows, (tr, row) => keys.forEach((k) => tr.append(cell(typeof row[k] === 'object' && row[k] !== null ? JSON.stringify(row[k]) : row[k]))));
  }

  function limitsText(limits) {
    const set = Object.entries(limits || {}).filter(([, v]) => v !== null && v !== undefined);
    return set.length === 0 ? 'none' : set.map(([k, v]) => k + '=' + (typeof v === 'object' ? JSON.stringify(v) : v)).join(', ');
  }

  // A table row per thing an ops person reads: a risk scope, or the halts in force.
  function rowsOf(path, body) {
    if (path === '/risk') {
      return (body.scopes || []).map((s) => ({
        scope: s.kind + ' ' + s.name,
        limits: limitsText(s.limits),
        source: s.limitsSource + (s.limitsChangedBy ? ' (' + s.limitsChangedBy + ', ' + s.limitsChangedAt + ')' : ''),
        openOrders: s.openOrders,
        positions: (s.exposure || []).map((e) => e.symbol + ' ' + e.position + ' (open buy ' + e.openBuy + ', sell ' + e.openSell + ')').join('; ') || 'flat',
        dailyProfit: s.dailyProfit,
        lease: s.lease ? s.lease.state + (s.lease.expiresInMs !== null && s.lease.expiresInMs !== undefined ? ', ' + s.lease.expiresInMs + ' ms left' : '') : '',
        breaker: !s.breaker ? '' : (s.breaker.paused ? 'PAUSED (reset needed)' : s.breaker.coolingDownMs > 0 ? 'cooling down ' + s.breaker.coolingDownMs + ' ms' : 'ok') +
          ', trips ' + s.breaker.trips + (s.breaker.lastCause ? ', last ' + s.breaker.lastCause : ''),
      }));
    }
    if (path === '/halts') {
      const halted = Object.entries(body.venues || {}).filter(([, h]) => h).map(([v]) => v);
      return [{
        killSwitch: body.killSwitch ? 'ENGAGED' : 'released',
        venuesHalted: halted.join(', ') || 'none',
        scoped: (body.scoped || []).join(', ') || 'none',
        openOrders: body.openOrders,
      }];
    }
    return Array.isArray(body) ? body : (body.items || body.events || [body]);
  }

  // Endpoints other parts of Meridian add (balances, reconciliation, drift events): shown when the server has them.
  async function loadOptional(container) {
    const path = container.dataset.source;
    const response = await api(path);
    if (response.status === 404) {
      await response.text();
      container.className = 'unavailable';
      container.textContent = 'Not available in this build (' + path + ' is not served).';
      return;
    }
    if (!response.ok) { container.textContent = await problemText(response); return; }
    const body = await response.json();
    const rows = rowsOf(path, body);
    const table = document.createElement('table');
    table.innerHTML = '<thead><tr></tr></thead><tbody></tbody>';
    renderTable(table, rows, 'None.');
    if (path === '/drift-events') {
      Array.from(table.tBodies[0].rows).forEach((tr, i) => {
        const event = rows[i];
        if (!event || event.id === undefined || event.resolved) return;
        const td = document.createElement('td');
        const button = document.createElement('button');
        button.textContent = 'Resolve';
        button.addEventListener('click', () => act('/drift-events/' + encodeURIComponent(event.id) + '/resolve', null, 'Resolved drift event ' + event.id));
        td.append(button);
        tr.append(td);
      });
    }
    container.replaceChildren(table);
  }

  // ---------- actions ----------
  async function act(path, body, done) {
    const response = await api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body === null ? '{}' : JSON.stringify(body) });
    $('action-message').textContent = response.ok ? done : 'Refused (' + response.status + '): ' + await problemText(response);
    if (response.ok) {
      document.querySelectorAll('.page.active [data-source]').forEach(loadOptional);
    }
  }
  $('kill-switch').addEventListener('click', () => act('/kill-switch', { engaged: true }, 'Kill switch engaged'));
  $('kill-release').addEventListener('click', () => act('/kill-switch', { engaged: false }, 'Kill switch released'));

  // ---------- pages ----------
  function showPage() {
    const page = (location.hash || '#sessions').slice(1);
    $('action-message').textContent = '';
    document.querySelectorAll('.page').forEach((p) => p.classList.toggle('active', p.id === 'page-' + page));
    document.querySelectorAll('#tabs a[data-page]').forEach((a) => a.classList.toggle('active', a.dataset.page === page));
    document.querySelectorAll('#page-' + page + ' [data-source]').forEach(loadOptional);
  }
  window.addEventListener('hashchange', showPage);

  function start() {
    const s = session();
    if (!s) { logout(); return; }
    $('login-view').hidden = true;
    $('app-view').hidden = false;
    const role = ROLE_ORDER.filter((r) => s.roles.includes(r)).pop() || 'none';
    $('who').textContent = s.user + ' (' + role + ')';
    document.querySelectorAll('.op').forEach((el) => { el.title = hasRole('operator') ? '' : 'requires role operator'; });
    showPage();
    feed();
  }

  start();
})();
