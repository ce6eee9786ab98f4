/**
 * The service's storage (docs/service.md, "Storage"): one data folder holding the uploaded files,
 * the reports and an SQLite index, nothing else to install.
 *
 *   DATA/index.sqlite                  uploads, audits, centers, periods, each center's months, the job queue
 *   DATA/files/<sha256>.<kind>         each distinct upload once, named by its content hash (received
 *                                      beside them in a hidden .partial file; those left are removed at start)
 *   DATA/reports/<audit id>/report.*   the audit's xlsx and JSON reports
 *   DATA/history/<center key>-<period>.json
 *                                      the JSON report that stands for each center's month: what a
 *                                      later month's audit reads as history (docs/grading.md)
 *   DATA/tmp/                          job folders, summaries being written; emptied at start
 *
 * No uploaded file name is ever part of a path: names are kept as text to show. Ids are 128
 * random bits (hex), so one audit's id says nothing about another's.
 *
 * The job queue lives in the same database: an upload's file is written and synced, then its
 * audit and its job are inserted in one transaction, before the upload is answered. A job is
 * `queued` or `running`; a job found `running` when the service starts was interrupted and runs
 * again (after a few interruptions of one job it is failed instead, so one poisonous file cannot
 * keep the service restarting).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { DutyAuditError, type BatchFailure, type CenterSummary } from '../index.js';
import { sha256File } from '../audit/inputs.js';
import { msg } from '../messages/catalogue.js';
import { openTemp, writeFileAtomically, type TempFile } from '../output/atomic-file.js';
import { isTempName } from '../output/temp-name.js';
import { writeFailure } from '../output/write-error.js';
import type { UploadKind } from './guards.js';

export type AuditStatus = 'queued' | 'running' | 'done' | 'failed';

/** Why an audit is queued: a new upload, a restart, or an earlier month of its center that changed. */
export type QueueReason = 'uploaded' | 'interrupted' | 'history-changed';

