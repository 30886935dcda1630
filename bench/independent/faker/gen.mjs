// Independent PII corpus for the DingTalk proxy with values from @faker-js/faker.
// usage: INDEP_OUT=dir node gen.mjs [SEED]   (default seed 1, default dir ../../out/independent/faker)
// Writes <dir>/*.json and <dir>/truth.jsonl ({file,path,type,value} per labelled occurrence).
import fs from 'node:fs';
import path from 'node:path';
import { fakerEN_HK, fakerZH_CN, fakerZH_TW, fakerEN, fakerEN_GB, fakerEN_US } from '@faker-js/faker';
import * as ID from './ids.mjs';

const SEED = Number(process.argv[2] ?? 1);
const OUT = process.env.INDEP_OUT || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../out/independent/faker');
const HK = fakerEN_HK, CN = fakerZH_CN, TW = fakerZH_TW, EN = fakerEN, GB = fakerEN_GB, US = fakerEN_US;
// A fixed reference date as well as a seed: faker's relative dates (birthdate by age) are
// counted from it, so the corpus is the same whenever it is generated.
[HK, CN, TW, EN, GB, US].forEach((f, i) => { f.seed(SEED * 1000 + i); f.setDefaultRefDate('2026-11-01T00:00:00Z'); });
const r = EN; // generic randomness
const pick = (a) => a[r.number.int({ min: 0, max: a.length - 1 })];
const chance = (p) => r.number.float({ min: 0, max: 1 }) < p;
const int = (a, b) => r.number.int({ min: a, max: b });
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');

fs.mkdirSync(OUT, { recursive: true });
for (const f of fs.readdirSync(OUT)) if (f.endsWith('.json') || f === 'truth.jsonl') fs.unlinkSync(path.join(OUT, f));
const truth = [];

