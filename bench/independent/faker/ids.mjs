// Identifier generators written from public specifications (not from the detector).
// Every function takes `r`, a faker instance, as its only source of randomness.

const pick = (r, a) => a[r.number.int({ min: 0, max: a.length - 1 })];
const digits = (r, n) => Array.from({ length: n }, () => r.number.int({ min: 0, max: 9 })).join('');

// ---- HKID: 1-2 letters + 6 digits + check (0-9/A). Weights 9..2, a single-letter
// prefix counts as space=36 in the first position, A=10..Z=35; check=(11-sum%11)%11, 10->A.
export const HKID_PREFIX1 = 'ABCDEGHKMPRSTVWYZ'.split('');
export const HKID_PREFIX2 = ['XA', 'XB', 'XC', 'XD', 'XE', 'XG', 'XH'];
export function hkidCheck(prefix, six) {
  const v = (c) => c.charCodeAt(0) - 55; // A=10
  const chars = prefix.length === 1 ? [36, v(prefix)] : [v(prefix[0]), v(prefix[1])];
  let sum = chars[0] * 9 + chars[1] * 8;
  for (let i = 0; i < 6; i++) sum += Number(six[i]) * (7 - i);
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'A' : String(c);
}
export function hkid(r, { two = false } = {}) {
  const prefix = two ? pick(r, HKID_PREFIX2) : pick(r, HKID_PREFIX1);
  const six = digits(r, 6);
  return { prefix, six, check: hkidCheck(prefix, six) };
}
// written forms seen in practice
export function hkidText(id, style) {
  const b = id.prefix + id.six;
  switch (style) {
    case 'paren': return `${b}(${id.check})`;
    case 'plain': return `${b}${id.check}`;
    case 'space': return `${b} ${id.check}`;
    case 'spaceparen': return `${b} (${id.check})`;
    case 'lower': return `${b}(${id.check})`.toLowerCase();
    default: throw new Error(style);
  }
}
export function hkidWrongCheck(r) {
  const id = hkid(r);
  const bad = ((Number(id.check === 'A' ? 10 : id.check) + 1 + r.number.int({ min: 0, max: 8 })) % 11);
  return `${id.prefix}${id.six}(${bad === 10 ? 'A' : bad})`;
}

// ---- Mainland Resident ID (GB 11643-1999): 6-digit area + YYYYMMDD + 3-digit seq +
// ISO 7064 MOD 11-2 check (X for 10). Residence permits for HK/Macau/Taiwan: 810000/820000/830000.
export const CN_AREAS = ['110101', '110105', '110108', '310101', '310104', '310115', '440103', '440104',
  '440106', '440304', '440305', '440306', '440307', '441900', '442000', '440604', '440402', '445102',
  '330102', '330106', '320102', '320583', '350203', '350102', '420106', '430104', '510107', '500103',
  '610113', '120101', '370202', '210202', '440781', '450103', '460106', '530102'];
export const RP_AREAS = ['810000', '820000', '830000'];
const W18 = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function cnIdCheck(s17) {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(s17[i]) * W18[i];
  return '10X98765432'[s % 11];
}
export function cnId(r, dob, { permit = false, wantX = false } = {}) {
  const area = permit ? pick(r, RP_AREAS) : pick(r, CN_AREAS);
  const ymd = dob.toISOString().slice(0, 10).replace(/-/g, '');
  for (let i = 0; i < 200; i++) {
    const s17 = area + ymd + digits(r, 3);
    const c = cnIdCheck(s17);
    if (!wantX || c === 'X') return s17 + c;
  }
  const s17 = area + ymd + '000';
  return s17 + cnIdCheck(s17);
}

// ---- Taiwan National ID: letter + 1/2 (sex) + 7 digits + check; letter code A=10 ... as
// published (I=34, O=35, W=32, X=30, Y=31, Z=33); tens*1 + units*9 + d1..d8 * 8..1 + check = 0 mod 10.
const TW_CODE = { A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33 };
export function twId(r) {
  const L = pick(r, 'ABCDEFGHJKMNPQTUVXZ'.split(''));
  const body = pick(r, ['1', '2']) + digits(r, 7);
  const n = TW_CODE[L];
  let s = Math.floor(n / 10) + (n % 10) * 9;
  for (let i = 0; i < 8; i++) s += Number(body[i]) * (8 - i);
  return L + body + String((10 - (s % 10)) % 10);
}

// ---- USCC (GB 32100-2015): 18 chars over 0-9A-HJ-NPQRTUWXY; char 9-17 is an organisation
// code (GB 11714, own check), last char check = 31 - sum(w_i * c_i) mod 31.
const USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function orgCode(r) {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const b = digits(r, 8);
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(b[i]) * w[i];
  const c = 11 - (s % 11);
  return b + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}
export function uscc(r, kind = '91') {
  const s17 = kind + pick(r, CN_AREAS) + orgCode(r);
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_CH.indexOf(s17[i]) * USCC_W[i];
  return s17 + USCC_CH[(31 - (s % 31)) % 31];
}

// ---- Luhn
export function luhnOk(num) {
  const d = num.replace(/\D/g, '');
  let s = 0;
  for (let i = 0; i < d.length; i++) {
    let x = Number(d[d.length - 1 - i]);
    if (i % 2) { x *= 2; if (x > 9) x -= 9; }
    s += x;
  }
  return d.length > 0 && s % 10 === 0;
}
export function luhnComplete(prefix, len, r) {
  let b = prefix + digits(r, len - prefix.length - 1);
  for (let c = 0; c < 10; c++) if (luhnOk(b + c)) return b + c;
}
// Real card-scheme BIN ranges (public scheme documentation), so faker's issuer claims are checked.
export function cardScheme(num) {
  const d = num.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(d) || !luhnOk(d)) return null;
  const n = d.length, p2 = +d.slice(0, 2), p3 = +d.slice(0, 3), p4 = +d.slice(0, 4), p6 = +d.slice(0, 6);
  if (d[0] === '4' && [13, 16, 19].includes(n)) return 'visa';
  if (n === 16 && ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))) return 'mastercard';
  if (n === 15 && (p2 === 34 || p2 === 37)) return 'amex';
  if (n === 16 && (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65)) return 'discover';
  if (n === 16 && p4 >= 3528 && p4 <= 3589) return 'jcb';
  if (n === 14 && ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39)) return 'diners';
  if (n >= 16 && n <= 19 && p2 === 62) return 'unionpay';
  return null;
}

// ---- HK phone numbering plan (OFCA). Only blocks I am confident are allocated count as
// personal numbers; the rest are returned as 'doubt' (labelled _ignore), anything else 'no'.
export function hkPlan(eight) {
  const d = eight.replace(/\D/g, '').slice(-8);
  if (d.length !== 8) return 'no';
  const p2 = d.slice(0, 2);
  if (/^(2[1-9]|3[1-9]|58)$/.test(p2)) return 'fixed';
  if (/^(46|5[1-69]|6\d|7[0-3]|84|9[0-8])$/.test(p2)) return 'mobile';
  if (/^(20|30|4[0-57-9]|50|57|7[4-9]|8[0-35-9]|99)$/.test(p2)) return 'doubt';
  return 'no';
}
// Mainland mobile prefixes (MIIT allocations in use)
export function cnMobileOk(d11) {
  return /^1(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$/.test(d11);
}
