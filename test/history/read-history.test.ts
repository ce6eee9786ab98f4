/**
 * Reading earlier reports: what they hold of each finding id (highest base grade, yuan charged,
 * the month it was charged), which reports are used, and the batch's lenient mode.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFiles, HistoryFolder, historyKey, loadHistory } from '../../src/history/read-history.js';

const CENTER = '城东社区便民服务中心';

function report(period: string, findings: object[], center = CENTER, asOf = `${period}-28`): string {
  return JSON.stringify({ tool: { name: 'duty-audit', version: '0.1.0' }, center, period, asOf, findings }, null, 2);
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'duty-audit-history-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loadHistory', () => {
  it('sums the yuan charged, keeps the highest base grade and the latest month charged', () => {
    const dir = folder({
      'aug.json': report('2026-08', [{ id: 'F-a', baseGrade: 'reminder', deductionYuan: 0, status: 'counted' }]),
      'sep.json': report('2026-09', [
        { id: 'F-a', baseGrade: 'notice', deductionYuan: 200, status: 'counted', reportedIn: '2026-08' },
        { id: 'F-b', baseGrade: 'criticism', deductionYuan: 0, status: 'merged', mergedInto: 'F-a' },
      ]),
      'oct.json': report('2026-10', [{ id: 'F-a', baseGrade: 'notice', deductionYuan: 0, status: 'reported-before', reportedIn: '2026-09' }]),
    });
    const h = loadHistory(dir, { center: CENTER, period: '2026-11' });
    expect(h.reports.map((r) => r.period)).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(h.findings.get('F-a')).toEqual({ highestBase: 'notice', chargedYuan: 200, reportedIn: '2026-09' });
    expect(h.findings.get('F-b')).toEqual({ highestBase: 'criticism', chargedYuan: 0, reportedIn: '2026-09' });
  });

  it('reads reports written before findings had a status as counted', () => {
    const dir = folder({ 'sep.json': report('2026-09', [{ id: 'F-a', baseGrade: 'notice', deductionYuan: 0 }]) });
    expect(loadHistory(dir, { center: CENTER, period: '2026-10' }).findings.get('F-a')).toEqual({ highestBase: 'notice', chargedYuan: 0, reportedIn: '2026-09' });
  });

  it('a finding without a base grade is an error naming the file', () => {
    const dir = folder({ 'sep.json': report('2026-09', [{ id: 'F-a', deductionYuan: 0 }]) });
    expect(() => loadHistory(dir, { center: CENTER, period: '2026-10' })).toThrow(/sep\.json: findings\[0\] lacks a finding id, a base grade or a known status/);
  });

  it('a folder that does not exist is an error', () => {
    expect(() => loadHistory('/no/such/history', { center: CENTER, period: '2026-10' })).toThrow(/--history \/no\/such\/history: no such folder or file/);
  });

  it('takes one file as well as a folder', () => {
    const dir = folder({ 'sep.json': report('2026-09', []) });
    expect(historyFiles(join(dir, 'sep.json'))).toEqual([join(dir, 'sep.json')]);
  });

  it('for the batch, passes over other centers\' reports, hidden files and what is not a report', () => {
    const dir = folder({
      'east-sep.json': report('2026-09', [{ id: 'F-a', baseGrade: 'notice', deductionYuan: 0 }]),
      'west-sep.json': report('2026-09', [{ id: 'F-w', baseGrade: 'notice', deductionYuan: 0 }], '城西社区便民服务中心'),
      'manifest.json': JSON.stringify({ version: 1, entries: {} }),
      '.partial-1-0.json': report('2026-09', [{ id: 'F-p', baseGrade: 'notice', deductionYuan: 0 }]),
    });
    const h = loadHistory(dir, { center: CENTER, period: '2026-10' }, { sameCenterOnly: true });
    expect(h.reports).toHaveLength(1);
    expect([...h.findings.keys()]).toEqual(['F-a']);
    expect(() => loadHistory(dir, { center: CENTER, period: '2026-10' })).toThrow(/manifest\.json: it is not a duty-audit report|west-sep\.json is the report of 城西/);
  });

  it('HistoryFolder gives the key of the very reports loadHistory would use, for each center and period', () => {
    const dir = folder({
      'east-aug.json': report('2026-08', [{ id: 'F-a', baseGrade: 'notice', deductionYuan: 0 }]),
      'east-sep.json': report('2026-09', [{ id: 'F-b', baseGrade: 'notice', deductionYuan: 0 }]),
      'east-sep-later.json': report('2026-09', [{ id: 'F-c', baseGrade: 'notice', deductionYuan: 0 }], CENTER, '2026-09-30'),
      'east-oct.json': report('2026-10', []),
      // Same period and as-of as east-aug.json: the later file name stands.
      'east-aug2.json': report('2026-08', [{ id: 'F-z', baseGrade: 'notice', deductionYuan: 0 }]),
      'west-sep.json': report('2026-09', [], '城西社区便民服务中心'),
      'manifest.json': JSON.stringify({ version: 1, entries: { x: { summary: { center: CENTER, period: '2026-09' } } } }),
    });
    const folderKeys = new HistoryFolder(dir);
    for (const [center, period] of [[CENTER, '2026-10'], [CENTER, '2026-11'], [CENTER, '2026-08'], ['城西社区便民服务中心', '2026-10']] as const) {
      const used = loadHistory(dir, { center, period }, { sameCenterOnly: true }).reports;
      expect(folderKeys.keyFor(center, period), `${center} ${period}`).toBe(historyKey(used));
    }
    expect(folderKeys.keyFor(CENTER, '2026-08')).toBe('');
    const october = loadHistory(dir, { center: CENTER, period: '2026-10' }, { sameCenterOnly: true });
    expect(october.reports.map((r) => r.file)).toEqual([expect.stringContaining('east-aug2.json'), expect.stringContaining('east-sep-later.json')]);
    expect(october.ignored.filter((i) => i.reason === 'superseded').map((i) => [i.file, i.period])).toEqual([
      [expect.stringContaining('east-aug.json'), '2026-08'],
      [expect.stringContaining('east-sep.json'), '2026-09'],
    ]);
  });

  it('HistoryFolder sees a report rewritten since, once refreshed', () => {
    const dir = folder({ 'east-sep.json': report('2026-09', []) });
    const keys = new HistoryFolder(dir);
    const before = keys.keyFor(CENTER, '2026-10');
    writeFileSync(join(dir, 'east-sep.json'), report('2026-09', [{ id: 'F-new', baseGrade: 'reminder', deductionYuan: 0 }]));
    expect(keys.keyFor(CENTER, '2026-10')).toBe(before);
    keys.refresh(join(dir, 'east-sep.json'));
    expect(keys.keyFor(CENTER, '2026-10')).not.toBe(before);
    expect(keys.keyFor(CENTER, '2026-10')).toBe(historyKey(loadHistory(dir, { center: CENTER, period: '2026-10' }).reports));
  });
});

