/**
 * The service's one web page (docs/service.md, "The page"): server-rendered HTML in Chinese by
 * default or English (`?lang=en`), plus one small script and no build step. Upload several files
 * (drop them or pick them); each is sent on its own request, so each shows its own progress and
 * status (上传中, 排队, 审计中, 完成, 失败 with the reason and its fix), then its counts by grade and
 * its report links. Below, the month view: every center of the month with counts by grade,
 * 按期办结率 and 满意率 with their ranks, the change from the month before, and the district
 * summary download. The month view is rendered here and fetched again as a fragment
 * (`/month?period=`) when an audit of that month finishes.
 *
 * Every value from an upload (file names, center names) is escaped; the script sets text, never
 * HTML, from JSON. The words are the message catalogue's `serve.page.*` (src/messages/serve.ts).
 * Narrow screens: the tables scroll sideways inside their box and the upload area stacks.
 */
import { FAILURE_TITLES } from '../batch/district-summary.js';
import { failureWords } from '../batch/types.js';
import { GRADE_LABELS, GRADES, type BatchFailure, type Lang } from '../index.js';
import { MESSAGE_KEYS, render, templateOf, type Message, type MessageKey, type MessageParam } from '../messages/catalogue.js';
import type { MonthCenter, MonthView } from './month.js';
import type { AuditRecord, AuditStatus, QueueReason } from './store.js';

/** The page's words are the catalogue's `serve.page.*` entries (src/messages/serve.ts). */
type PageKey = Extract<MessageKey, `serve.page.${string}`>;
export type PageWord = PageKey extends `serve.page.${infer W}` ? W : never;

export function word(key: PageWord, lang: Lang, params: Record<string, MessageParam> = {}): string {
  const message: Message = { key: `serve.page.${key}`, params };
  return render(message, lang);
}

