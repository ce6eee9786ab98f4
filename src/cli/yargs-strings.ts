/**
 * yargs' own words — help headings, `[default: …]`, its validation errors ("Unknown argument",
 * "Missing required argument", "Invalid values") — in Chinese, under the keys yargs looks them
 * up by (its y18n catalogue, node_modules/yargs/locales/en.json). English needs no table: y18n
 * locale `en` is yargs' own en.json. The Chinese is given to yargs with `.updateStrings()` after
 * `.locale()`: yargs' own zh_CN.json leaves some keys out ("Unknown command", "aliases:") and
 * writes ASCII colons; test/cli/language.test.ts fails when a yargs upgrade adds a key missing
 * here.
 */
import type { Lang } from '../text.js';

type Plural = { one: string; other: string };
export type YargsStrings = Readonly<Record<string, string | Plural>>;

/** The y18n locale yargs is switched to; for Chinese its strings are then replaced by ours. */
export const YARGS_LOCALE: Record<Lang, string> = { zh: 'zh_CN', en: 'en' };

export const YARGS_CHINESE: YargsStrings = {
  'Commands:': '命令：',
  'Options:': '选项：',
  'Examples:': '示例：',
  'Positionals:': '位置参数：',
  boolean: '布尔',
  count: '计数',
  string: '文本',
  number: '数值',
  array: '列表',
  required: '必填',
  default: '默认值',
  'default:': '默认值',
  'choices:': '可选值',
  'aliases:': '别名',
  'generated-value': '自动生成',
  'Not enough non-option arguments: got %s, need at least %s': { one: '缺少参数：给了 %s 个，至少需要 %s 个', other: '缺少参数：给了 %s 个，至少需要 %s 个' },
  'Too many non-option arguments: got %s, maximum of %s': { one: '参数过多：给了 %s 个，最多 %s 个', other: '参数过多：给了 %s 个，最多 %s 个' },
  'Missing argument value: %s': { one: '选项缺少取值：%s', other: '这些选项缺少取值：%s' },
  'Missing required argument: %s': { one: '缺少必填选项：%s', other: '缺少这些必填选项：%s' },
  'Unknown argument: %s': { one: '无法识别的参数：%s', other: '无法识别这些参数：%s' },
  'Unknown command: %s': { one: '未知命令：%s', other: '未知命令：%s' },
  'Invalid values:': '取值无效：',
  'Argument: %s, Given: %s, Choices: %s': '选项 %s 的取值为 %s，可选值为 %s',
  'Argument check failed: %s': '选项检查未通过：%s',
  'Implications failed:': '缺少依赖的选项：',
  'Not enough arguments following: %s': '%s 后面缺少取值',
  'Invalid JSON config file: %s': '无效的 JSON 配置文件：%s',
  'Path to JSON config file': 'JSON 配置文件的路径',
  'Show help': '显示帮助',
  'Show version number': '显示版本号',
  'Did you mean %s?': '是不是要用 %s？',
  'Arguments %s and %s are mutually exclusive': '选项 %s 与 %s 不能同时使用',
  command: '命令',
  deprecated: '已弃用',
  'deprecated: %s': '已弃用：%s',
};
