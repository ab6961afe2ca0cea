// The default 3-level category tree (诉求分类) of the demo city, modelled on the first-level classes that
// 12345 hotlines use (Jiangsu's standard has 13 first-level classes). Leaves carry `unitHint`: the org key
// (src/demo/org.ts) of the unit that usually handles the matter, or 'street' for the territorial street/township
// office of the reported address.
//
// Codes are derived from position (level 1 `01`, level 2 `0101`, level 3 `010101`), so only ever APPEND new
// entries at the end of a list: reordering or deleting would change the codes of existing work orders' categories.

import type { Category } from './category';

export interface CategorySeed {
  code: string;
  name: string;
  nameEn: string;
  children?: CategorySeed[];
  unitHint?: string;
}

export type FlatCategory = Category;

/** The unit hint meaning "the street/township office where the matter is". */
export const STREET_HINT = 'street';

type Leaf = [name: string, nameEn: string, unitHint: string];
type Branch = [name: string, nameEn: string, leaves: Leaf[]];
type Top = [name: string, nameEn: string, branches: Branch[]];

const TREE: Top[] = [
  ['城乡建设与住房', 'Urban-Rural Construction and Housing', [
    ['物业管理', 'Property Management', [
      ['物业服务质量', 'Property service quality', 'dept-housing'],
      ['物业收费', 'Property management fees', 'dept-housing'],
      ['公共维修资金', 'Maintenance fund', 'dept-housing'],
      ['业主委员会', "Owners' committee", 'street'],
    ]],
    ['建筑施工', 'Construction Sites', [
      ['夜间施工噪音', 'Night-time construction noise', 'dept-city-management'],
      ['工地扬尘', 'Construction dust', 'dept-housing'],
      ['工程质量', 'Construction quality', 'dept-housing'],
      ['违规施工', 'Unauthorised construction works', 'dept-housing'],
    ]],
    ['房屋安全与改造', 'Housing Safety and Renovation', [
      ['危房隐患', 'Dangerous buildings', 'dept-housing'],
      ['老旧小区改造', 'Old residential estate renovation', 'dept-housing'],
      ['加装电梯', 'Retrofitting lifts', 'dept-housing'],
    ]],
    ['房地产市场', 'Real Estate Market', [
      ['逾期交房', 'Late delivery of new homes', 'dept-housing'],
      ['房屋质量', 'New home quality defects', 'dept-housing'],
      ['房产中介', 'Estate agents', 'dept-housing'],
      ['房屋租赁', 'Housing rental', 'dept-housing'],
    ]],
    ['住房保障', 'Housing Security', [
      ['公租房', 'Public rental housing', 'dept-housing'],
      ['保障房申请', 'Affordable housing applications', 'dept-housing'],
      ['住房公积金', 'Housing provident fund', 'dept-housing'],
    ]],
  ]],
  ['城市管理', 'City Management', [
    ['市容秩序', 'Street Order and Appearance', [
      ['占道经营', 'Street vending and shopfront encroachment', 'street'],
      ['乱堆乱放', 'Clutter and dumped items', 'street'],
      ['户外广告', 'Outdoor advertising', 'dept-city-management'],
      ['垃圾清运', 'Rubbish collection', 'dept-city-management'],
    ]],
    ['噪音扰民', 'Noise Nuisance', [
      ['社会生活噪音', 'Neighbourhood noise', 'street'],
      ['广场舞噪音', 'Square-dancing noise', 'street'],
      ['商铺喇叭噪音', 'Shop loudspeaker noise', 'dept-city-management'],
    ]],
    ['油烟与焚烧', 'Cooking Fumes and Burning', [
      ['油烟扰民', 'Restaurant cooking fumes', 'dept-city-management'],
      ['露天烧烤', 'Open-air barbecues', 'street'],
      ['露天焚烧', 'Open burning of rubbish', 'street'],
    ]],
    ['市政设施', 'Municipal Facilities', [
      ['路灯不亮', 'Street lights out', 'dept-city-management'],
      ['井盖缺损', 'Missing or broken manhole covers', 'dept-city-management'],
      ['道路破损', 'Damaged roads and pavements', 'dept-city-management'],
      ['公厕管理', 'Public toilets', 'dept-city-management'],
    ]],
    ['违法建设与绿化', 'Illegal Structures and Greenery', [
      ['违章搭建', 'Illegal structures', 'street'],
      ['毁绿占绿', 'Damage to green spaces', 'dept-city-management'],
      ['树木修剪', 'Tree pruning', 'dept-city-management'],
    ]],
  ]],
  ['交通运输', 'Transport', [
    ['道路交通管理', 'Road Traffic Management', [
      ['违章停车', 'Illegal parking', 'dept-public-security'],
      ['交通信号灯', 'Traffic lights', 'dept-public-security'],
      ['交通拥堵', 'Traffic congestion', 'dept-public-security'],
    ]],
    ['公共交通', 'Public Transport', [
      ['公交线路站点', 'Bus routes and stops', 'co-bus'],
      ['公交服务', 'Bus service and drivers', 'co-bus'],
      ['公交卡', 'Transit cards', 'co-bus'],
    ]],
    ['出租车与网约车', 'Taxis and Ride-hailing', [
      ['拒载绕路', 'Refusing fares and detours', 'dept-transport'],
      ['网约车服务', 'Ride-hailing service', 'dept-transport'],
      ['乘车物品遗失', 'Items lost in a taxi', 'dept-transport'],
    ]],
    ['道路与出行设施', 'Roads and Mobility', [
      ['公路养护', 'Highway maintenance', 'dept-transport'],
      ['共享单车', 'Shared bicycles', 'dept-city-management'],
      ['驾驶培训', 'Driving schools', 'dept-transport'],
    ]],
  ]],
  ['公共安全', 'Public Safety', [
    ['治安管理', 'Public Order', [
      ['治安隐患', 'Public order problems', 'dept-public-security'],
      ['电信诈骗', 'Telecom and online fraud', 'dept-public-security'],
      ['黄赌毒', 'Prostitution, gambling and drugs', 'dept-public-security'],
    ]],
    ['户籍证件', 'Household Registration and ID', [
      ['户口迁移', 'Household registration transfer', 'dept-public-security'],
      ['身份证办理', 'ID cards', 'dept-public-security'],
      ['居住证', 'Residence permits', 'dept-public-security'],
    ]],
    ['消防安全', 'Fire Safety', [
      ['消防通道堵塞', 'Blocked fire escapes', 'dept-emergency'],
      ['电动车楼道充电', 'E-bike charging in stairwells', 'street'],
      ['消防设施损坏', 'Broken fire equipment', 'dept-emergency'],
    ]],
    ['安全生产', 'Work Safety', [
      ['安全生产隐患', 'Workplace safety hazards', 'dept-emergency'],
      ['危险化学品', 'Hazardous chemicals', 'dept-emergency'],
    ]],
  ]],
  ['卫生健康', 'Health', [
    ['医疗服务', 'Medical Services', [
      ['医疗服务态度', 'Attitude of medical staff', 'dept-health'],
      ['医疗纠纷', 'Medical disputes', 'dept-health'],
      ['挂号就诊', 'Appointments and registration', 'dept-health'],
    ]],
    ['公共卫生', 'Public Health', [
      ['疫苗接种', 'Vaccination', 'dept-health'],
      ['传染病防控', 'Infectious disease control', 'dept-health'],
      ['病媒生物防制', 'Rats, mosquitoes and pests', 'dept-health'],
    ]],
    ['医疗保障', 'Medical Insurance', [
      ['医保报销', 'Medical insurance reimbursement', 'dept-healthcare-security'],
      ['医保参保', 'Medical insurance enrolment', 'dept-healthcare-security'],
      ['异地就医', 'Treatment outside the home city', 'dept-healthcare-security'],
    ]],
    ['妇幼与生育', 'Maternal Care and Births', [
      ['出生医学证明', 'Birth certificates', 'dept-health'],
      ['生育登记', 'Birth registration services', 'dept-health'],
    ]],
  ]],
  ['市场监管与消费维权', 'Market Regulation and Consumer Rights', [
    ['消费维权', 'Consumer Complaints', [
      ['预付卡', 'Prepaid cards', 'dept-market-regulation'],
      ['商品质量', 'Product quality', 'dept-market-regulation'],
      ['网购纠纷', 'Online shopping disputes', 'dept-market-regulation'],
      ['退换货', 'Returns and exchanges', 'dept-market-regulation'],
    ]],
    ['食品药品安全', 'Food and Drug Safety', [
      ['食品安全', 'Food safety', 'dept-market-regulation'],
      ['餐饮卫生', 'Restaurant hygiene', 'dept-market-regulation'],
      ['药品安全', 'Drug safety', 'dept-market-regulation'],
    ]],
    ['价格监管', 'Prices', [
      ['价格欺诈', 'Price fraud', 'dept-market-regulation'],
      ['明码标价', 'Price labelling', 'dept-market-regulation'],
    ]],
    ['特种设备', 'Special Equipment', [
      ['电梯故障', 'Lift breakdowns', 'dept-market-regulation'],
      ['电梯困人', 'People trapped in lifts', 'dept-market-regulation'],
    ]],
  ]],
  ['劳动和社会保障', 'Labour and Social Security', [
    ['劳动关系', 'Labour Relations', [
      ['拖欠工资', 'Unpaid wages', 'dept-hrss'],
      ['劳动合同', 'Employment contracts', 'dept-hrss'],
      ['工伤认定', 'Work injury recognition', 'dept-hrss'],
    ]],
    ['社会保险', 'Social Insurance', [
      ['社保缴纳', 'Social insurance contributions', 'dept-hrss'],
      ['社保卡', 'Social security cards', 'dept-hrss'],
      ['养老金', 'Pensions', 'dept-hrss'],
      ['失业保险', 'Unemployment insurance', 'dept-hrss'],
    ]],
    ['就业创业', 'Employment and Entrepreneurship', [
      ['就业服务', 'Job seeking services', 'dept-hrss'],
      ['职业培训', 'Vocational training', 'dept-hrss'],
      ['创业补贴', 'Start-up subsidies', 'dept-hrss'],
    ]],
    ['人才服务', 'Talent Services', [
      ['人才引进', 'Talent recruitment policies', 'dept-hrss'],
      ['职称评定', 'Professional titles', 'dept-hrss'],
    ]],
  ]],
  ['教育', 'Education', [
    ['入学招生', 'Admissions', [
      ['幼儿园入园', 'Kindergarten places', 'dept-education'],
      ['义务教育入学', 'Primary and middle school places', 'dept-education'],
      ['中高考', 'Entrance examinations', 'dept-education'],
    ]],
    ['学校管理', 'School Management', [
      ['教育收费', 'School fees', 'dept-education'],
      ['师德师风', 'Teacher conduct', 'dept-education'],
      ['校园安全', 'School safety', 'dept-education'],
      ['课业负担', 'Homework burden', 'dept-education'],
    ]],
    ['校外培训', 'After-school Tutoring', [
      ['培训机构退费', 'Tutoring refunds', 'dept-education'],
      ['无证办学', 'Unlicensed tutoring', 'dept-education'],
    ]],
  ]],
  ['生态环境', 'Ecology and Environment', [
    ['大气污染', 'Air Pollution', [
      ['企业废气', 'Industrial emissions', 'dept-ecology-environment'],
      ['异味扰民', 'Odour nuisance', 'dept-ecology-environment'],
      ['秸秆焚烧', 'Straw burning', 'street'],
    ]],
    ['水污染', 'Water Pollution', [
      ['河道污染', 'Polluted rivers', 'dept-water'],
      ['企业排污', 'Industrial discharge', 'dept-ecology-environment'],
    ]],
    ['工业噪声与辐射', 'Industrial Noise and Radiation', [
      ['工业噪声', 'Industrial noise', 'dept-ecology-environment'],
      ['电磁辐射', 'Electromagnetic radiation', 'dept-ecology-environment'],
    ]],
    ['固体废物', 'Solid Waste', [
      ['危险废物', 'Hazardous waste', 'dept-ecology-environment'],
      ['建筑垃圾偷倒', 'Fly-tipping of construction waste', 'dept-city-management'],
    ]],
  ]],
  ['自然资源', 'Natural Resources', [
    ['不动产登记', 'Real Estate Registration', [
      ['不动产权证办理', 'Property title certificates', 'dept-natural-resources'],
      ['抵押登记', 'Mortgage registration', 'dept-natural-resources'],
    ]],
    ['规划管理', 'Planning', [
      ['规划公示', 'Planning notices', 'dept-natural-resources'],
      ['采光遮挡', 'Loss of sunlight', 'dept-natural-resources'],
    ]],
    ['土地矿产', 'Land and Minerals', [
      ['违法占地', 'Illegal land use', 'dept-natural-resources'],
      ['征地补偿', 'Land acquisition compensation', 'dept-natural-resources'],
      ['非法采砂采矿', 'Illegal sand and mineral extraction', 'dept-natural-resources'],
    ]],
  ]],
  ['民政与社会救助', 'Civil Affairs and Social Assistance', [
    ['社会救助', 'Social Assistance', [
      ['最低生活保障', 'Minimum living allowance (dibao)', 'dept-civil-affairs'],
      ['特困供养', 'Support for people in extreme poverty', 'dept-civil-affairs'],
      ['临时救助', 'Emergency assistance', 'dept-civil-affairs'],
    ]],
    ['养老服务', 'Elderly Care', [
      ['养老机构', 'Care homes', 'dept-civil-affairs'],
      ['高龄津贴', 'Old-age allowance', 'dept-civil-affairs'],
      ['居家养老', 'Home-based elderly care', 'street'],
    ]],
    ['婚姻殡葬', 'Marriage and Funerals', [
      ['婚姻登记', 'Marriage registration', 'dept-civil-affairs'],
      ['殡葬服务', 'Funeral services', 'dept-civil-affairs'],
    ]],
    ['残疾人与儿童福利', 'Disability and Child Welfare', [
      ['残疾人补贴', 'Disability allowances', 'dept-civil-affairs'],
      ['困境儿童', 'Children in difficulty', 'dept-civil-affairs'],
    ]],
    ['社区治理', 'Community Affairs', [
      ['社区工作', 'Residents’ committee work', 'street'],
      ['邻里纠纷', 'Neighbour disputes', 'street'],
    ]],
  ]],
  ['公共服务', 'Public Utilities (Water, Power, Gas, Heating, Telecoms)', [
    ['供水', 'Water Supply', [
      ['停水', 'Water outage', 'co-water'],
      ['水压低', 'Low water pressure', 'co-water'],
      ['水质问题', 'Water quality', 'co-water'],
      ['水费', 'Water bills', 'co-water'],
    ]],
    ['供电', 'Power Supply', [
      ['停电', 'Power outage', 'co-power'],
      ['电压不稳', 'Unstable voltage', 'co-power'],
      ['电费', 'Electricity bills', 'co-power'],
      ['电力线路隐患', 'Dangerous power lines', 'co-power'],
    ]],
    ['燃气', 'Gas', [
      ['燃气泄漏', 'Gas leak', 'co-gas'],
      ['燃气停气', 'Gas outage', 'co-gas'],
      ['燃气费', 'Gas bills', 'co-gas'],
      ['燃气安装', 'Gas connection', 'co-gas'],
    ]],
    ['供暖', 'Heating', [
      ['暖气不热', 'Radiators not warm', 'dept-housing'],
      ['供暖收费', 'Heating charges', 'dept-housing'],
    ]],
    ['通信', 'Telecommunications', [
      ['手机信号差', 'Poor mobile signal', 'co-mobile'],
      ['宽带故障', 'Broadband faults', 'co-telecom'],
      ['通信资费', 'Telecom charges', 'co-mobile'],
    ]],
  ]],
  ['农业农村', 'Agriculture and Rural Affairs', [
    ['农业生产', 'Farming', [
      ['农资质量', 'Seeds, fertiliser and pesticide quality', 'dept-agriculture'],
      ['农业补贴', 'Farm subsidies', 'dept-agriculture'],
      ['动物防疫', 'Animal disease control', 'dept-agriculture'],
    ]],
    ['农村管理', 'Rural Administration', [
      ['宅基地', 'Rural homesteads', 'dept-agriculture'],
      ['土地承包', 'Land contracts', 'dept-agriculture'],
      ['农村人居环境', 'Village living environment', 'street'],
    ]],
  ]],
  ['文化旅游', 'Culture and Tourism', [
    ['旅游服务', 'Tourism', [
      ['景区服务', 'Scenic spot services', 'dept-culture-tourism'],
      ['旅行社纠纷', 'Travel agency disputes', 'dept-culture-tourism'],
      ['导游服务', 'Tour guides', 'dept-culture-tourism'],
    ]],
    ['文化市场', 'Cultural Market', [
      ['网吧娱乐场所', 'Internet cafés and entertainment venues', 'dept-culture-tourism'],
      ['演出市场', 'Performances and tickets', 'dept-culture-tourism'],
      ['广播电视信号', 'Radio and TV reception', 'dept-culture-tourism'],
    ]],
    ['公共文化', 'Public Culture', [
      ['图书馆文化馆', 'Libraries and cultural centres', 'dept-culture-tourism'],
      ['文物保护', 'Heritage protection', 'dept-culture-tourism'],
    ]],
  ]],
  ['政务服务', 'Government Services', [
    ['办事服务', 'Public Service Counters', [
      ['办事流程', 'Procedures and required documents', 'centre'],
      ['窗口服务态度', 'Counter staff attitude', 'centre'],
      ['网上办事', 'Online government services', 'centre'],
    ]],
    ['不作为投诉', 'Inaction Complaints', [
      ['不作为', 'Inaction', 'centre'],
      ['慢作为', 'Delays', 'centre'],
      ['乱作为', 'Abuse of power', 'centre'],
    ]],
    ['营商环境', 'Business Environment', [
      ['涉企收费', 'Charges on businesses', 'dept-market-regulation'],
      ['政策兑现', 'Delivery of promised policies', 'centre'],
    ]],
  ]],
  ['企业诉求', 'Enterprise Requests', [
    ['惠企政策', 'Business Support Policies', [
      ['政策咨询', 'Policy enquiries', 'centre'],
      ['稳岗补贴', 'Job retention subsidies', 'dept-hrss'],
    ]],
    ['生产经营', 'Business Operations', [
      ['企业用工', 'Staff recruitment', 'dept-hrss'],
      ['企业用地', 'Land for business', 'dept-natural-resources'],
      ['企业用电', 'Power supply for business', 'co-power'],
    ]],
    ['登记许可', 'Registration and Licences', [
      ['营业执照', 'Business licences', 'dept-market-regulation'],
      ['食品经营许可', 'Food business permits', 'dept-market-regulation'],
    ]],
  ]],
  ['咨询与其他', 'Enquiries and Other', [
    ['综合咨询', 'General Enquiries', [
      ['政策法规咨询', 'Laws and policies', 'centre'],
      ['热线服务', 'About the 12345 hotline', 'centre'],
    ]],
    ['意见建议', 'Suggestions and Praise', [
      ['意见建议', 'Suggestions', 'centre'],
      ['表扬感谢', 'Praise and thanks', 'centre'],
    ]],
    ['其他', 'Other', [
      ['其他诉求', 'Other requests', 'centre'],
      ['无法归类', 'Unclassifiable', 'centre'],
    ]],
  ]],
];

