#!/usr/bin/env python3
"""Independent labelled corpus of DingTalk chat messages, event/Stream callback frames and
workspace records (calendar, CRM, external contacts, reports, to-dos, helpdesk tickets).

Writes $INDEP_OUT/*.json (default bench/out/independent/events) and truth.jsonl there, one
{"file","path","type","value"} per labelled occurrence. path is the gjson-style path of the
JSON string or number that holds the value; for JSON inside a string (msgParam, Stream
`data`, card `content`, extFields) it is the path of the outermost string, and value is the
exact text a reader would mark. type "_ignore" marks a path whose findings are not scored
(company switchboards, office addresses: debatable, so left out of both sides).
Files named neg_* are hard negatives and must produce no finding at all.

    python3 gen.py [--seed N]     (default seed 1; a bare N also works)
"""
import base64, datetime, hashlib, json, os, random, string, sys, uuid

SEED = 1
_a = sys.argv[1:]
if '--seed' in _a:
    SEED = int(_a[_a.index('--seed') + 1])
elif _a and _a[0].lstrip('-').isdigit():
    SEED = int(_a[0])
R = random.Random(SEED)
OUT = os.environ.get('INDEP_OUT', 'bench/out/independent/events')
os.makedirs(OUT, exist_ok=True)
for _f in os.listdir(OUT):
    os.remove(os.path.join(OUT, _f))

D = string.digits
def digits(n): return ''.join(R.choice(D) for _ in range(n))
def hexs(n): return ''.join(R.choice('0123456789abcdef') for _ in range(n))
def alnum(n): return ''.join(R.choice(string.ascii_letters + D) for _ in range(n))

# ------------------------------------------------------------------ labelled text
class PS(str):
    """A string with the labelled values it contains (type, value)."""
    pii = ()

def IG(s):
    """A debatable value (company switchboard, office address): findings inside it are not scored."""
    r = PS(s); r.pii = [('_ignore', s)]
    return r

class PN(int):
    """A JSON number that is itself a labelled value."""
    pii = ()

def L(t, v): return (t, v)

def J(*parts):
    """Join fragments: plain str, PS (carrying its labels) or (type, value) label tuples."""
    s, pii = '', []
    for p in parts:
        if isinstance(p, tuple):
            s += p[1]; pii.append(p)
        else:
            s += p; pii += list(getattr(p, 'pii', ()))
    r = PS(s); r.pii = pii
    return r

def join(sep, items):
    out = []
    for i, x in enumerate(items):
        if i: out.append(sep)
        out.append(x)
    return J(*out)

def labels_in(o):
    if isinstance(o, dict): return [x for v in o.values() for x in labels_in(v)]
    if isinstance(o, list): return [x for v in o for x in labels_in(v)]
    return list(getattr(o, 'pii', ()))

def nest(o):
    """JSON-encode o into a string, carrying every label inside (as DingTalk does with
    msgParam, Stream data, extFields, card content)."""
    s = json.dumps(o, ensure_ascii=R.random() < 0.1, separators=R.choice([(',', ':'), (', ', ': ')]))
    r = PS(s); r.pii = labels_in(o)
    return r

def pnum(t, v):
    n = PN(int(v)); n.pii = [(t, v)]
    return n

# ------------------------------------------------------------------ value makers
HKID_1 = 'ABCDEGHKMPRSVWYZ' + 'FJLNT'
HKID_2 = ['XA', 'XB', 'XC', 'XD', 'XE', 'XG', 'WX']
def hkid_chk(p, d):
    v = ([36] if len(p) == 1 else []) + [ord(c) - 55 for c in p] + [int(c) for c in d]
    c = (11 - sum(a * w for a, w in zip(v, range(9, 1, -1))) % 11) % 11
    return 'A' if c == 10 else str(c)

def hkid_raw():
    p = R.choice(HKID_1) if R.random() < 0.9 else R.choice(HKID_2)
    d = digits(6)
    return p, d, hkid_chk(p, d)

FW = str.maketrans('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ()+-', '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ（）＋－')
def hkid(style=None):
    p, d, c = hkid_raw()
    r = R.random() if style is None else style
    if r < 0.45: return f'{p}{d}({c})'
    if r < 0.60: return f'{p}{d}{c}'
    if r < 0.70: return f'{p}{d} ({c})'
    if r < 0.80: return f'{p}{d}（{c}）'
    if r < 0.88: return f'{p.lower()}{d}({c})'
    if r < 0.94: return f'{p}{d}({c.lower()})' if c == 'A' else f'{p}{d}({c})'
    if r < 0.99: return f'{p} {d}({c})'
    return f'{p}{d}({c})'.translate(FW)

def hkid_bad():
    p, d, c = hkid_raw()
    return f'{p}{d}({R.choice([x for x in "0123456789A" if x != c])})'

def hk_num(kind=None):
    kind = kind or R.choice(['m', 'm', 'm', 'f'])
    if kind == 'm':
        return R.choice(['5', '6', '6', '9', '9', '7']) + digits(7)
    return R.choice(['2', '3']) + digits(7)

def hk_phone(n=None, style=None, bare_ok=True):
    n = n or hk_num()
    a, b = n[:4], n[4:]
    forms = [f'+852 {a} {b}', f'+852{n}', f'+852-{n}', f'852-{n}', f'852 {n}', f'(852) {a} {b}', f'(852){n}',
             f'00852 {n}', f'+852 {n}', f'(+852) {a} {b}', f'+852-{a}-{b}', f'+852 {a}-{b}', f'00852-{a}-{b}', f'（852）{a} {b}']
    bare = [f'{a} {b}', f'{a}-{b}', n, n, f'{a} {b}']
    if R.random() < 0.01:  # typed in a Chinese IME's full-width mode
        return R.choice([f'{a} {b}'.translate(FW), f'＋852 {a} {b}'])
    pool = forms + (bare * 3 if bare_ok else [])
    return R.choice(pool) if style is None else pool[style % len(pool)]

CN_PFX = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153',
          '155', '156', '157', '158', '159', '166', '170', '171', '173', '175', '176', '177', '178', '180', '181', '182',
          '183', '184', '185', '186', '187', '188', '189', '191', '193', '195', '196', '197', '198', '199']
def cn_num(): return R.choice(CN_PFX) + digits(8)

def cn_mobile(n=None):
    n = n or cn_num()
    return R.choice([n, n, n, f'+86 {n}', f'+86{n}', f'+86-{n}', f'0086 {n}', f'0086-{n}', f'86-{n}', f'(+86) {n}',
                     f'{n[:3]} {n[3:7]} {n[7:]}', f'{n[:3]}-{n[3:7]}-{n[7:]}', f'+86 {n[:3]} {n[3:7]} {n[7:]}',
                     f'+86 {n[:3]}-{n[3:7]}-{n[7:]}', f'＋86 {n}'])

AREAS = ['110101', '110105', '110108', '120101', '130102', '310101', '310104', '310115', '320102', '320505', '330106',
         '330203', '350203', '350102', '370202', '410105', '420106', '430104', '440103', '440106', '440304', '440305',
         '440306', '440402', '441302', '441900', '442000', '445202', '450103', '500103', '510107', '530102', '610113',
         '810000', '820000', '830000']
CNW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def rdate(y0, y1):
    a, b = datetime.date(y0, 1, 1).toordinal(), datetime.date(y1, 12, 31).toordinal()
    return datetime.date.fromordinal(R.randint(a, b))

def cn_id(bad=False):
    s = R.choice(AREAS) + rdate(1958, 2005).strftime('%Y%m%d') + digits(3)
    k = sum(int(a) * w for a, w in zip(s, CNW)) % 11
    c = '10X98765432'[(k + (R.randint(1, 10) if bad else 0)) % 11]
    if c == 'X' and R.random() < 0.3: c = 'x'
    return s + c

def luhn_fill(prefix, n):
    body = prefix + digits(n - len(prefix) - 1)
    for c in D:
        s = body + c
        t = 0
        for i, ch in enumerate(reversed(s)):
            v = int(ch)
            if i % 2:
                v *= 2
                if v > 9: v -= 9
            t += v
        if t % 10 == 0: return s

def card_digits():
    b = R.choice(['visa', 'visa', 'visa', 'mc', 'mc', 'mc2', 'amex', 'amex', 'up', 'jcb', 'disc', 'diners'])
    pre, n = {'visa': ('4' + digits(1), 16), 'mc': (str(R.randint(51, 55)), 16), 'mc2': (str(R.randint(2221, 2720)), 16),
              'amex': (R.choice(['34', '37']), 15), 'up': (R.choice(['6250', '6259', '6221', '6288', '6243', '6253']), R.choice([16, 16, 19])),
              'jcb': (str(R.randint(3528, 3589)), 16), 'disc': (R.choice(['6011', '65', '644', '649']), 16),
              'diners': (R.choice(['36', '38', '300', '305']), 14)}[b]
    return luhn_fill(pre, n)

def card(s=None):
    s = s or card_digits()
    st = R.random()
    if len(s) == 15: g = [s[:4], s[4:10], s[10:]]
    elif len(s) == 14: g = [s[:4], s[4:10], s[10:]]
    else: g = [s[i:i + 4] for i in range(0, len(s), 4)]
    if st < 0.45: return ' '.join(g)
    if st < 0.75: return s
    if st < 0.99: return '-'.join(g)
    return ' '.join(g).translate(FW)

