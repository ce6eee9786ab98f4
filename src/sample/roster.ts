/**
 * Who works at the sample center and what it handles: the staff board, the items with their
 * statutory limits and posted fees, and the names applicants are drawn from. Fixed data, so
 * the planted violations can name people and items.
 */
import type { CaseKind } from '../ledger/types.js';

export const DEFAULT_CENTER = '城东社区便民服务中心';
export const DISTRICT = '城东街道';
export const COMPLAINT_PHONE = '0571-86031234';

export interface StaffMember {
  name: string;
  position: string;
  phone: string;
}

/** The staff board, in the order it is posted. */
export const STAFF: readonly StaffMember[] = [
  { name: '张建国', position: '中心主任', phone: '0571-86031201' },
  { name: '李敏', position: '副主任(综合受理窗口)', phone: '0571-86031202' },
  { name: '王芳', position: '社保窗口', phone: '0571-86031203' },
  { name: '刘洋', position: '民政窗口', phone: '0571-86031204' },
  { name: '陈静', position: '综合受理窗口', phone: '0571-86031205' },
  { name: '杨帆', position: '劳动就业窗口', phone: '0571-86031206' },
  { name: '赵丽', position: '卫健计生窗口', phone: '0571-86031207' },
  { name: '黄磊', position: '残联专职委员', phone: '0571-86031208' },
];

/** The director approves absences and handles no cases. */
export const DIRECTOR = '张建国';

/** Seconded from the street office for the month, handles cases but is not on the board. */
export const SECONDED = '孙倩';

export interface FeeLine {
  feeItem: string;
  standard: number;
  basis: string;
  /** Amounts actually charged, all at or under the standard. */
  amounts: readonly number[];
  /** Share of the item's cases that pay. */
  share: number;
}

export interface ServiceItem {
  name: string;
  /** 法定时限 in working days. */
  statutoryDays: number;
  kinds: readonly (readonly [CaseKind, number])[];
  handlers: readonly string[];
  weight: number;
  fee?: FeeLine;
  /** Typical missing materials, for notes. */
  materials: string;
}

export const ITEMS: readonly ServiceItem[] = [
  {
    name: '居住证办理', statutoryDays: 15, kinds: [['承诺件', 1]], handlers: ['李敏', '陈静'], weight: 14,
    fee: { feeItem: '工本费', standard: 20, basis: '浙价费〔2016〕74号 居住证工本费(补领、换领)', amounts: [20], share: 0.2 },
    materials: '身份证、租房合同、照片',
  },
  { name: '城乡居民医保参保登记', statutoryDays: 5, kinds: [['即办件', 4], ['承诺件', 1]], handlers: ['王芳'], weight: 14, materials: '身份证、户口簿' },
  {
    name: '城乡居民养老保险缴费', statutoryDays: 1, kinds: [['即办件', 1]], handlers: ['王芳'], weight: 8,
    fee: { feeItem: '个人缴费', standard: 3000, basis: '杭人社发〔2025〕12号 城乡居民养老保险缴费档次', amounts: [300, 500, 800, 1000, 1200, 1500, 2000, 3000], share: 1 },
    materials: '身份证、银行卡',
  },
  { name: '低保申请', statutoryDays: 30, kinds: [['上报件', 1]], handlers: ['刘洋'], weight: 6, materials: '户口簿、收入证明、家庭财产申报表' },
  { name: '残疾人证办理', statutoryDays: 20, kinds: [['上报件', 1]], handlers: ['黄磊'], weight: 5, materials: '身份证、照片、医院诊断证明' },
  { name: '老年优待证', statutoryDays: 10, kinds: [['承诺件', 1]], handlers: ['陈静'], weight: 8, materials: '身份证、照片' },
  { name: '计划生育证明', statutoryDays: 5, kinds: [['即办件', 3], ['承诺件', 1]], handlers: ['赵丽'], weight: 7, materials: '身份证、户口簿、结婚证' },
  { name: '就业失业登记', statutoryDays: 5, kinds: [['即办件', 1]], handlers: ['杨帆'], weight: 10, materials: '身份证、解除劳动合同证明' },
  { name: '临时救助申请', statutoryDays: 15, kinds: [['上报件', 1]], handlers: ['刘洋'], weight: 4, materials: '身份证、困难情况说明、费用票据' },
  { name: '独生子女父母奖励', statutoryDays: 20, kinds: [['承诺件', 1]], handlers: ['赵丽'], weight: 5, materials: '独生子女父母光荣证、户口簿' },
  { name: '门前三包登记', statutoryDays: 3, kinds: [['即办件', 1]], handlers: ['李敏', '陈静'], weight: 6, materials: '营业执照、负责人身份证' },
  { name: '高龄津贴申请', statutoryDays: 20, kinds: [['上报件', 1]], handlers: ['刘洋'], weight: 3, materials: '身份证、户口簿、银行卡' },
];

export function itemByName(name: string): ServiceItem {
  const item = ITEMS.find((i) => i.name === name);
  if (!item) throw new RangeError(`unknown sample item ${name}`);
  return item;
}

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国文辉力斌宇浩凯鹏飞晨阳欣怡梓涵子轩雨桐佳琪思远海燕淑珍志强春梅';
