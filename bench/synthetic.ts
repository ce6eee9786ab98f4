/**
 * A synthetic month of cases for the evaluation benchmark: deterministic (seeded), with the
 * mix a real center shows — mostly 即办件, some 承诺件/上报件 with limits, a few incomplete
 * materials, fees, errors and bad ratings — so rules fire at a realistic rate.
 */
import type { CaseRecord, ItemRecord, Ledger, LedgerRow, StaffRecord } from '../src/ledger/types.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HANDLERS = ['李敏', '王芳', '陈刚', '赵丽', '孙强', '周洁', '吴磊', '郑华', '冯静', '韩梅', '杨帆', '朱琳'];
const ITEMS = ['居住证办理', '低保申请', '证明开具', '医保登记', '残疾人补贴', '老年优待证', '生育登记', '就业登记', '房屋租赁备案', '临时救助'];
const OCTOBER_DAYS = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);

export function syntheticLedger(rows: number, seed = 42): Ledger {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const cases: LedgerRow<'cases'>[] = [];
  for (let i = 0; i < rows; i++) {
    const received = pick(OCTOBER_DAYS.slice(7, 30));
    const k = r();
    const kind = k < 0.6 ? '即办件' : k < 0.9 ? '承诺件' : '上报件';
    const complete = r() > 0.15;
    const c: CaseRecord = {
      case_id: `SL-2026-10-${String(i + 1).padStart(6, '0')}`,
      received_on: received,
      applicant: `申请人${i}`,
      phone: '13800001234',
      item: pick(ITEMS),
      kind,
      handler: pick(HANDLERS),
      materials_complete: complete,
      visits: complete ? 1 : 1 + Math.floor(r() * 4),
      result: r() < 0.85 ? '办结' : pick(['办理中', '不予办理', '退回补正'] as const),
    };
    if (!complete) {
      c.notified = r() > 0.1;
      if (c.notified) c.notified_on = received;
      c.missing_count = Math.floor(r() * 5);
      c.notice_form = pick(['当场口头', '书面告知单', '电话'] as const);
    }
    if (kind !== '即办件' && r() > 0.05) c.promised_days = 3 + Math.floor(r() * 10);
    if (c.result !== '办理中') {
      const lag = kind === '即办件' ? (r() < 0.95 ? 0 : 1) : Math.floor(r() * 14);
      const day = Math.min(30, OCTOBER_DAYS.indexOf(received) + lag);
      c.completed_on = OCTOBER_DAYS[day]!;
      if (r() > 0.05) c.result_notified_on = c.completed_on;
    }
    if (c.result === '不予办理' && r() > 0.3) c.refusal_reason = '不符合条件';
    if (r() < 0.02) c.extension_reason = '上级部门要求补充材料';
    c.materials_logged = r() > 0.02;
    if (r() < 0.005) c.materials_lost = true;
    if (r() < 0.05) {
      c.fee_item = pick(['工本费', '代办服务费', '加急费']);
      c.fee = 10 + Math.floor(r() * 60);
    }
    c.rating = r() < 0.97 ? pick(['非常满意', '满意', '基本满意'] as const) : pick(['不满意', '非常不满意'] as const);
    if (r() < 0.03) c.error = true;
    if (r() < 0.01) {
      c.deviation = true;
      c.loss = Math.floor(r() * 2000);
    }
    cases.push({ sheet: 'cases', row: i + 4, record: c });
  }
  const items: LedgerRow<'items'>[] = ITEMS.map((item, i): LedgerRow<'items'> => {
    const record: ItemRecord = { item, procedure_posted: true, materials_posted: i !== 3, limit_posted: true, statutory_days: 10, fee_item: '工本费', fee_standard: 40, fee_posted: true };
    return { sheet: 'items', row: i + 3, record };
  });
  const staff: LedgerRow<'staff'>[] = HANDLERS.slice(0, 10).map((name, i): LedgerRow<'staff'> => {
    const record: StaffRecord = { name, position: '代办员', phone: '0571-8888', posted: true, badge: i !== 2 };
    return { sheet: 'staff', row: i + 3, record };
  });
  return {
    source: { file: '/bench/城东社区-2026-10.xlsx', kind: 'xlsx', parts: [] },
    sheets: { cases, items, staff },
    sheetNames: {},
    dataIssues: [],
    accounts: {},
  };
}
