/**
 * The language the tool speaks (src/cli/language.ts, docs/cli.md "Language"): Chinese by
 * default, English with --lang en or an English locale; yargs' own words in both; the files
 * written never follow the locale; and no control character from a ledger or a path reaches
 * the terminal.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CSV } from '../explain/sample.js';
import { fileLang, localeLang, requestedLang, terminalLang } from '../../src/cli/language.js';
import { YARGS_CHINESE } from '../../src/cli/yargs-strings.js';
import { terminalSafe } from '../../src/messages/terminal-safe.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { runCli } from '../audit/run-cli.js';

describe('localeLang: the environment’s language', () => {
  it.each<[Record<string, string>, 'zh' | 'en']>([
    [{}, 'zh'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'C' }, 'zh'],
    [{ LANG: 'C.UTF-8' }, 'zh'],
    [{ LANG: 'POSIX' }, 'zh'],
    [{ LANG: 'fr_FR.UTF-8' }, 'zh'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en' }, 'en'],
    [{ LANG: 'en-GB' }, 'en'],
    [{ LANG: 'eng' }, 'zh'],
    [{ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'zh'],
    [{ LC_ALL: '', LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }, 'zh'],
  ])('%j → %s', (env, lang) => {
    expect(localeLang(env)).toBe(lang);
  });
});

describe('--lang on the command line', () => {
  it('is read before the commands are built, in any spelling yargs accepts; the last wins', () => {
    expect(requestedLang(['audit', 'x.xlsx', '--lang', 'en'])).toBe('en');
    expect(requestedLang(['--lang=en', 'rules', 'validate'])).toBe('en');
    expect(requestedLang(['--lang', 'en', '--lang', 'zh'])).toBe('zh');
    expect(requestedLang(['audit', 'x.xlsx'])).toBeUndefined();
    expect(requestedLang(['--lang', 'fr'])).toBeUndefined();
  });

  it('wins over the locale for the terminal; files follow it alone, Chinese without it', () => {
    expect(terminalLang(['--lang', 'zh'], { LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(terminalLang(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(terminalLang([], { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(fileLang(undefined)).toBe('zh');
    expect(fileLang('en')).toBe('en');
  });
});

describe("yargs' own words", () => {
  const yargsEnglish = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'node_modules', 'yargs', 'locales', 'en.json'), 'utf8')) as Record<string, string | { one: string; other: string }>;
  const forms = (v: string | { one: string; other: string }): string[] => (typeof v === 'string' ? [v] : [v.one, v.other]);
  const holes = (s: string): number => s.split('%s').length - 1;

  it('are given in Chinese for every key yargs looks up (an upgrade adding one fails here)', () => {
    expect(Object.keys(YARGS_CHINESE).sort()).toEqual(Object.keys(yargsEnglish).sort());
  });

  it('keep yargs’ %s holes and its plural forms, and write Chinese with full-width punctuation', () => {
    for (const [key, english] of Object.entries(yargsEnglish)) {
      const ours = YARGS_CHINESE[key]!;
      expect(typeof ours, key).toBe(typeof english);
      for (const form of forms(ours)) expect(holes(form), key).toBe(holes(forms(english)[0]!));
      for (const form of forms(ours)) expect(form, key).not.toMatch(/[\u4e00-\u9fff][,:;?]|[,:;?][\u4e00-\u9fff]/);
    }
  });
});

describe('the bin speaks the terminal’s language (child process)', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'duty-audit-lang-'));

  it('--help is Chinese by default: yargs’ headings, the commands and the options', () => {
    const r = runCli(['--help'], cwd);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('duty-audit <命令> [选项]');
    expect(r.stdout).toContain('命令：');
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).toContain('显示帮助');
    expect(r.stdout).toContain('审计一个月的台账');
    expect(r.stdout).toContain('退出码：0＝已运行');
    expect(r.stdout).not.toMatch(/Options:|Show help|Audit one month/);
  });

  it('--help is English with --lang en or an English LANG, and each command’s help too', () => {
    const byOption = runCli(['--help', '--lang', 'en'], cwd);
    expect(byOption.stdout).toContain('Options:');
    expect(byOption.stdout).toContain('Audit one month’s ledger');
    expect(byOption.stdout).not.toMatch(/命令：|选项：/);
    const byLocale = runCli(['rules', 'validate', '--help'], cwd, { LANG: 'en_US.UTF-8' });
    expect(byLocale.stdout).toContain('Check every rule file, the policy and the calendars');
    const chinese = runCli(['rules', 'validate', '--help'], cwd);
    expect(chinese.stdout).toContain('检查每个规则文件、处理政策和日历');
    expect(chinese.stdout).toContain('位置参数：');
  });

  it('yargs’ own refusals are said in the terminal’s language, with the fix', () => {
    const none = runCli([], cwd);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('duty-audit：请指定命令：audit、batch、rules、facts、sample 或 serve。\n  解决办法：运行 `duty-audit --help` 查看命令和选项\n');
    const missing = runCli(['batch', 'x'], cwd);
    expect(missing.stderr).toMatch(/^duty-audit：缺少必填选项：out\n/);
    const english = runCli(['batch', 'x'], cwd, { LANG: 'en_US.UTF-8' });
    expect(english.stderr).toBe('duty-audit: Missing required argument: out\n  fix: run `duty-audit --help` for the commands and options\n');
  });

  it('yargs’ English is its own en.json, plural forms included, also with --lang en under a Chinese LANG', () => {
    const plural = runCli(['batch', 'x', '--out', 'o', '--frobnicate', '--wibble'], cwd, { LANG: 'en_US.UTF-8' });
    expect(plural.stderr).toMatch(/^duty-audit: Unknown arguments: frobnicate, wibble\n/);
    const byOption = runCli(['batch', 'x', '--lang', 'en'], cwd);
    expect(byOption.stderr).toMatch(/^duty-audit: Missing required argument: out\n/);
    const help = runCli(['rules', 'validate', '--help', '--lang', 'en'], cwd);
    expect(help.stdout).toContain('Positionals:');
    expect(help.stdout).toContain('[default:');
    expect(help.stdout).not.toMatch(/位置参数|默认值/);
  });

  it('rules list --write writes the Chinese catalogue under an English locale (a file never follows the locale)', () => {
    const r = runCli(['rules', 'list', '--format', 'md'], cwd, { LANG: 'en_US.UTF-8' });
    expect(r.stdout).toContain('Rule catalogue');
    const zh = runCli(['rules', 'list', '--format', 'md', '--lang', 'zh'], cwd, { LANG: 'en_US.UTF-8' });
    expect(zh.stdout).toContain('规则目录');
  });
});

describe('no control character reaches the terminal', () => {
  it('terminalSafe shows ESC, CR, other C0 and C1 controls and bidi overrides as escapes, and keeps newline and tab', () => {
    expect(terminalSafe('李\u001b[31m敏\u001b]0;pwned\u0007')).toBe('李\\x1b[31m敏\\x1b]0;pwned\\x07');
    expect(terminalSafe('a\rb\u0000c\u007fd\u009be')).toBe('a\\x0db\\x00c\\x7fd\\x9be');
    expect(terminalSafe('\u202eevil')).toBe('\\u202eevil');
    expect(terminalSafe('行一\n\t行二 · ¥200 — 通报批评')).toBe('行一\n\t行二 · ¥200 — 通报批评');
  });

  let ledger: string;
  beforeAll(() => {
    // CSV keeps what a workbook cannot hold (XML forbids ESC): the sample month with its center
    // and one of its staff renamed with escape sequences, in every file that names them.
    ledger = join(mkdtempSync(join(tmpdir(), 'duty-audit-esc-')), '城东社区-2026-10-csv');
    cpSync(SAMPLE_CSV, ledger, { recursive: true });
    for (const name of readdirSync(ledger)) {
      const file = join(ledger, name);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('城东社区便民服务中心', '城东\u001b[2J社区便民服务中心').replaceAll('李敏', '李\u001b[31m敏'));
    }
  });

  it('a center and a person named with ESC sequences print escaped in the summary and in --explain', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'duty-audit-esc-run-'));
    const audit = runCli(['audit', ledger, '--out', 'r.xlsx'], cwd);
    expect(audit.status).toBe(0);
    expect(audit.stdout).not.toContain('\u001b');
    expect(audit.stdout).toContain('城东\\x1b[2J社区便民服务中心');
    expect(audit.stdout).toContain('李\\x1b[31m敏');
    const explain = runCli(['audit', ledger, '--explain', '李\u001b[31m敏'], cwd);
    expect(explain.status).toBe(0);
    expect(explain.stdout).not.toContain('\u001b');
    expect(explain.stdout).toContain('人员 李\\x1b[31m敏');
  });

  it('a file name with an ESC sequence prints escaped in an error', () => {
    const r = runCli(['audit', 'no-such-\u001b[41m.xlsx'], mkdtempSync(join(tmpdir(), 'duty-audit-esc-err-')));
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('no-such-\\x1b[41m.xlsx');
  });
});
