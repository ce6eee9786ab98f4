/**
 * `duty-audit serve`: the upload service's HTTP side (docs/service.md). fastify with
 * @fastify/multipart; the index and queue in SQLite (./store.ts); audits on worker threads
 * (./queue.ts), never on this thread, which only receives files, checks them (./guards.ts), stores
 * them and answers.
 *
 *   GET  /                                   the page (?lang=en for English)
 *   GET  /month?period=YYYY-MM               the page's month view, as an HTML fragment
 *   POST /api/audits                         multipart, one or many files → 202 with each audit's id
 *   GET  /api/audits                         the latest audits
 *   GET  /api/audits/:id                     status, center, period, counts, data issues, failure
 *   GET  /api/audits/:id/report.xlsx|json    the reports
 *   GET  /api/periods                        the months with a finished audit
 *   GET  /api/periods/:period                every center of the month
 *   GET  /api/periods/:period/summary.xlsx   the district summary
 *
 * A request is refused as a whole: the files of one upload request are all stored, or none is.
 * The page sends each file on its own request, so one bad file refuses only itself.
 *
 * Beyond loopback a token is required for every request, the page included (reports hold names
 * and phone numbers); the service will not start there without one. The token comes as
 * `Authorization: Bearer T`, or once as `/?token=T`, which sets an HttpOnly cookie and sends the
 * browser on to the same page without the token in its address.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Multipart from '@fastify/multipart';
import type { fastify as Fastify, FastifyInstance, FastifyRequest } from 'fastify';
import { DutyAuditError, isLang, type Lang } from '../index.js';
import { msg } from '../messages/catalogue.js';
import { ApiError, errorBody } from './api-errors.js';
import { DEFAULT_UPLOAD_LIMITS, sniffUpload, type UploadLimits } from './guards.js';
import { monthView, PERIOD_PATTERN, writeMonthSummary } from './month.js';
import { failureJson, renderMonth, renderPage } from './page.js';
import { JobQueue } from './queue.js';
import { ID_PATTERN, newId, Store, type AuditRecord, type StagedUpload } from './store.js';

export interface ServeOptions {
  /** The data folder: index, uploads, reports. Created when missing. */
  data: string;
  host?: string;
  port?: number;
  /** Audits at once (worker threads). */
  jobs?: number;
  /** Required on every request when set; required to listen beyond loopback. */
  token?: string;
  /** The per-file upload limit in MB (413 above it). */
  maxMb?: number;
  /** The language of the reports written (the page and API answer in either). */
  lang?: Lang;
  /** Mask phone numbers in reports (default true). */
  mask?: boolean;
  rulesDir?: string;
  /** Zip limits beyond the file size (tests lower them). */
  limits?: Partial<Omit<UploadLimits, 'maxFileBytes'>>;
  /** The worker module (tests: a slow one, to be killed mid-audit). */
  workerFile?: string | URL;
  /** fastify's request log (off by default; the CLI turns it on). */
  logger?: boolean;
}

export interface Service {
  app: FastifyInstance;
  store: Store;
  queue: JobQueue;
  close(): Promise<void>;
}

/** Files per upload request: a district's month fits; more is someone's mistake. */
export const MAX_FILES_PER_REQUEST = 50;
const COOKIE = 'duty_audit_token';