def ip4():
    r = R.random()
    if r < 0.25: return f'192.168.{R.randint(0, 255)}.{R.randint(1, 254)}'
    if r < 0.45: return f'10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}'
    if r < 0.52: return f'172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(1, 254)}'
    if r < 0.62: return f'{R.choice(["203.0.113", "198.51.100", "192.0.2"])}.{R.randint(1, 254)}'
    return f'{R.choice([112, 113, 14, 42, 58, 59, 61, 103, 119, 121, 123, 175, 180, 202, 210, 218, 219, 220, 223])}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}'

EM_USER = ['peter.chan', 'mary_wong', 'kelvin.lee', 'ka.ming', 'wingyan.cheung', 'tszhin1997', 'fionang', 'raymond.lau',
           'jessica.ho', 'hoilam.yip', 'chikeung.tsang', 'winnie.kwok', 'ada.mak', 'szeto.hugo', 'auyeung.cherry',
           'zhang.wei', 'liuyang88', 'wangfang', 'chen_jing', 'lixiaoming']
EM_DOM = ['example.com', 'example.com.hk', 'corp.example.hk', 'mail.example.cn', 'example.org', 'gmail.com', 'yahoo.com.hk',
          'hotmail.com', 'outlook.com', 'netvigator.com', 'qq.com', '163.com', 'example.edu.hk', 'hku.example.hk',
          'example.net', 'foxmail.com', 'example.co.uk', 'example.io', 'sub.example.gov.hk', 'icloud.com']
def email():
    u = R.choice(EM_USER)
    u = R.choice([u, u, u + str(R.randint(1, 99)), u + '+dt', u.replace('.', '-'), u.upper(), digits(R.randint(6, 10))])
    return f'{u}@{R.choice(EM_DOM)}'

SUR_T = ['陳', '黃', '李', '張', '劉', '吳', '何', '梁', '曾', '葉', '林', '郭', '鄭', '謝', '羅', '馮', '麥', '歐陽', '司徒']
SUR_S = ['陈', '黄', '李', '张', '刘', '吴', '王', '杨', '赵', '周', '徐', '孙', '马', '朱', '胡', '欧阳']
GIV_T = ['大文', '小明', '嘉欣', '詠儀', '志強', '家豪', '美玲', '子軒', '浩然', '淑芬', '偉倫', '凱琳', '國榮', '慧敏', '俊傑', '嘉怡', '卓賢', '穎', '婷']
GIV_S = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '晓明', '建国', '丽华', '子涵']
EN_SUR = ['Chan', 'Wong', 'Lee', 'Cheung', 'Lau', 'Ng', 'Ho', 'Leung', 'Tsang', 'Yip', 'Lam', 'Kwok', 'Cheng', 'Mak', 'Fung', 'Tse', 'Au-Yeung', 'Szeto']
EN_G1 = ['Tai', 'Siu', 'Ka', 'Wing', 'Chi', 'Man', 'Hoi', 'Tsz', 'Kwok', 'Mei', 'Suk', 'Yuk']
EN_G2 = ['Man', 'Ming', 'Yan', 'Kei', 'Fai', 'Ling', 'Wai', 'Hin', 'Lam', 'Fun', 'Keung', 'Ying']
EN_FIRST = ['Peter', 'Mary', 'Kelvin', 'Fiona', 'Raymond', 'Winnie', 'Jessica', 'Jason', 'Ivy', 'Ada', 'Hugo', 'Cherry', 'Eric', 'Karen', 'Alan', 'Gigi']
def zh_t(): return R.choice(SUR_T) + R.choice(GIV_T)
def zh_s(): return R.choice(SUR_S) + R.choice(GIV_S)
def en_name():
    s, a, b, f = R.choice(EN_SUR), R.choice(EN_G1), R.choice(EN_G2), R.choice(EN_FIRST)
    return R.choice([f'{f} {s}', f'{f} {s}', f'{s} {a} {b}', f'{s.upper()} {a} {b}', f'{a} {b} {s}', f'{s} {a}-{b.lower()}',
                     f'{f} {s} {a} {b}', f'{f} {s.upper()}'])
def name():
    r = R.random()
    if r < 0.4: return zh_t()
    if r < 0.55: return zh_s()
    if r < 0.9: return en_name()
    return R.choice([f'{zh_t()} {R.choice(EN_FIRST)}', f'{R.choice(EN_FIRST)} {zh_t()}'])

def dob():
    d = rdate(1955, 2005)
    M = d.strftime('%b')
    return R.choice([d.strftime('%Y-%m-%d'), d.strftime('%d/%m/%Y'), f'{d.year}年{d.month}月{d.day}日', f'{d.day}/{d.month}/{d.year}',
                     f'{d.day} {M} {d.year}', f'{M} {d.day}, {d.year}', d.strftime('%Y/%m/%d'), d.strftime('%d-%m-%Y'), d.strftime('%d.%m.%Y')])

HK_ST_E = ['Nathan Road', 'Hennessy Road', "King's Road", 'Castle Peak Road', 'Tai Po Road', 'Shau Kei Wan Road', 'Lockhart Road', 'Canton Road', 'Sai Yeung Choi Street South']
HK_DI_E = ['Mong Kok, Kowloon', 'Wan Chai, Hong Kong', 'North Point, Hong Kong', 'Sham Shui Po, Kowloon', 'Tsuen Wan, N.T.', 'Tuen Mun, New Territories', 'Causeway Bay, HK', 'Tsim Sha Tsui, Kowloon']
HK_EST_E = ['Mei Foo Sun Chuen', 'Taikoo Shing', 'Whampoa Garden', 'Lok Fu Estate', 'City One Shatin', 'Laguna City', 'Kingswood Villas']
HK_DI_Z = ['九龍旺角', '香港灣仔', '香港北角', '九龍深水埗', '新界荃灣', '新界屯門', '九龍觀塘', '新界沙田', '香港筲箕灣']
HK_ST_Z = ['彌敦道', '軒尼詩道', '英皇道', '青山公路', '長沙灣道', '大埔道', '觀塘道', '沙田正街', '筲箕灣道']
HK_EST_Z = ['美孚新邨', '太古城', '黃埔花園', '麗港城', '沙田第一城', '嘉湖山莊', '淘大花園']
MAIN = [('广东省深圳市南山区', '科技南路'), ('广东省广州市天河区', '天河路'), ('上海市浦东新区', '张江路'), ('北京市朝阳区', '建国路'), ('浙江省杭州市西湖区', '文三路')]
def address():
    r = R.randrange(7)
    if r == 0: return f'Flat {R.choice("ABCDEFGH")}, {R.randint(2, 40)}/F, {R.randint(1, 700)} {R.choice(HK_ST_E)}, {R.choice(HK_DI_E)}'
    if r == 1: return f'Room {R.randint(1, 30)}{R.randint(1, 20):02d}, Block {R.randint(1, 12)}, {R.choice(HK_EST_E)}, {R.choice(HK_DI_E)}'
    if r == 2: return f'{R.choice(HK_DI_Z)}{R.choice(HK_ST_Z)}{R.randint(1, 700)}號{R.randint(2, 40)}樓{R.choice("ABCDEF")}室'
    if r == 3: return f'{R.choice(HK_DI_Z)}{R.choice(HK_EST_Z)}{R.randint(1, 30)}座{R.randint(2, 40)}樓{R.choice("ABCDEFGH")}室'
    if r == 4:
        a, s = R.choice(MAIN); return f'{a}{s}{R.randint(1, 300)}号{R.randint(1, 30)}栋{R.randint(1, 30)}0{R.randint(1, 8)}室'
    if r == 5: return f'{R.randint(1, 300)} {R.choice(HK_ST_E)}, {R.randint(2, 30)}/F Flat {R.choice("ABCD")}, {R.choice(HK_DI_E)}'
    return f'香港{R.choice(HK_DI_Z)}{R.choice(HK_ST_Z)}{R.randint(1, 700)}號{R.choice(["", "金輝大廈", "明苑"])}{R.randint(2, 30)}樓{R.randint(1, 12)}室'

