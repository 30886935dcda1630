#!/usr/bin/env python3
"""Fourth independent accuracy corpus: DingTalk application payloads.

Written without reading the detectors or the other corpora's generators, from DESIGN.md §4,
../shared/dingtalk/API-NOTES.md and public DingTalk Open API shapes. Covers Yida (宜搭)
low-code form instances (formData objects, formDataJson / updateFormDataJson /
searchFieldJson strings, table rows, address and employee components, process instances and
operation records), attendance (legacy listRecord, getupdatedata, v1.0 check-in records),
calendar v1.0 (events, attendees, locations, online meetings, create requests), HRM v1.0
roster in other shapes (multi-item groups, select codes, pre-entry and update requests,
change logs, resignations) and external contacts / CRM, plus hard negatives (neg_*).

Usage: python3 gen.py [SEED]   (default 1); writes $INDEP_OUT (default
bench/out/independent/apps)/*.json and truth.jsonl with one row per labelled value:
{"file","path","type","value"}. A value inside a JSON string is reported at the holder
string's path (that is how `proxy scan` reports it). `_ignore` marks debatable values.
"""
import datetime
import ipaddress
import json
import os
import sys

import random

SEED = 1
for a in sys.argv[1:]:
    if a.lstrip('-').isdigit():
        SEED = int(a)
OUT = os.environ.get('INDEP_OUT', 'bench/out/independent/apps')
R = random.Random(SEED)


# ---------------------------------------------------------------- labelled values
class T(str):
    """A string carrying labels [(type, value)]; each value occurs in the string."""
    def __new__(cls, s, labels=()):
        o = str.__new__(cls, s)
        o.labels = list(labels)
        return o


class TN(int):
    """A JSON integer carrying labels."""
    def __new__(cls, n, labels=()):
        o = int.__new__(cls, n)
        o.labels = list(labels)
        return o


def lab(typ, val):
    return T(val, [(typ, val)])


def txt(*parts):
    """Join plain strings and (type, value) pairs into one labelled string."""
    s, labels = '', []
    for p in parts:
        if isinstance(p, tuple):
            if p[0] is not None:
                labels.append((p[0], p[1]))
            s += p[1]
        else:
            s += str(p)
            if isinstance(p, T):
                labels += p.labels
    return T(s, labels)


def collect(o, acc):
    if isinstance(o, dict):
        for v in o.values():
            collect(v, acc)
    elif isinstance(o, list):
        for v in o:
            collect(v, acc)
    elif isinstance(o, (T, TN)):
        acc += o.labels
    return acc


def jstr(o, **kw):
    """Serialise o as a JSON string value; labels inside move to the holder string."""
    s = json.dumps(o, ensure_ascii=False, separators=kw.get('sep', (',', ':')))
    return T(s, collect(o, []))


def esc(k):
    return str(k).replace('.', r'\.')


def walk(o, path, out):
    if isinstance(o, dict):
        for k, v in o.items():
            walk(v, path + [esc(k)], out)
    elif isinstance(o, list):
        for i, v in enumerate(o):
            walk(v, path + [str(i)], out)
    elif isinstance(o, (T, TN)):
        s = str(int(o)) if isinstance(o, TN) else str(o)
        p = '.'.join(path)
        cnt = {}
        for typ, val in o.labels:
            assert val in s, (p, typ, val, s)
            cnt[val] = cnt.get(val, 0) + 1
            out.append((p, typ, val))
        for val, n in cnt.items():
            # occurrences inside a longer labelled value (a name inside "name + English name") are fine
            extra = sum(s.count(v) * v.count(val) for v in cnt if v != val and val in v)
            if s.count(val) - extra != n:
                WARN.append((p, val, s.count(val), n))


WARN = []
DOCS = []  # (name, obj, ensure_ascii, indent)


def doc(name, obj):
    DOCS.append((name, obj, R.random() < 0.25, R.choice([None, None, 2])))


# ---------------------------------------------------------------- random helpers
def ch(seq):
    return R.choice(seq)


def digits(n, first='123456789'):
    return R.choice(first) + ''.join(R.choice('0123456789') for _ in range(n - 1))


def hexs(n):
    return ''.join(R.choice('0123456789abcdef') for _ in range(n))


def alnum(n, chars='ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'):
    return ''.join(R.choice(chars) for _ in range(n))


def epoch_ms(y0=2025, y1=2026):
    d = datetime.datetime(y0, 1, 1) + datetime.timedelta(seconds=R.randint(0, (y1 - y0 + 1) * 365 * 86400 - 1))
    return int((d - datetime.datetime(1970, 1, 1)).total_seconds()) * 1000 + R.choice([0, 0, R.randint(0, 999)])


def day(y0=2026, y1=2026):
    return datetime.date(y0, 1, 1) + datetime.timedelta(days=R.randint(0, (y1 - y0 + 1) * 365 - 1))


def hkt(ms):
    return (datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=ms, hours=8))


def uid():
    return ch([lambda: 'manager' + digits(4), lambda: digits(R.randint(15, 18), '0123'),
               lambda: ch(SURN)[1].lower().replace(' ', '') + ch(GIVEN)[1].lower() + digits(2),
               lambda: '0' + digits(16, '123456')])()


def unionid():
    return alnum(27, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') + ch(['iE', 'iEiE', 'ie'])


# ---------------------------------------------------------------- PII generators
HK1 = 'ABCDEGHKMPRSTVYZ'
HK2 = ['WX', 'XA', 'XB', 'XC', 'XD', 'XE', 'XG']


def hkid_parts(two=None):
    two = (R.random() < 0.08) if two is None else two
    pre = ch(HK2) if two else ch(HK1)
    ds = digits(6, '0123456789')
    if len(pre) == 1:
        s = 36 * 9 + (ord(pre) - 55) * 8
    else:
        s = (ord(pre[0]) - 55) * 9 + (ord(pre[1]) - 55) * 8
    s += sum(int(d) * w for d, w in zip(ds, range(7, 1, -1)))
    c = (11 - s % 11) % 11
    return pre, ds, 'A' if c == 10 else str(c)


def hkid_fmt(pre, ds, c, style=None):
    style = style or ch(['paren'] * 6 + ['plain', 'plain', 'lower', 'space', 'space2'])
    if style == 'paren':
        return f'{pre}{ds}({c})'
    if style == 'plain':
        return f'{pre}{ds}{c}'
    if style == 'lower':
        return f'{pre.lower()}{ds}({c.lower()})'
    if style == 'space':
        return f'{pre} {ds} ({c})'
    return f'{pre}{ds} ({c})'


def hkid(style=None):
    return hkid_fmt(*hkid_parts(), style=style)


def hkid_bad():
    pre, ds, c = hkid_parts(False)
    bad = ch([x for x in '0123456789A' if x != c])
    return f'{pre}{ds}({bad})'


AREAS = ['110101', '110105', '310104', '310115', '440305', '440304', '440106', '440103', '330106',
         '320102', '510104', '420106', '350203', '440402', '441900', '445102', '440604', '430102',
         '370202', '210202', '810000', '820000', '830000']
CNW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def cn_check(s17):
    return '10X98765432'[sum(int(a) * b for a, b in zip(s17, CNW)) % 11]


def birth(y0=1958, y1=2003):
    return datetime.date(y0, 1, 1) + datetime.timedelta(days=R.randint(0, (y1 - y0) * 365))


def cn_id(want_x=None, bday=None):
    for _ in range(200):
        b = bday or birth()
        s17 = ch(AREAS) + b.strftime('%Y%m%d') + digits(3, '0123456789')
        c = cn_check(s17)
        if want_x is None or (c == 'X') == want_x:
            break
    if c == 'X' and R.random() < 0.4:
        c = 'x'
    return s17 + c


def cn_id_bad():
    s17 = ch(AREAS) + birth().strftime('%Y%m%d') + digits(3, '0123456789')
    c = cn_check(s17)
    return s17 + ch([x for x in '0123456789X' if x != c])


CNPRE = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152',
         '153', '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180',
         '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199', '147']


def cn_mobile(style=None):
    n = ch(CNPRE) + digits(8, '0123456789')
    style = style or ch(['plain'] * 5 + ['p86sp', 'p86dash', '0086', 'dash', 'space', 'p86', 'paren86'])
    a, b, c = n[:3], n[3:7], n[7:]
    return {'plain': n, 'p86sp': f'+86 {a} {b} {c}', 'p86dash': f'+86-{n}', '0086': f'0086-{n}',
            'dash': f'{a}-{b}-{c}', 'space': f'{a} {b} {c}', 'p86': f'+86{n}',
            'paren86': f'(+86){n}'}[style]


HKMOB = ['51', '52', '53', '54', '55', '56', '59', '60', '61', '62', '63', '64', '65', '66', '67',
         '68', '69', '90', '91', '92', '93', '94', '95', '96', '97', '98']
HKFIX = ['21', '23', '24', '25', '26', '27', '28', '29', '31', '34', '35', '36', '37', '38', '39']


def hk_num(fixed=False):
    return ch(HKFIX if fixed else HKMOB) + digits(6, '0123456789')


def hk_phone_fmt(n, style):
    a, b = n[:4], n[4:]
    return {'plain': n, 'space': f'{a} {b}', 'dash': f'{a}-{b}', 'p852sp': f'+852 {a} {b}',
            'p852dash': f'+852-{n}', 'paren': f'(852) {n}', '852dash': f'852-{a}-{b}',
            'p852': f'+852{n}', '00852': f'00852 {a} {b}', 'parenp': f'(+852) {a} {b}',
            'p852nosp': f'+852 {n}'}[style]


PREFIXED = ['p852sp', 'p852dash', 'paren', '852dash', 'p852', '00852', 'parenp', 'p852nosp']


def hk_phone(prefixed=None, fixed=None):
    fixed = (R.random() < 0.2) if fixed is None else fixed
    if prefixed is None:
        style = ch(PREFIXED + ['plain', 'plain', 'space', 'space', 'dash'])
    elif prefixed:
        style = ch(PREFIXED)
    else:
        style = ch(['plain', 'space', 'dash'])
    return hk_phone_fmt(hk_num(fixed), style)


def luhn_complete(body):
    s = 0
    for i, d in enumerate(reversed(body)):
        d = int(d)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return body + str((10 - s % 10) % 10)


def luhn_ok(n):
    return luhn_complete(n[:-1]) == n


def card(kind=None, style=None):
    kind = kind or ch(['visa'] * 4 + ['mc', 'mc', 'mc2', 'amex', 'amex', 'up', 'up16', 'jcb'])
    if kind == 'visa':
        n = luhn_complete('4' + digits(14, '0123456789'))
    elif kind == 'mc':
        n = luhn_complete(str(R.randint(51, 55)) + digits(13, '0123456789'))
    elif kind == 'mc2':
        n = luhn_complete(str(R.randint(2221, 2720)) + digits(11, '0123456789'))
    elif kind == 'amex':
        n = luhn_complete(ch(['34', '37']) + digits(12, '0123456789'))
    elif kind == 'up':
        n = luhn_complete('62' + ch(['2848', '1483', '1700', '2202', '5887', '1226']) + digits(12, '0123456789'))
    elif kind == 'up16':
        n = luhn_complete('62' + ch(['2848', '1483', '1700', '2202']) + digits(9, '0123456789'))
    else:
        n = luhn_complete(str(R.randint(3528, 3589)) + digits(11, '0123456789'))
    style = style or ch(['plain', 'space', 'space', 'dash'])
    if style == 'plain':
        return n
    sep = ' ' if style == 'space' else '-'
    if len(n) == 15:
        return sep.join([n[:4], n[4:10], n[10:]])
    return sep.join(n[i:i + 4] for i in range(0, len(n), 4))


def card_bad():
    n = luhn_complete('4' + digits(14, '0123456789'))
    return n[:-1] + str((int(n[-1]) + R.randint(1, 9)) % 10)


def cn_bank_card():
    n = luhn_complete(ch(['622202', '621700', '622848', '621226', '622588', '621483']) + digits(R.choice([10, 12]), '0123456789'))
    return ch([n, ' '.join(n[i:i + 4] for i in range(0, len(n), 4))])


USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def org_code():
    body = ch(['MA' + alnum(1, 'ABCDEFGHJKLMNPQRTUWXY0123456789') + alnum(5, '0123456789ABCDEFGHJKLMNPQRTUWXY'),
               digits(8, '0123456789')])
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2]))
    c = 11 - s % 11
    return body + ('X' if c == 10 else '0' if c == 11 else str(c))