/** Loopback: the only place the service listens without a token. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/** Builds the service (not yet listening): tests call this and use app.inject. */
export async function createService(options: ServeOptions): Promise<Service> {
  const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...options.limits, maxFileBytes: Math.round((options.maxMb ?? 50) * 1024 * 1024) };
  const maxMb = options.maxMb ?? 50;
  const store = Store.open(options.data);
  const queue = new JobQueue(store, {
    jobs: Math.max(1, Math.floor(options.jobs ?? 2)),
    lang: options.lang ?? 'zh',
    mask: options.mask ?? true,
    limits,
    ...(options.rulesDir ? { rulesDir: options.rulesDir } : {}),
    ...(options.workerFile ? { workerFile: options.workerFile } : {}),
  });

  // fastify, its multipart plugin and better-sqlite3 are loaded when a service starts, not with
  // the bin: every other command would pay ~150 ms of CPU for them (measured: the three imported
  // alone), and the bundled bin leaves them in node_modules (scripts/bundle-bin.mjs).
  const load = createRequire(import.meta.url);
  const fastify = load('fastify') as typeof Fastify;
  const multipart = load('@fastify/multipart') as typeof Multipart;
  const app = fastify({ logger: options.logger ?? false, trustProxy: false });
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: limits.maxFileBytes, files: MAX_FILES_PER_REQUEST, fields: 20, parts: MAX_FILES_PER_REQUEST + 20 },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff').header('Referrer-Policy', 'no-referrer').header('Cache-Control', 'no-store');
    if (options.token === undefined) return;
    const supplied = bearer(request) ?? cookie(request, COOKIE) ?? queryToken(request);
    if (supplied === undefined || !sameToken(supplied, options.token)) throw new ApiError('token-required');
  });

  app.setErrorHandler((error, request, reply) => {
    const api = toApiError(error);
    if (api.status === 500) request.log.error(error);
    void reply.code(api.status).type('application/json; charset=utf-8').send(errorBody(api, langOf(request)));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody(new ApiError('not-found', { path: request.url.split('?')[0]! }), langOf(request)));
  });

  // ---- the page ----

  app.get('/', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    if (options.token !== undefined && q['token'] !== undefined) {
      // The token has been checked: keep it in a cookie and take it out of the address bar.
      const rest = q['lang'] ? `/?lang=${encodeURIComponent(q['lang'])}` : '/';
      return reply.header('Set-Cookie', `${COOKIE}=${encodeURIComponent(options.token)}; HttpOnly; SameSite=Strict; Path=/`).redirect(rest, 303);
    }
    const lang = langOf(request);
    const periods = store.periods();
    const period = q['period'] && PERIOD_PATTERN.test(q['period']) ? q['period'] : periods[0];
    const nonce = randomBytes(16).toString('base64');
    reply
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`);
    return renderPage({ lang, nonce, maxMb, audits: store.recentAudits(), periods, month: period ? monthView(store, period) : undefined });
  });

  app.get('/month', async (request, reply) => {
    const period = (request.query as Record<string, string | undefined>)['period'] ?? '';
    if (!PERIOD_PATTERN.test(period)) throw new ApiError('bad-period', { period });
    reply.type('text/html; charset=utf-8');
    return renderMonth(monthView(store, period), store.periods(), langOf(request));
  });

  // ---- uploads ----

  app.post('/api/audits', async (request, reply) => {
    if (!request.isMultipart()) throw new ApiError('not-multipart');
    const staged = await receiveFiles(request, store, limits);
    try {
      if (staged.length === 0) throw new ApiError('no-files');
      const checked: StagedUpload[] = [];
      for (const file of staged) checked.push({ ...file, kind: await sniffUpload(file.temp.path, file.name, file.bytes, limits) });
      const stored = await store.storeUploads(checked);
      queue.pump();
      return reply.code(202).send({ audits: stored.map((s) => ({ ...s, url: `/api/audits/${s.id}` })) });
    } finally {
      // Stored files are committed already; this removes the rest.
      await Promise.all(staged.map((s) => s.temp.discard()));
    }
  });

  // ---- audits ----

  app.get('/api/audits', async (request) => ({ audits: store.recentAudits().map((a) => auditJson(a, langOf(request))) }));

  app.get('/api/audits/:id', async (request) => {
    const audit = findAudit(store, request);
    const body = auditJson(audit, langOf(request));
    if (audit.summary) Object.assign(body, reportDetails(store.reportFile(audit.id, 'json'), audit.names[0] ?? ''));
    return body;
  });

  for (const format of ['xlsx', 'json'] as const) {
    app.get(`/api/audits/:id/report.${format}`, async (request, reply) => {
      const audit = findAudit(store, request);
      const notReady = () => new ApiError('report-not-ready', { id: audit.id, status: audit.status });
      if (!audit.summary) throw notReady();
      // Opened once, measured and sent from that one handle: a re-audit renames a new report over
      // this path at any moment, and a length taken from the path could belong to the other file.
      const handle = await open(store.reportFile(audit.id, format), 'r').catch((error: unknown) => {
        throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? notReady() : error;
      });
      let size: number;
      try {
        size = (await handle.stat()).size;
      } catch (error) {
        await handle.close();
        throw error;
      }
      const name = `${audit.center ?? 'report'}-${audit.period ?? ''}.${format}`;
      reply
        .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/json; charset=utf-8')
        .header('Content-Disposition', attachment(name))
        .header('Content-Length', size);
      return reply.send(handle.createReadStream());
    });
  }

  // ---- months ----

  app.get('/api/periods', async () => ({ periods: store.periods() }));

  app.get('/api/periods/:period', async (request) => {
    const period = periodParam(request);
    const view = monthView(store, period);
    if (!view) throw new ApiError('period-not-found', { period });
    return {
      ...view,
      summary: `/api/periods/${period}/summary.xlsx`,
      centers: view.centers.map((c) => ({ ...c, reports: reportUrls(c.auditId) })),
    };
  });

  app.get('/api/periods/:period/summary.xlsx', async (request, reply) => {
    const period = periodParam(request);
    if (store.standingAudits(period).length === 0) throw new ApiError('period-not-found', { period });
    const file = join(store.tmpDir, `summary-${newId()}.xlsx`);
    try {
      await writeMonthSummary(store, period, file, langOf(request));
      const bytes = readFileSync(file);
      reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('Content-Disposition', attachment(`district-summary-${period}.xlsx`));
      return reply.send(bytes);
    } finally {
      await rm(file, { force: true });
    }
  });

  app.addHook('onClose', async () => {
    await queue.close();
    store.close();
  });

  try {
    await queue.start();
  } catch (error) {
    // The history folder could not be mended (Store.syncHistoryFolder): close what is open, then say why.
    await app.close();
    throw error;
  }
  return { app, store, queue, close: () => app.close() };
}

/** Checks the host and token, builds the service and listens. */
export async function startService(options: ServeOptions): Promise<Service & { url: string }> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.token) {
    throw new DutyAuditError('bad-usage', msg('serve.openHost', { host }), { hint: msg('serve.openHost.hint') });
  }
  const service = await createService(options);
  const address = await service.app.listen({ host, port: options.port ?? 8080 });
  return { ...service, url: address };
}

// ---- receiving files ----

type Received = Omit<StagedUpload, 'kind'>;

/**
 * Writes each file part to a temporary file beside the stored files (Store.receivingFile),
 * hashing it on the way. A part over the size limit is cut off by multipart: the rest of the
 * request is still read (so the client gets the answer, not a reset), then the whole request is
 * refused with 413.
 */
async function receiveFiles(request: FastifyRequest, store: Store, limits: UploadLimits): Promise<Received[]> {
  const received: Received[] = [];
  let refusal: ApiError | undefined;
  try {
    for await (const part of request.files()) {
      const name = displayName(part.filename);
      if (refusal) {
        part.file.resume();
        continue;
      }
      const temp = store.receivingFile();
      const hash = createHash('sha256');
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      received.push({ temp, name, sha256: '', bytes: 0 });
      await pipeline(part.file, counter, createWriteStream(temp.path, { flags: 'wx' }));
      if (part.file.truncated) {
        refusal = new ApiError('file-too-large', { file: name, limitMb: Math.round(limits.maxFileBytes / (1024 * 1024)) });
        continue;
      }
      Object.assign(received[received.length - 1]!, { sha256: hash.digest('hex'), bytes });
    }
  } catch (err) {
    await Promise.all(received.map((r) => r.temp.discard()));
    throw err;
  }
  if (refusal) {
    await Promise.all(received.map((r) => r.temp.discard()));
    throw refusal;
  }
  return received;
}

/** The name as sent, for showing only: no folders, no control characters, at most 200 characters. */
export function displayName(filename: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (filename ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 200) || 'upload';
}

// ---- answers ----

function langOf(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.['lang'];
  if (isLang(q)) return q;
  return 'zh';
}

function findAudit(store: Store, request: FastifyRequest): AuditRecord {
  const id = (request.params as { id: string }).id;
  const audit = ID_PATTERN.test(id) ? store.audit(id) : undefined;
  if (!audit) throw new ApiError('bad-id', { id: id.slice(0, 64) });
  return audit;
}

function periodParam(request: FastifyRequest): string {
  const period = (request.params as { period: string }).period;
  if (!PERIOD_PATTERN.test(period)) throw new ApiError('bad-period', { period: period.slice(0, 32) });
  return period;
}

function reportUrls(id: string): { xlsx: string; json: string } {
  return { xlsx: `/api/audits/${id}/report.xlsx`, json: `/api/audits/${id}/report.json` };
}

function auditJson(a: AuditRecord, lang: Lang) {
  return {
    id: a.id,
    status: a.status,
    queueReason: a.queueReason,
    names: a.names,
    kind: a.kind,
    bytes: a.bytes,
    sha256: a.sha256,
    uploadedAt: a.uploadedAt,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    center: a.center,
    district: a.district,
    period: a.period,
    asOf: a.summary?.asOf ?? null,
    byGrade: a.summary?.byGrade ?? null,
    findings: a.summary?.findings ?? null,
    dataIssueCount: a.summary?.dataIssues ?? null,
    service: a.summary?.service ?? null,
    toAct: a.summary?.toAct ?? null,
    failure: a.failure ? failureJson(a.failure, lang) : null,
    reports: a.summary ? reportUrls(a.id) : null,
    history: a.history,
  };
}

/** Data issues shown with an audit: the first ones in full (the report lists them all). */
export const DATA_ISSUES_SHOWN = 200;

/**
 * What the JSON report adds to an audit's status: its findings by status, its data issues (each
 * naming the upload, not the stored file's path) and warnings.
 */
function reportDetails(file: string, uploadName: string): { byStatus: unknown; dataIssues: unknown[]; warnings: unknown[] } {
  if (!existsSync(file)) return { byStatus: null, dataIssues: [], warnings: [] };
  const report = JSON.parse(readFileSync(file, 'utf8')) as { summary?: { byStatus?: unknown }; dataIssues?: Record<string, unknown>[]; warnings?: unknown[] };
  const dataIssues = (report.dataIssues ?? []).slice(0, DATA_ISSUES_SHOWN).map((issue) => ({ ...issue, file: uploadName }));
  // Every finding by status (counted, regraded, reported-before, merged, withdrawn); the audit's
  // findings and byGrade count only the first two (docs/grading.md).
  return { byStatus: report.summary?.byStatus ?? null, dataIssues, warnings: report.warnings ?? [] };
}

/** A download name: ASCII fallback plus the UTF-8 name (RFC 6266), never a path. */
function attachment(name: string): string {
  const clean = name.replace(/[\\/"\r\n]/g, '_');
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}

// ---- the token ----

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const m = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return m ? m[1]!.trim() : undefined;
}

function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function queryToken(request: FastifyRequest): string | undefined {
  const t = (request.query as Record<string, unknown> | undefined)?.['token'];
  return typeof t === 'string' ? t : undefined;
}

/** Compared in constant time, as digests so the lengths match. */
function sameToken(supplied: string, token: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(supplied), digest(token));
}

/** fastify's and multipart's own errors, under the service's codes. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return new ApiError('too-many-files', { max: MAX_FILES_PER_REQUEST });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_MULTIPART_INVALID_CONTENT_TYPE') return new ApiError('not-multipart');
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 400 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new ApiError('not-multipart');
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiError('internal', { detail });
}

