import { DEMO_CATEGORIES, flattenCategories, STREET_HINT, type FlatCategory } from '../../org/domain/categories';
import type { Divisions } from '../../org/domain/divisions';
import { DEMO_CITY_CODE, streetKey } from '../../org/domain/city-org';
import { LEAF_PHRASES } from './demo-phrases';
import { createPrng, type Prng } from './prng';

/**
 * Deterministic synthetic requests for the demo city (徐州市): templates × place names × details, labelled
 * with the leaf category and the unit that handles it, so the demo model can be trained without real data.
 * About one order in twelve repeats an earlier event (another caller, other words), for the duplicate and
 * cluster features.
 */

export interface DemoOrder {
  id: string;
  title: string;
  content: string;
  address: string;
  categoryCode: string;
  /** Unit key of src/demo/org.ts (a department, a company, or the street office `s-<code>`). */
  unitKey: string;
  areaCode: string;
  streetCode: string;
  callerName: string;
  callerPhone: string;
  channel: 'phone' | 'web' | 'mobile' | 'wechat' | 'grid';
  /** Index of the earlier order this one reports again, or null. */
  repeatOf: number | null;
  /** Which of its leaf's phrases the request was written from (LEAF_PHRASES order). */
  phrase: number;
}

export interface DemoOrderOptions {
  count: number;
  seed: number;
  categories?: readonly FlatCategory[];
  /** Share of orders that repeat an earlier event. */
  repeatShare?: number;
  /** The city whose districts and streets the orders name (default: the demo city, 徐州市). */
  city?: { code: string; name: string };
}

