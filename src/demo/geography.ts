// Where the demo's customers are: China's seven regions (华东, 华南, ...) with provinces, cities and their
// 6-digit administrative division codes (used in 统一社会信用代码), and the export markets.

export interface City {
  region: string; // 华东 ...
  province: string;
  city: string;
  /** Short name used in company names (苏州恒达…). */
  short: string;
  division: string; // GB/T 2260 city code
  /** Weight: how many of our customers are there (manufacturing belts weigh more). */
  weight: number;
  areaCode: string; // landline prefix
}

const c = (
  region: string,
  province: string,
  city: string,
  division: string,
  weight: number,
  areaCode: string,
): City => ({ region, province, city, short: city.replace(/市$/, ''), division, weight, areaCode });

export const CITIES: City[] = [
  c('华东', '江苏省', '苏州市', '320500', 10, '0512'),
  c('华东', '江苏省', '无锡市', '320200', 7, '0510'),
  c('华东', '江苏省', '常州市', '320400', 6, '0519'),
  c('华东', '江苏省', '南京市', '320100', 5, '025'),
  c('华东', '江苏省', '南通市', '320600', 3, '0513'),
  c('华东', '浙江省', '宁波市', '330200', 8, '0574'),
  c('华东', '浙江省', '杭州市', '330100', 6, '0571'),
  c('华东', '浙江省', '温州市', '330300', 5, '0577'),
  c('华东', '浙江省', '台州市', '331000', 4, '0576'),
  c('华东', '浙江省', '金华市', '330700', 3, '0579'),
  c('华东', '上海市', '上海市', '310100', 8, '021'),
  c('华东', '山东省', '青岛市', '370200', 5, '0532'),
  c('华东', '山东省', '济南市', '370100', 3, '0531'),
  c('华东', '山东省', '潍坊市', '370700', 3, '0536'),
  c('华东', '安徽省', '合肥市', '340100', 3, '0551'),
  c('华东', '福建省', '厦门市', '350200', 3, '0592'),
  c('华东', '福建省', '泉州市', '350500', 3, '0595'),
  c('华南', '广东省', '深圳市', '440300', 7, '0755'),
  c('华南', '广东省', '东莞市', '441900', 7, '0769'),
  c('华南', '广东省', '佛山市', '440600', 6, '0757'),
  c('华南', '广东省', '广州市', '440100', 5, '020'),
  c('华南', '广东省', '中山市', '442000', 2, '0760'),
  c('华南', '广西壮族自治区', '南宁市', '450100', 1, '0771'),
  c('华北', '北京市', '北京市', '110100', 4, '010'),
  c('华北', '天津市', '天津市', '120100', 4, '022'),
  c('华北', '河北省', '石家庄市', '130100', 2, '0311'),
  c('华北', '河北省', '唐山市', '130200', 2, '0315'),
  c('华北', '山西省', '太原市', '140100', 1, '0351'),
  c('华中', '湖北省', '武汉市', '420100', 4, '027'),
  c('华中', '湖北省', '襄阳市', '420600', 1, '0710'),
  c('华中', '湖南省', '长沙市', '430100', 3, '0731'),
  c('华中', '湖南省', '株洲市', '430200', 1, '0731'),
  c('华中', '河南省', '郑州市', '410100', 3, '0371'),
  c('华中', '河南省', '洛阳市', '410300', 2, '0379'),
  c('华中', '江西省', '南昌市', '360100', 1, '0791'),
  c('西南', '四川省', '成都市', '510100', 4, '028'),
  c('西南', '重庆市', '重庆市', '500100', 4, '023'),
  c('西南', '云南省', '昆明市', '530100', 1, '0871'),
  c('西南', '贵州省', '贵阳市', '520100', 1, '0851'),
  c('西北', '陕西省', '西安市', '610100', 3, '029'),
  c('西北', '甘肃省', '兰州市', '620100', 1, '0931'),
  c('西北', '新疆维吾尔自治区', '乌鲁木齐市', '650100', 1, '0991'),
  c('西北', '宁夏回族自治区', '银川市', '640100', 1, '0951'),
  c('东北', '辽宁省', '沈阳市', '210100', 3, '024'),
  c('东北', '辽宁省', '大连市', '210200', 3, '0411'),
  c('东北', '吉林省', '长春市', '220100', 2, '0431'),
  c('东北', '黑龙江省', '哈尔滨市', '230100', 2, '0451'),
];

export interface Market {
  country: string; // ISO 3166-1 alpha-2
  region: string; // sales region shown in lists
  timeZone: string;
  language: string;
  currency: 'USD' | 'EUR';
  weight: number;
  /** Legal-form suffixes used in company names. */
  suffixes: string[];
  /** City names for company names and addresses. */
  places: string[];
  phonePrefix: string;
  domain: string;
}

export const MARKETS: Market[] = [
  {
    country: 'US',
    region: '北美',
    timeZone: 'America/Chicago',
    language: 'en',
    currency: 'USD',
    weight: 5,
    suffixes: ['Inc.', 'LLC', 'Corp.'],
    places: ['Midwest', 'Great Lakes', 'Houston', 'Ohio Valley', 'Carolina', 'Pacific'],
    phonePrefix: '+1',
    domain: 'com',
  },
  {
    country: 'DE',
    region: '欧洲',
    timeZone: 'Europe/Berlin',
    language: 'de',
    currency: 'EUR',
    weight: 4,
    suffixes: ['GmbH', 'GmbH & Co. KG', 'AG'],
    places: ['Rhein', 'Schwaben', 'Bayern', 'Ruhr', 'Sachsen', 'Nordsee'],
    phonePrefix: '+49',
    domain: 'de',
  },
  {
    country: 'IT',
    region: '欧洲',
    timeZone: 'Europe/Rome',
    language: 'it',
    currency: 'EUR',
    weight: 2,
    suffixes: ['S.p.A.', 'S.r.l.'],
    places: ['Lombarda', 'Emiliana', 'Veneta', 'Torino'],
    phonePrefix: '+39',
    domain: 'it',
  },
  {
    country: 'VN',
    region: '东南亚',
    timeZone: 'Asia/Ho_Chi_Minh',
    language: 'vi',
    currency: 'USD',
    weight: 3,
    suffixes: ['Co., Ltd.', 'JSC'],
    places: ['Saigon', 'Hanoi', 'Binh Duong', 'Dong Nai'],
    phonePrefix: '+84',
    domain: 'vn',
  },
  {
    country: 'TH',
    region: '东南亚',
    timeZone: 'Asia/Bangkok',
    language: 'th',
    currency: 'USD',
    weight: 2,
    suffixes: ['Co., Ltd.', 'Public Co., Ltd.'],
    places: ['Siam', 'Rayong', 'Chonburi', 'Bangkok'],
    phonePrefix: '+66',
    domain: 'co.th',
  },
  {
    country: 'AE',
    region: '中东',
    timeZone: 'Asia/Dubai',
    language: 'en',
    currency: 'USD',
    weight: 1,
    suffixes: ['LLC', 'FZE', 'Trading LLC'],
    places: ['Gulf', 'Jebel Ali', 'Emirates', 'Sharjah'],
    phonePrefix: '+971',
    domain: 'ae',
  },
  {
    country: 'BR',
    region: '南美',
    timeZone: 'America/Sao_Paulo',
    language: 'pt',
    currency: 'USD',
    weight: 1,
    suffixes: ['Ltda.', 'S.A.'],
    places: ['Paulista', 'Minas', 'Campinas', 'Sul'],
    phonePrefix: '+55',
    domain: 'com.br',
  },
];