/** Every page word as its template, for the script (it fills `{name}` itself). */
function clientWords(lang: Lang): Record<string, string> {
  return Object.fromEntries(MESSAGE_KEYS.filter((k) => k.startsWith('serve.page.')).map((k) => [k.slice('serve.page.'.length), templateOf(k, lang)]));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface PageData {
  lang: Lang;
  nonce: string;
  maxMb: number;
  audits: AuditRecord[];
  periods: string[];
  month: MonthView | undefined;
}

/** The whole page. */
export function renderPage(data: PageData): string {
  const { lang, nonce } = data;
  const w = (key: PageWord) => escapeHtml(word(key, lang));
  const words = clientWords(lang);
  const failureTitles = Object.fromEntries(Object.entries(FAILURE_TITLES).map(([code, text]) => [code, text[lang]]));
  const clientData = { lang, words, failureTitles, grades: GRADES };
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${w('title')}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
  <h1>${w('title')}</h1>
  <a class="lang" href="/?lang=${lang === 'zh' ? 'en' : 'zh'}">${w('otherLang')}</a>
</header>
<p class="intro">${w('intro')}</p>
<section id="upload" class="drop" aria-label="${w('uploads')}">
  <p>${w('drop')} <label class="button">${w('pick')}<input id="files" type="file" multiple></label></p>
  <p class="small">${escapeHtml(word('accepted', lang, { mb: data.maxMb }))}</p>
</section>
<section>
  <h2>${w('uploads')}</h2>
  <div class="scroll">
  <table id="audits">
    <thead><tr><th>${w('file')}</th><th>${w('status')}</th><th>${w('center')}</th><th>${w('period')}</th>${GRADES.map((g) => `<th>${escapeHtml(GRADE_LABELS[g][lang])}</th>`).join('')}<th>${w('dataIssues')}</th><th>${w('reports')}</th></tr></thead>
    <tbody>${data.audits.map((a) => auditRow(a, lang)).join('')}</tbody>
  </table>
  </div>
  <p id="no-uploads" class="small"${data.audits.length > 0 ? ' hidden' : ''}>${w('noUploads')}</p>
</section>
<section id="month">${renderMonth(data.month, data.periods, lang)}</section>
<script nonce="${nonce}">const PAGE = ${JSON.stringify(clientData).replace(/</g, '\\u003c')};
${SCRIPT}</script>
</body>
</html>
`;
}

function statusText(status: AuditStatus | 'uploading', lang: Lang): string {
  return word(status, lang);
}

/** One audit as a row of the uploads table; the script fills the same cells as statuses change. */
export function auditRow(a: AuditRecord, lang: Lang): string {
  const name = escapeHtml(a.names[0] ?? a.sha256.slice(0, 12));
  const counts = GRADES.map((g) => `<td class="num" data-grade="${g}">${a.summary ? a.summary.byGrade[g] : ''}</td>`).join('');
  return `<tr data-audit="${a.id}" data-status="${a.status}">
<td class="name">${name}</td>
<td class="status">${statusCell(a, lang)}</td>
<td class="center">${escapeHtml(a.center ?? '')}</td>
<td class="period">${escapeHtml(a.period ?? '')}</td>${counts}
<td class="num issues">${a.summary ? a.summary.dataIssues : ''}</td>
<td class="links">${a.status === 'done' || (a.summary && a.status !== 'failed') ? reportLinks(a.id, lang) : ''}</td>
</tr>`;
}

function statusCell(a: AuditRecord, lang: Lang): string {
  const badge = `<span class="badge ${a.status}">${escapeHtml(statusText(a.status, lang))}</span>`;
  if (a.status === 'failed' && a.failure) {
    const failure = failureJson(a.failure, lang);
    const hint = failure.hint ? `<div class="hint">${escapeHtml(word('fix', lang, { hint: failure.hint }))}</div>` : '';
    return `${badge}<div class="reason">${escapeHtml(word('reason', lang, { title: failure.title, message: failure.message }))}</div>${hint}`;
  }
  const reason = queueNote(a.queueReason, a.status);
  return reason ? `${badge}<div class="small">${escapeHtml(word(reason, lang))}</div>` : badge;
}

function queueNote(reason: QueueReason | null, status: AuditStatus): PageWord | undefined {
  if (status !== 'queued' && status !== 'running') return undefined;
  return reason === 'history-changed' || reason === 'interrupted' ? reason : undefined;
}

function reportLinks(id: string, lang: Lang): string {
  return `<a href="/api/audits/${id}/report.xlsx" download>${escapeHtml(word('reportXlsx', lang))}</a> · <a href="/api/audits/${id}/report.json" download>${escapeHtml(word('reportJson', lang))}</a>`;
}

/** A failed audit's reason and fix in the request's language (their messages are kept as data). */
export function failureJson(failure: BatchFailure, lang: Lang): { code: string; title: string; message: string; hint: string | null } {
  const { message, hint } = failureWords(failure, lang);
  return { code: failure.code, title: FAILURE_TITLES[failure.code]?.[lang] ?? failure.code, message, hint: hint ?? null };
}

// ---- the month view ----

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function points(change: number | null, lang: Lang): string {
  if (change === null) return '—';
  return word('points', lang, { value: `${change > 0 ? '+' : ''}${(change * 100).toFixed(1)}` });
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** The month view: a month picker, every center of the month, the totals and the summary download. */
export function renderMonth(view: MonthView | undefined, periods: string[], lang: Lang): string {
  const w = (key: PageWord) => escapeHtml(word(key, lang));
  if (!view) return `<h2>${w('month')}</h2><p class="small">${w('noMonth')}</p>`;
  const options = periods.map((p) => `<option value="${escapeHtml(p)}"${p === view.period ? ' selected' : ''}>${escapeHtml(p)}</option>`).join('');
  const head = `<tr><th>${w('center')}</th>${GRADES.map((g) => `<th>${escapeHtml(GRADE_LABELS[g][lang])}</th>`).join('')}<th>${w('findings')}</th><th>${w('handled')}</th><th>${w('onTimeRate')}</th><th>${w('rank')}</th><th>${w('satisfactionRate')}</th><th>${w('rank')}</th><th>${escapeHtml(word('change', lang, { period: view.previousPeriod }))}</th><th>${w('dataIssues')}</th><th>${w('reports')}</th></tr>`;
  const t = view.totals;
  const total = `<tr class="total"><td>${w('total')}</td>${GRADES.map((g) => `<td class="num">${t.byGrade[g]}</td>`).join('')}<td class="num">${t.findings}</td><td class="num">${t.handled}</td><td></td><td></td><td></td><td></td><td></td><td class="num">${t.dataIssues}</td><td></td></tr>`;
  return `<h2>${w('month')} <label class="small">${w('monthPick')} <select id="period">${options}</select></label></h2>
<div class="scroll">
<table id="month-table" data-period="${escapeHtml(view.period)}">
<thead>${head}</thead>
<tbody>${view.centers.map((c) => monthRow(c, lang)).join('')}${total}</tbody>
</table>
</div>
<p><a class="button" id="summary-link" href="/api/periods/${escapeHtml(view.period)}/summary.xlsx?lang=${lang}" download>${w('summary')}</a></p>`;
}

function monthRow(c: MonthCenter, lang: Lang): string {
  const w = (key: PageWord) => escapeHtml(word(key, lang));
  const change = c.change
    ? escapeHtml(word('changeLine', lang, { findings: signed(c.change.findings), onTime: points(c.change.onTimeRate, lang), satisfaction: points(c.change.satisfactionRate, lang) }))
    : w('noPrevious');
  const again = c.status === 'done' ? '' : ` <span class="small">(${w('reauditing')})</span>`;
  return `<tr data-center-audit="${c.auditId}">
<td>${escapeHtml(c.center)}${again}</td>${GRADES.map((g) => `<td class="num" data-grade="${g}">${c.byGrade[g]}</td>`).join('')}
<td class="num">${c.findings}</td><td class="num">${c.handled ?? '—'}</td>
<td class="num" data-figure="onTimeRate">${percent(c.onTimeRate)}</td><td class="num">${c.ranks.onTime ?? '—'}</td>
<td class="num" data-figure="satisfactionRate">${percent(c.satisfactionRate)}</td><td class="num">${c.ranks.satisfaction ?? '—'}</td>
<td class="change">${change}</td><td class="num">${c.dataIssues}</td><td>${reportLinks(c.auditId, lang)}</td>
</tr>`;
}

// ---- style and script ----

const STYLE = `
:root { --line: #d0d7de; --muted: #57606a; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 0 auto; max-width: 1400px; padding: 16px; color: #1f2328; }
header { display: flex; align-items: baseline; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
h1 { font-size: 1.4rem; margin: 0; }
h2 { font-size: 1.15rem; margin: 24px 0 8px; display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
.intro, .small { color: var(--muted); font-size: 0.875rem; }
.drop { border: 2px dashed var(--line); border-radius: 8px; padding: 20px; text-align: center; }
.drop.over { border-color: var(--accent); background: #eef5ff; }
.button { display: inline-block; padding: 6px 14px; border: 1px solid var(--accent); border-radius: 6px; color: var(--accent); cursor: pointer; text-decoration: none; }
.button input { display: none; }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; white-space: nowrap; }
th { background: #f6f8fa; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.name { max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
td.status { white-space: normal; min-width: 140px; max-width: 340px; overflow-wrap: anywhere; }
td.change { white-space: normal; min-width: 200px; }
tr.total td { font-weight: 600; background: #f6f8fa; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.8rem; background: #eaeef2; }
.badge.queued { background: #fff8c5; } .badge.running, .badge.uploading { background: #ddf4ff; }
.badge.done { background: #dafbe1; } .badge.failed { background: #ffebe9; color: #a40e26; }
.reason { margin-top: 4px; } .hint { color: var(--muted); margin-top: 2px; }
progress { width: 100px; height: 8px; vertical-align: middle; margin-left: 6px; }
a { color: var(--accent); }
@media (max-width: 600px) {
  body { padding: 10px; } h1 { font-size: 1.15rem; }
  .drop { padding: 14px 8px; }
  th, td { padding: 5px 6px; }
  td.name { max-width: 140px; }
}
`;

/**
 * The page's script: uploads each chosen or dropped file on its own request (XHR, for upload
 * progress), adds its row, and polls GET /api/audits/:id until the audit is done or failed.
 * When an audit of the month on show finishes, the month view is fetched again as HTML.
 */
const SCRIPT = `
(() => {
  const W = PAGE.words;
  const tbody = document.querySelector('#audits tbody');
  const $ = (sel, root = document) => root.querySelector(sel);
  const text = (el, value) => { el.textContent = value == null ? '' : String(value); };
  // A catalogue template's {name} placeholders. No backslashes: this script is a template literal, which would eat them.
  const fill = (template, vars) => template.replace(/[{]([A-Za-z0-9_]+)[}]/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  const langQuery = 'lang=' + PAGE.lang;

  function badge(status) {
    const span = document.createElement('span');
    span.className = 'badge ' + status;
    span.textContent = W[status];
    return span;
  }

  function newRow(name) {
    const tr = document.createElement('tr');
    tr.dataset.status = 'uploading';
    const cells = ['name', 'status', 'center', 'period', ...PAGE.grades.map(() => 'num'), 'num issues', 'links'];
    cells.forEach((cls, i) => {
      const td = document.createElement('td');
      td.className = cls;
      if (i >= 4 && i < 4 + PAGE.grades.length) td.dataset.grade = PAGE.grades[i - 4];
      tr.appendChild(td);
    });
    text($('.name', tr), name);
    const status = $('.status', tr);
    status.appendChild(badge('uploading'));
    const bar = document.createElement('progress');
    bar.max = 100; bar.value = 0;
    status.appendChild(bar);
    tbody.prepend(tr);
    $('#no-uploads').hidden = true;
    return tr;
  }

  function showStatus(tr, audit, note) {
    tr.dataset.status = audit.status;
    tr.dataset.audit = audit.id;
    const status = $('.status', tr);
    status.replaceChildren(badge(audit.status));
    const lines = [];
    if (note) lines.push(['small', note]);
    if (audit.queueReason === 'history-changed' || audit.queueReason === 'interrupted') lines.push(['small', W[audit.queueReason]]);
    if (audit.status === 'failed' && audit.failure) {
      const title = audit.failure.title || PAGE.failureTitles[audit.failure.code] || audit.failure.code;
      lines.push(['reason', fill(W.reason, { title, message: audit.failure.message })]);
      if (audit.failure.hint) lines.push(['hint', fill(W.fix, { hint: audit.failure.hint })]);
    }
    for (const [cls, value] of lines) {
      const div = document.createElement('div');
      div.className = cls;
      div.textContent = value;
      status.appendChild(div);
    }
    text($('.center', tr), audit.center);
    text($('.period', tr), audit.period);
    for (const g of PAGE.grades) text($('[data-grade="' + g + '"]', tr), audit.byGrade ? audit.byGrade[g] : '');
    text($('.issues', tr), audit.dataIssueCount ?? '');
    const links = $('.links', tr);
    links.replaceChildren();
    if (audit.reports) {
      for (const [key, url] of [['reportXlsx', audit.reports.xlsx], ['reportJson', audit.reports.json]]) {
        if (links.childNodes.length) links.append(' · ');
        const a = document.createElement('a');
        a.href = url; a.download = ''; a.textContent = W[key];
        links.appendChild(a);
      }
    }
  }

  function refused(tr, body) {
    tr.dataset.status = 'failed';
    const status = $('.status', tr);
    status.replaceChildren(badge('failed'));
    for (const [cls, value] of [['reason', fill(W.uploadFailed, { message: body.message || '' })], ['hint', body.hint ? fill(W.fix, { hint: body.hint }) : '']]) {
      if (!value) continue;
      const div = document.createElement('div');
      div.className = cls; div.textContent = value;
      status.appendChild(div);
    }
  }

  async function follow(tr, id, note) {
    for (let delay = 500; ; delay = Math.min(delay * 1.5, 4000)) {
      const res = await fetch('/api/audits/' + id + '?' + langQuery, { credentials: 'same-origin' });
      const audit = await res.json();
      if (!res.ok) return refused(tr, audit);
      showStatus(tr, audit, note);
      if (audit.status === 'done' || audit.status === 'failed') {
        if (audit.status === 'done') refreshMonth(audit.period);
        return;
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  function upload(file) {
    const tr = newRow(file.name);
    const form = new FormData();
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/audits?' + langQuery);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) $('progress', tr).value = Math.round((e.loaded / e.total) * 100); };
    xhr.onload = () => {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = { message: xhr.statusText }; }
      if (xhr.status !== 202) return refused(tr, body);
      const stored = body.audits[0];
      const existing = document.querySelector('tr[data-audit="' + stored.id + '"]');
      if (existing && existing !== tr) existing.remove();
      follow(tr, stored.id, stored.duplicate ? W.duplicate : '');
    };
    xhr.onerror = () => refused(tr, { message: xhr.statusText || 'network error' });
    xhr.send(form);
  }

  async function refreshMonth(period) {
    const select = $('#period');
    const shown = select ? select.value : undefined;
    // A later month than the one on show is the month being uploaded: show it; an earlier one
    // (a late correction) leaves the view where the reader put it, brought up to date.
    const target = !shown || (period && period >= shown) ? period : shown;
    if (!target) return;
    const res = await fetch('/month?period=' + encodeURIComponent(target) + '&' + langQuery, { credentials: 'same-origin' });
    if (res.ok) { $('#month').innerHTML = await res.text(); bindMonth(); }
  }

  function bindMonth() {
    const select = $('#period');
    if (select) select.onchange = () => refreshMonth(select.value);
  }

  const input = $('#files');
  input.onchange = () => { for (const f of input.files) upload(f); input.value = ''; };
  const drop = $('#upload');
  drop.ondragover = (e) => { e.preventDefault(); drop.classList.add('over'); };
  drop.ondragleave = () => drop.classList.remove('over');
  drop.ondrop = (e) => { e.preventDefault(); drop.classList.remove('over'); for (const f of e.dataTransfer.files) upload(f); };
  for (const tr of tbody.querySelectorAll('tr')) {
    if (tr.dataset.status === 'queued' || tr.dataset.status === 'running') follow(tr, tr.dataset.audit, '');
  }
  bindMonth();
})();
`;