def uscc(bad=False):
    s17 = ch(['91', '91', '91', '92', '93', '52', '12']) + ch(AREAS[:20]) + org_code()
    c = 31 - sum(USCC_CH.index(x) * w for x, w in zip(s17, USCC_W)) % 31
    c = USCC_CH[0 if c == 31 else c]
    if bad:
        c = ch([x for x in USCC_CH if x != c])
    return s17 + c


TWL = dict(A=10, B=11, C=12, D=13, E=14, F=15, G=16, H=17, I=34, J=18, K=19, L=20, M=21, N=22, O=35,
           P=23, Q=24, R=25, S=26, T=27, U=28, V=29, W=32, X=30, Y=31, Z=33)


def tw_id(bad=False):
    letter = ch('ABCDEFGHJKLMNPQRSTUVXYWZIO')
    body = ch('12') + digits(7, '0123456789')
    v = TWL[letter]
    s = v // 10 + (v % 10) * 9 + sum(int(d) * w for d, w in zip(body, [8, 7, 6, 5, 4, 3, 2, 1]))
    c = (10 - s % 10) % 10
    if bad:
        c = (c + R.randint(1, 9)) % 10
    return letter + body + str(c)


def hk_passport():
    return ch('HK') + digits(8, '0123456789')


def cn_passport():
    return ch([lambda: 'E' + digits(8, '0123456789'), lambda: 'E' + ch('ABCDEFGHJKLMNPQRSTUVWXYZ') + digits(7, '0123456789'),
               lambda: 'G' + digits(8, '0123456789')])()


def mo_id():
    n = ch('157') + digits(6, '0123456789')
    # (a slash-separated 1/234567/8 form exists in some records but could not be confirmed; left out)
    return ch([f'{n}({R.randint(0, 9)})', f'{n}({R.randint(0, 9)})', f'{n} ({R.randint(0, 9)})', f'{n}{R.randint(0, 9)}'])


def hk_br():
    return digits(8, '1234567')


def hk_bank_account():
    return ch([lambda: f'004-{digits(3, "0123456789")}-{digits(6, "0123456789")}-{digits(3, "0123456789")}',
               lambda: f'012-{digits(3, "0123456789")}-{R.randint(0, 9)}-{digits(6, "0123456789")}-{R.randint(0, 9)}',
               lambda: f'024-{digits(3, "0123456789")}-{digits(6, "0123456789")}-{digits(3, "0123456789")}',
               lambda: f'003-{digits(3, "0123456789")}-{digits(1, "0123456789")}-{digits(6, "0123456789")}',
               lambda: f'{ch(["004", "024", "015", "040"])}{digits(9, "0123456789")}',
               lambda: f'{digits(3, "0123456789")}-{digits(6, "0123456789")}-{digits(3, "0123456789")}'])()


IPV4_FIRST = [14, 27, 42, 58, 61, 103, 112, 113, 116, 118, 119, 123, 124, 180, 202, 210, 218, 219, 220, 221, 223]


def ipv4():
    return f'{ch(IPV4_FIRST)}.{R.randint(1, 254)}.{R.randint(0, 255)}.{R.randint(1, 254)}'


def ipv6():
    pre = ch(['2404:c800', '2400:8902', '2001:da8', '2405:3800', '2402:7500', '240e:3b7'])
    groups = [hexs(R.randint(1, 4)).lstrip('0') or '0' for _ in range(6)]
    if R.random() < 0.4:
        groups[1:3] = ['0', '0']
    a = ipaddress.IPv6Address(pre + ':' + ':'.join(groups))
    return ch([a.compressed, a.compressed, a.exploded]) if R.random() < 0.9 else a.compressed.upper()


# ---------------------------------------------------------------- names, emails, addresses
SURN = [('陳', 'Chan'), ('李', 'Lee'), ('張', 'Cheung'), ('黃', 'Wong'), ('何', 'Ho'), ('林', 'Lam'),
        ('王', 'Wong'), ('吳', 'Ng'), ('劉', 'Lau'), ('蔡', 'Choi'), ('楊', 'Yeung'), ('梁', 'Leung'),
        ('鄭', 'Cheng'), ('謝', 'Tse'), ('郭', 'Kwok'), ('羅', 'Law'), ('麥', 'Mak'), ('葉', 'Yip'),
        ('馮', 'Fung'), ('曾', 'Tsang'), ('鄧', 'Tang'), ('蕭', 'Siu'), ('許', 'Hui'), ('胡', 'Wu'),
        ('朱', 'Chu'), ('余', 'Yu'), ('盧', 'Lo'), ('潘', 'Poon'), ('馬', 'Ma'), ('彭', 'Pang'),
        ('袁', 'Yuen'), ('譚', 'Tam'), ('區', 'Au'), ('歐陽', 'Au Yeung'), ('司徒', 'Szeto'), ('岑', 'Shum')]
GIVEN = [('大', 'Tai'), ('文', 'Man'), ('嘉', 'Ka'), ('欣', 'Yan'), ('美', 'Mei'), ('玲', 'Ling'),
         ('志', 'Chi'), ('強', 'Keung'), ('家', 'Ka'), ('豪', 'Ho'), ('詠', 'Wing'), ('詩', 'Sze'),
         ('偉', 'Wai'), ('明', 'Ming'), ('小', 'Siu'), ('芳', 'Fong'), ('俊', 'Chun'), ('傑', 'Kit'),
         ('慧', 'Wai'), ('敏', 'Man'), ('子', 'Tsz'), ('健', 'Kin'), ('麗', 'Lai'), ('國', 'Kwok'),
         ('雅', 'Nga'), ('琪', 'Kei'), ('浩', 'Ho'), ('朗', 'Long'), ('秀', 'Sau'), ('英', 'Ying'),
         ('振', 'Chun'), ('華', 'Wah'), ('淑', 'Suk'), ('儀', 'Yee'), ('德', 'Tak'), ('輝', 'Fai'),
         ('卓', 'Cheuk'), ('穎', 'Wing'), ('紫', 'Tsz'), ('晴', 'Ching'), ('樂', 'Lok'), ('恩', 'Yan')]
WEST = ['Peter', 'Mary', 'Kelvin', 'Karen', 'Winnie', 'Jason', 'Ivan', 'Kenneth', 'Bonnie', 'Carmen',
        'Eric', 'Ada', 'Michelle', 'Alan', 'Vincent', 'Tommy', 'Cathy', 'Gloria', 'Raymond', 'Stephen',
        'Jacky', 'Cherry', 'Fanny', 'Janice', 'Terence', 'Wilson', 'Sharon', 'Queenie', 'Dickson', 'Kitty']


class Person:
    def __init__(self):
        s = ch(SURN)
        g = [ch(GIVEN) for _ in range(R.choice([1, 2, 2, 2, 2]))]
        self.zh = s[0] + ''.join(x[0] for x in g)
        self.sur = s[1]
        self.sur_zh = s[0]
        self.given = ' '.join(x[1] for x in g)
        self.west = ch(WEST)
        self.male = R.random() < 0.5
        self.bday = birth()
        self.en = f'{self.sur} {self.given}'

    def name(self, style=None):
        style = style or ch(['zh'] * 5 + ['en', 'en', 'upper', 'comma', 'hyphen', 'west', 'west', 'westfull', 'mixed', 'mixed2'])
        g = self.given
        return {'zh': self.zh, 'en': f'{self.sur} {g}', 'upper': f'{self.sur.upper()} {g}',
                'comma': f'{self.sur.upper()}, {g}', 'hyphen': f'{self.sur} {g.replace(" ", "-", 1).capitalize()}',
                'west': f'{self.west} {self.sur}', 'westfull': f'{self.west} {self.sur} {g}',
                'mixed': f'{self.zh} {self.west}', 'mixed2': f'{self.west} {self.zh}'}[style]

    def userid(self):
        return ch([f'{self.west.lower()}{self.sur.lower().replace(" ", "")}', f'manager{digits(4)}',
                   digits(17, '0123'), f'{self.sur.lower().replace(" ", "")}{self.given.lower().replace(" ", "")}'])

    def email(self, corp=None):
        g = self.given.lower().replace(' ', '')
        s = self.sur.lower().replace(' ', '')
        local = ch([f'{self.west.lower()}.{s}', f'{g}.{s}', f'{s}{g}{R.randint(1, 99)}', f'{self.west.lower()}_{s}',
                    f'{self.west.lower()}+dingtalk', f'{s}.{g}+hr', f'{self.west[0].lower()}{s}'])
        dom = corp or ch(['gmail.com', 'yahoo.com.hk', 'netvigator.com', 'hotmail.com', 'outlook.com',
                          'harbourlogistics.com.hk', 'mail.pacificjade.hk', 'hk.kowloonprop.com',
                          'staff.tsuenwanmetal.com.hk', 'ymail.com', 'icloud.com', 'qq.com', '163.com'])
        e = f'{local}@{dom}'
        return e.upper() if R.random() < 0.07 else (e[0].upper() + e[1:] if R.random() < 0.08 else e)


STREETS = [('彌敦道', 'Nathan Road', '旺角', 'Mong Kok', '九龍', 'Kowloon'),
           ('英皇道', "King's Road", '北角', 'North Point', '香港', 'Hong Kong'),
           ('軒尼詩道', 'Hennessy Road', '灣仔', 'Wan Chai', '香港', 'Hong Kong'),
           ('青山公路', 'Castle Peak Road', '荃灣', 'Tsuen Wan', '新界', 'N.T.'),
           ('德輔道中', "Des Voeux Road Central", '中環', 'Central', '香港', 'Hong Kong'),
           ('大埔道', 'Tai Po Road', '深水埗', 'Sham Shui Po', '九龍', 'Kowloon'),
           ('沙田正街', 'Sha Tin Centre Street', '沙田', 'Sha Tin', '新界', 'New Territories'),
           ('太子道西', 'Prince Edward Road West', '太子', 'Prince Edward', '九龍', 'Kowloon'),
           ('筲箕灣道', 'Shau Kei Wan Road', '西灣河', 'Sai Wan Ho', '香港', 'Hong Kong'),
           ('廣東道', 'Canton Road', '尖沙咀', 'Tsim Sha Tsui', '九龍', 'Kowloon'),
           ('屯門鄉事會路', 'Tuen Mun Heung Sze Wui Road', '屯門', 'Tuen Mun', '新界', 'N.T.'),
           ('馬頭圍道', 'Ma Tau Wai Road', '紅磡', 'Hung Hom', '九龍', 'Kowloon'),
           ('堅道', 'Caine Road', '半山', 'Mid-Levels', '香港', 'Hong Kong')]
BLDG = [('海景大廈', 'Harbour View Mansion'), ('美麗閣', 'Mei Lai Court'), ('金輝大廈', 'Golden Glory Building'),
        ('永安大廈', 'Wing On Building'), ('嘉樂花園', 'Ka Lok Garden'), ('富豪閣', 'Fu Ho Court'),
        ('康樂大廈', 'Hong Lok Mansion'), ('怡景閣', 'Yi King Court')]
ESTATES = [('禾輋邨', 'Wo Che Estate', [('豐和樓', 'Fung Wo House'), ('添和樓', 'Tim Wo House')], '沙田', 'Sha Tin, N.T.'),
           ('彩虹邨', 'Choi Hung Estate', [('金華樓', 'Kam Wah House'), ('錦雲樓', 'Kam Wan House')], '黃大仙', 'Wong Tai Sin, Kowloon'),
           ('石硤尾邨', 'Shek Kip Mei Estate', [('美如樓', 'Mei Yu House')], '深水埗', 'Sham Shui Po, Kowloon'),
           ('華富邨', 'Wah Fu Estate', [('華清樓', 'Wah Ching House'), ('華美樓', 'Wah Mei House')], '薄扶林', 'Pok Fu Lam, Hong Kong'),
           ('富山邨', 'Fu Shan Estate', [('富德樓', 'Fu Tak House')], '慈雲山', 'Tsz Wan Shan, Kowloon'),
           ('天耀邨', 'Tin Yiu Estate', [('耀富樓', 'Yiu Fu House')], '天水圍', 'Tin Shui Wai, N.T.')]
OFFICES = ['香港中環皇后大道中99號中環中心35樓', '九龍觀塘鴻圖道51號中國保險大廈18樓', '香港灣仔港灣道18號中環廣場40樓',
           '18/F, Tower 2, Times Square, 1 Matheson Street, Causeway Bay', '九龍尖沙咀廣東道33號中港城第3座12樓',
           'Level 19, One Island East, 18 Westlands Road, Quarry Bay', '新界沙田科學園科技大道西12號15W大樓3樓',
           '28/F, Cityplaza One, 1111 King\'s Road, Taikoo Shing']