const ESTATES = ['幸福', '阳光', '锦绣', '翠湖', '金色', '湖滨', '名都', '天润', '和谐', '福泽', '康居', '绿城', '滨河', '彭城', '汉源', '云龙', '泉润', '东方', '盛世', '书香'];
const ESTATE_KINDS = ['小区', '花园', '家园', '新村', '嘉园', '公寓'];
const ROADS = ['中山', '淮海', '解放', '建国', '和平', '复兴', '民主', '人民', '黄河', '长安', '湖东', '西安', '三环', '汉风', '彭祖', '铜山', '泰山', '学府', '大学', '金山'];
const ROAD_KINDS = ['路', '路', '路', '大道', '街'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const OPENINGS = ['', '', '', '您好，', '市民来电反映：', '来电人称，', '网友留言：', '我想反映一个问题，', '市民反映，', '你好，我是附近居民，'];
const DURATIONS = ['', '', '这种情况已经持续一周了，', '已经一个多月了，', '最近几天一直这样，', '从上个月开始就这样，', '反映过好几次了，'];
const IMPACTS = ['', '', '严重影响居民正常生活，', '大家意见很大，', '老人孩子都受影响，', '存在很大隐患，'];
const ASKS = ['希望相关部门尽快处理。', '请尽快解决。', '希望有关部门核实处理。', '望给予答复。', '请帮忙协调解决。', '要求给个说法。', '希望尽快派人来看看。'];
const CHANNELS: DemoOrder['channel'][] = ['phone', 'phone', 'phone', 'web', 'mobile', 'wechat', 'grid'];

function pick<T>(items: readonly T[], random: Prng): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Strip 区/县/市 or 街道/镇/乡 sometimes, as people do when they speak. */
function spoken(name: string, random: Prng): string {
  if (random() < 0.35) {
    const m = /^(.{2,}?)(街道|镇|乡|区|县|市)$/u.exec(name);
    if (m) return m[1] as string;
  }
  return name;
}

interface Site {
  text: string;
}

function makeSite(random: Prng): Site {
  const r = random();
  const estate = pick(ESTATES, random) + pick(ESTATE_KINDS, random);
  const road = pick(ROADS, random) + pick(ROAD_KINDS, random);
  if (r < 0.35) return { text: `${estate}${1 + Math.floor(random() * 30)}号楼` };
  if (r < 0.55) return { text: estate };
  if (r < 0.8) return { text: `${road}${1 + Math.floor(random() * 300)}号` };
  if (r < 0.92) return { text: `${road}与${pick(ROADS, random)}路交叉口` };
  return { text: `${pick(SURNAMES, random)}庄村` };
}

function phoneNumber(random: Prng): string {
  const prefix = pick(['138', '139', '151', '152', '158', '187', '188', '135', '136', '199', '177', '181'], random);
  let rest = '';
  for (let i = 0; i < 8; i++) rest += String(Math.floor(random() * 10));
  return prefix + rest;
}

/** The demo city, as the synthetic orders name it. */
const DEMO_CITY = { code: DEMO_CITY_CODE, name: '徐州市' };

export function generateDemoOrders(divisions: Divisions, options: DemoOrderOptions): DemoOrder[] {
  const city = options.city ?? DEMO_CITY;
  const random = createPrng(options.seed);
  const leaves = (options.categories ?? flattenCategories(DEMO_CATEGORIES)).filter((c) => c.level === 3);
  const areas = divisions.areas.filter((a) => a.cityCode === city.code);
  const streetsByArea = new Map(areas.map((a) => [a.code, divisions.streets.filter((s) => s.areaCode === a.code)]));
  const usableAreas = areas.filter((a) => (streetsByArea.get(a.code)?.length ?? 0) > 0);
  const repeatShare = options.repeatShare ?? 0.08;
  // A pool of callers so that some call more than once.
  const callers = Array.from({ length: Math.max(10, Math.floor(options.count / 3)) }, () => ({
    name: pick(SURNAMES, random) + pick(['先生', '女士', '先生', '女士', '师傅', '阿姨'], random),
    phone: phoneNumber(random),
  }));
  const orders: DemoOrder[] = [];
  // Each leaf's phrases are used in turn, its first (most typical) ones first: even a small demo set has every leaf's
  // core wording, and a large one uses every phrase about equally often (a random pick leaves some out).
  const phraseTurn = new Map<string, number>();
  for (let i = 0; i < options.count; i++) {
    const caller = pick(callers, random);
    const earlier = orders.length > 0 && random() < repeatShare ? Math.floor(random() * orders.length) : null;
    const base = earlier === null ? undefined : orders[earlier];
    const leaf = base ? (leaves.find((l) => l.code === base.categoryCode) as FlatCategory) : pick(leaves, random);
    const area = base ? areas.find((a) => a.code === base.areaCode) : pick(usableAreas, random);
    if (!area) continue;
    const street = base
      ? (divisions.streets.find((s) => s.code === base.streetCode) as (typeof divisions.streets)[number])
      : pick(streetsByArea.get(area.code) ?? [], random);
    const phrases = LEAF_PHRASES[leaf.name] ?? [`关于${leaf.name}的问题`];
    const turn = phraseTurn.get(leaf.code) ?? 0;
    phraseTurn.set(leaf.code, turn + 1);
    const phraseIndex = turn % phrases.length;
    const phrase = phrases[phraseIndex] as string;
    const siteText = base ? base.address.replace(/^.*?(街道|镇|乡)/u, '') : makeSite(random).text;
    const placeStyle = random();
    const place =
      placeStyle < 0.45 ? `${spoken(area.name, random)}${spoken(street.name, random)}${siteText}`
      : placeStyle < 0.75 ? `${spoken(street.name, random)}${siteText}`
      : placeStyle < 0.9 ? `${city.name}${area.name}${siteText}`
      : siteText;
    const address = `${city.name}${area.name}${street.name}${siteText}`;
    // Questions (咨询 …) get no duration or impact, and ask for an answer.
    const question = /咨询|怎么|什么|吗|哪些|多长|如何/u.test(phrase);
    const content =
      pick(OPENINGS, random) +
      (random() < 0.5 ? `在${place}，${phrase}，` : `${place}${phrase}，`) +
      (question ? '' : pick(DURATIONS, random) + pick(IMPACTS, random)) +
      (question ? pick(['请帮忙解答。', '麻烦告知一下。', '谢谢。'], random) : pick(ASKS, random));
    const title = random() < 0.6 ? `${spoken(street.name, random)}${phrase.split('，')[0]}` : '';
    orders.push({
      id: `demo-${String(i + 1).padStart(6, '0')}`,
      title,
      content,
      address,
      categoryCode: leaf.code,
      unitKey: leaf.unitHint === STREET_HINT || leaf.unitHint === null ? streetKey(street.code) : leaf.unitHint,
      areaCode: area.code,
      streetCode: street.code,
      callerName: caller.name,
      callerPhone: caller.phone,
      channel: pick(CHANNELS, random),
      repeatOf: earlier,
      phrase: phraseIndex,
    });
  }
  return orders;
}