def hk_passport(): return R.choice('HK') + digits(8)
def cn_passport(): return R.choice(['E' + digits(8), 'E' + R.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') + digits(7), 'G' + digits(8)])
def mo_id():
    b = R.choice('157') + digits(6)
    return f'{b}({R.randint(0, 9)})'
TWL = dict(A=10, B=11, C=12, D=13, E=14, F=15, G=16, H=17, I=34, J=18, K=19, L=20, M=21, N=22, O=35, P=23, Q=24, R=25, S=26, T=27, U=28, V=29, W=32, X=30, Y=31, Z=33)
def tw_id():
    c = R.choice('ABCDEFGHJKLMNPQRSTUVXYWZIO'); n = TWL[c]
    d = [R.choice([1, 2])] + [R.randint(0, 9) for _ in range(7)]
    s = n // 10 + (n % 10) * 9 + sum(x * w for x, w in zip(d, [8, 7, 6, 5, 4, 3, 2, 1]))
    return c + ''.join(map(str, d)) + str((10 - s % 10) % 10)

# ------------------------------------------------------------------ non-PII makers
def now_ms(): return R.randint(1735660800000, 1798732800000)
def now_s(): return now_ms() // 1000
def corp_id(): return 'ding' + hexs(R.choice([16, 32]))
def union_id(): return alnum(R.choice([22, 24])) + 'iEiE'
def staff_id():
    return R.choice([lambda: 'manager' + str(R.randint(100, 9999)), lambda: '0' + digits(R.choice([13, 14, 16, 17])),
                     lambda: digits(R.choice([15, 16, 17])), lambda: R.choice(['chantaiman', 'wongsiuming', 'leekaming', 'user']) + digits(R.randint(0, 3)),
                     lambda: '01' + digits(12) + '-' + str(R.randint(100, 9999))])()
def proc_inst_id(): return R.choice([str(uuid.UUID(int=R.getrandbits(128))), alnum(22) + R.choice(['', '0' + digits(9)])])
def task_id(): return R.randint(10**10, 10**11 - 1)
def cid(): return 'cid' + base64.b64encode(R.randbytes(16)).decode()
def msg_id(): return 'msg' + base64.b64encode(R.randbytes(12)).decode().rstrip('=')
def out_track(): return R.choice([str(uuid.UUID(int=R.getrandbits(128))), 'track_' + str(now_ms()), 'OT' + digits(16)])
def dept(): return R.randint(1, 999999999)
def event_id(): return hexs(32)
def robot_code(): return 'ding' + alnum(16).lower()
def yyyymmdd(): return rdate(2024, 2027).strftime('%Y%m%d')
def imei():
    return luhn_fill(R.choice(['35', '35', '86', '01', '99']) + digits(6), 15)
def ean13(pre):
    b = pre + digits(12 - len(pre))
    c = (10 - sum(int(x) * (3 if i % 2 else 1) for i, x in enumerate(b)) % 10) % 10
    return b + str(c)
def sha(n): return hashlib.sha256(R.randbytes(16)).hexdigest()[:n]
def jwt():
    h = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip('=')
    p = base64.urlsafe_b64encode(json.dumps({'sub': staff_id(), 'iat': now_s(), 'exp': now_s() + 7200, 'corpId': corp_id()}).encode()).decode().rstrip('=')
    return f'{h}.{p}.{base64.urlsafe_b64encode(R.randbytes(32)).decode().rstrip("=")}'
SWIFT = ['HSBCHKHHHKH', 'BKCHHKHHXXX', 'SCBLHKHHXXX', 'HASEHKHH', 'DBSSHKHH', 'CIYUHKHH', 'ICBKCNBJSZN', 'BKCHCNBJ45A', 'CMBCCNBS', 'UBHKHKHH']
UA = [lambda: f'Mozilla/5.0 (iPhone; CPU iPhone OS 17_{R.randint(0, 6)} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.{R.randint(0, 6)}.{R.randint(0, 40)}) com.laiwang.DingTalk/{R.randint(10000000, 39999999)} Channel/201200 language/zh-Hant-HK',
      lambda: f'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{R.randint(110, 130)}.0.{R.randint(5000, 6999)}.{R.randint(10, 250)} Safari/537.36 DingTalk({R.randint(6, 7)}.{R.randint(0, 6)}.{R.randint(0, 30)}-Release.{R.randint(1, 9)}{digits(6)}) nw Channel/201200',
      lambda: f'Mozilla/5.0 (Linux; U; Android {R.randint(10, 14)}; zh-CN; SM-S9180 Build/UP1A.231005.007) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/{R.randint(90, 120)}.0.{R.randint(4000, 6000)}.{R.randint(10, 200)} Mobile Safari/537.36 AliApp(DingTalk/{R.randint(6, 7)}.{R.randint(0, 6)}.{R.randint(0, 30)}.{R.randint(1, 99)}) com.alibaba.android.rimet/{R.randint(10000000, 39999999)}',
      lambda: f'DingTalk/{R.randint(6, 7)}.{R.randint(0, 9)}.{R.randint(0, 50)}.{R.randint(1, 200)} (Macintosh; Mac OS X 14_{R.randint(0, 6)}) dingtalk-mac/{R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 9)}.{R.randint(0, 9)}']

def neg():
    """A hard-negative fragment (never PII), in the wording staff and systems use."""
    y = rdate(2024, 2027)
    return R.choice([
        lambda: f'訂單號 {y.strftime("%Y%m%d")}{digits(8)}', lambda: f'订单号：{digits(18)}', lambda: f'Order #HK-{y.strftime("%Y%m%d")}-{R.randint(1, 999):04d}',
        lambda: f'發票號碼 INV{y.year}{digits(6)}', lambda: f'Invoice No. {digits(8)}', lambda: f'單號{digits(8)}',
        lambda: f'順豐單號 SF{digits(R.randint(12, 13))}', lambda: f'SF 單號 {digits(12)}', lambda: f'tracking no. {digits(12)}', lambda: f'运单号 {digits(15)}',
        lambda: f'IMEI: {imei()}', lambda: f'部手機 IMEI 係 {imei()}', lambda: f'IMEI {(i := imei())[:2]}-{i[2:8]}-{i[8:14]}-{i[14]}',
        lambda: f'ISBN {(e := ean13("978"))[:3]}-{e[3:]}', lambda: f'ISBN-13: {ean13(R.choice(["978", "979"]))}', lambda: f'條碼 {ean13(R.choice(["489", "690", "692", "695"]))}',
        lambda: f'QQ {digits(R.randint(8, 10)).lstrip("0") or "12345678"}', lambda: f'QQ號：{R.randint(10000000, 3999999999)}',
        lambda: f'v{R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 30)}.{R.randint(0, 250)}', lambda: f'版本 {R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 9)}.{R.randint(0, 255)}', lambda: R.choice(UA)(),
        lambda: f'{22 + R.random():.6f}, {113.8 + R.random() * 0.6:.6f}', lambda: f'lat {22 + R.random():.5f} lng {113.8 + R.random() * 0.6:.5f}',
        lambda: f'會議室 {R.randint(2, 40)}{R.randint(1, 20):02d}', lambda: f'Room {R.randint(2, 40)}{R.randint(1, 20):02d}', lambda: f'{R.randint(2, 40)}/F 會議室{R.choice("ABCD")}',
        lambda: f'公司註冊編號 {R.randint(1000000, 3999999)}', lambda: f'CR No. {R.randint(1000000, 3999999)}',
        lambda: f'SWIFT {R.choice(SWIFT)}', lambda: f'uuid {uuid.UUID(int=R.getrandbits(128))}', lambda: f'sha256 {sha(64)}', lambda: f'commit {sha(40)}', lambda: f'md5={sha(32)}',
        lambda: f'token {jwt()}', lambda: f'ts={now_s()}', lambda: f'timestamp {now_ms()}', lambda: f'{now_ms()}{digits(3)}',
        lambda: f'日期 {y.strftime("%Y%m%d")}', lambda: f'{y.strftime("%Y-%m-%d")} {R.randint(9, 18)}:{R.choice(["00", "15", "30", "45"])}', lambda: f'deadline {y.strftime("%d/%m/%Y")}',
        lambda: f'金額 HK${R.randint(1, 99)},{R.randint(100, 999)}.{R.randint(0, 99):02d}', lambda: f'合共 ${R.randint(10000000, 99999999)}', lambda: f'RMB {R.randint(1000, 9999999)}.00', lambda: f'報價 {R.randint(1000, 99999)} 蚊',
        lambda: f'工號 {R.choice("5692")}{digits(7)}', lambda: f'員工編號 E{digits(6)}', lambda: f'ticket #{digits(8)}', lambda: f'案件編號 {digits(10)}',
        lambda: f'會議號 {digits(3)} {digits(3)} {digits(3)}', lambda: f'Meeting ID: {R.choice("689")}{digits(2)} {digits(4)} {digits(4)}', lambda: f'分機 {digits(4)}',
        lambda: f'processInstanceId {proc_inst_id()}', lambda: f'taskId {task_id()}', lambda: f'corpId {corp_id()}', lambda: f'{cid()}',
        lambda: f'部門 ID {dept()}', lambda: f'第 {R.randint(1, 9)}.{R.randint(1, 9)}.{R.randint(1, 9)}.{R.randint(1, 9)} 條', lambda: f'郵編 {digits(6)}',
        lambda: f'身份證 {hkid_bad()} 核對唔到', lambda: f'ID {cn_id(bad=True)} 校驗失敗', lambda: f'卡尾號 {digits(4)}', lambda: f'**** **** **** {digits(4)}',
        lambda: f'{R.randint(2, 60)}% done', lambda: f'共 {R.randint(2, 40)} 人',
    ])()

def neg_it():
    """Hard negatives of helpdesk and IT talk: addresses that identify no one."""
    return R.choice([lambda: f'子網掩碼 255.255.255.0', lambda: f'subnet mask 255.255.{R.choice([255, 254, 252, 240])}.0',
                     lambda: f'試下開 http://127.0.0.1:{R.choice([3000, 8080, 5000])} 睇下', lambda: f'localhost 127.0.0.1:{R.randint(3000, 9000)}',
                     lambda: 'DNS 設做 0.0.0.0 就唔得', lambda: R.choice(UA)(), lambda: f'版本 {R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 9)}.{R.randint(0, 255)}',
                     lambda: f'IMEI: {imei()}', lambda: f'sha256 {sha(64)}', lambda: f'ticket #{digits(8)}'])()

# ------------------------------------------------------------------ free-text snippets
# Each returns a PS; labels are exactly the marked substrings.
def s_hk_phone():
    p = hk_phone(bare_ok=True)
    return R.choice([
        lambda: J('我電話係 ', L('hk_phone', p), '，有咩搵我'), lambda: J('手機：', L('hk_phone', p)), lambda: J('Call me at ', L('hk_phone', p)),
        lambda: J('聯絡電話', R.choice(['：', ':', ': ', ' ']), L('hk_phone', p)), lambda: J('WhatsApp ', L('hk_phone', p), ' 啦'), lambda: J('打俾佢 ', L('hk_phone', p), ' 問下'),
        lambda: J('Tel: ', L('hk_phone', p)), lambda: J('（手提：', L('hk_phone', p), '）'), lambda: J('新號碼', L('hk_phone', p), '，舊號唔用喇'),
        lambda: J('mobile no. ', L('hk_phone', p)), lambda: J('佢個 cell 係 ', L('hk_phone', p)), lambda: J('【電話】', L('hk_phone', p)),
        lambda: J('电话：', L('hk_phone', p)), lambda: J('请致电', L('hk_phone', p), '。'), lambda: J('Pls WhatsApp ', L('hk_phone', p), ' for details'),
        lambda: J('有事 call 我 ', L('hk_phone', p)), lambda: J('聯絡人電話：', L('hk_phone', p), '（辦公時間）'), lambda: J('contact number: ', L('hk_phone', p), '.'),
        lambda: J('緊急聯絡電話 ', L('hk_phone', p)), lambda: J('電話/WhatsApp：', L('hk_phone', p)),
    ])()

def s_hk_phone_url():
    n = hk_num('m')
    return R.choice([
        lambda: J('[WhatsApp 我](https://wa.me/', L('hk_phone', '852' + n), ')'), lambda: J('https://wa.me/', L('hk_phone', '852' + n), '?text=hi'),
        lambda: J('[撥打](tel:', L('hk_phone', '+852' + n), ')'), lambda: J('https://crm.example.com/lead?src=dt&mobile=', L('hk_phone', n), '&lang=zh_HK'),
    ])()

def s_cn():
    m = cn_mobile()
    return R.choice([
        lambda: J('內地手機：', L('cn_mobile', m)), lambda: J('手机号码：', L('cn_mobile', m)), lambda: J('我嘅大陸號碼係 ', L('cn_mobile', m)),
        lambda: J('联系电话 ', L('cn_mobile', m)), lambda: J('请拨打', L('cn_mobile', m)), lambda: J('微信同手机号 ', L('cn_mobile', m)),
        lambda: J('Mobile (CN): ', L('cn_mobile', m)), lambda: J('深圳同事電話', L('cn_mobile', m), '，佢會跟進'), lambda: J('手机', L('cn_mobile', m), '（微信同号）'),
        lambda: J('https://h5.example.cn/sign?phone=', L('cn_mobile', cn_num()), '&from=dingtalk'), lambda: J('tel:', L('cn_mobile', '+86' + cn_num())),
    ])()

def s_hkid():
    h = hkid()
    return R.choice([
        lambda: J('身份證號碼：', L('hkid', h)), lambda: J('HKID: ', L('hkid', h)), lambda: J('我身份證 ', L('hkid', h), '，唔該幫我更新'), lambda: J('證件號碼', L('hkid', h)),
        lambda: J('ID card no. ', L('hkid', h)), lambda: J('身份证 ', L('hkid', h)), lambda: J('香港身份證號碼為', L('hkid', h), '，請核對。'),
        lambda: J('持證人 HKID ', L('hkid', h)), lambda: J('HKID no.', L('hkid', h)), lambda: J('（身份證：', L('hkid', h), '）'), lambda: J('身份證', L('hkid', h), '嘅副本已上傳'),
    ])()

def s_hkid_url():
    p, d, c = hkid_raw()
    return J('https://hr.example.com.hk/verify?hkid=', L('hkid', f'{p}{d}{c}'), '&t=', str(now_s()))

def s_cnid():
    c = cn_id()
    return R.choice([
        lambda: J('身份证号：', L('cn_id', c)), lambda: J('居民身份證 ', L('cn_id', c)), lambda: J('內地身份證號碼 ', L('cn_id', c)), lambda: J('ID No.: ', L('cn_id', c)),
        lambda: J('证件号码', L('cn_id', c)), lambda: J('身份证号码是', L('cn_id', c), '，请核对'), lambda: J('回鄉證同身份證 ', L('cn_id', c), ' 都帶埋'),
        lambda: J('居住證號碼 ', L('cn_id', c)), lambda: J('身份证：', L('cn_id', c), '。'),
    ])()

def s_email():
    e = email()
    return R.choice([
        lambda: J('電郵：', L('email', e)), lambda: J('email 我 ', L('email', e), ' 啦'), lambda: J('send 去 ', L('email', e)), lambda: J('pls reply to ', L('email', e)),
        lambda: J('邮箱：', L('email', e)), lambda: J('<', L('email', e), '>'), lambda: J('[', L('email', e), '](mailto:', L('email', e), ')'), lambda: J('cc ', L('email', e)),
        lambda: J('E-mail:', L('email', e)), lambda: J('聯絡：', L('email', e), '。'), lambda: J('(', L('email', e), ')'),
        lambda: J('https://forms.example.com/s?email=', L('email', e), '&ref=dingtalk'),
    ])()

def s_card():
    c = card()
    return R.choice([
        lambda: J('信用卡號 ', L('credit_card', c)), lambda: J('張卡 ', L('credit_card', c), ' 碌咗兩次'), lambda: J('card no. ', L('credit_card', c), ' exp 08/', str(R.randint(26, 31))),
        lambda: J('信用卡：', L('credit_card', c), '（有效期 ', f'{R.randint(1, 12):02d}/{R.randint(26, 31)}', '）'), lambda: J('用 ', L('credit_card', c), ' 俾錢'),
        lambda: J('credit card ', L('credit_card', c)), lambda: J('信用卡号', L('credit_card', c)), lambda: J('Visa/Master ', L('credit_card', c), ' 被盜用'),
        lambda: J('卡號：', L('credit_card', c)),
    ])()

def s_ip():
    i = ip4()
    return R.choice([
        lambda: J('IP: ', L('ipv4', i)), lambda: J('我部機 IP 係 ', L('ipv4', i)), lambda: J('from ', L('ipv4', i)), lambda: J('登入IP：', L('ipv4', i)),
        lambda: J('http://', L('ipv4', i), f':{R.choice([80, 8080, 8443, 3000])}/login'), lambda: J('ping ', L('ipv4', i), ' 唔通'),
        lambda: J('X-Forwarded-For: ', L('ipv4', i), ', ', L('ipv4', ip4())), lambda: J('內網 ', L('ipv4', i)), lambda: J('IP地址', L('ipv4', i), '被封鎖'),
        lambda: J('source ip=', L('ipv4', i)), lambda: J('（', L('ipv4', i), '）'),
    ])()

def s_name():
    n = name()
    return R.choice([lambda: J('聯絡人：', L('person_name', n)), lambda: J('Contact: ', L('person_name', n)), lambda: J('申請人 ', L('person_name', n)),
                     lambda: J('客戶姓名：', L('person_name', n)), lambda: J('候選人：', L('person_name', n))])()
def s_dob():
    d = dob()
    return R.choice([lambda: J('出生日期：', L('date_of_birth', d)), lambda: J('DOB: ', L('date_of_birth', d)), lambda: J('生日 ', L('date_of_birth', d)),
                     lambda: J('date of birth ', L('date_of_birth', d))])()
def s_addr():
    a = address()
    return R.choice([lambda: J('地址：', L('address', a)), lambda: J('送貨地址 ', L('address', a)), lambda: J('住址：', L('address', a)), lambda: J('Address: ', L('address', a))])()
def s_other_id():
    r = R.randrange(4)
    if r == 0: v = hk_passport(); return R.choice([lambda: J('護照號碼：', L('hk_passport', v)), lambda: J('HK passport no. ', L('hk_passport', v)), lambda: J('特區護照 ', L('hk_passport', v))])()
    if r == 1: v = cn_passport(); return R.choice([lambda: J('护照号 ', L('cn_passport', v)), lambda: J('中國護照 ', L('cn_passport', v)), lambda: J('PRC passport ', L('cn_passport', v))])()
    if r == 2: v = mo_id(); return R.choice([lambda: J('澳門身份證 ', L('mo_id', v)), lambda: J('Macau ID ', L('mo_id', v)), lambda: J('澳门居民身份证号码：', L('mo_id', v))])()
    v = tw_id(); return R.choice([lambda: J('台灣身分證字號 ', L('tw_id', v)), lambda: J('Taiwan ID ', L('tw_id', v)), lambda: J('身分證字號：', L('tw_id', v))])()

STRUCT = [(s_hk_phone, 20), (s_hk_phone_url, 2), (s_cn, 12), (s_hkid, 14), (s_hkid_url, 1), (s_cnid, 9), (s_email, 12), (s_card, 9), (s_ip, 9)]
SOFT = [(s_name, 4), (s_dob, 2), (s_addr, 2), (s_other_id, 3)]
def pick(table):
    tot = sum(w for _, w in table); x = R.uniform(0, tot)
    for f, w in table:
        x -= w
        if x <= 0: return f
    return table[-1][0]

FILL = ['唔該幫手跟進', '收到，thx', 'FYI', '麻煩你 check 下', '聽日開會再傾', '請盡快處理', '已經 update 咗', 'noted with thanks', '我遲啲覆你',
        '请尽快处理', '好的，收到', 'Please see below', '今日搞掂', 'asap 唔該', '客人好急', '已轉交同事', 'pls advise', '辛苦晒', '明白',
        '下午三點前要交', '如有問題請聯絡我哋', 'Thanks!', '麻烦帮忙看一下', '已完成', 'as discussed', '唔好意思遲咗覆']

def free_text(n_pii=None, soft=0.25, negs=None, sep=None, it=False):
    parts = [neg_it()] if it and R.random() < 0.3 else []
    for _ in range(R.randint(1, 3) if n_pii is None else n_pii):
        parts.append(pick(STRUCT)())
    if R.random() < soft:
        parts.append(pick(SOFT)())
    for _ in range(R.randint(0, 2) if negs is None else negs):
        parts.append(neg())
    for _ in range(R.randint(0, 2)):
        parts.append(R.choice(FILL))
    R.shuffle(parts)
    return join(sep or R.choice(['，', '；', '。', '\n', ' ', '. ', '，', ' | ']), parts)

def neg_text(n=None, it=False):
    parts = [neg() for _ in range(R.randint(2, 5) if n is None else n)] + [R.choice(FILL) for _ in range(R.randint(0, 2))]
    if it: parts.append(neg_it())
    R.shuffle(parts)
    return R.choice(['，', '；', '。', '\n', ' ', '. ']).join(parts)

def md(text):
    """Markdown wrapping as DingTalk robots render it."""
    head = R.choice(['#### 客戶跟進', '### 工單更新', '**Helpdesk**', '## 入職資料', '#### 通知', '### 日報摘要'])
    return J(head, '\n\n', R.choice(['> ', '- ', '', '**備註**：']), text, '\n\n', R.choice(['[查看詳情](https://oa.example.com/d/' + digits(8) + ')', '@所有人', '']))

# ------------------------------------------------------------------ writer
TRUTH, COUNT = [], {}
def gpath(p, k):
    k = str(k)
    for ch in '\\.*?|#@!':
        k = k.replace(ch, '\\' + ch)
    return f'{p}.{k}' if p else k

def collect(o, p, out):
    if isinstance(o, dict):
        for k, v in o.items(): collect(v, gpath(p, k), out)
    elif isinstance(o, list):
        for i, v in enumerate(o): collect(v, gpath(p, i), out)
    elif isinstance(o, (PS, PN)):
        for t, v in o.pii:
            out.append((p, t, v))

def write(kind, doc, negdoc=False):
    name_ = ('neg_' if negdoc else '') + kind
    COUNT[name_] = COUNT.get(name_, 0) + 1
    fn = f'{name_}_{COUNT[name_]:04d}.json'
    rows = []
    collect(doc, '', rows)
    if negdoc: assert not [r for r in rows if r[1] != '_ignore'], (fn, rows)
    for p, t, v in rows:
        assert v, (fn, p, t)
    with open(os.path.join(OUT, fn), 'w') as f:
        json.dump(doc, f, ensure_ascii=R.random() < 0.12, indent=R.choice([None, None, 2]))
    for p, t, v in rows:
        TRUTH.append({'file': fn, 'path': p, 'type': t, 'value': v})

# ------------------------------------------------------------------ payloads: chat
def txt(neg_):
    return neg_text() if neg_ else free_text()

def stream_frame(topic, data, typ='CALLBACK', event_type=None):
    h = {'appId': str(uuid.UUID(int=R.getrandbits(128))), 'connectionId': hexs(32), 'contentType': 'application/json',
         'messageId': f'{hexs(8)}_{hexs(6)}_{digits(10)}', 'time': str(now_ms()), 'topic': topic}
    if typ == 'EVENT':
        h.update({'eventType': event_type, 'eventId': event_id(), 'eventBornTime': str(now_ms()), 'eventCorpId': corp_id(),
                  'eventUnifiedAppId': str(uuid.UUID(int=R.getrandbits(128)))})
    return {'specVersion': '1.0', 'type': typ, 'headers': h, 'data': nest(data)}

def bot_message(neg_=False):
    """Stream-mode robot callback: someone @-mentions the bot in a group or 1:1 chat."""
    nick = '' if neg_ else J(L('person_name', name()))
    t = txt(neg_)
    d = {'conversationId': cid(), 'atUsers': [{'dingtalkId': '$:LWCP_v1:$' + alnum(24)}], 'chatbotCorpId': corp_id(),
         'chatbotUserId': '$:LWCP_v1:$' + alnum(24), 'msgId': msg_id(), 'senderNick': nick, 'isAdmin': R.random() < 0.2,
         'senderStaffId': staff_id(), 'sessionWebhookExpiredTime': now_ms(), 'createAt': now_ms(), 'senderCorpId': corp_id(),
         'conversationType': R.choice(['1', '2']), 'senderId': '$:LWCP_v1:$' + alnum(24), 'isInAtList': True,
         'sessionWebhook': f'https://oapi.dingtalk.com/robot/sendBySession?session={hexs(32)}', 'robotCode': robot_code()}
    if d['conversationType'] == '2':
        d['conversationTitle'] = R.choice(['IT Helpdesk 支援群', '財務部', 'Sales HK 🇭🇰', '深圳-香港 項目組', '人事行政群'])
    r = R.random()
    if r < 0.6:
        d['msgtype'] = 'text'; d['text'] = {'content': t}
    elif r < 0.85:
        d['msgtype'] = 'richText'
        d['content'] = {'richText': [{'text': t}, {'pictureDownloadCode': alnum(40), 'downloadCode': alnum(60), 'type': 'picture'}] +
                        ([{'text': txt(neg_)}] if R.random() < 0.5 else [])}
    else:
        d['msgtype'] = 'audio'; d['content'] = {'duration': R.randint(1000, 60000), 'downloadCode': alnum(60), 'recognition': t}
    write('stream_bot', stream_frame('/v1.0/im/bot/messages/get', d), neg_)

def session_reply(neg_=False):
    """Bot reply posted to sessionWebhook (text / markdown / actionCard with links)."""
    mt = R.choice(['text', 'markdown', 'actionCard', 'actionCard'])
    t = txt(neg_)
    doc = {'msgtype': mt}
    if mt == 'text':
        doc['text'] = {'content': t}
    elif mt == 'markdown':
        doc['markdown'] = {'title': R.choice(['工單已建立', '客戶資料', '查詢結果']), 'text': md(t)}
    else:
        url = J('https://crm.example.com.hk/c/', digits(8), '?corpId=', corp_id(), '&date=', yyyymmdd())
        if not neg_ and R.random() < 0.5:
            url = J(url, '&', pick([(lambda: J('mobile=', L('hk_phone', hk_num('m'))), 3), (lambda: J('email=', L('email', email())), 2),
                                    (lambda: J('phone=', L('cn_mobile', cn_num())), 2), (lambda: J('ip=', L('ipv4', ip4())), 1)])())
        doc['actionCard'] = {'title': R.choice(['請處理', '客戶回電', 'Ticket update']), 'text': md(t), 'btnOrientation': '1',
                             'btns': [{'title': '查看', 'actionURL': J('dingtalk://dingtalkclient/page/link?pc_slide=true&url=', url)},
                                      {'title': '已處理', 'actionURL': f'https://oa.example.com/done?taskId={task_id()}'}]}
    ats = []
    if not neg_ and R.random() < 0.5:
        for _ in range(R.randint(1, 2)):
            ats.append(J(L('hk_phone', hk_num('m'))) if R.random() < 0.5 else J(L('cn_mobile', cn_num())))
    doc['at'] = {'atMobiles': ats, 'atUserIds': [staff_id()], 'isAtAll': False}
    write('session_reply', doc, neg_)

def robot_v1(neg_=False):
    """/v1.0/robot/groupMessages/send and oToMessages/batchSend with msgParam JSON strings."""
    key = R.choice(['sampleText', 'sampleMarkdown', 'sampleActionCard', 'sampleActionCard2', 'sampleLink'])
    t = txt(neg_)
    if key == 'sampleText': p = {'content': t}
    elif key == 'sampleMarkdown': p = {'title': '通知', 'text': md(t)}
    elif key == 'sampleActionCard': p = {'title': '審批提醒', 'text': md(t), 'singleTitle': '去處理', 'singleURL': f'https://aflow.dingtalk.com/dingtalk/mobile/homepage.htm?corpid={corp_id()}&procInstId={proc_inst_id()}'}
    elif key == 'sampleActionCard2':
        u = J('https://forms.example.com/f?uid=', staff_id())
        if not neg_ and R.random() < 0.6:
            u = J(u, '&', R.choice([lambda: J('tel=', L('hk_phone', '852' + hk_num('m'))), lambda: J('email=', L('email', email())), lambda: J('mobile=', L('cn_mobile', cn_num()))])())
        p = {'title': '確認資料', 'text': md(t), 'actionTitle1': '確認', 'actionURL1': u, 'actionTitle2': '修改', 'actionURL2': f'https://forms.example.com/e?id={uuid.UUID(int=R.getrandbits(128))}'}
    else:
        p = {'title': R.choice(['客戶跟進', '日報']), 'text': t, 'picUrl': f'@lADP{alnum(20)}', 'messageUrl': f'https://oa.example.com/r/{digits(10)}?ts={now_ms()}'}
    if R.random() < 0.5:
        doc = {'robotCode': robot_code(), 'openConversationId': cid(), 'msgKey': key, 'msgParam': nest(p), 'coolAppCode': f'COOLAPP-1-{hexs(24).upper()}'}
    else:
        doc = {'robotCode': robot_code(), 'userIds': [staff_id() for _ in range(R.randint(1, 3))], 'msgKey': key, 'msgParam': nest(p)}
    write('robot_v1', doc, neg_)

def personal_msg(neg_=False):
    """/v1.0/im/me/messages/send and a group-history export of chat messages."""
    if R.random() < 0.4:
        doc = {'content': nest({'content': txt(neg_)}), 'msgType': 'text', 'openConversationId': cid(), 'receiverUserId': staff_id()}
    else:
        msgs = []
        for _ in range(R.randint(2, 6)):
            m = {'msgId': msg_id(), 'senderId': staff_id(), 'createTime': now_ms(), 'msgType': R.choice(['text', 'markdown'])}
            if not neg_: m['senderNick'] = J(L('person_name', name()))
            m['content'] = nest({'content': txt(neg_) if R.random() < 0.7 else neg_text(2)}) if R.random() < 0.5 else (txt(neg_) if R.random() < 0.7 else neg_text(2))
            msgs.append(m)
        doc = {'openConversationId': cid(), 'groupName': R.choice(['銷售部 Sales', 'IT Helpdesk', '深港項目群', '行政通知']), 'hasMore': R.random() < 0.5,
               'nextToken': base64.b64encode(R.randbytes(18)).decode(), 'messages': msgs}
    write('im_message', doc, neg_)

def card_callback(neg_=False):
    """Interactive-card button callback: a JSON string (content) inside the Stream data string."""
    params = {'action': R.choice(['submit', 'confirm'])}
    if not neg_:
        for _ in range(R.randint(1, 4)):
            r = R.randrange(9)
            if r == 0: params[R.choice(['phone', 'mobile', 'contactPhone'])] = J(L('hk_phone', hk_phone()))
            elif r == 1: params[R.choice(['hkid', 'idNo', 'identityCard'])] = J(L('hkid', hkid()))
            elif r == 2: params[R.choice(['email', 'mail'])] = J(L('email', email()))
            elif r == 3: params[R.choice(['cnMobile', 'mobileCN', 'phoneNumber'])] = J(L('cn_mobile', cn_mobile()))
            elif r == 4: params['remark'] = free_text(1)
            elif r == 5: params[R.choice(['name', 'fullName', 'contactName'])] = J(L('person_name', name()))
            elif r == 6: params[R.choice(['birthday', 'dob', 'dateOfBirth'])] = J(L('date_of_birth', dob()))
            elif r == 7: params[R.choice(['idCardNo', 'certNo'])] = J(L('cn_id', cn_id()))
            else: params[R.choice(['cardNo', 'creditCard'])] = J(L('credit_card', card()))
    params[R.choice(['orderNo', 'refNo'])] = R.choice([digits(16), yyyymmdd() + digits(8), 'SF' + digits(12)])
    params['submitTime'] = str(now_ms())
    content = nest({'cardPrivateData': {'actionIds': ['submit_btn'], 'params': params}})
    d = {'outTrackId': out_track(), 'corpId': corp_id(), 'userId': staff_id(), 'spaceType': 'IM', 'spaceId': cid(), 'type': 'actionCallback',
         'content': content, 'value': nest({'cardPrivateData': {'actionIds': ['submit_btn'], 'params': {'action': 'ok'}}})}
    write('card_callback', stream_frame('/v1.0/card/instances/callback', d), neg_)

# ------------------------------------------------------------------ payloads: events
def event_envelope(etype, data, neg_, kind):
    if R.random() < 0.6:
        write(kind, stream_frame('*', data, 'EVENT', etype), neg_)
    else:
        d = dict(data); d['EventType'] = etype; d['TimeStamp'] = str(now_ms()); d['CorpId'] = corp_id()
        write(kind, d, neg_)

def user_snapshot(neg_, full=True):
    s = {}
    if neg_:
        s['jobNumber'] = R.choice(['E' + digits(6), digits(8)]); s['workPlace'] = IG(R.choice(['觀塘', 'Cyberport', '深圳南山']))
        s['title'] = R.choice(['Engineer', '會計', 'Manager'])
        s['hiredDate'] = now_ms()
        return s
    s['name'] = J(L('person_name', name()))
    if R.random() < 0.8: s['mobile'] = J(L('hk_phone', hk_phone())) if R.random() < 0.6 else J(L('cn_mobile', cn_mobile()))
    if R.random() < 0.4:
        n = hk_num('f'); s['telephone'] = J(L('hk_phone', R.choice([n, f'{n[:4]} {n[4:]}', f'852-{n}']))) if R.random() < 0.6 else IG(f'{n[:4]} {n[4:]} ext. {digits(3)}')
    if R.random() < 0.7: s['email'] = J(L('email', email()))
    if R.random() < 0.3: s['orgEmail'] = J(L('email', email()))
    s['jobNumber'] = R.choice(['E' + digits(6), digits(8), 'HK' + digits(5)])
    if R.random() < 0.5: s['remark'] = free_text(1, negs=1)
    s['workPlace'] = IG(R.choice(['觀塘', 'Cyberport', '深圳南山', '香港九龍觀塘道 388 號 15 樓']))
    if R.random() < 0.5:
        ext = {'工號': digits(8), '成本中心': f'CC{digits(4)}'}
        if R.random() < 0.6: ext[R.choice(['身份證號碼', 'hkid', 'idCardNo'])] = J(L('hkid', hkid()))
        if R.random() < 0.3: ext[R.choice(['私人電話', 'personalMobile'])] = J(L('hk_phone', hk_phone()))
        if R.random() < 0.3: ext[R.choice(['生日', 'birthday'])] = J(L('date_of_birth', dob()))
        s['extFields'] = nest(ext)
    return s

def contact_event(neg_=False):
    et = R.choice(['user_add_org', 'user_modify_org', 'user_modify_org', 'user_leave_org', 'user_active_org'])
    uid = staff_id()
    data = {'userId': [uid], 'optStaffId': staff_id(), 'eventId': event_id(), 'timeStamp': now_ms()}
    if et == 'user_modify_org':
        data['diffInfo'] = [{'userid': uid, 'prev': user_snapshot(neg_), 'curr': user_snapshot(neg_)}]
    elif et == 'user_add_org':
        data['userInfo'] = user_snapshot(neg_)
    event_envelope(et, data, neg_, 'contact_event')

def approval_event(neg_=False):
    et = R.choice(['bpms_instance_change', 'bpms_task_change'])
    what = R.choice(['請假', '報銷', '出差申請', '采购申请', '加班', 'Expense claim'])
    nm = name() if not neg_ else None
    title = J(L('person_name', nm), '提交的', what) if nm else R.choice(['財務部提交的', 'IT 部提交的']) + what
    data = {'processInstanceId': proc_inst_id(), 'corpId': corp_id(), 'createTime': now_ms(), 'title': title,
            'type': R.choice(['start', 'finish', 'comment']), 'staffId': staff_id(), 'url': f'https://aflow.dingtalk.com/dingtalk/mobile/homepage.htm?corpid={corp_id()}&dd_share=false&showmenu=true&back=native&procInstId={proc_inst_id()}&swfrom=isv&dinghash=approval',
            'processCode': f'PROC-{hexs(8).upper()}-{hexs(4).upper()}-{hexs(4).upper()}-{hexs(12).upper()}-{digits(6)}', 'bizCategoryId': '', 'businessId': yyyymmdd() + digits(9)}
    if et == 'bpms_task_change':
        data['taskId'] = task_id(); data['result'] = R.choice(['agree', 'refuse', 'redirect'])
        data['remark'] = neg_text(2) if neg_ or R.random() < 0.3 else free_text(R.randint(1, 2))
        data['activityId'] = hexs(8) + '_' + hexs(6)
    else:
        data['finishTime'] = now_ms(); data['result'] = R.choice(['agree', 'refuse', ''])
    event_envelope(et, data, neg_, 'approval_event')

def attendance(neg_=False):
    if R.random() < 0.5:
        recs = []
        for _ in range(R.randint(1, 4)):
            r = {'userId': staff_id(), 'corpId': corp_id(), 'checkTime': now_ms(), 'bizId': f'{digits(10)}_{digits(5)}',
                 'locationMethod': R.choice(['MAP', 'WIFI', 'ATM']), 'locationResult': R.choice(['Normal', 'Outside']),
                 'address': IG(R.choice(['香港九龍觀塘道 388 號', 'Cyberport 3, 100 Cyberport Road', '深圳市南山区科技园'])),
                 'latitude': round(22.2 + R.random() * 0.4, 6), 'longitude': round(113.9 + R.random() * 0.4, 6), 'accuracy': R.randint(5, 80),
                 'deviceName': R.choice(['iPhone 15 Pro', 'HUAWEI Mate 60', 'Galaxy S24', '考勤機 M2']), 'deviceSN': R.choice([imei(), 'DT' + digits(12), imei()]),
                 'deviceId': hexs(32), 'ssid': R.choice(['Office-5G', 'corp-wifi', '']), 'bssid': ':'.join(hexs(2) for _ in range(6)), 'userAgent': R.choice(UA)()}
            if not neg_ and R.random() < 0.4:
                r['clientIp'] = J(L('ipv4', ip4()))
            recs.append(r)
        event_envelope('attendance_check_record', {'dataList': recs}, neg_, 'attendance_event')
        return
    page = []
    for _ in range(R.randint(1, 5)):
        p = {'userId': staff_id(), 'checkinTime': now_ms(), 'checkinType': R.choice(['簽到', 'checkin']), 'place': IG(R.choice(['觀塘 APM', '葵涌貨倉', '客戶公司'])),
             'detailPlace': IG(R.choice(['香港九龍觀塘觀塘道418號', '新界葵涌貨櫃碼頭路 88 號'])), 'latitude': f'{22.2 + R.random() * 0.4:.6f}',
             'longitude': f'{113.9 + R.random() * 0.4:.6f}', 'imageList': [f'https://static.dingtalk.com/media/{alnum(30)}.jpg'],
             'customDataList': [{'key': 'visit_no', 'label': '拜訪編號', 'value': digits(8)}]}
        if neg_:
            p['remark'] = neg_text(2)
        else:
            p['remark'] = free_text(R.randint(0, 2), soft=0.3)
            if R.random() < 0.5: p['visitUser'] = J(L('person_name', name()))
            if R.random() < 0.3: p['customDataList'].append({'key': 'contact_tel', 'label': '客戶電話', 'value': J(L('hk_phone', hk_phone()))})
        page.append(p)
    write('attendance_checkin', {'result': {'nextToken': R.randint(0, 500), 'pageList': page}}, neg_)

def calendar(neg_=False):
    def person(org=False):
        p = {'id': union_id(), 'responseStatus': R.choice(['accepted', 'needsAction', 'declined', 'tentative']), 'self': R.random() < 0.2}
        if not neg_: p['displayName'] = J(L('person_name', name()))
        if org and not neg_ and R.random() < 0.3: p['email'] = J(L('email', email()))
        return p
    st = rdate(2025, 2027)
    desc = neg_text(3) if neg_ else J(R.choice(['面試安排：', '客戶會議 agenda：', 'Interview: ', '']), free_text(R.randint(1, 3), soft=0.4))
    ev = {'id': alnum(28), 'summary': R.choice(['Weekly sync', '面試 - 高級會計', '客戶拜訪', 'Q3 review', '培訓：資訊保安', '1:1']),
          'description': desc, 'start': {'dateTime': f'{st}T{R.randint(9, 17):02d}:00:00+08:00', 'timeZone': 'Asia/Hong_Kong'},
          'end': {'dateTime': f'{st}T{R.randint(17, 19):02d}:00:00+08:00', 'timeZone': 'Asia/Hong_Kong'}, 'isAllDay': False,
          'location': {'displayName': R.choice([f'{R.randint(2, 40)}/F 會議室 {R.choice("ABC")}', f'Room {R.randint(2, 40)}{R.randint(1, 20):02d}', '線上']),
                       'meetingRooms': [f'{R.randint(1000, 9999)}'] if R.random() < 0.5 else []},
          'attendees': [person() for _ in range(R.randint(1, 5))], 'organizer': person(True),
          'onlineMeetingInfo': {'type': 'dingtalk', 'conferenceId': digits(9), 'url': f'dingtalk://dingtalkclient/page/videoConfFromCalendar?calendarId={digits(19)}&conferenceId={digits(9)}', 'extraInfo': {'roomCode': digits(9)}},
          'reminders': [{'method': 'dingtalk', 'minutes': R.choice([5, 15, 30])}], 'createTime': f'{st}T08:00:00Z', 'updateTime': f'{st}T08:00:00Z',
          'recurrence': {'pattern': {'type': 'weekly', 'daysOfWeek': 'monday', 'interval': 1}, 'range': {'type': 'endDate', 'endDate': f'{rdate(2027, 2028)}T00:00:00+08:00'}} if R.random() < 0.3 else None,
          'extendedProperties': {'sharedProperties': {'bizId': digits(16), 'sourceOpenCid': cid()}}}
    if ev['recurrence'] is None: del ev['recurrence']
    if R.random() < 0.5:
        event_envelope('calendar_event_change', {'calendarEventId': ev['id'], 'unionIdList': [union_id()], 'changeType': 'update', 'event': ev}, neg_, 'calendar_event')
    else:
        write('calendar_event', ev, neg_)

def crm(neg_=False):
    """CRM personal customers / contacts: data keyed by form component ids, extendData as a JSON string."""
    vals = []
    for _ in range(R.randint(1, 3)):
        data, ext = {}, {}
        if R.random() < 0.5:  # personal customer
            data['customer_name'] = J(L('person_name', name())) if not neg_ else IG(R.choice(['ABC 貿易有限公司', '示例科技（深圳）有限公司']))
            if not neg_:
                data[f'DDPhoneField_{alnum(8).upper()}'] = J(L('hk_phone', hk_phone())) if R.random() < 0.6 else J(L('cn_mobile', cn_mobile()))
                if R.random() < 0.2: data[f'DDPhoneField_{alnum(8).upper()}'] = pnum('hk_phone', hk_num('m'))
                if R.random() < 0.5: data['email'] = J(L('email', email()))
                if R.random() < 0.4: data['birthday'] = J(L('date_of_birth', dob()))
                if R.random() < 0.4: data['address'] = nest({'province': '香港', 'city': '九龍', 'detail': J(L('address', address()))}) if R.random() < 0.4 else J(L('address', address()))
                if R.random() < 0.3: data['id_card'] = J(L('hkid', hkid())) if R.random() < 0.6 else J(L('cn_id', cn_id()))
                if R.random() < 0.4: data[f'TextareaField_{alnum(8).upper()}'] = free_text(R.randint(1, 2))
        else:  # contact at a company customer
            data['contact_related_customer'] = nest([{'extendValue': nest({'list': [{'instanceId': alnum(20)}]}), 'value': IG(R.choice(['ABC 貿易有限公司', 'Example Logistics Ltd']))}]) if neg_ else \
                nest([{'extendValue': nest({'list': [{'instanceId': alnum(20)}]}), 'value': R.choice(['ABC 貿易有限公司', 'Example Logistics Ltd'])}])
            data['company_phone'] = IG(f'+852 {hk_num("f")[:4]} {digits(4)}')
            if not neg_:
                data['contact_name'] = J(L('person_name', name()))
                data['contact_phone'] = J(L('hk_phone', hk_phone())) if R.random() < 0.6 else J(L('cn_mobile', cn_mobile()))
                if R.random() < 0.6: data['contact_email'] = J(L('email', email()))
                data['contact_position'] = R.choice(['採購經理', 'CFO', '行政主任'])
                if R.random() < 0.3: data['contact_remark'] = free_text(1)
        data['customer_follow_up_status'] = nest({'extendValue': '', 'value': R.choice(['跟進中', '已成交'])})
        data['gmt_last_follow'] = str(now_ms())
        data[f'TextField_{alnum(8).upper()}'] = R.choice(['CR No. ' + str(R.randint(1000000, 3999999)), 'SWIFT ' + R.choice(SWIFT), str(R.randint(1000000, 3999999))])
        ext['amount'] = f'{R.randint(1000, 999999)}.{R.randint(0, 99):02d}'
        ext['source'] = R.choice(['展會', 'Referral', '官網'])
        if not neg_ and R.random() < 0.3:
            ext['lastLoginIp'] = J(L('ipv4', ip4()))
        vals.append({'instanceId': alnum(20), 'appUuid': 'SWAPP-' + hexs(32).upper(), 'formCode': 'PROC-' + hexs(8).upper(),
                     'objectType': R.choice(['crm_customer_personal', 'crm_contact']), 'creatorUserId': staff_id(), 'gmtCreate': now_ms(),
                     'gmtModified': now_ms(), 'data': data, 'extendData': nest(ext), 'permission': {'participantStaffIds': [staff_id()], 'ownerStaffIds': [staff_id()]}})
    write('crm', {'result': {'values': vals, 'hasMore': False, 'nextToken': ''}}, neg_)

def extcontact(neg_=False):
    def one():
        c = {'userid': staff_id(), 'follower_user_id': staff_id(), 'label_ids': [R.randint(10**8, 10**9)], 'share_dept_ids': [dept()],
             'company_name': R.choice(['ABC 貿易有限公司', 'Example Logistics Ltd', '示例科技（深圳）有限公司']), 'title': R.choice(['採購經理', 'Director', '']),
             'state_code': R.choice(['852', '86']), 'address': IG(R.choice(['香港九龍觀塘道 388 號', '深圳市南山区科技园', 'Unit 3, 5/F, Example Centre, Kwun Tong']))}
        if neg_:
            c['remark'] = neg_text(2); return c
        c['name'] = J(L('person_name', name()))
        c['mobile'] = J(L('hk_phone', hk_num('m'))) if c['state_code'] == '852' else J(L('cn_mobile', cn_num()))
        if R.random() < 0.7: c['email'] = J(L('email', email()))
        c['remark'] = free_text(R.randint(0, 2), soft=0.3)
        return c
    if R.random() < 0.5:
        write('extcontact', {'errcode': 0, 'errmsg': 'ok', 'result': one(), 'request_id': alnum(12).lower()}, neg_)
    else:
        write('extcontact', {'errcode': 0, 'errmsg': 'ok', 'results': [one() for _ in range(R.randint(2, 4))]}, neg_)

def report(neg_=False):
    keys = ['今日完成工作', '未完成工作', '需協調工作', 'Tomorrow plan', '客戶跟進', '備註', '明日计划']
    rows = []
    for _ in range(R.randint(1, 3)):
        contents = [{'key': k, 'sort': str(i), 'type': '1', 'value': (neg_text() if neg_ or R.random() < 0.35 else free_text(R.randint(1, 3), soft=0.35))}
                    for i, k in enumerate(R.sample(keys, R.randint(2, 4)))]
        rows.append({'report_id': hexs(32), 'template_name': R.choice(['日報', '週報', 'Sales daily', '巡店日志']), 'creator_id': staff_id(),
                     'creator_name': '' if neg_ else J(L('person_name', name())), 'dept_name': R.choice(['銷售部', 'IT', '財務部']),
                     'create_time': now_ms(), 'remark': neg_text(1) if neg_ else (free_text(1) if R.random() < 0.3 else ''), 'images': [], 'contents': contents})
    write('report', {'errcode': 0, 'result': {'data_list': rows, 'has_more': False, 'next_cursor': R.randint(0, 100), 'size': len(rows)}, 'request_id': alnum(12).lower()}, neg_)

def todo(neg_=False):
    subj = neg_text(1) if neg_ else R.choice([lambda: J('覆客 ', free_text(1, soft=0, negs=0)), lambda: J('Follow up: ', free_text(1, soft=0, negs=0)),
                                             lambda: R.choice(['交報告', '續約跟進', 'Q3 budget', '處理工單'])])()
    t = {'id': alnum(24), 'subject': subj, 'description': neg_text() if neg_ else free_text(), 'startTime': now_ms(), 'dueTime': now_ms(),
         'finishTime': 0, 'done': False, 'executorIds': [union_id()], 'participantIds': [union_id() for _ in range(R.randint(0, 2))],
         'detailUrl': {'appUrl': f'dingtalk://dingtalkclient/action/openapp?corpid={corp_id()}&bizId={digits(12)}', 'pcUrl': f'https://todo.example.com/t/{uuid.UUID(int=R.getrandbits(128))}'},
         'source': R.choice(['isv', 'crm']), 'sourceId': digits(16), 'createdTime': now_ms(), 'modifiedTime': now_ms(), 'creatorId': union_id(),
         'bizTag': 'crm', 'requestId': str(uuid.UUID(int=R.getrandbits(128))), 'priority': R.choice([10, 20, 30, 40]), 'isOnlyShowExecutor': False}
    if R.random() < 0.5:
        event_envelope('todo_task_change', {'taskId': t['id'], 'task': t, 'operatorUnionId': union_id()}, neg_, 'todo_event')
    else:
        write('todo', {'todoCards': [t], 'nextToken': digits(10), 'totalCount': 1} if R.random() < 0.5 else t, neg_)

def ticket(neg_=False):
    """Service-group / helpdesk ticket with conversation messages and custom fields as JSON."""
    cf = {'category': R.choice(['網絡', '帳單', '硬件', '帳戶']), 'priority': R.choice(['P1', 'P2', 'P3']), 'orderNo': yyyymmdd() + digits(8)}
    if not neg_:
        for _ in range(R.randint(1, 3)):
            r = R.randrange(7)
            if r == 0: cf[R.choice(['客戶電話', 'customerPhone'])] = J(L('hk_phone', hk_phone()))
            elif r == 1: cf[R.choice(['客戶電郵', 'customerEmail'])] = J(L('email', email()))
            elif r == 2: cf[R.choice(['來源IP', 'sourceIp'])] = J(L('ipv4', ip4()))
            elif r == 3: cf[R.choice(['身份證號碼', 'hkid'])] = J(L('hkid', hkid()))
            elif r == 4: cf[R.choice(['客戶姓名', 'customerName'])] = J(L('person_name', name()))
            elif r == 5: cf['deviceImei'] = imei()
            else: cf[R.choice(['內地手機', 'cnMobile'])] = J(L('cn_mobile', cn_mobile()))
    else:
        cf['deviceImei'] = imei()
    msgs = []
    for i in range(R.randint(1, 5)):
        m = {'sender': R.choice(['customer', 'agent', 'bot']), 'senderUnionId': union_id(), 'createTime': now_ms(), 'msgId': msg_id()}
        m['content'] = neg_text(it=True) if neg_ or (m['sender'] != 'customer' and R.random() < 0.6) else free_text(R.randint(1, 3), soft=0.3, it=True)
        msgs.append(m)
    doc = {'ticketId': R.choice([digits(12), 'TK' + digits(10)]), 'title': R.choice(['上唔到網', '帳單有問題', '部電腦好慢', 'VPN 斷線', 'Refund request', '信用卡被重複扣款']),
           'openConversationId': cid(), 'templateId': alnum(16), 'processorUnionId': union_id(), 'creatorUnionId': union_id(),
           'stage': R.choice(['RECEIVED', 'PROCESSING', 'CLOSED']), 'gmtCreate': now_ms(), 'customFields': nest(cf), 'messages': msgs,
           'ticketMemo': {'memo': neg_text(2, it=True) if neg_ else free_text(1, it=True), 'attachments': [{'fileName': f'screenshot_{yyyymmdd()}.png', 'key': hexs(32)}]}}
    if R.random() < 0.4:
        write('ticket_event', stream_frame('*', {'ticketId': doc['ticketId'], 'eventType': 'ticket_update', 'ticket': doc}, 'EVENT', 'service_group_ticket_change'), neg_)
    else:
        write('ticket', doc, neg_)

def audit(neg_=False):
    """Admin audit / login records: IP addresses beside user agents with dotted version strings."""
    rows = []
    for _ in range(R.randint(2, 6)):
        r = {'gmtCreate': now_ms(), 'action': R.choice(['LOGIN', 'DOWNLOAD_FILE', 'EXPORT_CONTACTS', 'UPDATE_USER']), 'platform': R.choice(['pc', 'ios', 'android', 'web']),
             'operatorUserId': staff_id(), 'userAgent': R.choice(UA)(), 'sessionId': hexs(32), 'appVersion': f'{R.randint(6, 7)}.{R.randint(0, 9)}.{R.randint(0, 30)}.{R.randint(0, 99)}',
             'deviceImei': imei() if R.random() < 0.3 else '', 'traceId': hexs(30)}
        if not neg_:
            r['operatorName'] = J(L('person_name', name()))
            r['ip'] = J(L('ipv4', ip4()))
            if R.random() < 0.3: r['xForwardedFor'] = J(L('ipv4', ip4()), ', ', L('ipv4', ip4()))
            if R.random() < 0.2: r['target'] = J('user ', L('email', email()))
        else:
            r['netmask'] = '255.255.255.0'
        rows.append(r)
    write('audit_log', {'errcode': 0, 'result': {'list': rows, 'next_cursor': now_ms()}}, neg_)

KINDS = [(bot_message, 110), (session_reply, 70), (robot_v1, 80), (personal_msg, 70), (card_callback, 60), (contact_event, 90),
         (approval_event, 70), (attendance, 60), (calendar, 60), (crm, 70), (extcontact, 50), (report, 60), (todo, 60), (ticket, 80), (audit, 40)]
for f, n in KINDS:
    for _ in range(n): f()
for f, n in KINDS:
    for _ in range(max(6, n // 5)): f(True)

with open(os.path.join(OUT, 'truth.jsonl'), 'w') as fh:
    for r in TRUTH:
        fh.write(json.dumps(r, ensure_ascii=False) + '\n')
print(sum(COUNT.values()), 'docs', len([t for t in TRUTH if t['type'] != '_ignore']), 'labelled values, seed', SEED)