def address(lang=None, full=True):
    lang = lang or ch(['zh', 'zh', 'en'])
    kind = ch(['street', 'street', 'estate'])
    f, unit = R.randint(2, 38), ch('ABCDEFGH')
    if kind == 'street':
        st = ch(STREETS)
        b = ch(BLDG)
        n = R.randint(1, 888)
        if lang == 'zh':
            pre = (st[4] if st[4] != '香港' else '香港') + st[2] if full else st[2]
            return f'{pre}{st[0]}{n}號{b[0]}{f}樓{unit}室' if R.random() < 0.6 else f'{pre}{st[0]}{n}號{f}樓{unit}座'
        return ch([f'Flat {unit}, {f}/F, {b[1]}, {n} {st[1]}, {st[3]}, {st[5]}',
                   f'Flat {unit}, {f}/F, {b[1]}, {n} {st[1]}, {st[3]}',
                   f'Room {f}{R.randint(1, 20):02d}, {f}/F, {n} {st[1]}, {st[3]}, {st[5]}'])
    e = ch(ESTATES)
    h = ch(e[2])
    rm = f'{f}{R.randint(1, 30):02d}'
    if lang == 'zh':
        return ch([f'{e[3]}{e[0]}{h[0]}{rm}室', f'新界{e[3]}{e[0]}{h[0]}{f}樓{rm}室' if 'N.T.' in e[4] else f'{e[3]}{e[0]}{h[0]}{f}樓{rm}室'])
    return f'Room {rm}, {h[1]}, {e[1]}, {e[4]}'


def dob_text(d, style=None):
    style = style or ch(['iso', 'iso', 'dmy', 'zh', 'en', 'slash'])
    mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.month - 1]
    return {'iso': d.isoformat(), 'dmy': d.strftime('%d/%m/%Y'), 'zh': f'{d.year}年{d.month}月{d.day}日',
            'en': f'{d.day} {mon} {d.year}', 'slash': d.strftime('%Y/%m/%d')}[style]


COMPANIES = ['港九貨運有限公司', 'Harbour Logistics Limited', '新界五金製品廠有限公司', 'Pacific Jade Trading Co., Ltd.',
             '九龍置業代理有限公司', '深圳市前海華聯科技有限公司', '廣州天河盈通貿易有限公司', 'Kowloon Property Agency Ltd',
             '東莞市長安精密模具有限公司', 'Tsuen Wan Metal Works Ltd', '珠海橫琴澳優食品有限公司', 'Victoria Dental Clinic',
             '上海浦東新區嘉華物流有限公司', 'Sai Kung Seafood Restaurant', '澳門新口岸豐盛貿易行', '台北市信義區永豐電子股份有限公司']


# ---------------------------------------------------------------- non-PII fillers (negatives inside positive docs)
def neg_number():
    """Numbers that look like PII shapes but are not (ids, amounts, serials)."""
    return ch([
        lambda: digits(8, '569'),                    # 8 digits like an HK mobile, used as an id
        lambda: ch(['13', '15', '18']) + digits(9, '0123456789'),   # 11 digits like a mainland mobile
        lambda: str(epoch_ms()),
        lambda: luhn_complete('1' + digits(14, '0123456789')),      # Luhn-valid, not a card BIN
        lambda: '2026' + digits(14, '0123456789'),  # 18-digit order number
        lambda: digits(9, '123456789'),
    ])()


def neg_serial():
    """Identifiers that need no key to be read as non-PII."""
    return ch([lambda: str(epoch_ms()), lambda: luhn_complete('1' + digits(14, '0123456789')),
               lambda: '2026' + digits(14, '0123456789'), lambda: f'SO-{digits(10, "0123456789")}'])()


def amount():
    return ch([lambda: f'{R.randint(10, 99999)}.{R.randint(0, 99):02d}', lambda: f'HK${R.randint(1, 99):,}{R.randint(0, 999):03d}.00',
               lambda: f'{R.randint(1000, 999999):,}', lambda: f'¥{R.randint(100, 99999)}.{R.randint(0, 99):02d}'])()


def ean13():
    b = '489' + digits(9, '0123456789')
    s = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(b))
    return b + str((10 - s % 10) % 10)


def sf_waybill():
    return 'SF' + digits(13, '123456789')


def hkpost():
    return ch(['EE', 'RR', 'LP', 'CP']) + digits(9, '0123456789') + 'HK'


def meeting_code():
    n = digits(9)
    return ch([n, f'{n[:3]} {n[3:6]} {n[6:]}'])


def version():
    return ch([f'{R.randint(1, 9)}.{R.randint(0, 30)}.{R.randint(0, 99)}', f'v{R.randint(6, 8)}.{R.randint(0, 9)}.{R.randint(0, 30)}-Release.{R.randint(1000, 9999)}'])


# ---------------------------------------------------------------- free-text builders
def phone_any(ctx=True):
    """A phone with its type; bare local numbers only when ctx (a context word precedes)."""
    if R.random() < 0.35:
        return 'cn_mobile', cn_mobile()
    return 'hk_phone', hk_phone(prefixed=None if ctx else True)


def split4(n):
    return n[:4], n[4:]


def remark_text(p=None):
    """Free text (Traditional/Simplified/English/Cantonese) with PII after context words."""
    p = p or Person()
    nm = p.name(ch(['zh', 'zh', 'en', 'west', 'mixed']))
    tp, ph = phone_any()
    opts = [
        lambda: txt('客戶', ('person_name', nm), '（HKID：', ('hkid', hkid()), '）要求更改聯絡電話為 ', (tp, ph), '，電郵 ', ('email', p.email()), '。'),
        lambda: txt('Please contact ', ('person_name', nm), ' at ', (tp, ph), ' or ', ('email', p.email()), ' before delivery to ', ('address', address('en')), '.'),
        lambda: txt('出貨前請致電收貨人 ', ('person_name', nm), ' ', (tp, ph), '，地址：', ('address', address('zh')), '，單號 ', sf_waybill()),
        lambda: txt('報銷：信用卡 ', ('credit_card', card()), ' 已扣款 ', amount(), '，請財務核對 (發票號 ', digits(8, '0123456789'), ')'),
        lambda: txt('VPN 登入 IP ', ('ipv4', ipv4()), ':', str(R.randint(1025, 65000)), ' 異常，請 IT 跟進，工單 #', '2026' + digits(7, '0123456789')),
        lambda: txt('新同事身份證號碼 ', ('cn_id', cn_id()), '，內地手機 ', ('cn_mobile', cn_mobile()), '，已錄入系統。'),
        lambda: txt('唔該幫手 call 返 ', ('person_name', nm), '，佢電話係 ', (tp, ph), '，傾下份合約 (合約號 HT-', digits(6), ')'),
        lambda: txt('DOB ', ('date_of_birth', dob_text(p.bday, ch(['dmy', 'en', 'iso']))), '; HK passport no. ', ('hk_passport', hk_passport()), '; expiry 2031-0', str(R.randint(1, 9)), '-15'),
        lambda: txt('已核對證件：香港身份證 ', ('hkid', hkid()), '，出生日期 ', ('date_of_birth', dob_text(p.bday, 'zh')), '。'),
        lambda: txt('Regards,\n', ('person_name', p.name(ch(['west', 'en', 'westfull']))), '\nMobile: ', (tp, ph), '\nEmail: ', ('email', p.email())),
        lambda: txt('client requested refund to card ending ', card()[-4:], ', amount ', amount(), ', ref ', neg_number()),
        lambda: txt('回鄉證/身份證號：', ('cn_id', cn_id(want_x=True)), '，聯絡：', ('cn_mobile', cn_mobile()), ' 微信同號'),
        lambda: txt('台灣同事 ', ('person_name', p.name('zh')), ' 身分證字號 ', ('tw_id', tw_id()), '，手機 ', ('_ignore', f'+886 9{digits(2, "0123456789")} {digits(3, "0123456789")} {digits(3, "0123456789")}')),
        lambda: txt('澳門居民身份證 ', ('mo_id', mo_id()), '，請於 ', day().isoformat(), ' 前補交副本'),
        lambda: txt('server ', ('ipv6', ipv6()), ' responded 502; retry in ', str(R.randint(2, 60)), 's (build ', version(), ')'),
        lambda: txt('改用 Amex ', ('credit_card', card('amex', 'space')), ' 付款，持卡人 ', ('person_name', p.name(ch(['upper', 'comma', 'en']))), '。'),
        lambda: txt('收款帳戶：滙豐 ', ('hk_bank_account', hk_bank_account()), '，戶口名稱 ', ('person_name', p.name(ch(['upper', 'zh']))), '。'),
        lambda: txt('WhatsApp ', ('hk_phone', hk_phone(prefixed=False)), ' 搵我，或者 email ', ('email', p.email()), ' 都得。'),
        lambda: txt('Tel: ', ('hk_phone', hk_phone(prefixed=False, fixed=True)), ' (office) / ', ('hk_phone', hk_phone(prefixed=True)), ' (mobile)'),
        lambda: txt('員工自述：住址為', ('address', address('zh')), '，緊急聯絡人', ('person_name', Person().name('zh')), '（電話', ('hk_phone', hk_phone(prefixed=False)), '）。'),
        # values right after Chinese text, no spaces; full-width brackets as typed with a Chinese IME
        lambda: txt('身份證號碼', ('hkid', '{0}{1}（{2}）'.format(*hkid_parts())), '已核實，電話：', ('hk_phone', hk_num()), '（手提）'),
        lambda: txt('身份證號', ('cn_id', cn_id()), '。手機號', ('cn_mobile', cn_mobile('plain')), '，微信同號。'),
        lambda: txt('聯絡電話：', ('hk_phone', ch(['(852){0} {1}', '+852 {0}-{1}', '852 {0}{1}', '(852)-{0}{1}']).format(*split4(hk_num()))), ' 或 電郵:', ('email', p.email()), '。'),
        lambda: txt('Tel:', ('hk_phone', hk_phone_fmt(hk_num(True), 'space')), ' ext. ', str(R.randint(100, 999)), ' / Mobile:', ('hk_phone', hk_phone_fmt(hk_num(), ch(['dash', 'plain'])))),
        lambda: txt('電話 ', ('hk_phone', hk_phone_fmt(hk_num(), 'space')), '/', ('hk_phone', hk_phone_fmt(hk_num(), 'space')), '（日間/夜間）'),
        lambda: txt('HKID ', ('hkid', hkid('space')), ', DOB ', ('date_of_birth', dob_text(p.bday, 'dmy')), ', nationality Chinese'),
        lambda: txt('訂單編號 ', digits(8, '569'), '，送貨電話 ', ('hk_phone', hk_phone_fmt(hk_num(), 'dash')), '，金額 ', amount()),
        lambda: txt('X-Forwarded-For: ', ('ipv4', ipv4()), ', ', ('_ignore', f'10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}'), ' 多次登入失敗，帳號 ', ('email', p.email())),
    ]
    return ch(opts)()


def neg_text():
    """Free text with no personal data (hard negative content)."""
    return ch([
        lambda: f'發票金額 {amount()}，單號 SO-2026{digits(4, "0123456789")}-{digits(4, "0123456789")}，請於 {day().isoformat()} 前付款。',
        lambda: f'會議號 {meeting_code()}，請提早 5 分鐘入會。版本 {version()}',
        lambda: f'SKU {alnum(3)}-{digits(5)}，EAN {ean13()}，庫存 {R.randint(0, 500)} 件，倉位 B{R.randint(1, 30)}-{R.randint(1, 9)}',
        lambda: f'順豐單號 {sf_waybill()}，郵政掛號 {hkpost()}，預計 {R.randint(1, 5)} 個工作天送達。',
        lambda: f'Order {neg_number()} shipped; batch {digits(10, "123456789")}; total {amount()}',
        lambda: f'第{R.randint(1, 52)}週例會：Q{R.randint(1, 4)} 營業額 {amount()}，同比 +{R.randint(1, 40)}.{R.randint(0, 9)}%',
        lambda: f'坐標 {22 + R.random() * 0.5:.6f},{113.8 + R.random() * 0.6:.6f}，誤差 {R.randint(5, 80)} 米',
        lambda: f'部門 {digits(9)} 預算編號 BUD-{digits(6)}，審批流水號 {"2026" + digits(14, "0123456789")}',
        lambda: f'訂單編號 {digits(8, "569")}，發票號碼 {digits(8, "0123456789")}，SWIFT HSBCHKHHHKH',
        lambda: f'Please review PR #{R.randint(100, 9999)} before release {version()}; checksum {hexs(40)}',
        lambda: f'請假 {R.randint(1, 5)} 天（{day().isoformat()} 至 {day().isoformat()}），工作已交接。',
    ])()


