import type { City } from '../../platform/context';
import { loadDivisions, type Divisions } from './divisions';

/** The city of a prefecture-level division code (CITY_CODE), named from the national division data. */
export function cityOf(code: string, divisions: Divisions = loadDivisions()): City {
  const city = divisions.cities.find((c) => c.code === code);
  if (!city) throw new Error(`CITY_CODE ${code} is not a prefecture-level city in resources/divisions/cities.csv (e.g. 3203 徐州市, 5101 成都市)`);
  const province = divisions.provinces.find((p) => p.code === city.provinceCode);
  // the four municipalities list their city level as 市辖区 / 县: the city is the province (北京市)
  const name = city.name === '市辖区' || city.name === '县' ? (province?.name ?? city.name) : city.name;
  return { code: city.code, name, provinceCode: city.provinceCode, provinceName: province?.name ?? '' };
}
