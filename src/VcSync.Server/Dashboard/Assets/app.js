// VcSync dashboard. Plain JavaScript, no build step, loaded as a file (the CSP allows no inline script).
// Text from the server is only ever set with textContent, never parsed as HTML; whole pages come back from the
// server already encoded. The API token lives in this tab's sessionStorage and travels only in the Authorization
// header, never in a cookie, so another site cannot make the browser send it.
(() => {
  'use strict';
  const KEY = 'vcsync.token';
  const STATUS = {
    red: 'status red', yellow: 'status yellow', green: 'status green', completed: 'status green', failed: 'status red',
    cancelled: 'status gray', running: 'status blue', pending: 'status gray',
  };
  let pending = null;
  let stream = null;

  const token = () => sessionStorage.getItem(KEY);
  const boosted = () => document.body.dataset.boost === 'true';
  const headers = (extra) => {
    const h = Object.assign({}, extra);
    if (token()) h.Authorization = 'Bearer ' + token();
    return h;
  };

  function flash(text) {
    const el = document.getElementById('flash');
    if (!el) return;
    el.textContent = text || '';
    el.hidden = !text;
  }

  function askToken(then) {
    pending = then;
    const form = document.getElementById('token-form');
    form.hidden = false;
    form.elements.token.focus();
  }

  async function load(url, push) {
    const response = await fetch(url, { headers: headers({ Accept: 'text/html' }) });
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    document.title = doc.title;
    document.body.replaceWith(document.adoptNode(doc.body));
    if (push) history.pushState({}, '', url);
    init();
    if (response.status === 401) {
      sessionStorage.removeItem(KEY);
      askToken(() => load(url, false));
    }
  }

  function go(url) {
    if (boosted()) load(url, true); else window.location.assign(url);
  }

  // POSTs need the token: without one the page asks for it, then goes on where it was (done gets the answer).
  async function post(url, body, done) {
    if (!token()) {
      askToken(() => post(url, body, done));
      return;
    }
    const response = await fetch(url, {
      method: 'POST',
      headers: headers({ 'Content-Type': 'application/json', Accept: 'application/json' }),
      body: JSON.stringify(body || {}),
    });
    const json = await response.json().catch(() => null);
    if (response.status === 401) {
      sessionStorage.removeItem(KEY);
      flash((json && json.detail) || 'The token was refused.');
      askToken(() => post(url, body, done));
      return;
    }
    if (!response.ok) {
      flash((json && (json.detail || json.title)) || ('Request failed: ' + response.status));
      return;
    }
    flash('');
    if (done) done(json);
  }

  function setStatus(el, status) {
    if (!el) return;
    el.textContent = status;
    el.className = STATUS[status] || 'status gray';
  }

  function showJob(job) {
    const root = document.getElementById('job');
    if (!root) return;
    setStatus(document.querySelector('[data-field="status"]'), job.status);
    const worker = root.querySelector('[data-field="worker_id"]');
    if (worker) worker.textContent = job.worker_id || 'none yet';
    for (const task of job.tasks) {
      const li = root.querySelector('li[data-task="' + CSS.escape(task.name) + '"]');
      if (!li) continue;
      li.querySelector('progress').value = task.progress;
      li.querySelector('[data-field="progress"]').textContent = task.progress + ' %';
      li.querySelector('[data-field="message"]').textContent = task.message || '';
      setStatus(li.querySelector('[data-field="task-status"]'), task.status);
    }
    root.querySelector('[data-field="error"]').textContent = job.error || '';
    const cancel = document.getElementById('cancel-job');
    if (cancel) cancel.hidden = job.finished;
  }

  // Server-Sent Events read with fetch, so the Authorization header can go along (EventSource cannot send one).
  async function follow(url) {
    const controller = new AbortController();
    stream = controller;
    try {
      const response = await fetch(url, { headers: headers({ Accept: 'text/event-stream' }), signal: controller.signal });
      if (!response.ok) return;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
          }
          if (event === 'job') showJob(JSON.parse(data));
          if (event === 'end') return;
        }
      }
    } catch (error) {
      if (controller.signal.aborted) return;
    }
    if (stream === controller && document.getElementById('job')) {
      setTimeout(() => { if (stream === controller) follow(url); }, 2000);
    }
  }

  function init() {
    if (stream) { stream.abort(); stream = null; }
    const forget = document.getElementById('forget-token');
    if (forget) forget.hidden = !token();
    if (document.getElementById('token-needed') && !token()) askToken(() => load(window.location.href, false));
    const job = document.getElementById('job');
    if (job && job.dataset.events) {
      const cancel = document.getElementById('cancel-job');
      if (cancel && !cancel.hidden) follow(job.dataset.events);
    }
  }

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (form.id === 'token-form') {
      event.preventDefault();
      sessionStorage.setItem(KEY, form.elements.token.value.trim());
      form.reset();
      form.hidden = true;
      const then = pending;
      pending = null;
      if (then) then(); else init();
      return;
    }
    if (form.dataset.post) {
      event.preventDefault();
      const body = Object.fromEntries(new FormData(form).entries());
      await post(form.dataset.post, body, (job) => go('/jobs/' + job.id));
      return;
    }
    if (boosted() && (form.method || 'get').toLowerCase() === 'get') {
      event.preventDefault();
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form).entries()) if (value) params.append(name, value);
      const query = params.toString();
      load(form.getAttribute('action') + (query ? '?' + query : ''), true);
    }
  });

  document.addEventListener('click', async (event) => {
    const target = event.target;
    if (target.id === 'forget-token') {
      sessionStorage.removeItem(KEY);
      target.hidden = true;
      return;
    }
    const button = target.closest('button[data-post]');
    if (button) {
      event.preventDefault();
      await post(button.dataset.post, {}, showJob);
      return;
    }
    const link = target.closest('a[href]');
    if (link && boosted() && link.origin === window.location.origin && !link.classList.contains('external')
        && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
      event.preventDefault();
      load(link.href, true);
    }
  });

  window.addEventListener('popstate', () => { if (boosted()) load(window.location.href, false); });
  init();
})();
