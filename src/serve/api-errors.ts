/**
 * What the service answers when it refuses a request (docs/service.md, "Errors"): JSON
 * `{code, message, hint}` under an HTTP status that says whose move it is — 400 the request is
 * malformed, 401 no or a wrong token, 404 nothing by that id or no report yet, 413 too large,
 * 415 not a ledger, 422 a ledger the service cannot take as it is. Each code's status and its
 * message and hint keys sit in one table typed by code: a code without a status or a message, or
 * an ApiError missing a parameter its words use, does not compile. The words are the catalogue's
 * (src/messages/serve.ts), rendered in the request's language; the code and params are the data.
 *
 * An audit that fails is not a refused request: it is accepted (202) and its failure, with its
 * own code and fix, is part of the audit's status (GET /api/audits/:id).
 */
import { render, type Message, type MessageKey, type MessageParam, type PlaceholderOf } from '../messages/catalogue.js';
import type { Lang } from '../text.js';

export type ApiStatus = 400 | 401 | 404 | 413 | 415 | 422 | 500;

/** Each refusal's status and its message in the catalogue (src/messages/serve.ts; the hint is `<key>.hint`). */
export const API_ERRORS = {
  'not-multipart': { status: 400, message: 'serve.api.notMultipart', hint: 'serve.api.notMultipart.hint' },
  'no-files': { status: 400, message: 'serve.api.noFiles', hint: 'serve.api.noFiles.hint' },
  'too-many-files': { status: 413, message: 'serve.api.tooManyFiles', hint: 'serve.api.tooManyFiles.hint' },
  'bad-period': { status: 400, message: 'serve.api.badPeriod', hint: 'serve.api.badPeriod.hint' },
  'bad-id': { status: 404, message: 'serve.api.badId', hint: 'serve.api.badId.hint' },
  'token-required': { status: 401, message: 'serve.api.tokenRequired', hint: 'serve.api.tokenRequired.hint' },
  'not-found': { status: 404, message: 'serve.api.notFound', hint: 'serve.api.notFound.hint' },
  'report-not-ready': { status: 404, message: 'serve.api.reportNotReady', hint: 'serve.api.reportNotReady.hint' },
  'period-not-found': { status: 404, message: 'serve.api.periodNotFound', hint: 'serve.api.periodNotFound.hint' },
  'file-too-large': { status: 413, message: 'serve.api.fileTooLarge', hint: 'serve.api.fileTooLarge.hint' },
  'inflated-too-large': { status: 413, message: 'serve.api.inflatedTooLarge', hint: 'serve.api.inflatedTooLarge.hint' },
  'old-excel': { status: 415, message: 'serve.api.oldExcel', hint: 'serve.api.oldExcel.hint' },
  'encrypted-workbook': { status: 415, message: 'serve.api.encryptedWorkbook', hint: 'serve.api.encryptedWorkbook.hint' },
  'unsupported-content': { status: 415, message: 'serve.api.unsupportedContent', hint: 'serve.api.unsupportedContent.hint' },
  'empty-file': { status: 422, message: 'serve.api.emptyFile', hint: 'serve.api.emptyFile.hint' },
  'no-ledger-csv': { status: 422, message: 'serve.api.noLedgerCsv', hint: 'serve.api.noLedgerCsv.hint' },
  'csv-not-cases': { status: 422, message: 'serve.api.csvNotCases', hint: 'serve.api.csvNotCases.hint' },
  'damaged-zip': { status: 422, message: 'serve.api.damagedZip', hint: 'serve.api.damagedZip.hint' },
  internal: { status: 500, message: 'serve.api.internal', hint: 'serve.api.internal.hint' },
} satisfies Record<string, { status: ApiStatus; message: MessageKey; hint: MessageKey }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

type Entry<C extends ApiErrorCode> = (typeof API_ERRORS)[C];
/** What a refusal's message and hint are filled with: exactly their placeholders (a missing or a stray one does not compile). */
export type ErrorParamsOf<C extends ApiErrorCode> = { readonly [P in PlaceholderOf<Entry<C>['message']> | PlaceholderOf<Entry<C>['hint']>]: MessageParam };
type ParamsArg<C extends ApiErrorCode> = [keyof ErrorParamsOf<C>] extends [never] ? [] : [params: ErrorParamsOf<C>];
export type ErrorParams = Readonly<Record<string, MessageParam>>;

/** A refusal: its code and the values its message is filled with; words come at render time. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly params: ErrorParams;

  constructor(...[code, params]: { [C in ApiErrorCode]: [code: C, ...params: ParamsArg<C>] }[ApiErrorCode]) {
    const values: ErrorParams = params ?? {};
    super(text(API_ERRORS[code].message, values, 'en'));
    this.name = 'ApiError';
    this.code = code;
    this.params = values;
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

function text(key: MessageKey, params: ErrorParams, lang: Lang): string {
  const message: Message = { key, params };
  return render(message, lang);
}

export function errorBody(error: ApiError, lang: Lang): ErrorBody {
  const entry = API_ERRORS[error.code];
  return { code: error.code, message: text(entry.message, error.params, lang), hint: text(entry.hint, error.params, lang) };
}
