// China's administrative divisions (国家统计局 2023, WTFPL copy in resources/divisions/): the shapes the loader
// (../divisions.ts) returns. Four levels: province (2-digit code), city (4), area = district/county (6),
// street = street/township (9).

export interface Province { code: string; name: string }
export interface City { code: string; name: string; provinceCode: string }
export interface Area { code: string; name: string; cityCode: string; provinceCode: string }
export interface Street { code: string; name: string; areaCode: string; cityCode: string; provinceCode: string }

export interface Divisions {
  provinces: Province[];
  cities: City[];
  areas: Area[];
  streets: Street[];
}
