/**
 * What the service answers when it refuses a request (docs/service.md, "Errors"): JSON
 * `{code, message, hint}` under an HTTP status that says whose move it is — 400 the request is
 * malformed, 401 no or a wrong token, 404 nothing by that id or no report yet, 413 too large,
 * 415 not a ledger, 422 a ledger the service cannot take as it is. Each code's status and words
 * (zh and en) sit in one table typed by code, so a code without a translation or a status does
 * not compile. Messages are templates filled from `params`; the code and params are the data.
 *
 * An audit that fails is not a refused request: it is accepted (202) and its failure, with its
 * own code and fix, is part of the audit's status (GET /api/audits/:id).
 */
import { fillTemplate, type Lang, type Localized } from '../text.js';

export type ApiStatus = 400 | 401 | 404 | 413 | 415 | 422 | 500;

interface ErrorText {
  status: ApiStatus;
  message: Localized;
  hint: Localized;
}

export const API_ERRORS = {
  'not-multipart': {
    status: 400,
    message: { zh: '上传须为 multipart/form-data 请求', en: 'an upload must be a multipart/form-data request' },
    hint: { zh: '用表单字段 file 提交一个或多个文件,例如 curl -F file=@台账.xlsx', en: 'send one or more files in form fields named file, e.g. curl -F file=@ledger.xlsx' },
  },
  'no-files': {
    status: 400,
    message: { zh: '请求中没有文件', en: 'the request holds no file' },
    hint: { zh: '至少附上一个台账文件(xlsx、csv 或 csv 压缩包)', en: 'attach at least one ledger file (xlsx, csv or a zip of csv files)' },
  },
  'too-many-files': {
    status: 413,
    message: { zh: '一次请求最多上传 {max} 个文件', en: 'at most {max} files per request' },
    hint: { zh: '分几次上传', en: 'upload them in several requests' },
  },
  'bad-period': {
    status: 400,
    message: { zh: '期间 {period} 不是 YYYY-MM 格式', en: 'period {period} is not written YYYY-MM' },
    hint: { zh: '例如 /api/periods/2026-10', en: 'e.g. /api/periods/2026-10' },
  },
  'bad-id': {
    status: 404,
    message: { zh: '没有编号为 {id} 的审计', en: 'no audit with id {id}' },
    hint: { zh: '编号见上传时的回复或页面上的链接', en: 'the id is in the answer to the upload and in the page\'s links' },
  },
  'token-required': {
    status: 401,
    message: { zh: '缺少访问令牌或令牌不正确', en: 'the access token is missing or wrong' },
    hint: {
      zh: '服务在本机以外监听时,每个请求都要带令牌:页面请打开 /?token=令牌,接口请加请求头 Authorization: Bearer 令牌',
      en: 'beyond loopback every request needs the token: open the page as /?token=TOKEN, call the API with the header Authorization: Bearer TOKEN',
    },
  },
  'not-found': {
    status: 404,
    message: { zh: '没有 {path}', en: 'nothing at {path}' },
    hint: { zh: '接口见 docs/service.md', en: 'the routes are listed in docs/service.md' },
  },
  'report-not-ready': {
    status: 404,
    message: { zh: '审计 {id} 还没有报告(状态:{status})', en: 'audit {id} has no report yet (status: {status})' },
    hint: { zh: '等状态变为“完成”再下载;失败的审计没有报告,原因见 GET /api/audits/{id}', en: 'download it once the status is done; a failed audit has no report, GET /api/audits/{id} says why' },
  },
  'period-not-found': {
    status: 404,
    message: { zh: '{period} 还没有审计完成的中心', en: 'no center has a finished audit for {period} yet' },
    hint: { zh: '先上传该月的台账', en: 'upload that month\'s ledgers first' },
  },
  'file-too-large': {
    status: 413,
    message: { zh: '{file} 超过 {limitMb} MB 的上传上限', en: '{file} is over the upload limit of {limitMb} MB' },
    hint: { zh: '一个中心一个月的台账远小于此;确认文件无误,或请管理员用 --max-mb 调高上限', en: 'a center\'s month is far smaller: check the file, or ask the operator to raise --max-mb' },
  },
  'inflated-too-large': {
    status: 413,
    message: { zh: '{file} 解压后过大({detail})', en: '{file} inflates too far ({detail})' },
    hint: { zh: '这不像正常的台账(疑似压缩炸弹);请重新导出台账再上传', en: 'this is not what a ledger looks like (a zip bomb?); export the ledger again and upload that' },
  },
  'old-excel': {
    status: 415,
    message: { zh: '{file} 是旧版 Excel 97–2003(.xls)文件', en: '{file} is an old Excel 97–2003 (.xls) file' },
    hint: { zh: '用 Excel 或 WPS 打开,另存为 .xlsx 再上传', en: 'open it in Excel or WPS, save it as .xlsx and upload that' },
  },
  'encrypted-workbook': {
    status: 415,
    message: { zh: '{file} 设置了打开密码', en: '{file} is protected with a password' },
    hint: { zh: '在 Excel 或 WPS 中取消密码(文件 → 信息 → 保护工作簿)后另存再上传', en: 'remove the password in Excel or WPS (File → Info → Protect Workbook), save and upload again' },
  },
  'unsupported-content': {
    status: 415,
    message: { zh: '{file} 不是 xlsx 工作簿、csv 文件或 csv 压缩包', en: '{file} is not an xlsx workbook, a csv file or a zip of csv files' },
    hint: { zh: '按文件内容识别,与扩展名无关;请上传台账的 xlsx 或 csv', en: 'files are recognised by their content, not their name; upload the ledger as xlsx or csv' },
  },
  'empty-file': {
    status: 422,
    message: { zh: '{file} 是空文件', en: '{file} is empty' },
    hint: { zh: '重新导出台账;文件没有写完整', en: 'export the ledger again; the file was not written completely' },
  },
  'no-ledger-csv': {
    status: 422,
    message: { zh: '{file} 中没有办件台账 csv', en: '{file} holds no 办件台账 (cases) csv' },
    hint: {
      zh: '压缩包里每张表一个 csv,文件名以表名结尾,如 城东社区-2026-10-办件台账.csv',
      en: 'put one csv per sheet in the zip, each named after its sheet, e.g. 城东社区-2026-10-办件台账.csv',
    },
  },
  'csv-not-cases': {
    status: 422,
    message: { zh: '{file} 是{sheet}表;单独上传的 csv 须是办件台账', en: '{file} is the {sheet} sheet; a csv uploaded alone must be the 办件台账 (cases)' },
    hint: { zh: '把该月各表的 csv 一起打成 zip 上传', en: 'zip the month\'s csv files together and upload the zip' },
  },
  'damaged-zip': {
    status: 422,
    message: { zh: '{file} 的压缩结构已损坏({detail})', en: '{file} is a damaged zip ({detail})' },
    hint: { zh: '重新导出或重新打包后再上传', en: 'export or zip it again and upload that' },
  },
  internal: {
    status: 500,
    message: { zh: '服务内部错误:{detail}', en: 'internal error: {detail}' },
    hint: { zh: '请把这条信息报告给管理员;上传的文件没有丢失', en: 'please report this message to the operator; nothing uploaded was lost' },
  },
} satisfies Record<string, ErrorText>;

export type ApiErrorCode = keyof typeof API_ERRORS;

export type ErrorParams = Readonly<Record<string, string | number>>;

/** A refusal: its code and the values its message is filled with; words come at render time. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly params: ErrorParams;

  constructor(code: ApiErrorCode, params: ErrorParams = {}) {
    super(fillTemplate(API_ERRORS[code].message.en, params));
    this.name = 'ApiError';
    this.code = code;
    this.params = params;
  }

  get status(): ApiStatus {
    return API_ERRORS[this.code].status;
  }
}

export interface ErrorBody {
  code: ApiErrorCode;
  message: string;
  hint: string;
}

export function errorBody(error: ApiError, lang: Lang): ErrorBody {
  const text = API_ERRORS[error.code];
  return { code: error.code, message: fillTemplate(text.message[lang], error.params), hint: fillTemplate(text.hint[lang], error.params) };
}
