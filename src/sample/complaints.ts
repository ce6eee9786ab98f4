/**
 * The complaints register: one complaint per complaint rule, complaints about planted cases
 * that are one act with the case's own finding (拖压卡 about an overdue case, 乱收费 about an
 * agency fee or a fee above its standard: merged), one incomplete record, and near misses that
 * must not fire (unfounded, still under investigation — a pending allegation is never graded,
 * the 预警 sheet lists it — and categories no rule grades).
 */
import type { ComplaintCategory } from '../ledger/types.js';
import { mobile, personName } from './case-builder.js';
import type { CasePlan } from './case-plan.js';
import type { MonthDays } from './month-days.js';
import type { Random } from './random.js';
import type { NearMiss, Plant, SampleRecord, SampleWarning } from './types.js';

interface ComplaintSpec {
  wd: number;
  category: ComplaintCategory;
  substantiated: '是' | '否' | '待查';
  respondent: string;
  responder: string;
  content: string;
  outcome: string;
  /** The planted case this complaint is about: the first with this rule planted (and counting) on this item. */
  about?: { ruleId: string; item: string };
  drop?: 'complainant' | 'contact' | 'content';
  plant?: Plant;
  nearMiss?: NearMiss;
}

const SPECS: ComplaintSpec[] = [
  { wd: 3, category: '态度粗暴', substantiated: '是', respondent: '陈静', responder: '李敏', content: '办理居住证时窗口人员大声呵斥,态度恶劣', outcome: '经调查属实,已当面道歉', plant: { ruleId: 'complaint-rude', baseGrade: 'criticism', note: '态度粗暴, substantiated' } },
  { wd: 6, category: '接待不耐心', substantiated: '待查', respondent: '杨帆', responder: '李敏', content: '咨询失业登记时未听完就让去别处问', outcome: '调取录像核查中', nearMiss: { ruleIds: ['complaint-rude'], note: '接待不耐心, still under investigation (待查): never graded' } },
  { wd: 8, category: '推诿扯皮', substantiated: '是', respondent: '刘洋', responder: '张建国', content: '临时救助申请被要求到街道和区民政局来回开证明', outcome: '属实,已由中心直接代办', plant: { ruleId: 'complaint-shirking', baseGrade: 'notice', note: '推诿扯皮, substantiated' } },
  {
    wd: 11, category: '拖压卡', substantiated: '是', respondent: '刘洋', responder: '张建国', content: '九月底申请低保,一个月无人答复进度', outcome: '属实,已督办',
    about: { ruleId: 'case-overdue', item: '低保申请' },
    plant: { ruleId: 'complaint-delay', baseGrade: 'criticism', note: '拖压卡, substantiated, about a case that is itself overdue: one act', settled: { status: 'merged', into: 'case-overdue', onCase: true } },
  },
  { wd: 14, category: '拖压卡', substantiated: '待查', respondent: '黄磊', responder: '李敏', content: '残疾人证申请两周没有消息', outcome: '核查办理进度中', nearMiss: { ruleIds: ['complaint-delay'], note: '拖压卡, still under investigation (待查): never graded' } },
  { wd: 9, category: '其他', substantiated: '否', respondent: '王芳', responder: '赵丽', content: '反映医保窗口排队时间过长', outcome: '已增开高峰时段窗口', drop: 'contact', plant: { ruleId: 'complaint-record-incomplete', baseGrade: 'reminder', note: '联系方式 not recorded' } },
  { wd: 4, category: '态度粗暴', substantiated: '否', respondent: '李敏', responder: '张建国', content: '认为窗口人员说话语气生硬', outcome: '经查看录像,不属实,已向投诉人解释' },
  { wd: 12, category: '故意刁难', substantiated: '待查', respondent: '赵丽', responder: '李敏', content: '办理计划生育证明被要求提供额外材料', outcome: '核实材料清单中' },
  {
    wd: 13, category: '乱收费', substantiated: '是', respondent: '刘洋', responder: '张建国', content: '办理低保被收取代办服务费50元', outcome: '属实,已退还费用',
    about: { ruleId: 'agency-fee', item: '低保申请' },
    plant: { ruleId: 'complaint-fee', baseGrade: 'notice', note: '乱收费, substantiated, about the agency fee it names: one act', settled: { status: 'merged', into: 'agency-fee', onCase: true } },
  },
  {
    wd: 16, category: '乱收费', substantiated: '是', respondent: '李敏', responder: '张建国', content: '补领居住证被收取工本费30元,高于公示的20元', outcome: '属实,已退还多收的10元',
    about: { ruleId: 'fee-above-standard', item: '居住证办理' },
    plant: { ruleId: 'complaint-fee', baseGrade: 'notice', note: '乱收费, substantiated, about the fee above its standard it names: one act', settled: { status: 'merged', into: 'fee-above-standard', onCase: true } },
  },
  { wd: 15, category: '其他', substantiated: '否', respondent: '陈静', responder: '李敏', content: '建议增加周末延时服务', outcome: '已答复,每月调休工作日照常开放' },
];

export function complaintRecords(m: MonthDays, rng: Random, plan: CasePlan): SampleRecord[] {
  const rows = SPECS.map((s) => ({ s, date: m.wd(s.wd) })).sort((a, b) => a.date.localeCompare(b.date));
  return rows.map(({ s, date }, i): SampleRecord => {
    const values: SampleRecord['values'] = {
      complaint_id: `TS-${m.period}-${String(i + 1).padStart(3, '0')}`,
      logged_on: date,
      complainant: personName(rng),
      contact: mobile(rng),
      respondent: s.respondent,
      category: s.category,
      content: s.content,
      substantiated: s.substantiated,
      first_responder: s.responder,
      outcome: s.outcome,
    };
    const about = s.about;
    if (about) {
      const counting = (pl: Plant) => pl.ruleId === about.ruleId && pl.settled?.status !== 'merged';
      values.case_id = plan.placed.find((p) => p.fixed.values.item === about.item && p.fixed.plants.some(counting))!.caseId;
    }
    if (s.drop) delete values[s.drop];
    const warning: SampleWarning | undefined = s.substantiated === '待查' ? { kind: 'pending-complaint', dueOn: null, workingDaysLeft: null, note: `${s.category}, still under investigation (待查)` } : undefined;
    return { values, plants: s.plant ? [s.plant] : [], ...(s.nearMiss ? { nearMiss: s.nearMiss } : {}), ...(warning ? { warning } : {}) };
  });
}