export interface AuditRecord {
  id: string;
  sha256: string;
  kind: UploadKind;
  bytes: number;
  status: AuditStatus;
  /** The names it was uploaded under (text to show, never a path), first upload first. */
  names: string[];
  uploadedAt: string;
  queueReason: QueueReason | null;
  center: string | null;
  centerKey: string | null;
  district: string | null;
  period: string | null;
  summary: CenterSummary | null;
  failure: BatchFailure | null;
  /** SHA-256 of the earlier reports this audit read as history (empty when none); null until it is audited. */
  history: string[] | null;
  reportSha256: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A file received and checked, ready to be stored. */
export interface StagedUpload {
  /** Where it was received: a temporary file beside the stored files (Store.receivingFile). */
  temp: TempFile;
  name: string;
  sha256: string;
  bytes: number;
  kind: UploadKind;
}

export interface StoredUpload {
  id: string;
  name: string;
  /** True when the same bytes were uploaded before: that audit is answered, not a new one. */
  duplicate: boolean;
  status: AuditStatus;
}

export interface ClaimedJob {
  auditId: string;
  kind: UploadKind;
  file: string;
  /** The name it was first uploaded under: text, the center's name when the ledger gives none. */
  uploadName: string;
}

/** What a finished audit brings back from its worker. */
export type JobOutcome =
  | { ok: true; summary: CenterSummary; reportSha256: string; history: string[] }
  | { ok: false; failure: BatchFailure };

/** An audited job as finishJob recorded it: its center and month, and whether it stands for them. */
export interface FinishedJob {
  centerId: number;
  centerKey: string;
  period: string;
  standing: boolean;
  /** Standing with a report of other bytes than the month's report before it (or the month's first). */
  changed: boolean;
}

/** The audit standing for one center's month: its latest upload that was audited. */
export interface StandingAudit {
  auditId: string;
  center: string;
  centerKey: string;
  period: string;
  summary: CenterSummary;
  names: string[];
  sha256: string;
  kind: UploadKind;
  status: AuditStatus;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS centers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  key TEXT NOT NULL UNIQUE,
  district TEXT
);
CREATE TABLE IF NOT EXISTS periods (
  period TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS audits (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  queue_reason TEXT,
  center_id INTEGER REFERENCES centers(id),
  period TEXT REFERENCES periods(period),
  summary TEXT,
  failure TEXT,
  history TEXT,
  report_sha256 TEXT,
  -- The history generation when this audit last started: an earlier month of its center that
  -- changed after it (center_months.changed_gen greater) means it read other history.
  claimed_gen INTEGER,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE TABLE IF NOT EXISTS uploads (
  id TEXT PRIMARY KEY,
  audit_id TEXT NOT NULL REFERENCES audits(id),
  name TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS uploads_by_audit ON uploads(audit_id);
-- Each center's history: the audit that stands for each of its months.
CREATE TABLE IF NOT EXISTS center_months (
  center_id INTEGER NOT NULL REFERENCES centers(id),
  period TEXT NOT NULL REFERENCES periods(period),
  audit_id TEXT NOT NULL REFERENCES audits(id),
  -- When the report standing for this month last changed (the history generation, counting up).
  changed_gen INTEGER NOT NULL,
  PRIMARY KEY (center_id, period)
);
CREATE TABLE IF NOT EXISTS jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  audit_id TEXT NOT NULL UNIQUE REFERENCES audits(id),
  state TEXT NOT NULL CHECK (state IN ('queued', 'running')),
  attempts INTEGER NOT NULL DEFAULT 0
);
`;

/** Starts of one job that each ended with the service stopping: after this many it is failed. */
export const MAX_ATTEMPTS = 3;

export function newId(): string {
  return randomBytes(16).toString('hex');
}

export const ID_PATTERN = /^[0-9a-f]{32}$/;

const EXTENSIONS: Record<UploadKind, string> = { xlsx: 'xlsx', csv: 'csv', 'zip-csv': 'zip' };

export class Store {
  readonly root: string;
  readonly db: Database.Database;
  /** Standing reports being copied to the history folder (finishJob): no job is claimed meanwhile. */
  private placing = 0;

  private constructor(root: string) {
    this.root = root;
    for (const dir of ['files', 'reports', 'history', 'tmp']) mkdirSync(join(root, dir), { recursive: true });
    // Whatever was half-unpacked (tmp/), half-received (files/) or half-copied (history/) when the
    // service stopped is of no use now.
    rmSync(this.tmpDir, { recursive: true, force: true });
    mkdirSync(this.tmpDir, { recursive: true });
    for (const dir of ['files', 'history']) {
      for (const name of readdirSync(join(root, dir))) if (isTempName(name)) rmSync(join(root, dir, name), { force: true });
    }
    // Loaded when a service opens its index, not with the bin (see server.ts).
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
    this.db = new Sqlite(join(root, 'index.sqlite'));
    // WAL lets the page read while an audit's result is written; synchronous FULL makes each
    // commit durable before the upload is answered.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
  }

  static open(root: string): Store {
    return new Store(root);
  }

  close(): void {
    this.db.close();
  }

  get tmpDir(): string {
    return join(this.root, 'tmp');
  }

  fileOf(sha256: string, kind: UploadKind): string {
    return join(this.root, 'files', `${sha256}.${EXTENSIONS[kind]}`);
  }

  reportDir(auditId: string): string {
    return join(this.root, 'reports', auditId);
  }

  reportFile(auditId: string, format: 'xlsx' | 'json'): string {
    return join(this.reportDir(auditId), `report.${format}`);
  }

  historyDir(): string {
    return join(this.root, 'history');
  }

  // ---- uploads ----

  /**
   * A temporary file to receive an upload into, beside the stored files: its name (the content
   * hash) is known once it is received, and it is committed under that name (storeUploads).
   */
  receivingFile(): TempFile {
    return openTemp(join(this.root, 'files', 'upload'));
  }

  /**
   * Stores checked uploads: each distinct file once under its hash, then its audit and job in
   * one transaction. Bytes seen before answer with the audit they already have. Each file is
   * flushed, renamed and its folder flushed (atomic-file.ts) before the transaction, so after a
   * crash no audit names a file that is not there.
   */
  async storeUploads(staged: readonly StagedUpload[], now = new Date()): Promise<StoredUpload[]> {
    for (const upload of staged) {
      const target = this.fileOf(upload.sha256, upload.kind);
      if (existsSync(target)) await upload.temp.discard();
      else await upload.temp.commit(target);
    }
    const at = now.toISOString();
    const findBySha = this.db.prepare<[string], { id: string; status: AuditStatus; stands_elsewhere: number }>(
      `SELECT a.id, a.status, EXISTS (SELECT 1 FROM center_months m WHERE m.center_id = a.center_id AND m.period = a.period AND m.audit_id <> a.id) AS stands_elsewhere
       FROM audits a WHERE a.sha256 = ?`,
    );
    const nextSeq = this.db.prepare<[], { seq: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM audits');
    const moveToLatest = this.db.prepare('UPDATE audits SET seq = ? WHERE id = ?');
    const insertAudit = this.db.prepare(
      `INSERT INTO audits (id, sha256, kind, bytes, seq, status, queue_reason, created_at) VALUES (?, ?, ?, ?, ?, 'queued', 'uploaded', ?)`,
    );
    const insertJob = this.db.prepare(`INSERT INTO jobs (audit_id, state) VALUES (?, 'queued')`);
    const insertUpload = this.db.prepare('INSERT INTO uploads (id, audit_id, name, received_at) VALUES (?, ?, ?, ?)');
    return this.db.transaction(() =>
      staged.map((upload): StoredUpload => {
        const known = findBySha.get(upload.sha256);
        const id = known?.id ?? newId();
        let status: AuditStatus = known?.status ?? 'queued';
        if (!known) {
          insertAudit.run(id, upload.sha256, upload.kind, upload.bytes, nextSeq.get()!.seq, at);
          insertJob.run(id);
        } else if (known.status === 'queued' || known.status === 'running' || (known.status === 'done' && known.stands_elsewhere)) {
          // Uploaded again, it is its month's latest upload, which is the one that stands: a
          // center taking back a corrected file by sending the first one again. Where another
          // upload of the month stands meanwhile, it is audited again, and standing then, it
          // goes into the history folder and the months after it are reconciled (finishJob).
          // (One that stands already, or failed, is answered as it is.)
          moveToLatest.run(nextSeq.get()!.seq, id);
          if (known.status === 'done') {
            this.requeue(id, 'uploaded');
            status = 'queued';
          }
        }
        insertUpload.run(newId(), id, upload.name, at);
        return { id, name: upload.name, duplicate: known !== undefined, status };
      }),
    )();
  }

  // ---- the queue ----

  /**
   * At start: jobs left `running` were interrupted. Each is queued again, unless it has already
   * been started MAX_ATTEMPTS times, when it is failed with that reason. Returns how many.
   */
  recoverInterrupted(now = new Date()): { requeued: number; failed: number } {
    const stuck = this.db.prepare<[], { audit_id: string; attempts: number }>(`SELECT audit_id, attempts FROM jobs WHERE state = 'running'`).all();
    let requeued = 0;
    let failed = 0;
    this.db.transaction(() => {
      for (const job of stuck) {
        if (job.attempts >= MAX_ATTEMPTS) {
          this.recordOutcome(job.audit_id, { ok: false, failure: interruptedFailure(job.attempts) }, now);
          failed += 1;
        } else {
          this.db.prepare(`UPDATE jobs SET state = 'queued' WHERE audit_id = ?`).run(job.audit_id);
          this.db.prepare(`UPDATE audits SET status = 'queued', queue_reason = 'interrupted' WHERE id = ?`).run(job.audit_id);
          requeued += 1;
        }
      }
    })();
    return { requeued, failed };
  }

  /** Takes the oldest queued job and marks it running (with its audit); none while a report is being placed (finishJob). */
  claimNextJob(now = new Date()): ClaimedJob | undefined {
    if (this.placing > 0) return undefined;
    return this.db.transaction((): ClaimedJob | undefined => {
      const job = this.db
        .prepare<[], { audit_id: string; kind: UploadKind; sha256: string }>(
          `SELECT j.audit_id, a.kind, a.sha256 FROM jobs j JOIN audits a ON a.id = j.audit_id WHERE j.state = 'queued' ORDER BY j.seq LIMIT 1`,
        )
        .get();
      if (!job) return undefined;
      this.db.prepare(`UPDATE jobs SET state = 'running', attempts = attempts + 1 WHERE audit_id = ?`).run(job.audit_id);
      this.db.prepare(`UPDATE audits SET status = 'running', started_at = ?, claimed_gen = ? WHERE id = ?`).run(now.toISOString(), this.generation(), job.audit_id);
      const first = this.db.prepare<[string], { name: string }>('SELECT name FROM uploads WHERE audit_id = ? ORDER BY received_at, rowid LIMIT 1').get(job.audit_id);
      return { auditId: job.audit_id, kind: job.kind, file: this.fileOf(job.sha256, job.kind), uploadName: first?.name ?? '' };
    })();
  }

  pendingJobs(): number {
    return this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM jobs').get()!.n;
  }

  /**
   * Records a finished job. An audited upload names its center and period; it becomes the audit
   * standing for that month unless a later upload of the same month already does, and when the
   * month's standing report changes, the month gets the next history generation (the months
   * after it that started before then read other history). A failed re-audit leaves the month's
   * last report standing. Returns the center and period when audited.
   *
   * A standing audit's JSON report that changed is then put in the history folder, where later
   * months read it; an unchanged one is there already, byte for byte, and is left alone (a
   * re-audit of unchanged input copies nothing and claims go on). The index says the month stands
   * before the file is there, so no job is claimed until it is: a job claimed at the new
   * generation counts as having read it. A crash in between is mended at the next start
   * (syncHistoryFolder). A copy that fails throws a DutyAuditError naming the file and the cause,
   * and leaves no job claimed from then on, since a job claimed now would read a folder that
   * lacks the month the index says stands: the queue halts (queue.ts), whoever runs the service
   * closes it (the CLI, exit 2), and the next start mends the folder.
   */
  async finishJob(auditId: string, outcome: JobOutcome, now = new Date()): Promise<FinishedJob | undefined> {
    const finished = this.recordOutcome(auditId, outcome, now);
    if (finished?.standing && finished.changed) {
      // Not in a finally: after a failed copy the gate stays shut (see above).
      this.placing += 1;
      await this.placeHistory(finished.centerKey, finished.period, auditId);
      this.placing -= 1;
    }
    return finished;
  }

  /** finishJob's record in the index: one transaction, which alone decides whether the audit stands. */
  private recordOutcome(auditId: string, outcome: JobOutcome, now: Date): FinishedJob | undefined {
    const at = now.toISOString();
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM jobs WHERE audit_id = ?').run(auditId);
      if (!outcome.ok) {
        this.db.prepare(`UPDATE audits SET status = 'failed', queue_reason = NULL, failure = ?, finished_at = ? WHERE id = ?`).run(JSON.stringify(outcome.failure), at, auditId);
        return undefined;
      }
      const { summary } = outcome;
      const centerId = this.centerId(summary.center, summary.district);
      this.db.prepare('INSERT OR IGNORE INTO periods (period) VALUES (?)').run(summary.period);
      const standing = this.wouldStand(auditId, centerId, summary.period);
      let changed = false;
      if (standing) {
        const before = this.db
          .prepare<[number, string], { report_sha256: string | null }>(
            'SELECT a.report_sha256 FROM center_months m JOIN audits a ON a.id = m.audit_id WHERE m.center_id = ? AND m.period = ?',
          )
          .get(centerId, summary.period);
        // The month's history changes only when its standing report's bytes do: a re-audit that
        // writes the same report leaves the months after it alone.
        changed = before === undefined || before.report_sha256 !== outcome.reportSha256;
        this.db
          .prepare(
            `INSERT INTO center_months (center_id, period, audit_id, changed_gen) VALUES (?, ?, ?, ?)
             ON CONFLICT(center_id, period) DO UPDATE SET audit_id = excluded.audit_id,
               changed_gen = CASE WHEN ? THEN excluded.changed_gen ELSE center_months.changed_gen END`,
          )
          .run(centerId, summary.period, auditId, this.generation() + 1, changed ? 1 : 0);
      }
      this.db
        .prepare(
          `UPDATE audits SET status = 'done', queue_reason = NULL, center_id = ?, period = ?, summary = ?, failure = NULL, history = ?, report_sha256 = ?, finished_at = ? WHERE id = ?`,
        )
        .run(centerId, summary.period, JSON.stringify(summary), JSON.stringify(outcome.history), outcome.reportSha256, at, auditId);
      return { centerId, centerKey: centerKey(summary.center), period: summary.period, standing, changed };
    })();
  }

  /** True when this audit is the latest upload of the center's month that was audited (or will be, once recorded). */
  private wouldStand(auditId: string, centerId: number, period: string): boolean {
    const held = this.db
      .prepare<[number, string], { seq: number }>('SELECT a.seq FROM center_months m JOIN audits a ON a.id = m.audit_id WHERE m.center_id = ? AND m.period = ?')
      .get(centerId, period);
    const mine = this.db.prepare<[string], { seq: number }>('SELECT seq FROM audits WHERE id = ?').get(auditId)!.seq;
    return !held || held.seq <= mine;
  }

  /** The history generation: the latest change of any month's standing report. */
  generation(): number {
    return this.db.prepare<[], { g: number | null }>('SELECT MAX(changed_gen) AS g FROM center_months').get()!.g ?? 0;
  }

  /**
   * The center's standing, finished months whose earlier months' reports changed after the
   * month's audit started: they read other history than stands now.
   */
  staleMonths(centerId: number): string[] {
    return this.db
      .prepare<[number, number], { audit_id: string }>(
        `SELECT m.audit_id FROM center_months m JOIN audits a ON a.id = m.audit_id
         WHERE m.center_id = ? AND a.status = 'done'
           AND EXISTS (SELECT 1 FROM center_months e WHERE e.center_id = ? AND e.period < m.period AND e.changed_gen > COALESCE(a.claimed_gen, 0))
         ORDER BY m.period`,
      )
      .all(centerId, centerId)
      .map((r) => r.audit_id);
  }

  /** A job cut short by a deliberate stop: queued again, and this start not counted as an attempt. */
  releaseJob(auditId: string): void {
    this.db.transaction(() => {
      const changed = this.db.prepare(`UPDATE jobs SET state = 'queued', attempts = MAX(0, attempts - 1) WHERE audit_id = ? AND state = 'running'`).run(auditId);
      if (changed.changes > 0) this.db.prepare(`UPDATE audits SET status = 'queued', queue_reason = 'interrupted' WHERE id = ?`).run(auditId);
    })();
  }

  /** Queues a finished audit again (an earlier month of its center changed). */
  requeue(auditId: string, reason: QueueReason): void {
    this.db.transaction(() => {
      this.db.prepare(`INSERT OR IGNORE INTO jobs (audit_id, state) VALUES (?, 'queued')`).run(auditId);
      this.db.prepare(`UPDATE audits SET status = 'queued', queue_reason = ? WHERE id = ? AND status IN ('done', 'failed')`).run(reason, auditId);
    })();
  }

  private centerId(name: string, district: string | undefined): number {
    const key = centerKey(name);
    this.db.prepare('INSERT INTO centers (name, key, district) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET district = excluded.district').run(name, key, district ?? null);
    return this.db.prepare<[string], { id: number }>('SELECT id FROM centers WHERE name = ?').get(name)!.id;
  }

  // ---- reading ----

  audit(id: string): AuditRecord | undefined {
    const row = this.db.prepare<[string], AuditRow>(`${AUDIT_SELECT} WHERE a.id = ?`).get(id);
    return row ? this.toRecord(row) : undefined;
  }

  /** The latest audits, newest upload first (the page's list). */
  recentAudits(limit = 200): AuditRecord[] {
    return this.db.prepare<[number], AuditRow>(`${AUDIT_SELECT} ORDER BY a.seq DESC LIMIT ?`).all(limit).map((row) => this.toRecord(row));
  }

  /** Every center's standing audit of a month, by center name. */
  standingAudits(period: string): StandingAudit[] {
    return this.db
      .prepare<[string], AuditRow>(`${AUDIT_SELECT} JOIN center_months m ON m.audit_id = a.id WHERE m.period = ? ORDER BY c.name`)
      .all(period)
      .map((row) => this.toRecord(row))
      .map((r) => ({ auditId: r.id, center: r.center!, centerKey: r.centerKey!, period: r.period!, summary: r.summary!, names: r.names, sha256: r.sha256, kind: r.kind, status: r.status }));
  }

  /** The months that have at least one standing audit, latest first. */
  periods(): string[] {
    return this.db.prepare<[], { period: string }>('SELECT DISTINCT period FROM center_months ORDER BY period DESC').all().map((r) => r.period);
  }

  /** Each center's months: center, period, audit (the index of history files). */
  allMonths(): { centerKey: string; period: string; auditId: string; reportSha256: string }[] {
    return this.db
      .prepare<[], { key: string; period: string; audit_id: string; report_sha256: string }>(
        'SELECT c.key, m.period, m.audit_id, a.report_sha256 FROM center_months m JOIN centers c ON c.id = m.center_id JOIN audits a ON a.id = m.audit_id',
      )
      .all()
      .map((r) => ({ centerKey: r.key, period: r.period, auditId: r.audit_id, reportSha256: r.report_sha256 }));
  }

  // ---- the history folder ----

  historyFile(key: string, period: string): string {
    return join(this.historyDir(), `${key}-${period}.json`);
  }

  /**
   * Puts an audit's JSON report where later months read it: copied beside it, synced, renamed, the
   * folder synced. A failure throws what failed, where, why, and what to do (historyCopyFailure).
   */
  private async placeHistory(key: string, period: string, auditId: string): Promise<void> {
    const report = this.reportFile(auditId, 'json');
    const target = this.historyFile(key, period);
    try {
      await writeFileAtomically(target, (temp) => copyFile(report, temp));
    } catch (error) {
      throw historyCopyFailure(error, report, target);
    }
  }

  /**
   * At start: each standing month's report is in the history folder, as the index says. What
   * cannot be read there (missing, a folder in the way) is copied again, and a copy that fails
   * says why (placeHistory), not the read.
   */
  async syncHistoryFolder(): Promise<void> {
    for (const month of this.allMonths()) {
      const file = this.historyFile(month.centerKey, month.period);
      if (!existsSync(this.reportFile(month.auditId, 'json'))) continue;
      if ((await sha256File(file).catch(() => undefined)) === month.reportSha256) continue;
      await this.placeHistory(month.centerKey, month.period, month.auditId);
    }
  }

  private toRecord(row: AuditRow): AuditRecord {
    return {
      id: row.id,
      sha256: row.sha256,
      kind: row.kind,
      bytes: row.bytes,
      status: row.status,
      names: JSON.parse(row.names ?? '[]') as string[],
      uploadedAt: row.created_at,
      queueReason: row.queue_reason,
      center: row.center,
      centerKey: row.center_key,
      district: row.district,
      period: row.period,
      summary: row.summary ? (JSON.parse(row.summary) as CenterSummary) : null,
      failure: row.failure ? (JSON.parse(row.failure) as BatchFailure) : null,
      history: row.history ? (JSON.parse(row.history) as string[]) : null,
      reportSha256: row.report_sha256,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
    };
  }
}

interface AuditRow {
  id: string;
  sha256: string;
  kind: UploadKind;
  bytes: number;
  status: AuditStatus;
  queue_reason: QueueReason | null;
  center: string | null;
  center_key: string | null;
  district: string | null;
  period: string | null;
  summary: string | null;
  failure: string | null;
  history: string | null;
  report_sha256: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  names: string | null;
}

const AUDIT_SELECT = `
SELECT a.id, a.sha256, a.kind, a.bytes, a.status, a.queue_reason, c.name AS center, c.key AS center_key, c.district,
       a.period, a.summary, a.failure, a.history, a.report_sha256, a.created_at, a.started_at, a.finished_at,
       (SELECT json_group_array(name) FROM (SELECT name FROM uploads u WHERE u.audit_id = a.id ORDER BY u.received_at, u.rowid)) AS names
FROM audits a LEFT JOIN centers c ON c.id = a.center_id`;

/** A center's name as a path part: 16 hex of its SHA-256 (names hold any character). */
export function centerKey(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 16);
}

export function sha256Of(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 of a file's bytes; undefined when it cannot be read. */
/**
 * A history copy that failed, in words: the file and the cause (disk full, permission denied…,
 * from the system's code, as every failed write says it), that the service stops and the next
 * start copies it again, and what to do about the cause. The file's name is the service's own,
 * so where something is in the way of it the fix is to move that away, not to name another file.
 */
function historyCopyFailure(error: unknown, report: string, target: string): DutyAuditError {
  const write = writeFailure(error, target, msg('serve.historyCopy.what'));
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const inTheWay = code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR';
  const fix = inTheWay || !write.fix ? msg('serve.historyCopyFailed.inTheWay.hint', { file: target, folder: dirname(target) }) : write.fix;
  return new DutyAuditError('cannot-write', msg('serve.historyCopyFailed', { failure: write.detail, report }), {
    file: target,
    hint: msg('serve.historyCopyFailed.hint', { fix }),
    cause: error,
  });
}

function interruptedFailure(attempts: number): BatchFailure {
  return {
    code: 'worker-crashed',
    message: `the service stopped ${attempts} times while auditing this upload`,
    hint: 'the file may be too large for memory or malformed; try it with `duty-audit audit` on a copy, or ask the operator',
  };
}