# ================================================================ 1. Yida form instances
def comp_id(kind):
    return f'{kind}_{alnum(R.choice([7, 8, 8]), "abcdefghijklmnopqrstuvwxyz0123456789")}'


def yida_form():
    """A form schema: list of (component id, role)."""
    kinds = ch([
        ['name', 'phone', 'hkid_free', 'visit_date', 'select', 'employee', 'remark', 'number', 'serial'],
        ['company', 'uscc_free', 'contact_name', 'phone', 'email_free', 'address', 'table', 'remark', 'amount'],
        ['name', 'cnid_free', 'mobile_free', 'dob_hint', 'address', 'date', 'select', 'attachment', 'employee'],
        ['employee', 'amount', 'table_expense', 'card_free', 'remark', 'date', 'serial', 'dept'],
        ['name', 'phone', 'text_with_label', 'ip_free', 'select', 'remark', 'number', 'country'],
        ['contact_name', 'phone', 'phone2', 'email_free', 'text_with_label', 'address', 'date', 'association'],
        ['name', 'hkid_free', 'card_free', 'phone', 'email_free', 'dob_hint', 'address', 'remark', 'serial'],
        ['employee', 'ip_free', 'ip_free', 'email_free', 'text_with_label', 'remark', 'number', 'select'],
        ['name', 'hkid_free', 'cnid_free', 'phone2', 'mobile_free', 'table', 'date', 'remark'],
    ])
    comps = []
    for k in kinds:
        base = {'name': 'textField', 'phone': 'phoneField', 'phone2': 'textField', 'hkid_free': 'textField',
                'visit_date': 'dateField', 'date': 'dateField', 'select': 'selectField', 'employee': 'employeeField',
                'remark': 'textareaField', 'number': 'numberField', 'amount': 'numberField', 'serial': 'serialNumberField',
                'company': 'textField', 'uscc_free': 'textField', 'contact_name': 'textField', 'email_free': 'textField',
                'address': 'addressField', 'table': 'tableField', 'table_expense': 'tableField', 'cnid_free': 'textField',
                'mobile_free': 'textField', 'dob_hint': 'dateField', 'attachment': 'attachmentField', 'card_free': 'textField',
                'dept': 'departmentSelectField', 'text_with_label': 'textField', 'ip_free': 'textField',
                'country': 'countrySelectField', 'association': 'associationFormField'}[k]
        comps.append((comp_id(base), k))
    return comps


def yida_values(comps, saving=False):
    """formData for one instance. saving=True: the shape sent in formDataJson (employee ids)."""
    p = Person()
    fd = {}
    for cid, role in comps:
        if role == 'name':
            # a name in a text field whose key gives no hint: debatable
            fd[cid] = lab('_ignore', p.name())
        elif role == 'contact_name':
            fd[cid] = lab('_ignore', Person().name())
        elif role in ('phone', 'phone2'):
            if role == 'phone':  # phoneField: the key says phone
                tp, v = phone_any()
                fd[cid] = lab(tp, v)
            else:  # textField holding a phone: only prefixed / mainland shapes are clear
                r = R.random()
                if r < 0.4:
                    fd[cid] = lab('cn_mobile', cn_mobile())
                elif r < 0.75:
                    fd[cid] = lab('hk_phone', hk_phone(prefixed=True))
                else:
                    fd[cid] = lab('_ignore', hk_phone(prefixed=False))
        elif role == 'hkid_free':
            fd[cid] = lab('hkid', hkid())
        elif role == 'cnid_free':
            fd[cid] = lab('cn_id', cn_id())
        elif role == 'mobile_free':
            fd[cid] = lab('cn_mobile', cn_mobile())
        elif role == 'email_free':
            fd[cid] = lab('email', p.email())
        elif role == 'uscc_free':
            fd[cid] = lab('cn_uscc', uscc())
        elif role == 'card_free':
            fd[cid] = lab('credit_card', card())
        elif role == 'ip_free':
            if R.random() < 0.8:
                ip = ipv4()
                fd[cid] = txt(*ch([[('ipv4', ip)], [('ipv4', ip), f':{R.randint(1025, 65000)}'],
                                   ['http://', ('ipv4', ip), f':{R.randint(1025, 65000)}/login'], ['https://', ('ipv4', ip), '/vpn/index.html']]))
            else:
                ip = ipv6()
                fd[cid] = txt(*ch([[('ipv6', ip)], ['http://[', ('ipv6', ip), f']:{R.randint(1025, 65000)}/']]))
        elif role == 'text_with_label':
            fd[cid] = ch([lambda: txt('HKID: ', ('hkid', hkid())), lambda: txt('BR No. ', ('hk_br', hk_br())),
                          lambda: txt('護照號碼 ', ('hk_passport', hk_passport())), lambda: txt('中國護照 ', ('cn_passport', cn_passport())),
                          lambda: txt('身份證 ', ('hkid', hkid())), lambda: txt('Passport: ', ('hk_passport', hk_passport())),
                          lambda: txt('商業登記證號碼：', ('hk_br', hk_br())), lambda: txt('統一社會信用代碼 ', ('cn_uscc', uscc())),
                          lambda: txt('台胞證/身分證 ', ('tw_id', tw_id()))])()
        elif role in ('visit_date', 'date'):
            fd[cid] = epoch_ms()
        elif role == 'dob_hint':
            # a dateField holding a birthday, epoch ms, key gives no hint: debatable
            b = p.bday
            ms = int((datetime.datetime(b.year, b.month, b.day) - datetime.datetime(1970, 1, 1)).total_seconds() * 1000) - 8 * 3600 * 1000
            fd[cid] = TN(ms, [('_ignore', str(ms))])
        elif role == 'select':
            fd[cid] = ch(['送貨', '維修', '面試', '參觀', '其他', '選項一', 'Option 2'])
        elif role == 'employee':
            e = Person()
            if saving:
                fd[cid] = [e.userid()]
            else:
                fd[cid] = [lab('person_name', e.name(ch(['zh', 'zh', 'mixed', 'west', 'en'])))]
                fd[cid + '_id'] = [e.userid()]
        elif role == 'remark':
            fd[cid] = remark_text(p) if R.random() < 0.8 else neg_text()
        elif role in ('number', 'amount'):
            fd[cid] = ch([R.randint(1, 500), round(R.random() * 50000, 2), int(digits(8)), R.randint(1000, 999999)])
        elif role == 'serial':
            fd[cid] = ch([f'VR-2026{digits(4, "0123456789")}-{digits(6, "0123456789")}', '2026' + digits(12, '0123456789'),
                          luhn_complete('1' + digits(14, '0123456789'))])
        elif role == 'company':
            fd[cid] = ch(COMPANIES)
        elif role == 'address':
            a = address(full=False) if R.random() < 0.5 else address()
            reg = R.randint(0, 2)
            fd[cid] = {'address': lab('address', a),
                       'regionIds': [810000, 810100 + 100 * reg],
                       'regionText': [{'en_US': 'Hong Kong', 'zh_CN': '香港特别行政区'},
                                      {'en_US': ['Hong Kong Island', 'Kowloon', 'New Territories'][reg], 'zh_CN': ['香港島', '九龍', '新界'][reg]}]}
        elif role in ('table', 'table_expense'):
            rows = []
            for _ in range(R.randint(1, 4)):
                rp = Person()
                if role == 'table':
                    tp, v = phone_any()
                    rows.append({comp_id('textField'): lab('_ignore', rp.name()),
                                 comp_id('phoneField'): lab(tp, v),
                                 comp_id('textField'): ch([lab('hkid', hkid()), lab('cn_id', cn_id()), lab('email', rp.email())]),
                                 comp_id('numberField'): R.randint(1, 99)})
                else:
                    rows.append({comp_id('dateField'): epoch_ms(), comp_id('selectField'): ch(['交通', '膳食', '酒店', '文具']),
                                 comp_id('numberField'): round(R.random() * 5000, 1),
                                 comp_id('textField'): ch([f'INV-{digits(8, "0123456789")}', neg_serial(), sf_waybill()])})
            fd[cid] = rows
        elif role == 'attachment':
            fd[cid] = jstr([{'downloadUrl': f'https://www.aliwork.com/fileHandle?appType=APP_{alnum(20)}&fileName={hexs(32)}.pdf',
                             'name': ch(['證件副本.pdf', 'address_proof.pdf', 'scan_0012.jpg']),
                             'previewUrl': f'/inst/preview?fileKey={hexs(24)}', 'size': R.randint(10000, 900000), 'ext': 'pdf'}])
        elif role == 'dept':
            fd[cid] = [ch(['市場部', '財務部', 'HR', '物流部'])]
            fd[cid + '_id'] = [str(R.randint(100000000, 999999999))]
        elif role == 'country':
            fd[cid] = [{'value': ch(['HK', 'CN', 'MO', 'TW']), 'text': ch(['中國香港', '中國內地', '中國澳門', '中國台灣'])}]
        elif role == 'association':
            fd[cid] = jstr([{'appType': 'APP_' + alnum(20), 'formUuid': 'FORM-' + alnum(32), 'formType': 'receipt',
                             'instanceId': 'FINST-' + alnum(30), 'title': ch(COMPANIES), 'subTitle': ch(['VIP', '一般客戶', '供應商'])}])
    return fd, p


def yida_originator():
    p = Person()
    return {'userId': p.userid(),
            'name': {'nameInChinese': lab('person_name', p.zh), 'nameInEnglish': lab('person_name', p.en) if R.random() < 0.5 else '', 'type': 'i18n'},
            'departmentName': ch(['行政部', '市場部', 'Finance', '物流部']),
            'email': lab('email', p.email('staff.tsuenwanmetal.com.hk'))}, p


FORMS = ['訪客登記', '客戶資料登記', '入職資料收集', '費用報銷', 'IT 帳號申請', '供應商聯絡人']


def yida_search(i):
    comps = yida_form()
    data = []
    for _ in range(R.randint(3, 7)):
        fd, _p = yida_values(comps)
        orig, op = yida_originator()
        data.append({'formInstId': 'FINST-' + alnum(30), 'formUuid': 'FORM-' + alnum(32), 'version': R.randint(1, 9),
                     'title': txt(('person_name', op.zh), '發起的', ch(FORMS)),
                     'createdTimeGMT': hkt(epoch_ms()).strftime('%Y-%m-%d %H:%M:%S'),
                     'modifiedTimeGMT': hkt(epoch_ms()).strftime('%Y-%m-%d %H:%M:%S'),
                     'originator': orig, 'modifyUser': {'userId': uid(), 'name': {'nameInChinese': lab('person_name', op.zh), 'type': 'i18n'}} if R.random() < 0.3 else None,
                     'formData': fd, 'instanceValue': '', 'sequence': digits(12, '0123456789')})
    doc(f'yida_search_{i:03d}.json', {'currentPage': 1, 'totalCount': len(data) + R.randint(0, 300), 'data': data})


def yida_get(i):
    comps = yida_form()
    fd, _ = yida_values(comps)
    orig, op = yida_originator()
    body = {'formInstId': 'FINST-' + alnum(30), 'title': txt(('person_name', op.zh), '發起的', ch(FORMS)),
            'originator': orig, 'gmtCreate': epoch_ms(), 'gmtModified': epoch_ms(),
            'formData': fd if R.random() < 0.6 else jstr(fd), 'serialNo': digits(16, '1')}
    doc(f'yida_get_{i:03d}.json', body)


def yida_save(i):
    comps = yida_form()
    fd, _ = yida_values(comps, saving=True)
    body = {'appType': 'APP_' + alnum(20), 'systemToken': alnum(32), 'userId': uid(), 'language': 'zh_TW',
            'formUuid': 'FORM-' + alnum(32), 'formDataJson': jstr(fd), 'processCode': 'TPROC--' + alnum(24),
            'useAlias': False}
    doc(f'yida_save_{i:03d}.json', body)