// ---------------------------------------------------------------- document + labels
// A document collects labels (type, exact text). On write, every leaf string/number is searched
// for every label (longest first, occurrences blanked), giving one truth row per occurrence at the
// gjson path of that leaf (for JSON inside a string: the outer string's path).
class Doc {
  constructor() { this.labels = new Map(); }
  L(type, value) { value = String(value); const k = value; if (!this.labels.has(k) || type !== '_ignore') this.labels.set(k, type); return value; }
}
const gjEsc = (k) => String(k).replace(/([.*?\\|#@!])/g, '\\$1');
function write(name, doc, body) {
  const file = name + '.json';
  fs.writeFileSync(path.join(OUT, file), JSON.stringify(body, null, 1));
  if (name.startsWith('neg_') && doc.labels.size) {
    // neg docs may only carry _ignore labels
    for (const [v, t] of doc.labels) if (t !== '_ignore') throw new Error(`label in neg doc ${name}: ${v}`);
  }
  const labs = [...doc.labels.entries()].sort((a, b) => b[0].length - a[0].length);
  const walk = (node, p) => {
    if (node === null || typeof node === 'boolean') return;
    if (typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, p ? p + '.' + gjEsc(k) : gjEsc(k));
      return;
    }
    let s = typeof node === 'number' ? JSON.stringify(node) : node;
    for (const [v, t] of labs) {
      let i;
      while ((i = s.indexOf(v)) >= 0) {
        truth.push({ file, path: p, type: t, value: v });
        s = s.slice(0, i) + '\u0000'.repeat(v.length) + s.slice(i + v.length);
      }
    }
  };
  walk(body, '');
}

// ---------------------------------------------------------------- values
const epochMs = () => int(1672531200000, 1767225600000);
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const uid = () => pick(['manager', 'user', 'staff', '']) + r.string.alphanumeric({ length: int(6, 12), casing: 'lower' });
const unionId = () => r.string.alphanumeric({ length: 27 }) + 'iE';
const deptId = () => int(10000000, 999999999);
const reqId = () => r.string.alphanumeric({ length: 12, casing: 'lower' });

function hkPhone(d, { style = null, label = true } = {}) {
  // faker en_HK phone numbers, labelled by the OFCA numbering plan, not by faker's claim
  let raw = HK.phone.number();
  let dd = raw.replace(/\D/g, '').slice(-8);
  const plan = ID.hkPlan(dd);
  const a = dd.slice(0, 4), b = dd.slice(4);
  style = style || pick(['faker', 'plain', 'space', '+852 ', '+852-', '852', '(852) ', '00852 ', 'dash']);
  const text = { faker: raw, plain: dd, space: `${a} ${b}`, '+852 ': `+852 ${a} ${b}`, '+852-': `+852-${dd}`, '852': `852${dd}`,
    '(852) ': `(852) ${a} ${b}`, '00852 ': `00852 ${dd}`, dash: `${a}-${b}` }[style];
  if (label) d.L(plan === 'mobile' || plan === 'fixed' ? 'hk_phone' : '_ignore', text);
  return { text, plan, digits: dd };
}
function hkMobile(d, opts = {}) { // retry until a mobile block
  for (let i = 0; i < 50; i++) { const p = hkPhone(new Doc(), { ...opts, label: false }); if (p.plan === 'mobile') { d.L('hk_phone', p.text); return p; } }
}
function cnMobile(d, { style = null } = {}) {
  for (let i = 0; i < 100; i++) {
    const raw = CN.phone.number();
    const dd = raw.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
    if (!ID.cnMobileOk(dd)) continue;
    style = style || pick(['plain', 'plain', '+86', '+86 ', '0086', '3-4-4', '3 4 4', '+86-']);
    const text = { plain: dd, '+86': '+86' + dd, '+86 ': '+86 ' + dd, '0086': '0086' + dd, '3-4-4': `${dd.slice(0, 3)}-${dd.slice(3, 7)}-${dd.slice(7)}`,
      '3 4 4': `${dd.slice(0, 3)} ${dd.slice(3, 7)} ${dd.slice(7)}`, '+86-': `+86-${dd}` }[style];
    d.L('cn_mobile', text);
    return { text, digits: dd };
  }
}
function cnLandline(d) { // faker zh_CN non-mobile numbers: not in the catalogue; _ignore
  for (let i = 0; i < 100; i++) { const raw = CN.phone.number(); const dd = raw.replace(/\D/g, ''); if (!/^1/.test(dd) && !/^86/.test(dd)) { d.L('_ignore', raw); return raw; } }
}
function twPhone(d) { const raw = TW.phone.number(); d.L('_ignore', raw); return raw; }
function email(d, loc = null) { const f = loc || pick([HK, HK, CN, TW, EN, GB]); return d.L('email', f.internet.email().toLowerCase()); }
function workEmail(d, first, last, dom) { return d.L('email', `${first}.${last}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + '@' + dom); }
const companyDomain = () => pick(['hk.example.com', 'corp.example.hk', 'acme-logistics.com.hk', 'pearlriver-trading.cn', 'kowloon-holdings.com']);

// faker zh_TW's surname list was converted character by character from Simplified and holds
// four characters that are not the Traditional form of the surname (范 余 周 于 鍾 are).
const TW_SURNAME_FIX = { '範': '范', '餘': '余', '週': '周', '於': '于', '鐘': '鍾' };
const twSurname = (s) => TW_SURNAME_FIX[s] || s;
function person(loc = null) {
  loc = loc || pick(['hk', 'hk', 'hk', 'cn', 'cn', 'tw']);
  const sex = pick(['male', 'female']);
  if (loc === 'hk') {
    // HK staff: Chinese name (faker zh_TW, traditional) plus English name from faker en_HK
    const zhLast = twSurname(TW.person.lastName()), zhFirst = TW.person.firstName(sex);
    const enFirst = HK.person.firstName(sex), enLast = HK.person.lastName();
    return { loc, zh: zhLast + zhFirst, en: `${enFirst} ${enLast}`, enFirst, enLast, upper: `${enLast.toUpperCase()}, ${enFirst}` };
  }
  const f = loc === 'cn' ? CN : TW;
  const last = loc === 'tw' ? twSurname(f.person.lastName()) : f.person.lastName(), first = f.person.firstName(sex);
  const enF = EN.person.firstName(sex), enL = EN.person.lastName();
  return { loc, zh: last + first, en: `${enF} ${enL}`, enFirst: enF, enLast: enL, upper: `${enL.toUpperCase()}, ${enF}` };
}
function dob() { return EN.date.birthdate({ mode: 'age', min: 19, max: 66 }); }
function dobText(dt, style) {
  const y = dt.getUTCFullYear(), m = dt.getUTCMonth() + 1, day = dt.getUTCDate(), p = (x) => String(x).padStart(2, '0');
  style = style || pick(['iso', 'iso', 'dmy', 'zh', 'slash', 'long']);
  return { iso: `${y}-${p(m)}-${p(day)}`, dmy: `${p(day)}/${p(m)}/${y}`, zh: `${y}年${m}月${day}日`, slash: `${y}/${p(m)}/${p(day)}`,
    long: `${day} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}` }[style];
}
// faker en_HK picks district and region independently ("Stanley, Kowloon"); put each district
// in its real region instead.
const HK_ISLAND = new Set(['Aberdeen', 'Ap Lei Chau', 'Causeway Bay', 'Chai Wan', 'Cyberport', 'Happy Valley', 'Heng Fa Chuen', 'Kennedy Town', 'Lei Tung',
  'Peak', 'Pok Fu Lam', 'Repulse Bay', 'Sai Ying Pun', 'Shau Kei Wan', 'Sheung Wan', 'Siu Sai Wan', 'Stanley', 'Tai Koo Shing', 'Wah Fu', 'Wan Chai', 'Tsat Tsz Mui']);
const KOWLOON = new Set(['Cheung Sha Wan', 'Choi Hung Chuen', 'Chuk Yuen', 'Ho Man Tin', 'Hung Hom Bay', 'Kowloon Bay', 'Kowloon City', 'Kwun Tong', 'Lai Kok', 'Lam Tin',
  'Lok Fu', 'Mei Foo Sun Chuen', 'Mong Kok', 'Ngau Chi Wan', 'Ngau Tau Kok', 'Sau Mau Ping', 'Sham Shui Po', 'Shek Kip Mei', 'So Uk', 'Tai Kok Tsui', 'Tsim Sha Tsui',
  'Tsz Wan Shan', 'To Kwa Wan', 'Wong Tai Sin', 'Yau Tong', 'Yau Yat Tsuen', 'Shun Lee', 'Oi Man', 'Fu Shan']);
function hkAddress() {
  let city;
  do { city = HK.location.city(); } while (/^Kowloon( Central| East)?$/.test(city));
  const region = HK_ISLAND.has(city) ? pick(['Hong Kong Island', 'Hong Kong', 'HK']) : KOWLOON.has(city) ? pick(['Kowloon', 'Kln']) : pick(['New Territories', 'N.T.']);
  const unit = pick([() => `Flat ${pick('ABCDEFGH'.split(''))}`, () => `Flat ${int(1, 30)}`, () => `Rm ${int(1, 45)}${String(int(1, 20)).padStart(2, '0')}`,
    () => `Room ${int(1, 12)}`, () => `Unit ${pick('ABCDEF'.split(''))}`])();
  return `${unit}, ${int(2, 45)}/F, ${HK.location.streetAddress(false)}, ${city}, ${region}`;
}
function zhAddress(loc) {
  if (loc === 'cn') return `${CN.location.state()}${CN.location.city()}${CN.location.streetAddress(false)}`;
  return `${TW.location.city()}${TW.location.streetAddress(false)}`;
}
function hkidVal(d, style = null) {
  const id = ID.hkid(r, { two: chance(0.12) });
  style = style || pick(['paren', 'paren', 'paren', 'plain', 'space', 'spaceparen', 'lower']);
  return d.L('hkid', ID.hkidText(id, style));
}
function cnIdVal(d, dt = null, opts = {}) { return d.L('cn_id', ID.cnId(r, dt || dob(), { ...opts, wantX: opts.wantX ?? chance(0.15) })); }
function card(d, { issuer = null, fmt = null } = {}) {
  for (let i = 0; i < 100; i++) {
    let n;
    if (issuer === 'unionpay62') n = ID.luhnComplete('62' + digits(4), pick([16, 16, 19]), r);
    else n = EN.finance.creditCardNumber(issuer || pick(['visa', 'mastercard', 'american_express', 'discover', 'jcb', 'diners_club', 'unionpay', 'visa', 'mastercard']));
    const s = ID.cardScheme(n);
    if (!s) continue;
    const dd = n.replace(/\D/g, '');
    const f = fmt || pick(['faker', 'faker', 'plain', 'space4']);
    let text = n;
    if (f === 'plain') text = dd;
    if (f === 'space4') text = n.includes('-') ? n.replace(/-/g, ' ') : dd.replace(/(\d{4})(?=\d)/g, '$1 ');
    d.L('credit_card', text);
    return { text, scheme: s };
  }
}
function ipv4(d, t = 'ipv4') { let ip; do { ip = EN.internet.ipv4(); } while (/^(0|10|127|22[4-9]|2[3-5]\d)\./.test(ip)); return d.L(t, ip); }
function ipv6(d) { return d.L('ipv6', EN.internet.ipv6()); }
// HK bank account numbers as banks print them (bank code - branch - account); bank codes are HKICL's.
const HK_BANKS = { '003': '渣打', '004': '滙豐', '009': '建行(亞洲)', '012': '中銀香港', '015': '東亞', '016': '星展', '020': '招商永隆', '024': '恒生',
  '025': '上海商業', '035': '華僑銀行', '040': '大新', '041': '創興', '043': '南洋商業', '072': '工銀亞洲', '250': '花旗', '387': 'ZA Bank', '388': 'livi', '389': 'Mox', '390': 'WeLab' };
function hkBankAcct(d, withBank = false) {
  const f = pick([() => `004-${digits(3)}-${digits(6)}-${digits(3)}`, () => `012-${digits(3)}-${digits(1)}-${digits(6)}-${digits(1)}`,
    () => `024-${digits(3)}-${digits(6)}-${digits(1)}`, () => `${pick(Object.keys(HK_BANKS).filter((k) => !['004', '012', '024', '015'].includes(k)))}-${digits(9)}`,
    () => `015-${digits(3)}-${digits(2)}-${digits(5)}-${digits(1)}`]);
  const v = d.L('hk_bank_account', f());
  return withBank ? `${v}（${HK_BANKS[v.slice(0, 3)]}）` : v;
}
function cnBankCard(d) { return d.L('cn_bank_card', ID.luhnComplete(pick(['622202', '621700', '622848', '621483', '622588', '621226', '623668']), pick([16, 19]), r)); }
function hkPassport(d) { return d.L('hk_passport', pick(['K', 'H']) + digits(8)); }
function cnPassport(d) { return d.L('cn_passport', chance(0.6) ? 'E' + digits(8) : 'E' + pick('ABCDEFGHJK'.split('')) + digits(7)); }
function moId(d) { return d.L('mo_id', `${pick(['1', '5', '7'])}${digits(6)}(${int(0, 9)})`); }
function twIdVal(d) { return d.L('tw_id', ID.twId(r)); }
function usccVal(d, kind) { return d.L('cn_uscc', ID.uscc(r, kind)); }
function hkBr(d) { return d.L('hk_br', digits(8)); }

// A "staff" bundle: all values a person carries, labelled into d on demand
function staff(d, loc = null) {
  const p = person(loc);
  const dom = companyDomain();
  return { p, dom };
}

// ---------------------------------------------------------------- payload families
let n = 0;
const nm = (k) => `${k}_${String(++n).padStart(4, '0')}`;

const titles = ['高級會計主任 Senior Accounting Officer', '客戶服務主任', 'Operations Manager', '行政助理', 'Software Engineer 軟件工程師', '採購專員', 'HR Business Partner'];

function remarkText(d, p) {
  const t = [
    () => `英文名 ${d.L('person_name', p.en)}；HKID ${hkidVal(d)} 已核實`,
    () => `緊急聯絡人 ${d.L('person_name', person('hk').zh)} ${hkMobile(d, { style: pick(['space', 'plain']) }).text}`,
    () => `personal email: ${email(d)}`,
    () => `身份證號碼：${hkidVal(d)}，出生日期 ${d.L('date_of_birth', dobText(dob()))}`,
    () => `内地身份证 ${cnIdVal(d)}`,
    () => `Alt contact ${hkMobile(d).text} (WhatsApp)`,
    () => '試用期至年底',
    () => '',
  ];
  return pick(t)();
}

function userObj(d, legacy = true) {
  const { p, dom } = staff(d);
  const isCn = p.loc === 'cn';
  const mob = isCn ? cnMobile(d, { style: 'plain' }) : hkMobile(d, { style: pick(['plain', 'plain', 'faker', '+852-', 'space']) });
  const o = {
    userid: uid(), unionid: unionId(), name: d.L('person_name', chance(0.7) ? p.zh : p.en),
    avatar: `https://static-legacy.dingtalk.com/media/lADP${r.string.alphanumeric(12)}_240_240.jpg`,
    state_code: isCn ? '86' : '852', manager_userid: uid(), mobile: mob.text, hide_mobile: false,
    telephone: chance(0.5) ? d.L('_ignore', `852-${pick(['2', '3'])}${digits(7)}-${int(100, 899)}`) : '',
    job_number: pick(['HK', 'SZ', 'E']) + digits(6), title: pick(titles),
    email: email(d), work_place: d.L('_ignore', pick(['香港九龍觀塘道388號15樓', 'Level 12, One Island East, Quarry Bay', '深圳市南山区科技园南区', HK.location.streetAddress(false) + ', ' + HK.location.city()])),
    remark: remarkText(d, p), login_id: '', exclusive_account: false,
    dept_id_list: [deptId()], dept_order_list: [{ dept_id: deptId(), order: int(100000000, 199999999) }],
    hired_date: epochMs(), active: true, real_authed: chance(0.8),
    org_email: workEmail(d, p.enFirst, p.enLast, dom), senior: false, admin: chance(0.1), boss: false,
    leader_in_dept: [{ dept_id: deptId(), leader: chance(0.2) }], role_list: [{ id: int(1000000, 9999999), name: pick(['財務', '主管', '員工']), group_name: '職務' }],
  };
  if (chance(0.5)) {
    const ext = { '英文名': d.L('person_name', p.en) };
    if (chance(0.6)) ext['身份證號碼'] = isCn ? cnIdVal(d) : hkidVal(d);
    if (chance(0.5)) ext['住址'] = d.L('address', isCn ? zhAddress('cn') : hkAddress());
    if (chance(0.4)) ext['生日'] = d.L('date_of_birth', dobText(dob(), 'iso'));
    o.extension = JSON.stringify(ext);
  }
  return o;
}

function genUserGet() {
  const d = new Doc();
  write(nm('user_get'), d, { errcode: 0, errmsg: 'ok', request_id: reqId(), result: userObj(d) });
}
function genUserList() {
  const d = new Doc();
  const list = Array.from({ length: int(2, 5) }, () => userObj(d));
  write(nm('user_list'), d, { errcode: 0, errmsg: 'ok', request_id: reqId(), result: { has_more: chance(0.5), next_cursor: int(10, 500), list } });
}
function genContactV1() {
  const d = new Doc();
  const p = person();
  const isCn = p.loc === 'cn';
  const body = { nick: d.L('person_name', chance(0.5) ? p.zh : p.en), avatarUrl: `https://static-legacy.dingtalk.com/media/lADP${r.string.alphanumeric(10)}_240_240.jpg`,
    mobile: (isCn ? cnMobile(d, { style: 'plain' }) : hkMobile(d, { style: 'plain' })).text, openId: r.string.alphanumeric(24), unionId: unionId(),
    email: email(d), stateCode: isCn ? '86' : '852' };
  if (chance(0.4)) body.visitor = false;
  write(nm('contact_user'), d, body);
}

// HRM roster: v1.0 (camelCase) and legacy oapi (snake_case) field lists
function rosterFields(d) {
  const p = person();
  const isCn = p.loc === 'cn', isTw = p.loc === 'tw';
  const dt = dob();
  const F = [];
  const add = (code, name, val) => F.push([code, name, val]);
  add('sys00-name', pick(['姓名', '姓名 Name']), d.L('person_name', p.zh));
  add('sys00-mobile', '手機號', isCn ? cnMobile(d).text : hkMobile(d, { style: pick(['+852-', 'plain', '+852 ', 'space']) }).text);
  add('sys00-email', '郵箱', email(d));
  add('sys00-jobNumber', '工號', 'E' + digits(6));
  add('sys00-deptIds', '部門', String(deptId()));
  add('sys02-realName', '身份證姓名', d.L('person_name', chance(0.5) ? p.upper : p.zh));
  let cert;
  if (isCn) cert = cnIdVal(d, dt);
  else if (isTw) cert = twIdVal(d);
  else cert = chance(0.9) ? hkidVal(d) : cnIdVal(d, dt, { permit: true });
  add('sys02-certType', '證件類型', isCn ? '居民身份证' : isTw ? '國民身分證' : '香港身份證');
  add('sys02-certNo', '證件號碼', cert);
  add('sys02-birthTime', '出生日期', d.L('date_of_birth', dobText(dt, pick(['iso', 'iso', 'slash']))));
  add('sys02-sexType', '性別', pick(['男', '女']));
  add('sys02-address', '住址', d.L('address', isCn ? zhAddress('cn') : isTw ? zhAddress('tw') : hkAddress()));
  if (chance(0.6)) add('sys02-residenceAddress', '戶籍地址', d.L('address', zhAddress(isTw ? 'tw' : 'cn')));
  if (chance(0.7)) add('sys04-bankAccountNo', '銀行卡號', isCn ? cnBankCard(d) : hkBankAcct(d));
  if (chance(0.7)) add('sys04-accountBank', '開戶行', pick(['香港上海滙豐銀行 旺角分行', '中國銀行(香港) 觀塘分行', '中国工商银行深圳南山支行', '恒生銀行 銅鑼灣分行']));
  add('sys06-urgentContactsName', '緊急聯繫人姓名', d.L('person_name', person(p.loc).zh));
  add('sys06-urgentContactsRelation', '聯繫人關係', pick(['配偶', '父親', '母親', '兄弟姊妹']));
  add('sys06-urgentContactsPhone', '聯繫人電話', isCn ? cnMobile(d).text : hkMobile(d).text);
  if (chance(0.4)) add(`customField-${r.string.alphanumeric(6)}`, pick(['護照號碼', 'Passport No.']), isCn ? cnPassport(d) : hkPassport(d));
  if (chance(0.3)) add(`customField-${r.string.alphanumeric(6)}`, pick(['個人電郵 Personal Email', '私人郵箱']), email(d));
  if (chance(0.3)) add(`customField-${r.string.alphanumeric(6)}`, pick(['公司卡號', 'Corporate Card No.']), card(d, { fmt: pick(['plain', 'space4', 'faker']) }).text);
  if (chance(0.3)) add('sys01-entryDate', '入職日期', iso(epochMs()).slice(0, 10));
  if (chance(0.3)) add('sys01-employeeType', '員工類型', '全職');
  return F;
}
function genRosterV1() {
  const d = new Doc();
  const result = Array.from({ length: int(1, 3) }, () => ({
    corpId: 'ding' + r.string.alphanumeric(30), userId: uid(), unionId: unionId(),
    fieldDataList: rosterFields(d).map(([c, name, v]) => ({ fieldCode: c, fieldName: name, groupId: c.split('-')[0], fieldValueList: [{ itemIndex: 0, label: v, value: v }] })),
  }));
  write(nm('roster_v1'), d, { result });
}
function genRosterLegacy() {
  const d = new Doc();
  const result = Array.from({ length: int(1, 3) }, () => ({
    corp_id: 'ding' + r.string.alphanumeric(30), userid: uid(),
    field_data_list: rosterFields(d).map(([c, name, v]) => ({ field_code: c, field_name: name, group_id: c.split('-')[0], field_value_list: [{ item_index: 0, label: v, value: v }] })),
  }));
  write(nm('roster_legacy'), d, { errcode: 0, errmsg: 'ok', success: true, request_id: reqId(), result });
}

// ---- free-text sentences (chat, remarks, approval reasons). Each returns text and labels into d.
function sentence(d) {
  const p = person(), q = person('hk');
  const S = [
    () => `請幫我更新緊急聯絡人：${d.L('person_name', q.zh)} ${hkMobile(d, { style: pick(['space', 'plain']) }).text}，我的身份證 ${hkidVal(d, 'paren')}`,
    () => `唔該幫手改返我個電話做 ${hkMobile(d).text}，舊嗰個唔用喇`,
    () => `我嘅新email係 ${email(d)}，麻煩更新通訊錄`,
    () => `Hi team, please update my mobile to ${hkMobile(d).text} and personal email ${email(d)}. Thanks!`,
    () => `Please reimburse to card ${card(d).text} (the one on file expired).`,
    () => `報銷請轉到信用卡 ${card(d, { fmt: pick(['space4', 'faker']) }).text}，唔該`,
    () => `客户${d.L('person_name', person('cn').zh)}的手机号是${cnMobile(d).text}，身份证号${cnIdVal(d)}，请尽快回访。`,
    () => `新同事${d.L('person_name', q.zh)}（${d.L('person_name', q.en)}）下星期一入職，HKID: ${hkidVal(d)}，出生日期：${d.L('date_of_birth', dobText(dob()))}`,
    () => `My HKID is ${hkidVal(d)} and DOB ${d.L('date_of_birth', dobText(dob(), pick(['dmy', 'long', 'iso'])))}.`,
    () => `登入異常，來源IP ${ipv4(d)}，請確認是否本人操作`,
    () => `VPN log: user ${d.L('person_name', q.en)} connected from ${ipv4(d)} / ${ipv6(d)}`,
    () => `Staff address changed to ${d.L('address', hkAddress())}, please update payroll.`,
    () => `收件地址：${d.L('address', zhAddress(pick(['cn', 'tw'])))}，收件人 ${d.L('person_name', p.zh)}，电话 ${cnMobile(d).text}`,
    () => `台灣同事 ${d.L('person_name', person('tw').zh)} 身分證字號 ${twIdVal(d)}，需要辦理來港簽證`,
    () => `護照號碼 ${hkPassport(d)}，到期日 2031-05-20，請訂機票`,
    () => `passport no. ${cnPassport(d)} for the Shanghai trip (${d.L('person_name', person('cn').zh)})`,
    () => `澳門身份證 ${moId(d)}，姓名 ${d.L('person_name', person('hk').zh)}`,
    () => `人工請入 ${hkBankAcct(d, true)}，多謝`,
    () => `工资卡号 ${cnBankCard(d)}，开户行 中国工商银行`,
    () => `@${hkMobile(d, { style: 'plain' }).text} 請跟進`,
    () => `聯絡 ${d.L('person_name', q.en)} on ${hkMobile(d, { style: pick(['+852 ', 'space', '(852) ']) }).text} or ${email(d, HK)}`,
    () => `Dear ${d.L('person_name', q.en)}, your leave from ${iso(epochMs()).slice(0, 10)} has been approved.`,
    () => `辦公室電話 ${d.L('_ignore', '2' + digits(3) + ' ' + digits(4))}（總機），有事搵我手機 ${hkMobile(d, { style: 'space' }).text}`,
    () => `訂單號 ${digits(16)} 已出貨，金額 HK$${EN.finance.amount()}`,
  ];
  return pick(S)();
}

function genStreamBot() {
  const d = new Doc();
  const p = person();
  const data = { conversationId: 'cid' + r.string.alphanumeric(22) + '==', atUsers: [{ dingtalkId: '$:LWCP_v1:$' + r.string.alphanumeric(20) }],
    chatbotCorpId: 'ding' + r.string.alphanumeric(30), chatbotUserId: '$:LWCP_v1:$' + r.string.alphanumeric(20), msgId: 'msg' + r.string.alphanumeric(20),
    senderNick: d.L('person_name', chance(0.6) ? p.zh : p.en), isAdmin: false, senderStaffId: uid(), sessionWebhookExpiredTime: epochMs(), createAt: epochMs(),
    senderCorpId: 'ding' + r.string.alphanumeric(30), conversationType: pick(['1', '2']), senderId: '$:LWCP_v1:$' + r.string.alphanumeric(20), isInAtList: true,
    sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=' + r.string.alphanumeric(32),
    text: { content: sentence(d) }, robotCode: 'ding' + r.string.alphanumeric(16), msgtype: 'text' };
  write(nm('stream_bot'), d, { specVersion: '1.0', type: 'CALLBACK', headers: { appId: r.string.uuid(), connectionId: r.string.uuid(), contentType: 'application/json',
    messageId: r.string.uuid(), time: String(epochMs()), topic: '/v1.0/im/bot/messages/get' }, data: JSON.stringify(data) });
}
function genRobotBatch() {
  const d = new Doc();
  const key = pick(['sampleText', 'sampleMarkdown']);
  const param = key === 'sampleText' ? { content: sentence(d) } : { title: pick(['通知', 'HR Notice', '薪酬通知']), text: `#### ${pick(['通知', 'Notice'])}\n- ${sentence(d)}\n- ${sentence(d)}` };
  write(nm('robot_batch'), d, { robotCode: 'ding' + r.string.alphanumeric(16), userIds: [uid(), uid()], msgKey: key, msgParam: JSON.stringify(param) });
}
function genRobotMarkdown() {
  const d = new Doc();
  const p = person('hk');
  const mob = hkMobile(d, { style: pick(['+852 ', 'space', 'plain']) });
  const idv = hkidVal(d);
  const at = mob.digits;
  d.L('hk_phone', at);
  write(nm('robot_send'), d, { msgtype: 'markdown', markdown: { title: pick(['新員工入職', 'New joiner']),
    text: `#### 新員工入職\n- 姓名：${d.L('person_name', `${p.zh} ${p.en}`)}\n- 手機：${mob.text}\n- 證件：${idv}\n- 電郵：${email(d, HK)}\n@${at}` },
  at: { atMobiles: [at], atUserIds: [uid()], isAtAll: false } });
}
function genChatHistory() {
  const d = new Doc();
  const msgs = Array.from({ length: int(2, 6) }, () => {
    const p = person();
    return { openMsgId: 'msg' + r.string.alphanumeric(20), senderUserId: uid(), senderName: d.L('person_name', chance(0.6) ? p.zh : p.en), createTime: epochMs(),
      msgType: 'text', content: chance(0.75) ? sentence(d) : pick(['收到', 'OK 👍', '好的，明天處理', 'noted, thx', `會議改到 ${int(2, 5)}:30`]) };
  });
  write(nm('chat_history'), d, { hasMore: false, nextToken: r.string.alphanumeric(16), messages: msgs });
}

// ---- approval (workflow) forms
function formValues(d, originator) {
  const fs_ = [];
  const add = (type, name, value) => fs_.push({ componentType: type, name, bizAlias: '', id: `${type}-${r.string.alphanumeric(8).toUpperCase()}`, value, extValue: '' });
  const kind = pick(['leave', 'reimburse', 'onboard', 'visitor', 'address']);
  if (kind === 'leave') {
    add('DDHolidayField', '["開始時間","結束時間"]', JSON.stringify([`${iso(epochMs()).slice(0, 10)} 09:00`, `${iso(epochMs()).slice(0, 10)} 18:00`, int(1, 5), 'day', '年假', '請假類型']));
    add('TextareaField', '請假事由', sentence(d));
    add('TextField', pick(['代理人電話', '緊急聯絡電話']), hkMobile(d).text);
  } else if (kind === 'reimburse') {
    add('MoneyField', '金額（元）', EN.finance.amount({ min: 10, max: 20000 }));
    add('TextField', pick(['信用卡號碼', 'Credit card no.', '卡號']), card(d).text);
    add('TextField', '持卡人', d.L('person_name', originator.en.toUpperCase()));
    add('TextareaField', '備註', chance(0.5) ? sentence(d) : `發票號碼 ${digits(8)}`);
    add('TableField', '明細', JSON.stringify([[{ label: '項目', value: pick(['機票', '酒店', '的士']) }, { label: '金額', value: EN.finance.amount() }, { label: '單號', value: digits(12) }]]));
  } else if (kind === 'onboard') {
    const q = person();
    const dt = dob();
    add('TextField', '姓名', d.L('person_name', q.zh));
    add('TextField', 'English Name', d.L('person_name', q.en));
    add('TextField', q.loc === 'cn' ? '身份证号码' : '身份證號碼', q.loc === 'cn' ? cnIdVal(d, dt) : q.loc === 'tw' ? twIdVal(d) : hkidVal(d));
    add('DDDateField', '出生日期', d.L('date_of_birth', dobText(dt, 'iso')));
    add('PhoneField', '手機', q.loc === 'cn' ? cnMobile(d).text : hkMobile(d).text);
    add('TextField', '電郵', email(d));
    add('TextField', '住址', d.L('address', q.loc === 'hk' ? hkAddress() : zhAddress(q.loc)));
    add('TextField', '銀行賬戶', q.loc === 'cn' ? cnBankCard(d) : hkBankAcct(d));
  } else if (kind === 'visitor') {
    const q = person(pick(['hk', 'cn']));
    add('TextField', '訪客姓名', d.L('person_name', q.zh));
    add('TextField', '訪客電話', q.loc === 'cn' ? cnMobile(d).text : hkMobile(d).text);
    add('TextField', '證件號碼', q.loc === 'cn' ? (chance(0.5) ? cnIdVal(d) : cnPassport(d)) : hkidVal(d));
    add('TextField', '來訪公司', d.L('_ignore', pick([CN.company.name(), HK.company.name()])));
    add('TextField', '訪問樓層', `${int(2, 40)}/F`);
  } else {
    add('TextField', '新住址 New address', d.L('address', hkAddress()));
    add('TextField', '新電話', hkPhone(d, { style: pick(['space', 'plain']) }).text);
    add('TextareaField', '說明', sentence(d));
  }
  return { fs_, kind };
}
function genApprovalV1() {
  const d = new Doc();
  const o = person('hk');
  const { fs_, kind } = formValues(d, o);
  const formName = { leave: '請假', reimburse: '報銷', onboard: '入職登記', visitor: '訪客登記', address: '更改個人資料' }[kind];
  const name = d.L('person_name', o.zh);
  write(nm('approval_v1'), d, { success: 'true', result: { title: `${name}提交的${formName}`, createTime: iso(epochMs()), finishTime: '', originatorUserId: uid(),
    originatorDeptId: String(deptId()), originatorDeptName: pick(['財務部', '人力資源部', 'IT']), status: 'RUNNING', result: '', businessId: '2025' + digits(17),
    approverUserIds: [uid()], ccUserIds: [uid()], bizAction: 'NONE', formComponentValues: fs_,
    operationRecords: [{ userId: uid(), date: iso(epochMs()), type: 'START_PROCESS_INSTANCE', result: 'NONE', showName: name, remark: '' }],
    tasks: [{ taskId: int(10000000000, 99999999999), userId: uid(), status: 'RUNNING', result: 'NONE', processInstanceId: r.string.uuid() }] } });
}
function genApprovalLegacy() {
  const d = new Doc();
  const o = person('hk');
  const { fs_, kind } = formValues(d, o);
  const formName = { leave: '請假', reimburse: '報銷', onboard: '入職登記', visitor: '訪客登記', address: '更改個人資料' }[kind];
  const name = d.L('person_name', o.zh);
  write(nm('approval_legacy'), d, { errcode: 0, process_instance: { title: `${name}提交的${formName}`, create_time: iso(epochMs()).replace('T', ' ').slice(0, 19),
    originator_userid: uid(), originator_dept_id: String(deptId()), status: 'COMPLETED', result: 'agree', business_id: '2025' + digits(17),
    form_component_values: fs_.map((f) => ({ component_type: f.componentType, name: f.name, value: f.value, ext_value: '', id: f.id })),
    operation_records: [{ userid: uid(), date: iso(epochMs()), operation_type: 'START_PROCESS_INSTANCE', operation_result: 'NONE' }] }, request_id: reqId() });
}

// ---- login / audit logs with client IPs
function genAudit() {
  const d = new Doc();
  const list = Array.from({ length: int(3, 8) }, () => {
    const p = person();
    const v6 = chance(0.3);
    return { bizId: r.string.uuid(), userId: uid(), userName: d.L('person_name', chance(0.5) ? p.zh : p.en), action: pick(['LOGIN', 'EXPORT_CONTACTS', 'DOWNLOAD_FILE']),
      ip: v6 ? ipv6(d) : ipv4(d), clientIp: v6 ? ipv6(d) : ipv4(d), gmtCreate: epochMs(), platform: pick(['mac', 'android', 'ios', 'win']), deviceId: r.string.alphanumeric(32),
      userAgent: EN.internet.userAgent() };
  });
  write(nm('audit_log'), d, { success: true, result: { list, nextToken: int(1000, 99999) } });
}

// ---- CRM / external contacts with company ids
function genCrm() {
  const d = new Doc();
  const p = person(pick(['cn', 'hk']));
  const company = p.loc === 'cn' ? CN.company.name() : HK.company.name() + ' Limited';
  const isCn = p.loc === 'cn';
  const rec = { instanceId: r.string.alphanumeric(20), objectType: 'crm_customer', creatorUserId: uid(), gmtCreate: iso(epochMs()),
    data: { customer_name: d.L('_ignore', company), contact_name: d.L('person_name', p.zh), contact_phone: isCn ? cnMobile(d).text : hkMobile(d).text,
      contact_email: email(d), company_phone: isCn ? cnLandline(d) : d.L('_ignore', `+852 ${pick(['2', '3'])}${digits(3)} ${digits(4)}`),
      company_address: d.L('_ignore', isCn ? zhAddress('cn') : HK.location.streetAddress(false) + ', ' + HK.location.city()),
      [isCn ? 'unified_social_credit_code' : 'br_number']: isCn ? usccVal(d, '91') : hkBr(d) } };
  if (isCn && chance(0.3)) rec.data.remark = `个体工商户 统一社会信用代码 ${usccVal(d, '92')}，经营者 ${d.L('person_name', person('cn').zh)}`;
  if (chance(0.3)) rec.data.taiwan_contact = { name: d.L('person_name', person('tw').zh), phone: twPhone(d) };
  write(nm('crm_customer'), d, { success: true, result: { values: [rec] } });
}

// ---------------------------------------------------------------- hard negatives
function genNeg() {
  const d = new Doc();
  const kind = pick(['finance', 'ids', 'versions', 'orders', 'luhn', 'dept', 'misc']);
  let body;
  if (kind === 'finance') {
    body = { accountNumber: EN.finance.accountNumber(), iban: EN.finance.iban(), ibanFormatted: EN.finance.iban({ formatted: true }), bic: EN.finance.bic(),
      routingNumber: EN.finance.routingNumber(), pin: EN.finance.pin(), amount: EN.finance.amount(), currency: EN.finance.currencyCode(),
      transactionId: r.string.uuid(), memo: EN.finance.transactionDescription().replace(/\d{4,}/g, '****') };
  } else if (kind === 'ids') {
    body = { errcode: 0, result: { userid_list: Array.from({ length: 4 }, uid), dept_id: deptId(), unionid: unionId(), taskId: int(10000000000, 99999999999),
      processInstanceId: r.string.uuid(), createTime: epochMs(), modifiedTime: epochMs(), msgId: 'msg' + r.string.alphanumeric(20), isbn: EN.commerce.isbn(), imei: EN.phone.imei() } };
  } else if (kind === 'versions') {
    body = { appVersion: EN.system.semver(), sdk: `dingtalk-sdk/${EN.system.semver()}`, ua: EN.internet.userAgent(), build: `${int(1, 9)}.${int(0, 30)}.${int(0, 99)}.${int(1000, 9999)}`,
      mac: EN.internet.mac(), hash: EN.git.commitSha(), mime: EN.system.mimeType(), port: EN.internet.port() };
  } else if (kind === 'orders') {
    body = { orders: Array.from({ length: int(2, 5) }, () => ({ orderNo: `SO${digits(14)}`, orderId: digits(int(16, 19)), amount: Number(EN.finance.amount()), qty: int(1, 50),
      sku: EN.commerce.isbn(10), trackingNo: `SF${digits(12)}`, createdAt: epochMs(), invoiceNo: digits(8), product: EN.commerce.productName() })) };
  } else if (kind === 'luhn') {
    // Luhn-valid numbers that are not cards, under id-like keys
    body = { result: { deviceImei: EN.phone.imei().replace(/-/g, ''), serialNo: ID.luhnComplete(String(int(1, 9)), 16, r), bizNumber: ID.luhnComplete('7', 15, r),
      instanceSeq: ID.luhnComplete('1', 16, r), ticketId: ID.luhnComplete('8', 18, r), corpSerial: ID.luhnComplete('9', 16, r) } };
  } else if (kind === 'dept') {
    body = { errcode: 0, result: { dept_id: deptId(), parent_id: int(10000000, 99999999), sub_dept_id_list: Array.from({ length: int(3, 6) }, () => int(10000000, 99999999)),
      name: pick(['財務部', 'HR', '市場部', '深圳研發中心']), order: int(10000000, 99999999), create_dept_group: true, dept_manager_userid_list: [uid()] } };
  } else {
    body = { result: { meetingCode: `${digits(3)} ${digits(3)} ${digits(3)}`, roomId: digits(8), capacity: int(4, 40), price: `HK$${EN.finance.amount()}`, floor: `${int(2, 40)}/F`,
      weather: `${int(15, 33)}°C`, percent: `${EN.number.float({ min: 0, max: 100, fractionDigits: 2 })}%`, color: EN.color.rgb(), startTime: iso(epochMs()),
      coords: `${EN.location.latitude()},${EN.location.longitude()}`, wrongCheckHkid: ID.hkidWrongCheck(r), note: `報價單 Q${digits(10)}，有效期 30 日` } };
  }
  write(nm('neg_' + kind), d, body);
}

// ---------------------------------------------------------------- main
const plan = [[genUserGet, 40], [genUserList, 20], [genContactV1, 30], [genRosterV1, 35], [genRosterLegacy, 25], [genStreamBot, 55], [genRobotBatch, 30],
  [genRobotMarkdown, 20], [genChatHistory, 30], [genApprovalV1, 40], [genApprovalLegacy, 25], [genAudit, 15], [genCrm, 30], [genNeg, 70]];
for (const [fn, k] of plan) for (let i = 0; i < k; i++) fn();
fs.writeFileSync(path.join(OUT, 'truth.jsonl'), truth.map((t) => JSON.stringify(t)).join('\n') + '\n');
const byType = {};
for (const t of truth) byType[t.type] = (byType[t.type] || 0) + 1;
console.error(`seed ${SEED}: ${n} files, ${truth.length} truth rows -> ${OUT}`, JSON.stringify(byType));