const pad2 = (n: number) => String(n + 1).padStart(2, '0');

export const DEMO_CATEGORIES: CategorySeed[] = TREE.map(([name, nameEn, branches], i) => {
  const code1 = pad2(i);
  return {
    code: code1,
    name,
    nameEn,
    children: branches.map(([name2, nameEn2, leaves], j) => {
      const code2 = code1 + pad2(j);
      return {
        code: code2,
        name: name2,
        nameEn: nameEn2,
        children: leaves.map(([name3, nameEn3, unitHint], k) => ({ code: code2 + pad2(k), name: name3, nameEn: nameEn3, unitHint })),
      };
    }),
  };
});

/** Depth-first, parents before children: the order in which a database seed can insert them. */
export function flattenCategories(tree: CategorySeed[]): FlatCategory[] {
  const out: FlatCategory[] = [];
  const walk = (nodes: CategorySeed[], level: 1 | 2 | 3, parentCode: string | null) => {
    for (const node of nodes) {
      out.push({ code: node.code, name: node.name, nameEn: node.nameEn, level, parentCode, unitHint: node.unitHint ?? null });
      if (node.children && node.children.length > 0) {
        if (level === 3) throw new Error(`category ${node.code}: the tree has at most 3 levels`);
        walk(node.children, level === 1 ? 2 : 3, node.code);
      }
    }
  };
  walk(tree, 1, null);
  return out;
}