def yida_update(i):
    comps = yida_form()
    fd, _ = yida_values(comps, saving=True)
    part = dict(R.sample(list(fd.items()), k=min(len(fd), R.randint(2, 5))))
    body = {'appType': 'APP_' + alnum(20), 'systemToken': alnum(32), 'userId': uid(), 'formInstanceId': 'FINST-' + alnum(30),
            'updateFormDataJson': jstr(part), 'useLatestVersion': True}
    doc(f'yida_update_{i:03d}.json', body)


def yida_searchreq(i):
    p = Person()
    crit = {}
    for _ in range(R.randint(2, 4)):
        k = ch(['phone', 'hkid', 'name', 'email', 'date', 'mobile', 'select'])
        if k == 'phone':
            crit[comp_id('phoneField')] = lab('hk_phone', hk_phone())
        elif k == 'hkid':
            crit[comp_id('textField')] = lab('hkid', hkid())
        elif k == 'name':
            crit[comp_id('textField')] = lab('_ignore', p.name('zh'))
        elif k == 'email':
            crit[comp_id('textField')] = lab('email', p.email())
        elif k == 'mobile':
            crit[comp_id('textField')] = lab('cn_mobile', cn_mobile())
        elif k == 'date':
            crit[comp_id('dateField')] = [epoch_ms(), epoch_ms()]
        else:
            crit[comp_id('selectField')] = ch(['已完成', '處理中'])
    body = {'appType': 'APP_' + alnum(20), 'systemToken': alnum(32), 'userId': uid(), 'formUuid': 'FORM-' + alnum(32),
            'searchFieldJson': jstr(crit), 'currentPage': 1, 'pageSize': 100, 'originatorId': uid(),
            'createFromTimeGMT': '2026-01-01', 'createToTimeGMT': '2026-11-30'}
    doc(f'yida_searchreq_{i:03d}.json', body)


def yida_process(i):
    comps = yida_form()
    data = []
    for _ in range(R.randint(2, 5)):
        fd, _ = yida_values(comps)
        orig, op = yida_originator()
        ex = Person()
        data.append({'processInstanceId': hexs(8) + '-' + hexs(4) + '-' + hexs(4) + '-' + hexs(4) + '-' + hexs(12),
                     'title': txt(('person_name', op.zh), '發起的', ch(FORMS)), 'instanceStatus': ch(['COMPLETED', 'RUNNING', 'TERMINATED']),
                     'approvedResult': ch(['agree', 'disagree', '']), 'originator': orig, 'formData': fd,
                     'actionExecutor': [{'userId': ex.userid(), 'name': lab('person_name', ex.name(ch(['zh', 'west', 'mixed']))),
                                         'deptName': ch(['財務部', 'HR', '營運部'])}],
                     'createTimeGMT': hkt(epoch_ms()).strftime('%Y-%m-%dT%H:%M:%SZ'), 'version': R.randint(1, 5)})
    doc(f'yida_process_{i:03d}.json', {'totalCount': len(data), 'pageNumber': 1, 'data': data})


def yida_oprecords(i):
    recs = []
    for _ in range(R.randint(3, 6)):
        op = Person()
        r = R.random()
        if r < 0.5:
            remark = remark_text()
        elif r < 0.7:
            remark = txt('已核對身份證 ', ('hkid', hkid()), '，資料無誤')
        else:
            remark = ch(['同意', '請補交文件', 'OK', '已覆核'])
        recs.append({'action': ch(['同意', '拒絕', '轉交', '提交']), 'actionExit': ch(['agree', 'disagree', 'submit']),
                     'activityId': 'node_' + alnum(12, 'abcdefghijklmnopqrstuvwxyz0123456789'),
                     'operatorName': lab('person_name', op.name()), 'operatorUserId': op.userid(),
                     'operatorDisplayName': lab('person_name', op.name('zh')),
                     'operateTimeGMT': hkt(epoch_ms()).strftime('%Y-%m-%dT%H:%M:%SZ'), 'remark': remark,
                     'showName': ch(['部門主管審批', 'HR 覆核', '財務審批']), 'type': ch(['TODO', 'HISTORY']), 'size': R.randint(0, 3)})
    doc(f'yida_oprecords_{i:03d}.json', {'success': True, 'result': recs})


# ================================================================ 2. Attendance
def coords():
    return round(22.2 + R.random() * 0.3, 6), round(113.9 + R.random() * 0.4, 6)


def att_listrecord(i):
    recs = []
    for _ in range(R.randint(4, 10)):
        lat, lng = coords()
        base = epoch_ms(2026, 2026)
        ua = address(ch(['zh', 'en'])) if R.random() < 0.6 else ch(OFFICES)
        recs.append({'gmtModified': base + 60000, 'isLegal': ch(['Y', 'N']), 'baseCheckTime': base, 'id': int(digits(11, '1256')),
                     'userAddress': lab('address', ua) if ua not in OFFICES else lab('_ignore', ua),
                     'userId': uid(), 'checkType': ch(['OnDuty', 'OffDuty']), 'timeResult': ch(['Normal', 'Late', 'Early', 'NotSigned']),
                     'deviceId': hexs(32) if R.random() < 0.5 else digits(16, '1'), 'corpId': 'ding' + hexs(16),
                     'sourceType': ch(['USER', 'ATM', 'BEACON', 'DING_ATM']), 'workDate': base - base % 86400000,
                     'planCheckTime': base - R.randint(0, 600000), 'locationMethod': ch(['MAP', 'WIFI', 'ATM']),
                     'locationResult': ch(['Normal', 'Outside']), 'userLongitude': lng, 'userLatitude': lat,
                     'planId': int(digits(R.choice([8, 10, 11]), '1569')), 'groupId': int(digits(R.choice([8, 9]), '569')),
                     'userAccuracy': R.randint(5, 80), 'userCheckTime': base + R.randint(-600000, 600000),
                     'procInstId': hexs(8) + '-' + hexs(4) + '-' + hexs(4) + '-' + hexs(4) + '-' + hexs(12),
                     'deviceSN': ch(['DT', 'M2', 'A1']) + alnum(12), 'userSsid': ch(['Office-5G', 'HKBN-Guest', '']),
                     'userMacAddr': ':'.join(hexs(2) for _ in range(6))})
    doc(f'att_listrecord_{i:03d}.json', {'errcode': 0, 'errmsg': 'ok', 'hasMore': R.random() < 0.3, 'recordresult': recs})


def att_updatedata(i):
    wd = day()
    res = {'approve_list': [], 'attendance_result_list': [], 'check_record_list': [], 'corpId': 'ding' + hexs(16),
           'userid': uid(), 'work_date': wd.isoformat() + ' 00:00:00',
           'class_setting_info': {'rest_time_vo_list': [{'rest_begin_time': 43200000, 'rest_end_time': 46800000}]},
           'is_rest': 'N', 'is_system': ch(['true', 'false'])}
    for _ in range(R.randint(0, 2)):
        res['approve_list'].append({'biz_type': ch([1, 2, 3]), 'begin_time': f'{wd} 14:00:00', 'end_time': f'{wd} 18:00:00',
                                    'duration_unit': 'HOUR', 'duration': str(R.randint(1, 8)), 'sub_type': ch(['事假', '病假', '外出', '出差']),
                                    'tag_name': ch(['請假', '外出']), 'procInst_id': hexs(8) + '-' + hexs(4) + '-' + hexs(4) + '-' + hexs(4) + '-' + hexs(12)})
    for ct in ['OnDuty', 'OffDuty']:
        lat, lng = coords()
        rid = int(digits(11, '1356'))
        out_rm = (remark_text() if R.random() < 0.5 else neg_text()) if R.random() < 0.6 else ''
        ua = address(ch(['zh', 'en'])) if R.random() < 0.7 else ch(OFFICES)
        res['attendance_result_list'].append({'record_id': rid, 'source_type': ch(['USER', 'ATM']), 'plan_check_time': f'{wd} 09:00:00',
                                              'class_id': int(digits(8, '569')), 'location_method': 'MAP', 'location_result': ch(['Normal', 'Outside']),
                                              'outside_remark': out_rm, 'plan_id': int(digits(11, '1')), 'user_address': lab('address', ua) if ua not in OFFICES else lab('_ignore', ua),
                                              'group_id': int(digits(9, '1')), 'user_check_time': f'{wd} 0{R.randint(7, 9)}:{R.randint(10, 59)}:{R.randint(10, 59)}',
                                              'procInst_id': '', 'check_type': ct, 'time_result': ch(['Normal', 'Late'])})
        res['check_record_list'].append({'record_id': rid, 'user_check_time': f'{wd} 18:{R.randint(10, 59)}:{R.randint(10, 59)}',
                                         'user_latitude': str(lat), 'user_longitude': str(lng), 'user_accuracy': str(R.randint(5, 60)),
                                         'user_address': lab('address', ua) if ua not in OFFICES else lab('_ignore', ua),
                                         'device_id': hexs(32), 'device_sn': 'DT' + alnum(12), 'outside_remark': out_rm if R.random() < 0.3 else '',
                                         'location_method': 'MAP', 'source_type': 'USER', 'valid_matched': True})
    doc(f'att_updatedata_{i:03d}.json', {'errcode': 0, 'errmsg': 'ok', 'success': True, 'request_id': alnum(12).lower(), 'result': res})


def att_checkin(i):
    page = []
    for _ in range(R.randint(3, 8)):
        lat, lng = coords()
        visit = Person()
        st = ch(STREETS)
        cdl = []
        for key, label in R.sample([('customer', '拜訪客戶'), ('phone', '客戶電話'), ('remark', '備註'), ('order', '訂單號'), ('amount', '金額')], k=R.randint(1, 3)):
            if key == 'customer':
                v = lab('person_name', visit.name(ch(['zh', 'en', 'mixed'])))
            elif key == 'phone':
                tp, ph = phone_any()
                v = lab(tp, ph)
            elif key == 'remark':
                v = remark_text(visit)
            elif key == 'order':
                v = neg_number()
            else:
                v = amount()
            cdl.append({'key': 'field_' + alnum(6, 'abcdefghijklmnop0123456789'), 'label': label, 'value': v})
        place = address(ch(['zh', 'en']))
        page.append({'userId': uid(), 'checkinTime': epoch_ms(), 'checkinType': ch(['CHECKIN', 'VISIT']),
                     'place': ch([f'{st[2]}{st[0]}', f'{st[3]} {st[1]}']), 'detailPlace': lab('address', place),
                     'latitude': str(lat), 'longitude': str(lng), 'remark': remark_text(visit) if R.random() < 0.4 else neg_text(),
                     'imageList': [f'https://static.dingtalk.com/media/{alnum(40, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789")}.jpg'],
                     'visitUser': lab('person_name', visit.name(ch(['zh', 'west', 'mixed']))), 'customDataList': cdl})
    doc(f'att_checkin_{i:03d}.json', {'result': {'nextToken': digits(12), 'pageList': page}})


def att_leave(i):
    recs = []
    for _ in range(R.randint(2, 6)):
        p = Person()
        r = R.random()
        if r < 0.4:
            reason = txt('病假，已附醫生紙。如有急事請致電 ', ('hk_phone', hk_phone(prefixed=False)), ' 搵我屋企人', ('person_name', Person().name('zh')), '。')
        elif r < 0.6:
            reason = txt('回鄉辦理身份證續期（證號 ', ('cn_id', cn_id()), '），期間可用內地手機 ', ('cn_mobile', cn_mobile()), ' 聯絡')
        else:
            reason = ch(['年假', '家事', '搬屋', '陪小朋友睇醫生', 'Family matters'])
        recs.append({'userId': p.userid(), 'leaveReason': reason, 'startTime': epoch_ms(), 'endTime': epoch_ms(),
                     'leaveCode': hexs(8) + '-' + hexs(4) + '-' + hexs(4) + '-' + hexs(4) + '-' + hexs(12),
                     'leaveStatus': ch(['success', 'refuse', 'revoke']), 'recordNumPerDay': R.randint(1, 4), 'recordNumPerHour': R.randint(100, 800),
                     'calType': 'natural', 'leaveViewUnit': 'day'})
    doc(f'att_leave_{i:03d}.json', {'result': {'hasMore': False, 'leaveRecords': recs}, 'success': True})


# ================================================================ 3. Calendar v1.0
ROOMS = ['18F 會議室 A (Harbour View)', '3/F Training Room', 'Board Room 28/F', '觀塘 12樓 小會議室', 'Zoom Room 2']


