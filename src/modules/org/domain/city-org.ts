import type { City } from '../../../platform/context';
import type { Divisions } from './divisions';

// A city's starting organisation tree: its 12345 centre, its districts/counties and their streets/townships from
// the national division data, plus municipal departments and public-service companies. Built for the configured
// city (CITY_CODE; the demo city is 徐州市, 3203), so another city starts with its own tree.

import type { UnitKind } from '../../../platform/roles';
export type { UnitKind };

export interface UnitSeed {
  /** Stable identifier, used by seeds and by category unit hints. */
  key: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  parentKey: string | null;
  divisionCode: string | null;
}

/** The demo city, and the default of CITY_CODE. */
export const DEMO_CITY_CODE = '3203';

export const CENTRE_KEY = 'centre';

/** Hand-written English names of the demo city's 11 districts/counties (areas.csv, city 3203). */
const DISTRICT_NAMES_EN: Readonly<Record<string, string>> = {
  '320302': 'Gulou District',
  '320303': 'Yunlong District',
  '320305': 'Jiawang District',
  '320311': 'Quanshan District',
  '320312': 'Tongshan District',
  '320321': 'Feng County',
  '320322': 'Pei County',
  '320324': 'Suining County',
  '320371': 'Xuzhou Economic and Technological Development Zone',
  '320381': 'Xinyi City',
  '320382': 'Pizhou City',
};

interface FixedUnit { key: string; name: string; nameEn: string }

export const DEMO_DEPARTMENTS: readonly FixedUnit[] = [
  { key: 'dept-housing', name: '市住房和城乡建设局', nameEn: 'Municipal Bureau of Housing and Urban-Rural Development' },
  { key: 'dept-city-management', name: '市城市管理局', nameEn: 'Municipal Bureau of City Management' },
  { key: 'dept-public-security', name: '市公安局', nameEn: 'Municipal Public Security Bureau' },
  { key: 'dept-health', name: '市卫生健康委员会', nameEn: 'Municipal Health Commission' },
  { key: 'dept-transport', name: '市交通运输局', nameEn: 'Municipal Transport Bureau' },
  { key: 'dept-market-regulation', name: '市市场监督管理局', nameEn: 'Municipal Administration for Market Regulation' },
  { key: 'dept-hrss', name: '市人力资源和社会保障局', nameEn: 'Municipal Bureau of Human Resources and Social Security' },
  { key: 'dept-education', name: '市教育局', nameEn: 'Municipal Education Bureau' },
  { key: 'dept-ecology-environment', name: '市生态环境局', nameEn: 'Municipal Bureau of Ecology and Environment' },
  { key: 'dept-natural-resources', name: '市自然资源和规划局', nameEn: 'Municipal Bureau of Natural Resources and Planning' },
  { key: 'dept-civil-affairs', name: '市民政局', nameEn: 'Municipal Civil Affairs Bureau' },
  { key: 'dept-healthcare-security', name: '市医疗保障局', nameEn: 'Municipal Healthcare Security Bureau' },
  { key: 'dept-water', name: '市水务局', nameEn: 'Municipal Water Affairs Bureau' },
  { key: 'dept-culture-tourism', name: '市文化广电和旅游局', nameEn: 'Municipal Bureau of Culture, Radio, Television and Tourism' },
  { key: 'dept-agriculture', name: '市农业农村局', nameEn: 'Municipal Bureau of Agriculture and Rural Affairs' },
  { key: 'dept-emergency', name: '市应急管理局', nameEn: 'Municipal Emergency Management Bureau' },
];

/** The public-service companies every city has, named after the city (徐州 → 国网徐州供电公司). */
export function cityCompanies(city: City): FixedUnit[] {
  const short = city.name.replace(/(市|地区|自治州|盟)$/, '');
  const en = CITY_NAMES_EN[city.code] ?? city.name;
  return [
    { key: 'co-power', name: `国网${short}供电公司`, nameEn: `State Grid ${en} Power Supply Company` },
    { key: 'co-gas', name: `${short}华润燃气有限公司`, nameEn: `China Resources Gas (${en}) Co., Ltd.` },
    { key: 'co-water', name: `${short}首创水务有限责任公司`, nameEn: `${en} Capital Water Co., Ltd.` },
    { key: 'co-bus', name: `${short}市公交集团`, nameEn: `${en} Public Transport Group` },
    { key: 'co-mobile', name: `中国移动${short}分公司`, nameEn: `China Mobile ${en} Branch` },
    { key: 'co-telecom', name: `中国电信${short}分公司`, nameEn: `China Telecom ${en} Branch` },
  ];
}

/** English city names we have (no pinyin dictionary ships): others show their Chinese name. */
const CITY_NAMES_EN: Readonly<Record<string, string>> = { '3203': 'Xuzhou' };

export function districtKey(areaCode: string): string {
  return `d-${areaCode}`;
}

export function streetKey(streetCode: string): string {
  return `s-${streetCode}`;
}

/** Township names are not romanised (no pinyin dictionary); the English name says the type and the code. */
function streetNameEn(name: string, code: string): string {
  if (name.endsWith('街道')) return `Subdistrict ${code}`;
  if (name.endsWith('镇')) return `Town ${code}`;
  if (name.endsWith('乡')) return `Township ${code}`;
  return `Zone ${code}`; // development zones, farms, scenic areas and other township-level units
}

/**
 * The city's starting organisation, parents always before their children (safe to insert in order):
 * centre, departments, companies, then each district followed by its streets/townships.
 */
export function cityOrg(city: City, divisions: Divisions): UnitSeed[] {
  const units: UnitSeed[] = [
    {
      key: CENTRE_KEY,
      name: `${city.name}12345政务服务便民热线中心`,
      nameEn: `${CITY_NAMES_EN[city.code] ?? city.name} 12345 Government Service Hotline Centre`,
      kind: 'centre',
      parentKey: null,
      divisionCode: city.code,
    },
  ];
  for (const d of DEMO_DEPARTMENTS) units.push({ ...d, kind: 'department', parentKey: CENTRE_KEY, divisionCode: null });
  for (const c of cityCompanies(city)) units.push({ ...c, kind: 'company', parentKey: CENTRE_KEY, divisionCode: null });

  const areas = divisions.areas.filter((a) => a.cityCode === city.code);
  const streets = divisions.streets.filter((s) => s.cityCode === city.code);
  for (const area of areas) {
    units.push({
      key: districtKey(area.code),
      name: area.name,
      nameEn: DISTRICT_NAMES_EN[area.code] ?? `District ${area.code}`,
      kind: 'district',
      parentKey: CENTRE_KEY,
      divisionCode: area.code,
    });
    for (const street of streets) {
      if (street.areaCode !== area.code) continue;
      units.push({
        key: streetKey(street.code),
        name: street.name,
        nameEn: streetNameEn(street.name, street.code),
        kind: 'street',
        parentKey: districtKey(area.code),
        divisionCode: street.code,
      });
    }
  }
  return units;
}