def cal_event(create=False):
    org = Person()
    atts = [Person() for _ in range(R.randint(1, 6))]
    ev_id = alnum(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')
    start = hkt(epoch_ms(2026, 2026)).replace(minute=ch([0, 30]), second=0, microsecond=0)
    end = start + datetime.timedelta(minutes=ch([30, 60, 90]))
    r = R.random()
    guest = ch(atts)
    if r < 0.25:
        summary = txt('Interview: ', ('person_name', guest.name(ch(['en', 'west', 'westfull']))), ' (Sales Executive)')
    elif r < 0.4:
        summary = txt('面試 - ', ('person_name', guest.name('zh')))
    else:
        summary = ch(['週會', 'Q4 Budget Review', '客戶拜訪', '新系統培訓', 'Weekly Sync', '1:1', '項目啟動會'])
    dr = R.random()
    if dr < 0.3:
        desc = txt('如遲到請致電 ', ('hk_phone', hk_phone(prefixed=False)), ' 或 WhatsApp ', ('hk_phone', hk_phone(prefixed=True)), '。會議號 ', meeting_code())
    elif dr < 0.5:
        desc = txt('Dial-in: ', ('hk_phone', hk_phone(prefixed=True, fixed=True)), ' / mainland ', ('cn_mobile', cn_mobile()), ', meeting code ', meeting_code())
    elif dr < 0.65:
        desc = remark_text(guest)
    elif dr < 0.8:
        parts = ['Attendees: ']
        for k, a in enumerate(atts[:3]):
            parts += [('person_name', a.name(ch(['west', 'en', 'zh']))), ' <', ('email', a.email()), '>', '; ' if k < min(2, len(atts) - 1) else '']
        desc = txt(*parts, '\n', neg_text())
    else:
        desc = neg_text()
    lr = R.random()
    if lr < 0.35:
        loc = {'displayName': ch(ROOMS), 'meetingRooms': [alnum(16).lower()]}
    elif lr < 0.6:
        loc = {'displayName': lab('_ignore', ch(OFFICES))}
    elif lr < 0.8:
        loc = {'displayName': lab('address', address())}
    else:
        loc = {'displayName': txt('上門探訪：', ('address', address('zh')))}
    attendees = []
    for a in atts:
        d = {'id': unionid()}
        if not create:
            d.update({'displayName': lab('person_name', a.name(ch(['zh', 'zh', 'west', 'mixed', 'en']))),
                      'responseStatus': ch(['accepted', 'declined', 'tentative', 'needsAction']), 'self': False})
        if R.random() < 0.4:
            d['email'] = lab('email', a.email())
        d['isOptional'] = R.random() < 0.2
        attendees.append(d)
    ev = {'summary': summary, 'description': desc,
          'start': {'dateTime': start.strftime('%Y-%m-%dT%H:%M:%S+08:00'), 'timeZone': 'Asia/Hong_Kong'},
          'end': {'dateTime': end.strftime('%Y-%m-%dT%H:%M:%S+08:00'), 'timeZone': 'Asia/Hong_Kong'},
          'isAllDay': False, 'attendees': attendees, 'location': loc,
          'reminders': [{'method': 'dingtalk', 'minutes': ch([5, 15, 30])}]}
    if R.random() < 0.4:
        ev['recurrence'] = {'pattern': {'type': ch(['weekly', 'daily', 'absoluteMonthly']), 'daysOfWeek': 'monday', 'interval': 1, 'dayOfMonth': R.randint(1, 28)},
                            'range': {'type': 'endDate', 'endDate': (start + datetime.timedelta(days=90)).strftime('%Y-%m-%dT%H:%M:%S+08:00'), 'numberOfOccurrences': R.randint(4, 20)}}
    if R.random() < 0.6:
        conf = digits(9)
        ev['onlineMeetingInfo'] = {'type': 'dingtalk', 'conferenceId': conf,
                                   'url': f'dingtalk://dingtalkclient/page/videoConfFromCalendar?confId={hexs(32)}&calendarId={digits(18, "1")}',
                                   'extraInfo': {'roomCode': meeting_code()}}
    if not create:
        ev.update({'id': ev_id, 'organizer': {'id': unionid(), 'displayName': lab('person_name', org.name(ch(['zh', 'west', 'mixed']))),
                                              'responseStatus': 'accepted', 'self': True},
                   'createTime': start.strftime('%Y-%m-%dT%H:%M:%SZ'), 'updateTime': end.strftime('%Y-%m-%dT%H:%M:%SZ'),
                   'status': 'confirmed', 'seriesMasterId': ev_id if 'recurrence' in ev else None,
                   'meetingRooms': [{'roomId': alnum(16).lower(), 'responseStatus': 'accepted', 'displayName': ch(ROOMS)}],
                   'categories': [{'displayName': ch(['Work', '面試', 'Client'])}]})
        if R.random() < 0.3:
            ev['extendedProperties'] = {'sharedProperties': {'crmCustomerId': digits(12, '1'), 'sourceOpenCid': hexs(24)}}
    return ev


def cal_list(i):
    evs = [cal_event() for _ in range(R.randint(2, 6))]
    doc(f'cal_events_{i:03d}.json', {'events': evs, 'nextToken': alnum(24), 'syncToken': alnum(24)})


def cal_create(i):
    doc(f'cal_create_{i:03d}.json', cal_event(create=True))


def cal_attendees(i):
    # GET /v1.0/calendar/users/{userId}/calendars/{calendarId}/events/{eventId}/attendees
    res = []
    for _ in range(R.randint(3, 12)):
        a = Person()
        d = {'id': unionid(), 'displayName': lab('person_name', a.name()), 'responseStatus': ch(['accepted', 'needsAction']),
             'self': False, 'isOptional': R.random() < 0.2}
        if R.random() < 0.5:
            d['email'] = lab('email', a.email())
        res.append(d)
    doc(f'cal_attendees_{i:03d}.json', {'attendees': res, 'nextToken': None})


# ================================================================ 4. HRM v1.0 roster, other shapes
def fv(value, label=None, idx=0):
    return {'itemIndex': idx, 'label': value if label is None else label, 'value': value}


def same(typ, v):
    return fv(lab(typ, v), lab(typ, v))


def roster_fields(p):
    fl = []

    def add(code, name, vals, gid=None):
        fl.append({'fieldCode': code, 'fieldName': name, 'groupId': gid or code.split('-')[0], 'fieldValueList': vals})
    cert = R.random()
    if cert < 0.6:
        certv, ctype, clabel = hkid(), '1', '香港身份證'
        ct = 'hkid'
    elif cert < 0.85:
        certv, ctype, clabel = cn_id(), '0', '居民身份證'
        ct = 'cn_id'
    elif cert < 0.93:
        certv, ctype, clabel = hk_passport(), '2', '護照'
        ct = 'hk_passport'
    else:
        certv, ctype, clabel = tw_id(), '5', '台灣居民身分證'
        ct = 'tw_id'
    add('sys00-name', '姓名', [same('person_name', p.name(ch(['zh', 'zh', 'mixed', 'en'])))])
    add('sys00-mobile', '手機號', [same(*phone_any())])
    if R.random() < 0.7:
        add('sys00-email', '郵箱', [same('email', p.email())])
    add('sys00-jobNumber', '工號', [fv(digits(6, '0123456789'))])
    add('sys00-deptIds', '部門', [fv(str(R.randint(100000000, 999999999)), ch(['市場部', '財務部', '物流部']))])
    add('sys00-confirmJoinTime', '入職時間', [fv(day(2015, 2026).isoformat())])
    add('sys01-employeeType', '員工類型', [fv(str(R.randint(0, 3)), ch(['全職', '兼職', '實習']))])
    add('sys02-realName', '身份證姓名', [same('person_name', p.name(ch(['comma', 'upper', 'zh'])))])
    add('sys02-certType', '證件類型', [fv(ctype, clabel)])
    add('sys02-certNo', '證件號碼', [same(ct, certv)])
    add('sys02-birthTime', '出生日期', [same('date_of_birth', dob_text(p.bday, ch(['iso', 'iso', 'slash'])))])
    add('sys02-sexType', '性別', [fv('0' if p.male else '1', '男' if p.male else '女')])
    add('sys02-certEndTime', '證件有效期', [fv(day(2027, 2035).isoformat())])
    if R.random() < 0.7:
        add('sys02-certAddress', '身份證地址', [same('address', address())])
    add('sys02-address', '住址', [same('address', address())])
    add('sys02-marriage', '婚姻狀況', [fv(str(R.randint(0, 2)), ch(['未婚', '已婚']))])
    edu = []
    for k in range(R.randint(0, 2)):
        edu.append(fv(ch(['香港大學', '香港理工大學', 'City University of Hong Kong', '中山大學']), idx=k))
    if edu:
        add('sys03-graduateSchool', '畢業院校', edu)
        add('sys03-graduationTime', '畢業時間', [fv(day(2000, 2022).isoformat(), idx=k) for k in range(len(edu))])
    if R.random() < 0.8:
        bank = R.random()
        if bank < 0.65:
            add('sys04-bankAccountNo', '銀行卡號', [same('hk_bank_account', hk_bank_account())])
            add('sys04-accountBank', '開戶行', [fv(ch(['香港上海滙豐銀行', '恒生銀行', '中國銀行(香港)', '渣打銀行']))])
        else:
            add('sys04-bankAccountNo', '銀行卡號', [same('cn_bank_card', cn_bank_card())])
            add('sys04-accountBank', '開戶行', [fv(ch(['中國工商銀行深圳分行', '招商銀行廣州天河支行', '中國建設銀行']))])
    add('sys05-contractCompanyName', '合同公司', [fv(ch(COMPANIES))])
    add('sys05-nowContractStartTime', '現合同起始日', [fv(day(2020, 2026).isoformat())])
    add('sys05-contractRenewCount', '續簽次數', [fv(str(R.randint(0, 5)))])
    urg = []
    for k in range(R.randint(1, 2)):
        u = Person()
        urg.append((fv(lab('person_name', u.name(ch(['zh', 'en', 'mixed']))), idx=k), phone_any(), k))
    add('sys06-urgentContactsName', '緊急聯繫人姓名', [x[0] for x in urg])
    add('sys06-urgentContactsRelation', '聯繫人關係', [fv(ch(['1', '2', '3']), ch(['配偶', '父母', '子女', '朋友']), idx=x[2]) for x in urg])
    add('sys06-urgentContactsPhone', '聯繫人電話', [fv(lab(*x[1]), idx=x[2]) for x in urg])
    if R.random() < 0.4:
        kids = [Person() for _ in range(R.randint(1, 2))]
        add('sys07-childName', '子女姓名', [fv(lab('person_name', p.sur_zh + k.zh[len(k.sur_zh):]), idx=j) for j, k in enumerate(kids)])
        add('sys07-childBirthDate', '子女出生日期', [fv(lab('date_of_birth', birth(2008, 2024).isoformat()), idx=j) for j in range(len(kids))])
    if R.random() < 0.3:
        code = f'{hexs(8)}-{hexs(4)}-{hexs(4)}-{hexs(4)}-{hexs(12)}'
        r = R.random()
        if r < 0.35:
            add(code, '護照號碼', [same('hk_passport', hk_passport())], 'custom')
        elif r < 0.6:
            add(code, '中國護照號碼', [same('cn_passport', cn_passport())], 'custom')
        elif r < 0.8:
            add(code, '澳門身份證號碼', [same('mo_id', mo_id())], 'custom')
        else:
            add(code, 'MPF 計劃成員編號', [fv(digits(9, '0123456789'))], 'custom')
    if R.random() < 0.5:
        add('sys00-remark', '備註', [fv(remark_text(p) if R.random() < 0.6 else neg_text())])
    R.shuffle(fl)
    return fl


def hrm_roster(i):
    res = []
    for _ in range(R.randint(2, 5)):
        p = Person()
        res.append({'corpId': 'ding' + hexs(16), 'userId': p.userid(), 'unionId': unionid(), 'fieldDataList': roster_fields(p)})
    doc(f'hrm_roster_{i:03d}.json', {'result': res})


def hrm_preentry(i):
    p = Person()
    tp, ph = phone_any()
    secs = []
    for code, v in [('sys02-certNo', lab('hkid', hkid())), ('sys02-birthTime', lab('date_of_birth', dob_text(p.bday, 'iso'))),
                    ('sys02-certAddress', lab('address', address())), ('sys04-bankAccountNo', lab('hk_bank_account', hk_bank_account())),
                    ('sys00-email', lab('email', p.email())), ('sys02-realName', lab('person_name', p.name('comma'))),
                    ('sys01-employeeType', '0'), ('sys00-position', ch(['Accounting Clerk', '倉務員', 'Sales Executive']))]:
        if R.random() < 0.85:
            secs.append({'fieldCode': code, 'value': v})
    body = {'name': lab('person_name', p.name(ch(['zh', 'mixed']))), 'mobile': lab(tp, ph), 'preEntryTime': epoch_ms(),
            'agentId': int(digits(10, '1234')), 'needSendPreEntryMsg': R.random() < 0.5,
            'groups': [{'groupId': 'sys02', 'sections': [{'oldIndex': 0, 'empFieldVOList': secs}]}]}
    doc(f'hrm_preentry_{i:03d}.json', body)


def hrm_update(i):
    p = Person()
    sec = []
    for code, v in [('sys00-mobile', lab('hk_phone', hk_phone())), ('sys02-address', lab('address', address('en'))),
                    ('sys06-urgentContactsName', lab('person_name', Person().name())),
                    ('sys06-urgentContactsPhone', lab('hk_phone', hk_phone(prefixed=False))),
                    ('sys02-certNo', lab('cn_id', cn_id())), ('sys02-birthTime', lab('date_of_birth', dob_text(p.bday, 'iso'))),
                    ('sys03-highestEdu', '4'), ('sys05-contractType', '1')]:
        if R.random() < 0.8:
            sec.append({'field_code': code, 'value': v})
    body = {'agentid': int(digits(10, '1234')),
            'param': {'userid': p.userid(), 'groups': [{'group_id': 'sys02', 'sections': [{'section': sec}]}]}}
    if R.random() < 0.5:
        body['param'] = jstr(body['param'])
    doc(f'hrm_update_{i:03d}.json', body)


CHANGE = [('sys00-mobile', '手機號', lambda p: phone_any()), ('sys00-email', '郵箱', lambda p: ('email', p.email())),
          ('sys02-address', '住址', lambda p: ('address', address())), ('sys02-certNo', '證件號碼', lambda p: ('hkid', hkid())),
          ('sys00-name', '姓名', lambda p: ('person_name', p.name('zh'))),
          ('sys04-bankAccountNo', '銀行卡號', lambda p: ('hk_bank_account', hk_bank_account())),
          ('sys06-urgentContactsPhone', '聯繫人電話', lambda p: ('hk_phone', hk_phone(prefixed=False))),
          ('sys00-position', '職位', None), ('sys00-deptIds', '部門', None), ('sys01-employeeStatus', '員工狀態', None)]


def hrm_changes(i):
    lst = []
    for _ in range(R.randint(4, 10)):
        p = Person()
        code, name, g = ch(CHANGE)
        if g:
            old, new = lab(*g(p)), lab(*g(p))
        elif code == 'sys00-deptIds':
            old, new = str(R.randint(100000000, 999999999)), str(R.randint(100000000, 999999999))
        else:
            old, new = ch(['2', '3', 'Clerk', '主任']), ch(['3', '5', 'Officer', '經理'])
        lst.append({'userId': p.userid(), 'fieldCode': code, 'fieldName': name, 'oldValue': old, 'newValue': new,
                    'operatorUserId': uid(), 'operateTime': epoch_ms(), 'changeType': 'MODIFY', 'bizId': digits(16, '1')})
    for _ in range(R.randint(1, 3)):
        lst.append({'userId': uid(), 'changeType': 'TRANSFER', 'beforeDeptName': ch(['物流部', '市場部']), 'afterDeptName': ch(['財務部', '營運部']),
                    'beforePosition': 'Clerk', 'afterPosition': 'Senior Clerk', 'effectiveTime': epoch_ms(), 'bizId': digits(16, '1')})
    doc(f'hrm_changes_{i:03d}.json', {'result': {'hasMore': False, 'nextToken': digits(10), 'list': lst}})


def hrm_dimission(i):
    legacy = i % 2 == 0
    lst = []
    for _ in range(R.randint(2, 6)):
        p = Person()
        r = R.random()
        if r < 0.35:
            memo = txt('離職後聯絡：', ('hk_phone', hk_phone()), '，新地址 ', ('address', address()), '，請寄 MPF 文件。')
        elif r < 0.55:
            memo = txt('Final pay to account ', ('hk_bank_account', hk_bank_account()), '; personal email ', ('email', p.email()))
        else:
            memo = ch(['個人發展', '家庭原因', '合約期滿', 'Career change', '移民'])
        if legacy:
            lst.append({'userid': p.userid(), 'last_work_day': epoch_ms(), 'dept_list': [{'dept_id': R.randint(100000000, 999999999), 'dept_path': '總公司-物流部'}],
                        'reason_memo': memo, 'reason_type': R.randint(1, 10), 'pre_status': 3, 'handover_userid': uid(), 'status': 2,
                        'main_dept_name': '物流部', 'main_dept_id': R.randint(100000000, 999999999)})
        else:
            lst.append({'userId': p.userid(), 'name': lab('person_name', p.name(ch(['zh', 'mixed', 'en']))), 'lastWorkDate': epoch_ms(),
                        'deptList': [{'deptId': R.randint(100000000, 999999999), 'deptPath': '總公司-市場部'}], 'reasonMemo': memo,
                        'voluntaryReason': ['個人原因'], 'passiveReason': [], 'preStatus': 3, 'handoverUserId': uid(), 'status': 2,
                        'mainDeptName': '市場部', 'mainDeptId': R.randint(100000000, 999999999),
                        'mobile': lab('hk_phone', hk_phone()) if R.random() < 0.5 else lab('cn_mobile', cn_mobile())})
    if legacy:
        doc(f'hrm_dimission_{i:03d}.json', {'errcode': 0, 'errmsg': 'ok', 'success': True, 'result': lst})
    else:
        doc(f'hrm_dimission_{i:03d}.json', {'result': lst})


# ================================================================ 5. External contacts / CRM
def ext_contact(p, legacy=True):
    """A contact; the v1.0 shape (legacy=False) may carry numbers as JSON numbers."""
    st = ch(['852', '852', '86', '853'])
    if st == '852':
        mob = lab('hk_phone', hk_phone(prefixed=False))
    elif st == '86':
        n = cn_mobile('plain')
        mob = TN(int(n), [('cn_mobile', n)]) if not legacy and R.random() < 0.5 else lab('cn_mobile', n)
    else:
        mob = lab('_ignore', ch('6') + digits(7, '0123456789'))  # Macau mobile: not a type in the catalogue
    comp = ch(COMPANIES)
    d = {'title': ch(['Manager', '採購經理', 'Director', '董事', 'Sales']), 'share_dept_ids': [R.randint(100000000, 999999999)],
         'label_ids': [R.randint(10000000, 99999999) for _ in range(R.randint(1, 3))],
         'remark': remark_text(p) if R.random() < 0.5 else neg_text(),
         'address': lab('address', address()) if R.random() < 0.8 else lab('_ignore', ch(OFFICES)),
         'name': lab('person_name', p.name()), 'follower_user_id': uid(), 'state_code': st, 'company_name': comp,
         'share_user_ids': [uid() for _ in range(R.randint(0, 3))], 'mobile': mob, 'userid': digits(18, '0123')}
    if R.random() < 0.6:
        d['email'] = lab('email', p.email())
    if not legacy:
        d = {({'share_dept_ids': 'shareDeptIds', 'label_ids': 'labelIds', 'follower_user_id': 'followerUserId', 'state_code': 'stateCode',
               'company_name': 'companyName', 'share_user_ids': 'shareUserIds', 'userid': 'userId'}).get(k, k): v for k, v in d.items()}
    return d


def ext_list(i):
    res = [ext_contact(Person()) for _ in range(R.randint(3, 8))]
    doc(f'ext_list_{i:03d}.json', {'errcode': 0, 'errmsg': 'ok', 'results': res, 'request_id': alnum(12).lower()})


def ext_create(i):
    doc(f'ext_create_{i:03d}.json', {'contact': ext_contact(Person(), legacy=R.random() < 0.5)})


def crm_data(p, company):
    d = {'customer_name': ch(COMPANIES) if company else lab('person_name', p.name()),
         'customer_follow_up_status': {'extendValue': '{"key":"option_1"}', 'value': ch(['跟進中', '已成交', '潛在'])}}
    if company:
        r = R.random()
        if r < 0.45:
            d['TextField_' + alnum(13)] = lab('cn_uscc', uscc())
        elif r < 0.8:
            d['TextField_' + alnum(13)] = txt('BR No.: ', ('hk_br', hk_br()))
        else:
            d['TextField_' + alnum(13)] = txt('統一社會信用代碼：', ('cn_uscc', uscc()))
        if R.random() < 0.5:
            d['TextField_' + alnum(13)] = ch([f'CR No. {digits(7)}', f'公司註冊編號 {digits(7)}', f'發票代碼 {digits(12, "0123456789")}'])
        d['customer_address'] = jstr({'province': ch(['香港', '廣東省']), 'city': ch(['九龍', '深圳市']),
                                      'detail': lab('_ignore', ch(OFFICES))})
        d['customer_uscc'] = lab('cn_uscc', uscc()) if R.random() < 0.5 else ''
    d['customer_phone'] = ch([lambda: lab('hk_phone', hk_phone()), lambda: lab('cn_mobile', cn_mobile()),
                              lambda: TN(int(hk_num()), []) ])()
    if isinstance(d['customer_phone'], TN):
        d['customer_phone'] = TN(int(d['customer_phone']), [('hk_phone', str(int(d['customer_phone'])))])
    d['customer_email'] = lab('email', p.email())
    d['contact_person'] = lab('person_name', p.name(ch(['en', 'west', 'zh', 'mixed'])))
    d['TextareaField_' + alnum(13)] = remark_text(p) if R.random() < 0.7 else neg_text()
    d['NumberField_' + alnum(13)] = ch([R.randint(1, 9999999), round(R.random() * 1e6, 2)])
    d['DDDateField_' + alnum(13)] = epoch_ms()
    d['SerialNumberField_' + alnum(13)] = f'KH{day().strftime("%Y%m%d")}{digits(4, "0123456789")}'
    return d


def crm_customers(i):
    vals = []
    for _ in range(R.randint(2, 6)):
        p = Person()
        data = crm_data(p, R.random() < 0.7)
        vals.append({'instanceId': alnum(22, 'abcdefghijklmnopqrstuvwxyz0123456789'), 'objectType': 'crm_customer',
                     'creatorUserId': uid(), 'gmtCreate': epoch_ms(), 'gmtModified': epoch_ms(),
                     'data': data if R.random() < 0.6 else jstr(data),
                     'extendData': {'ownerUserId': uid(), 'cid': hexs(24)},
                     'permission': {'participantStaffIds': [uid()], 'ownerStaffIds': [uid()]}, 'procInstStatus': 'COMPLETED',
                     'procOutResult': 'agree'})
    doc(f'crm_customers_{i:03d}.json', {'result': {'values': vals, 'nextToken': alnum(16), 'hasMore': R.random() < 0.5, 'maxResults': 20}})


def crm_contacts(i):
    vals = []
    for _ in range(R.randint(2, 6)):
        p = Person()
        tp, ph = phone_any()
        data = {'contact_name': lab('person_name', p.name()), 'contact_phone': lab(tp, ph),
                'contact_mobile': lab('cn_mobile', cn_mobile()) if R.random() < 0.4 else '',
                'contact_email': lab('email', p.email()) if R.random() < 0.7 else '',
                'contact_position': ch(['Purchasing Manager', '財務主管', 'CEO', '老闆']),
                'contact_related_customer': jstr([{'extendValue': jstr({'instanceId': alnum(22, 'abcdefghijklmnopqrstuvwxyz0123456789')}), 'value': ch(COMPANIES)}]),
                'contact_birthday': lab('date_of_birth', dob_text(p.bday, 'iso')) if R.random() < 0.3 else '',
                'contact_address': lab('address', address()) if R.random() < 0.4 else '',
                'TextareaField_' + alnum(13): remark_text(p) if R.random() < 0.5 else neg_text()}
        vals.append({'instanceId': alnum(22, 'abcdefghijklmnopqrstuvwxyz0123456789'), 'objectType': 'crm_contact',
                     'data': data if R.random() < 0.5 else jstr(data), 'gmtCreate': epoch_ms()})
    doc(f'crm_contacts_{i:03d}.json', {'values': vals, 'totalCount': len(vals), 'nextToken': None})


def crm_create(i):
    p = Person()
    data = crm_data(p, True)
    body = {'operatorUserId': uid(), 'relationType': 'crm_customer', 'data': jstr(data) if R.random() < 0.6 else data,
            'extendData': jstr({'card_number': lab('credit_card', card()), 'card_holder': lab('person_name', p.name('upper')),
                                'payment_ref': neg_serial()}) if R.random() < 0.3 else '{}',
            'payment': {'cardNo': (lambda n: TN(int(n), [('credit_card', n)]))(card(ch(['visa', 'mc', 'up16']), 'plain')),
                        'expiry': f'{R.randint(1, 12):02d}/{R.randint(27, 31)}', 'amountInCents': int(digits(8, '569')),
                        'invoiceCode': digits(12, '0123456789'), 'swift': ch(['HSBCHKHHHKH', 'BKCHHKHHXXX', 'HASEHKHH'])} if R.random() < 0.4 else None,
            'skipDuplicateCheck': False}
    doc(f'crm_create_{i:03d}.json', body)


# ================================================================ 7. Hard negatives
def neg_attendance(i):
    recs = []
    for _ in range(R.randint(4, 10)):
        lat, lng = coords()
        b = epoch_ms()
        recs.append({'id': int(digits(11, '13')), 'userId': ch([digits(17, '0123'), 'manager' + digits(4)]), 'groupId': int(digits(8, '569')),
                     'planId': int(digits(11, '1')), 'classId': int(digits(8, '59')), 'baseCheckTime': b, 'userCheckTime': b + R.randint(-300000, 300000),
                     'workDate': b - b % 86400000, 'deviceId': hexs(32), 'deviceSN': 'DT' + alnum(12), 'userLatitude': lat, 'userLongitude': lng,
                     'userAccuracy': R.randint(5, 99), 'timeResult': 'Normal', 'checkType': ch(['OnDuty', 'OffDuty']),
                     'approveId': int(digits(11, '1')), 'procInstId': hexs(32), 'corpId': 'ding' + hexs(16), 'bizId': '2026' + digits(14, '0123456789'),
                     'userAddress': ch(['', '打卡範圍內', 'Office WiFi', 'Within range'])})
    doc(f'neg_attendance_{i:03d}.json', {'errcode': 0, 'errmsg': 'ok', 'recordresult': recs})


def neg_calendar(i):
    evs = []
    for _ in range(R.randint(2, 5)):
        s = hkt(epoch_ms())
        evs.append({'id': alnum(40), 'summary': ch(['週會', 'Sprint Planning', 'Q3 Review', '系統維護窗口', '消防演習']),
                    'description': neg_text(), 'start': {'dateTime': s.strftime('%Y-%m-%dT%H:%M:%S+08:00'), 'timeZone': 'Asia/Hong_Kong'},
                    'end': {'dateTime': (s + datetime.timedelta(hours=1)).strftime('%Y-%m-%dT%H:%M:%S+08:00'), 'timeZone': 'Asia/Hong_Kong'},
                    'location': {'displayName': ch(ROOMS), 'meetingRooms': [alnum(16).lower()]},
                    'onlineMeetingInfo': {'type': 'dingtalk', 'conferenceId': digits(9), 'url': f'https://meeting.dingtalk.com/j/{alnum(12)}',
                                          'extraInfo': {'roomCode': meeting_code()}},
                    'attendees': [{'id': unionid(), 'responseStatus': 'accepted', 'self': False} for _ in range(R.randint(1, 4))],
                    'recurrence': {'pattern': {'type': 'weekly', 'daysOfWeek': 'friday', 'interval': 1}},
                    'reminders': [{'method': 'dingtalk', 'minutes': 15}], 'status': 'confirmed',
                    'createTime': s.strftime('%Y-%m-%dT%H:%M:%SZ')})
    doc(f'neg_calendar_{i:03d}.json', {'events': evs, 'nextToken': alnum(24)})


def neg_yida(i):
    data = []
    for _ in range(R.randint(2, 6)):
        fd = {comp_id('serialNumberField'): f'PO-2026{digits(4, "0123456789")}-{digits(5, "0123456789")}',
              comp_id('numberField'): ch([int(digits(8)), round(R.random() * 99999, 2)]),
              comp_id('textField'): ch([ean13(), sf_waybill(), hkpost(), f'SKU-{alnum(4)}-{digits(4)}', version(), hkid_bad(),
                                        cn_id_bad(), card_bad(), uscc(bad=True), tw_id(bad=True), luhn_complete('1' + digits(15, '0123456789'))]),
              comp_id('dateField'): epoch_ms(), comp_id('selectField'): ch(['已完成', '處理中', 'A 級']),
              comp_id('textareaField'): neg_text(),
              comp_id('tableField'): [{comp_id('textField'): ch([ean13(), f'LOT{digits(8)}']), comp_id('numberField'): R.randint(1, 999),
                                       comp_id('textField'): amount()} for _ in range(R.randint(1, 3))],
              comp_id('departmentSelectField'): [ch(['物流部', '倉務'])],
              comp_id('textField'): '2026' + digits(14, '0123456789')}
        data.append({'formInstId': 'FINST-' + alnum(30), 'formUuid': 'FORM-' + alnum(32), 'formData': fd if R.random() < 0.6 else jstr(fd),
                     'createdTimeGMT': hkt(epoch_ms()).strftime('%Y-%m-%d %H:%M:%S'), 'version': R.randint(1, 9),
                     'sequence': digits(12, '0123456789')})
    doc(f'neg_yida_{i:03d}.json', {'currentPage': 1, 'totalCount': len(data), 'data': data})


def neg_yida_schema(i):
    comps = []
    for role, zh, en in [('textField', '姓名', 'Name'), ('phoneField', '手機號碼', 'Mobile'), ('textField', '身份證號碼', 'HKID No.'),
                         ('addressField', '住址', 'Address'), ('dateField', '出生日期', 'Date of Birth'), ('textareaField', '備註', 'Remarks'),
                         ('employeeField', '負責人', 'Owner'), ('numberField', '金額', 'Amount')]:
        comps.append({'componentName': role[0].upper() + role[1:], 'fieldId': comp_id(role),
                      'label': jstr({'pureEn_US': en, 'en_US': en, 'zh_CN': zh, 'type': 'i18n'}),
                      'props': jstr({'placeholder': {'zh_CN': '請輸入' + zh, 'en_US': 'Please enter ' + en}, 'required': R.random() < 0.5,
                                     'maxLength': ch([200, 500, 18, 8])})})
    doc(f'neg_yida_schema_{i:03d}.json', {'success': True, 'result': comps})


def neg_crm(i):
    vals = []
    for _ in range(R.randint(2, 5)):
        data = {'customer_name': ch(COMPANIES), 'customer_follow_up_status': {'value': '跟進中'},
                'NumberField_' + alnum(13): ch([int(digits(8, '569')), R.randint(1, 99999)]),
                'SerialNumberField_' + alnum(13): f'KH{day().strftime("%Y%m%d")}{digits(4, "0123456789")}',
                'TextField_' + alnum(13): ch([uscc(bad=True), ean13(), sf_waybill(), f'合同 HT-{digits(6)}', card_bad()]),
                'TextareaField_' + alnum(13): neg_text(), 'DDDateField_' + alnum(13): epoch_ms(),
                'order_no': luhn_complete('1' + digits(15, '0123456789')), 'tracking_no': ch([sf_waybill(), hkpost()])}
        vals.append({'instanceId': alnum(22, 'abcdefghijklmnopqrstuvwxyz0123456789'), 'objectType': 'crm_customer',
                     'data': data if R.random() < 0.5 else jstr(data), 'gmtCreate': epoch_ms(), 'creatorUserId': digits(17, '0123')})
    doc(f'neg_crm_{i:03d}.json', {'result': {'values': vals, 'hasMore': False}})


def neg_hrm(i):
    res = []
    for _ in range(R.randint(2, 4)):
        fl = []
        for code, name, v, l in [('sys00-deptIds', '部門', str(R.randint(100000000, 999999999)), '物流部'),
                                 ('sys00-jobNumber', '工號', digits(6, '0123456789'), None),
                                 ('sys00-confirmJoinTime', '入職時間', day(2015, 2026).isoformat(), None),
                                 ('sys01-employeeType', '員工類型', '0', '全職'), ('sys01-employeeStatus', '員工狀態', '3', '正式'),
                                 ('sys02-certType', '證件類型', '1', '香港身份證'), ('sys02-sexType', '性別', '1', '女'),
                                 ('sys05-nowContractStartTime', '現合同起始日', day(2020, 2026).isoformat(), None),
                                 ('sys05-contractPeriodType', '合同期限類型', '0', '固定期限'), ('sys00-position', '職位', 'Clerk', None)]:
            fl.append({'fieldCode': code, 'fieldName': name, 'groupId': code.split('-')[0],
                       'fieldValueList': [{'itemIndex': 0, 'value': v, 'label': l or v}]})
        res.append({'corpId': 'ding' + hexs(16), 'userId': digits(17, '0123'), 'unionId': unionid(), 'fieldDataList': fl})
    doc(f'neg_hrm_{i:03d}.json', {'result': res})


def neg_checkin(i):
    page = []
    for _ in range(R.randint(3, 7)):
        lat, lng = coords()
        page.append({'userId': digits(17, '0123'), 'checkinTime': epoch_ms(), 'checkinType': 'CHECKIN',
                     'place': ch(['打卡範圍內', '公司', 'Office']), 'detailPlace': '', 'latitude': str(lat), 'longitude': str(lng),
                     'remark': neg_text(), 'imageList': [],
                     'customDataList': [{'key': 'field_' + alnum(6), 'label': '訂單號', 'value': neg_number()},
                                        {'key': 'field_' + alnum(6), 'label': '金額', 'value': amount()},
                                        {'key': 'field_' + alnum(6), 'label': '單號', 'value': ch([sf_waybill(), hkpost(), ean13()])}]})
    doc(f'neg_checkin_{i:03d}.json', {'result': {'nextToken': digits(12), 'pageList': page}})


# ================================================================ main
PLAN = [(yida_search, 24), (yida_get, 16), (yida_save, 16), (yida_update, 10), (yida_searchreq, 8), (yida_process, 10),
        (yida_oprecords, 8), (att_listrecord, 12), (att_updatedata, 10), (att_checkin, 8), (att_leave, 6),
        (cal_list, 14), (cal_create, 6), (cal_attendees, 4), (hrm_roster, 10), (hrm_preentry, 6), (hrm_update, 6),
        (hrm_changes, 6), (hrm_dimission, 8), (ext_list, 10), (ext_create, 6), (crm_customers, 10), (crm_contacts, 6),
        (crm_create, 6), (neg_attendance, 8), (neg_calendar, 8), (neg_yida, 10), (neg_yida_schema, 3), (neg_crm, 6),
        (neg_hrm, 4), (neg_checkin, 4)]


def main():
    for fn, n in PLAN:
        for i in range(1, n + 1):
            fn(i)
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith('.json') or f == 'truth.jsonl':
            os.remove(os.path.join(OUT, f))
    rows = []
    for name, obj, asc, ind in DOCS:
        out = []
        walk(obj, [], out)
        if name.startswith('neg_'):
            assert not [x for x in out if x[1] != '_ignore'], (name, out)
        for p, t, v in out:
            if t == '_ignore' and v == '':
                continue
            rows.append({'file': name, 'path': p, 'type': t, 'value': v})
        with open(os.path.join(OUT, name), 'w', encoding='utf-8') as fh:
            json.dump(obj, fh, ensure_ascii=asc, indent=ind)
    # a labelled value inside an _ignore value at the same path cannot be scored (its finding is
    # ignored); drop the label rather than count a miss
    ign = {}
    for r in rows:
        if r['type'] == '_ignore':
            ign.setdefault((r['file'], r['path']), []).append(r['value'])
    rows = [r for r in rows if r['type'] == '_ignore' or not any(r['value'] in v for v in ign.get((r['file'], r['path']), ()))]
    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    cnt = {}
    for r in rows:
        cnt[r['type']] = cnt.get(r['type'], 0) + 1
    print(f'{len(DOCS)} files, {sum(v for k, v in cnt.items() if k != "_ignore")} labelled values (+{cnt.get("_ignore", 0)} _ignore) in {OUT}')
    print(' '.join(f'{k}={v}' for k, v in sorted(cnt.items())))
    for w in WARN:
        print('WARN repeated value', w, file=sys.stderr)


if __name__ == '__main__':
    main()
