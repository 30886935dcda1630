#!/usr/bin/env python3
"""Independent labelled-corpus generator for DingTalk contact/roster payloads.

Writes $INDEP_OUT/*.json (default bench/out/independent/users) and truth.jsonl there, with lines
{"file","path","type","value"}; value is the substring of the decoded value that
is PII (for JSON-in-string values, the substring of the outer decoded string).
"""
import json, random, os, sys, string, datetime, uuid

R = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 20261129)
OUT = os.environ.get('INDEP_OUT', 'bench/out/independent/users')
os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT):
    os.remove(os.path.join(OUT, f))

# ---------------------------------------------------------------- validators
def hkid_check(prefix, digits):
    vals = []
    if len(prefix) == 1:
        vals.append(36)
    for c in prefix:
        vals.append(ord(c) - ord('A') + 10)
    vals += [int(d) for d in digits]
    s = sum(v * w for v, w in zip(vals, range(9, 1, -1)))
    c = (11 - s % 11) % 11
    return 'A' if c == 10 else str(c)

SINGLE = 'ABCDEFGHJKMNPRSTVWYZ'
TWO = ['XA', 'XB', 'XC', 'XD', 'XE', 'XG', 'XH', 'WX', 'EC']

def hkid_parts():
    p = R.choice(SINGLE) if R.random() < 0.85 else R.choice(TWO)
    d = ''.join(R.choice(string.digits) for _ in range(6))
    return p, d, hkid_check(p, d)

def hkid_fmt(p, d, c, style=None):
    style = style if style is not None else R.randrange(7)
    return [f'{p}{d}({c})', f'{p}{d} ({c})', f'{p}{d}{c}', f'{p}{d}（{c}）',
            f'{p.lower()}{d}({c})', f'{p}{d}({c})', f'{p} {d}({c})'][style]

def hkid():
    return hkid_fmt(*hkid_parts())

def hkid_bad():
    p, d, c = hkid_parts()
    wrong = R.choice([x for x in '0123456789A' if x != c])
    return f'{p}{d}({wrong})'

AREAS = ['110101', '110105', '310104', '310115', '440103', '440305', '440304', '320102',
         '330106', '510107', '420106', '350203', '370202', '210202', '610113', '440106', '810000', '820000']
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def cnid_check(s17):
    s = sum(int(a) * b for a, b in zip(s17, W))
    return '10X98765432'[s % 11]

def rand_date(y0=1955, y1=2004):
    d0 = datetime.date(y0, 1, 1).toordinal()
    d1 = datetime.date(y1, 12, 28).toordinal()
    return datetime.date.fromordinal(R.randint(d0, d1))

def cnid(lower_x=None):
    while True:
        s17 = R.choice(AREAS) + rand_date().strftime('%Y%m%d') + ''.join(R.choice(string.digits) for _ in range(3))
        c = cnid_check(s17)
        if lower_x is None or (c == 'X'):
            break
    if c == 'X' and R.random() < 0.4:
        c = 'x'
    return s17 + c

def cnid_x():
    return cnid(lower_x=True)

def cnid_bad():
    s17 = R.choice(AREAS) + rand_date().strftime('%Y%m%d') + ''.join(R.choice(string.digits) for _ in range(3))
    c = cnid_check(s17)
    return s17 + R.choice([x for x in '0123456789X' if x != c])

def luhn_ok(num):
    s = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        s += d
    return s % 10 == 0

def luhn_complete(prefix, length):
    body = prefix + ''.join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for c in string.digits:
        if luhn_ok(body + c):
            return body + c

def group4(n, sep=' '):
    return sep.join(n[i:i + 4] for i in range(0, len(n), 4))

TW_LET = {c: v for c, v in zip('ABCDEFGHJKLMNPQRSTUVXYWZIO', range(10, 36))}
def tw_id():
    L = R.choice('ABCDEFGHJKLMNPQRSTUVXYWZ')
    body = R.choice('12') + ''.join(R.choice(string.digits) for _ in range(7))
    v = TW_LET[L]
    ws = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    digs = [v // 10, v % 10] + [int(x) for x in body]
    s = sum(a * b for a, b in zip(digs, ws))
    return L + body + str((10 - s % 10) % 10)

# ---------------------------------------------------------------- phones
HK_MOB_LEAD = '5679'
def hk_digits(mobile=True):
    if mobile:
        first = R.choice(HK_MOB_LEAD)
        return first + ''.join(R.choice(string.digits) for _ in range(7))
    first = R.choice(['2', '3'])
    return first + ''.join(R.choice(string.digits) for _ in range(7))

def hk_phone_fmt(d, allow_bare=True):
    forms = [f'+852 {d[:4]} {d[4:]}', f'852-{d}', f'(852){d}', f'(852) {d[:4]} {d[4:]}', f'+852{d}',
             f'00852 {d}', f'+852-{d}', f'{d[:4]}-{d[4:]}', f'{d[:4]} {d[4:]}', d, f'+852 {d}',
             f'+852 {d[:4]}-{d[4:]}', f'852 {d[:4]} {d[4:]}', f'(+852) {d[:4]} {d[4:]}', f'+852-{d[:4]}-{d[4:]}', f'(852) {d[:4]}-{d[4:]}']
    if not allow_bare:
        forms = forms[:7]
    return R.choice(forms)

CN_PFX = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157',
          '158', '159', '166', '170', '176', '177', '178', '180', '181', '182', '185', '186', '187', '188', '189',
          '191', '195', '198', '199', '147', '173', '175', '183']
def cn_digits():
    return R.choice(CN_PFX) + ''.join(R.choice(string.digits) for _ in range(8))

def cn_fmt(d, allow_bare=True):
    forms = [f'+86 {d[:3]} {d[3:7]} {d[7:]}', f'+86-{d}', f'+86{d}', f'0086 {d}', f'{d[:3]} {d[3:7]} {d[7:]}',
             f'{d[:3]}-{d[3:7]}-{d[7:]}', d, f'(+86) {d}', f'86-{d}', f'+86 {d}', f'+86-{d[:3]}-{d[3:7]}-{d[7:]}', f'86 {d[:3]} {d[3:7]} {d[7:]}', f'0086-{d}', f'{d[:3]} {d[3:]}']
    return R.choice(forms)

# ---------------------------------------------------------------- names
SURN = list('陳李張黃何林吳劉蔡鄭梁謝王楊周許曾郭羅葉') + ['歐陽', '司徒', '上官', '諸葛']
GIVEN = list('大小文明美玲嘉欣志強家豪詠詩偉傑子軒曉彤俊宏慧敏浩然')
SURN_S = list('陈李张黄何林吴刘蔡郑梁谢王杨周许曾郭罗叶') + ['欧阳', '司马']
EN_SUR = ['Chan', 'Wong', 'Lee', 'Cheung', 'Lau', 'Ng', 'Ho', 'Leung', 'Lam', 'Tsang', 'Yip', 'Kwok', 'Mak', 'Fung', 'Tse', 'Au-Yeung', 'Szeto']
EN_GIV1 = ['Tai', 'Siu', 'Ka', 'Wing', 'Chi', 'Man', 'Hoi', 'Yuk', 'Kwok', 'Mei']
EN_GIV2 = ['Man', 'Ming', 'Yan', 'Kei', 'Fai', 'Ling', 'Wai', 'Hung', 'Ting', 'Lok']
EN_FIRST = ['Peter', 'Mary', 'Grace', 'Kelvin', 'Winnie', 'Jason', 'Ivy', 'Ada', 'Hugo', 'Fiona', 'Raymond', 'Cherry']

def zh_name(simpl=False):
    s = R.choice(SURN_S if simpl else SURN)
    n = 1 if len(s) == 2 and R.random() < 0.5 else R.choice([1, 2, 2])
    return s + ''.join(R.choice(GIVEN) for _ in range(n))

def en_name():
    s, g1, g2 = R.choice(EN_SUR), R.choice(EN_GIV1), R.choice(EN_GIV2)
    return R.choice([f'{s} {g1} {g2}', f'{g1} {g2} {s}', f'{s.upper()}, {g1}-{g2.lower()}',
                     f'{s.upper()} {g1.upper()} {g2.upper()}', f'{R.choice(EN_FIRST)} {s}',
                     f'{R.choice(EN_FIRST)} {s} {g1} {g2}', f'{s.upper()}, {g1} {g2}', f'{s.upper()} {g1}-{g2.lower()}, {R.choice(EN_FIRST)}',
                     f'{g1}-{g2.lower()} {s}', f'{R.choice(EN_FIRST)} {s.upper()}', f'{R.choice(EN_FIRST)} {g1} {g2} {s}'])

def any_name():
    r = R.random()
    if r < 0.45: return zh_name()
    if r < 0.55: return zh_name(True)
    if r < 0.85: return en_name()
    r = R.random()
    if r < 0.3: return zh_name() + ' ' + R.choice(EN_FIRST)
    if r < 0.5: return R.choice(EN_FIRST) + ' ' + zh_name()
    if r < 0.6: return R.choice(['艾力·買買提', '迪麗熱巴·迪力木拉提', '阿依古麗·艾則孜'])
    if r < 0.7: (z := zh_name()); return z[0] + ' ' + z[1:] if len(z) > 1 else z
    if r < 0.85: return zh_name() + '（' + R.choice(EN_FIRST) + '）'
    return R.choice(EN_FIRST)

# ---------------------------------------------------------------- emails
def email():
    g, s = R.choice(EN_FIRST).lower(), R.choice(EN_SUR).lower().replace('-', '')
    local = R.choice([f'{g}.{s}', f'{g}{s}', f'{s}.{g}+hr', f'{g}_{s}{R.randint(1, 99)}', f'{g[0]}{s}',
                      f'{s}-{g}', f'{g}.{s}.{R.randint(70, 99)}', f'{g}+dingtalk', f"{g}.o'{s}", f'{g.capitalize()}.{s.capitalize()}',
                      f'{R.randint(10000, 99999999)}', f'{g}{R.randint(1980, 2005)}', f'{s}_{g}_hk'])
    dom = R.choice(['example.com', 'mail.example.com.hk', 'example.hk', 'hk.example.org', 'corp.example.cn',
                    'example.com.cn', 'gmail.com', 'yahoo.com.hk', 'netvigator.com', 'qq.com', '163.com',
                    'example.co.uk', 'staff.example.edu.hk', 'example.io', 'dept.example.gov.hk', 'outlook.com', 'hotmail.com',
                    'foxmail.com', 'example.org.hk', 'mail.example.net.cn', 'Example.COM', 'example.com.mo', 'example.tw', 'sina.cn'])
    if R.random() < 0.07:
        return R.choice(['張三@例子.中国', 'chan@例子.香港', 'info@公司.中國'])
    e = f'{local}@{dom}'
    return e.upper() if R.random() < 0.05 else e

# ---------------------------------------------------------------- addresses
HK_STREET = ['Nathan Road', "Queen's Road Central", 'Hennessy Road', 'King\'s Road', 'Castle Peak Road', 'Tai Po Road', 'Shau Kei Wan Road', 'Des Voeux Road West']
HK_DIST = ['Mong Kok, Kowloon', 'Central, Hong Kong', 'Wan Chai, Hong Kong', 'North Point, HK', 'Sham Shui Po, Kowloon', 'Sha Tin, New Territories', 'Tsuen Wan, N.T.', 'Tuen Mun, NT']
HK_EST = ['Mei Foo Sun Chuen', 'Taikoo Shing', 'Whampoa Garden', 'Lok Fu Estate', 'City One Shatin']
ZH_DIST = ['香港九龍旺角', '香港灣仔', '新界沙田', '九龍深水埗', '香港北角', '新界荃灣', '九龍觀塘']
ZH_STREET = ['彌敦道', '軒尼詩道', '英皇道', '青山公路', '長沙灣道', '大埔道']
MAINLAND = [('广东省', '深圳市', '南山区', '科技园南路'), ('上海市', '', '浦东新区', '张江路'), ('北京市', '', '朝阳区', '建国路'),
            ('浙江省', '杭州市', '西湖区', '文三路'), ('四川省', '成都市', '武侯区', '人民南路'), ('广东省', '广州市', '天河区', '天河路')]

def address():
    r = R.randrange(10)
    if r == 6:
        return f'{R.choice(["G/F", "1/F", "Rm 1203, 12/F", "Unit 5, 8/F", "Shop 3, G/F"])}, {R.randint(1, 300)} {R.choice(["Tung Choi Street", "Fa Yuen Street", "Lockhart Road", "Electric Road", "Ma Tau Wai Road"])}, {R.choice(HK_DIST)}'
    if r == 7:
        return f'{R.choice(["九龍", "香港", "新界"])}{R.choice(["沙田", "屯門", "將軍澳", "紅磡"])}{R.choice(["愉景新城", "黃埔花園", "新都城", "海怡半島"])}{R.randint(1, 12)}座{R.randint(1, 40)}樓{R.randint(1, 12)}號室'
    if r == 8:
        p, c, d, s = R.choice(MAINLAND)
        return f'{p}{c}{d}{R.choice(["粤海街道", "陆家嘴街道", "望京街道"])}{s}{R.randint(1, 99)}号院{R.randint(1, 9)}单元{R.randint(101, 1802)}'
    if r == 9:
        return f'{R.randint(1, 200)} {R.choice(HK_STREET)}, {R.choice(["Flat", "Room"])} {R.randint(1, 30)}{R.choice("ABCD")}, {R.choice(HK_DIST)}, Hong Kong'
    if r == 0:
        return f'Flat {R.choice("ABCDEFGH")}, {R.randint(2, 40)}/F, {R.randint(1, 800)} {R.choice(HK_STREET)}, {R.choice(HK_DIST)}'
    if r == 1:
        return f'Room {R.randint(1, 30)}{R.randint(1, 20):02d}, Block {R.randint(1, 12)}, {R.choice(HK_EST)}, {R.choice(HK_DIST)}'
    if r == 2:
        return f'{R.choice(ZH_DIST)}{R.choice(ZH_STREET)}{R.randint(1, 700)}號{R.randint(2, 40)}樓{R.choice("ABCDEF")}室'
    if r == 3:
        p, c, d, s = R.choice(MAINLAND)
        return f'{p}{c}{d}{s}{R.randint(1, 300)}号{R.randint(1, 30)}栋{R.randint(1, 30)}0{R.randint(1, 8)}室'
    if r == 4:
        return f'{R.choice(ZH_DIST)}{R.choice(["美孚新邨", "太古城", "黃埔花園", "麗港城"])}第{R.randint(1, 12)}期{R.randint(1, 30)}座{R.randint(2, 30)}樓{R.choice("ABCDEFGH")}室'
    p, c, d, s = R.choice(MAINLAND)
    return f'{p} {c} {d} {s}{R.randint(1, 99)}弄{R.randint(1, 40)}号{R.randint(101, 2404)}室'

OFFICES = ['Kwun Tong', '觀塘', '香港九龍觀塘道 388 號 15 樓', 'Cyberport 3, 100 Cyberport Road', '深圳南山办公室', 'Central Office', 'HQ 12/F', '荃灣總部']

# ---------------------------------------------------------------- dates of birth
def dob_fmt(d=None):
    d = d or rand_date()
    forms = [d.strftime('%Y-%m-%d'), f'{d.year}/{d.month}/{d.day}', d.strftime('%d/%m/%Y'), d.strftime('%Y%m%d'),
             f'{d.year}年{d.month}月{d.day}日', d.strftime('%Y.%m.%d'), d.strftime('%d-%b-%Y'), d.strftime('%d %B %Y'),
             d.strftime('%Y-%m-%d 00:00:00'), f'{d.day}/{d.month}/{d.year}', f'{d.year}-{d.month}-{d.day}', d.strftime('%b %d, %Y'),
             d.strftime('%Y年%m月%d日'), d.strftime('%d.%m.%Y'), d.strftime('%Y-%m-%dT00:00:00+08:00'),
             d.strftime('%m/%d/%Y'), f'{d.day}{"th" if 10 <= d.day <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")} {d.strftime("%B %Y")}',
             d.strftime('%d %b, %Y')]
    return R.choice(forms)

def epoch_ms(d):
    return int(datetime.datetime(d.year, d.month, d.day, tzinfo=datetime.timezone(datetime.timedelta(hours=8))).timestamp() * 1000)

# ---------------------------------------------------------------- ids & negatives
def userid():
    return R.choice([
        lambda: R.choice(EN_SUR).lower() + R.choice(EN_GIV1).lower() + R.choice(EN_GIV2).lower(),
        lambda: ''.join(R.choice(string.digits) for _ in range(R.choice([15, 16, 17]))),
        lambda: 'manager' + str(R.randint(100, 9999)),
        lambda: '0' + ''.join(R.choice(string.digits) for _ in range(R.choice([10, 14]))) + '-' + str(R.randint(100, 9999)),
        lambda: hk_digits(),  # phone-looking userid
        lambda: cn_digits(),
    ])()

def unionid():
    return ''.join(R.choice(string.ascii_letters + string.digits) for _ in range(R.choice([22, 27, 28]))) + 'iEiE'

def openid():
    return 'iiE' + ''.join(R.choice(string.ascii_letters + string.digits) for _ in range(21))

def dept_id():
    return R.choice([R.randint(1, 999999999), R.randint(100000000, 999999999), int(luhn_complete('4', 16)), int(hk_digits())])

def avatar():
    return R.choice([
        f'https://static-legacy.dingtalk.com/media/lADP{R.randint(10**7, 10**8 - 1)}_{R.choice([240, 480])}_{R.choice([240, 480])}.jpg',
        f'https://static.dingtalk.com/media/{R.randint(20190101, 20241231)}/{uuid.UUID(int=R.getrandbits(128)).hex}.png',
        f'https://img.alicdn.com/imgextra/i{R.randint(1, 4)}/{R.randint(10**9, 10**10)}/O1CN01{R.randint(10**7, 10**8)}.png',
        '',
    ])

def job_number():
    return R.choice([f'HK{R.randint(0, 999999):06d}', f'{R.randint(10000, 99999)}', f'E{R.randint(1000000, 9999999)}',
                     hk_digits(), f'SZ-{R.randint(1000, 9999)}'])

# ---------------------------------------------------------------- writer
TRUTH = []
COUNT = {}

def P(path, typ, value, outer=None):
    TRUTH.append((path, typ, value))

def write(kind, doc, truth):
    COUNT[kind] = COUNT.get(kind, 0) + 1
    fn = f'{kind}_{COUNT[kind]:04d}.json'
    with open(os.path.join(OUT, fn), 'w') as f:
        json.dump(doc, f, ensure_ascii=R.random() < 0.15, indent=R.choice([None, 2]))
    for path, typ, val in truth:
        TRUTH_ALL.append({'file': fn, 'path': path, 'type': typ, 'value': val})

TRUTH_ALL = []

def esc(k):
    return k.replace('.', '\\.')

# ---------------------------------------------------------------- free text
def free_text(t, path, neg_only=False):
    """Returns a remark string; appends truths for path."""
    parts = []
    if neg_only or R.random() < 0.3:
        parts.append(R.choice([f'工號 {job_number()}', f'入職日期 2021-0{R.randint(1, 9)}-1{R.randint(0, 9)}',
                               f'合同編號 HT{R.randint(2019, 2025)}{R.randint(1000, 9999)}',
                               f'訂單 {R.randint(10**11, 10**12)}', f'月薪 HK${R.randint(18, 80)},000',
                               f'版本 v{R.randint(1, 9)}.{R.randint(0, 20)}.{R.randint(0, 99)}',
                               f'ticket #{R.randint(10**7, 10**8 - 1)}', f'部門 {R.randint(10**8, 10**9)}',
                               f'請於 {R.randint(1, 12)}月{R.randint(1, 28)}日前完成']))
    if not neg_only:
        for _ in range(R.randint(1, 2)):
            r = R.randrange(12)
            if r == 0:
                v = hkid_fmt(*hkid_parts(), style=R.choice([0, 1, 3]))
                parts.append(R.choice(['HKID ', '身份證：', '身份证号 ', 'ID card: ']) + v); t.append((path, 'hkid', v))
            elif r == 1:
                d = hk_digits(); v = hk_phone_fmt(d)
                parts.append(R.choice(['手機：', '電話 ', 'Tel: ', 'mobile ', '聯絡電話：', '緊急聯絡人電話 ']) + v); t.append((path, 'hk_phone', v))
            elif r == 2:
                v = cn_fmt(cn_digits())
                parts.append(R.choice(['内地手机：', '手机 ', 'Mobile (CN): ', '电话：']) + v); t.append((path, 'cn_mobile', v))
            elif r == 3:
                v = email()
                parts.append(R.choice(['私人電郵：', 'email ', 'E-mail: ', '邮箱 ']) + v); t.append((path, 'email', v))
            elif r == 4:
                v = cnid()
                parts.append(R.choice(['身份证号码：', '居民身份證 ', 'PRC ID: ']) + v); t.append((path, 'cn_id', v))
            elif r == 5:
                v = address()
                parts.append(R.choice(['住址：', '地址：', 'Address: ', '家庭住址：']) + v); t.append((path, 'address', v))
            elif r == 6:
                v = dob_fmt()
                parts.append(R.choice(['出生日期：', '生日：', 'DOB: ', 'Date of birth: ']) + v); t.append((path, 'date_of_birth', v))
            elif r == 7:
                d = hk_digits(); v = R.choice([d, f'{d[:4]} {d[4:]}', f'{d[:4]}-{d[4:]}', f'+852 {d}'])
                parts.append(R.choice(['WhatsApp: ', 'Tel/WhatsApp ', 'call me at ', '電話/WhatsApp：', '手提:', '聯絡 ', 'Mobile：', '請致電 ']) + v); t.append((path, 'hk_phone', v))
            elif r == 8:
                d1, d2 = hk_digits(), hk_digits(False)
                v1, v2 = f'{d1[:4]} {d1[4:]}', f'{d2[:4]} {d2[4:]}'
                parts.append(R.choice(['電話 ', 'Tel: ', '聯絡電話：']) + v1 + R.choice([' / ', '、', ' or ']) + v2); t.append((path, 'hk_phone', v1)); t.append((path, 'hk_phone', v2))
            elif r == 9:
                v = email()
                parts.append(R.choice(['請電郵至 ', 'send to ', 'cc: ', '(', '<']) + v + R.choice(['', ')', '>', ' 查詢', '.'])); t.append((path, 'email', v))
            elif r == 10:
                v = address()
                parts.append(R.choice(['現住址: ', 'Home address: ', '通訊地址：', '【地址】：']) + v); t.append((path, 'address', v))
            else:
                v = R.choice([cnid(), cnid_x()])
                parts.append(R.choice(['身份证：', '证件号码 ', '居民身份證號碼：', 'ID No.: ']) + v); t.append((path, 'cn_id', v))
    R.shuffle(parts)
    return R.choice(['；', '; ', '\n', '。', ' | ']).join(parts)

def ext_json(t, path):
    obj = {}
    if R.random() < 0.5:
        v = en_name(); obj[R.choice(['英文名', 'englishName', '英文姓名', 'nameEn', 'engName', 'legalName', '中文姓名', 'fullName', 'aliasName'])] = v; t.append((path, 'person_name', v))
    if R.random() < 0.4:
        v = hkid(); obj[R.choice(['身份證號碼', 'hkid', 'idCardNo', '證件號碼', 'HKID_No', 'identityNo', 'idNumber', '香港身份證', 'certificateNo', 'id_card'])] = v; t.append((path, 'hkid', v))
    if R.random() < 0.4:
        v = address(); obj[R.choice(['住址', 'homeAddress', '家庭地址', 'address', 'residentialAddress', 'homeAddr', 'mailingAddress', '通訊地址', '住宅地址', '户籍地址', 'permanentAddress', 'contactAddress'])] = v; t.append((path, 'address', v))
    if R.random() < 0.3:
        v = dob_fmt(); obj[R.choice(['生日', 'birthday', '出生日期', 'dateOfBirth', 'dob', 'birth_date', 'birthDate', '出生年月日', 'DOB'])] = v; t.append((path, 'date_of_birth', v))
    if R.random() < 0.3:
        d = hk_digits(); v = hk_phone_fmt(d); obj[R.choice(['私人電話', 'homePhone', '緊急聯絡電話', 'personalMobile', 'contactNumber', 'phoneNo', 'whatsapp', '聯絡電話', 'emergencyContactPhone', 'mobileNo', 'cellphone', '手提電話'])] = v; t.append((path, 'hk_phone', v))
    # non-PII
    if R.random() < 0.6:
        obj[R.choice(['職級', 'grade', 'costCenter', '成本中心'])] = R.choice(['M3', 'P7', f'CC{R.randint(1000, 9999)}', f'{R.randint(100000, 999999)}'])
    if R.random() < 0.3:
        obj['入職日期'] = f'20{R.randint(10, 24)}-0{R.randint(1, 9)}-0{R.randint(1, 9)}'
    if R.random() < 0.3:
        obj['empNo'] = job_number()
    if R.random() < 0.15:
        d = rand_date(); k = R.choice([k for k in ['birthday', 'birthTime', 'dateOfBirth', 'birth_date'] if k not in obj])
        obj[k] = epoch_ms(d) if R.random() < 0.7 else str(epoch_ms(d)); t.append((path, 'date_of_birth', str(epoch_ms(d))))
    neg_extras(obj)
    return json.dumps(obj, ensure_ascii=False)

def neg_extras(obj):
    for k, f in R.sample(NEG_KV, R.randint(1, 4)):
        obj[k] = f()

def _luhn16():
    return luhn_complete(R.choice(['4', '5', '62']), 16)

NEG_KV = [
    ('costCenter', lambda: f'{hk_digits()[:4]}-{hk_digits()[:4]}'),
    ('employeeNo', lambda: hk_digits()),
    ('staffId', lambda: 'A' + str(R.randint(100000, 999999))),
    ('createTime', lambda: epoch_ms(rand_date(2015, 2025))),
    ('updated_at', lambda: int(epoch_ms(rand_date(2015, 2025)) / 1000)),
    ('amount', lambda: f'{R.randint(10**7, 10**8)}.00'),
    ('salary', lambda: R.randint(18000, 99999)),
    ('orderNo', lambda: datetime.date(2024, 5, 14).strftime('%Y%m%d') + str(R.randint(10**11, 10**12))),
    ('contractNo', lambda: f'HT-{hk_digits()}'),
    ('version', lambda: f'{R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 99)}.{R.randint(0, 999)}'),
    ('traceId', lambda: str(uuid.UUID(int=R.getrandbits(128)))),
    ('bizNumber', lambda: '2024' + str(R.randint(10**16, 10**17))),
    ('cardId', lambda: _luhn16()),
    ('ticketNo', lambda: cn_digits()),
    ('processInstanceId', lambda: str(uuid.UUID(int=R.getrandbits(128)))),
    ('seq', lambda: R.randint(10**10, 10**11)),
    ('hiredDate', lambda: rand_date(2000, 2024).strftime('%Y-%m-%d')),
    ('lastLoginTime', lambda: rand_date(2023, 2025).strftime('%Y-%m-%d 09:%M:%S') if False else rand_date(2023, 2025).strftime('%Y-%m-%d') + ' 09:12:33'),
    ('refId', lambda: cnid_bad()),
    ('userIdList', lambda: [hk_digits(), cn_digits()]),
    ('extNo', lambda: str(R.randint(100, 9999))),
    ('floor', lambda: f'{R.randint(1, 40)}/F'),
]


# ---------------------------------------------------------------- user get / list (legacy)
def legacy_user(prefix, t, neg=False):
    u = {'userid': userid(), 'unionid': unionid()}
    name = any_name()
    u['name'] = name
    if not neg: t.append((prefix + 'name', 'person_name', name))
    else: u['name'] = ''
    u['avatar'] = avatar()
    hk = R.random() < 0.7
    u['state_code'] = '852' if hk else '86'
    if neg:
        u['mobile'] = ''
    elif hk:
        d = hk_digits()
        v = R.choice([d, d, f'{d[:4]} {d[4:]}', f'{d[:4]}-{d[4:]}', f'+852-{d}', f'852 {d}'])
        u['mobile'] = v; t.append((prefix + 'mobile', 'hk_phone', v))
    else:
        v = R.choice([cn_digits(), f'+86-{cn_digits()}', f'86-{cn_digits()}'])
        u['mobile'] = v; t.append((prefix + 'mobile', 'cn_mobile', v))
    u['hide_mobile'] = R.random() < 0.3
    if not neg and R.random() < 0.6:
        d = hk_digits(mobile=False)
        v = R.choice([f'852-{d}', f'{d[:4]} {d[4:]}', d, f'(852) {d}', f'+852 {d[:4]} {d[4:]}'])
        ext = R.choice(['', '', f'-{R.randint(100, 999)}', f' ext. {R.randint(100, 999)}'])
        u['telephone'] = v + ext; t.append((prefix + 'telephone', 'hk_phone', v))
    else:
        u['telephone'] = R.choice(['', str(R.randint(100, 9999))])
    u['job_number'] = job_number()
    u['title'] = R.choice(['Senior Accounting Officer', '高級經理', 'HR Business Partner', '軟件工程師 Software Engineer', 'Director'])
    if not neg:
        v = email(); u['email'] = v; t.append((prefix + 'email', 'email', v))
        if R.random() < 0.6:
            v = email(); u['org_email'] = v; t.append((prefix + 'org_email', 'email', v))
    else:
        u['email'] = ''
    u['work_place'] = R.choice(OFFICES)
    if neg:
        u['remark'] = free_text(t, prefix + 'remark', neg_only=True)
    elif R.random() < 0.5:
        u['remark'] = free_text(t, prefix + 'remark')
    else:
        u['remark'] = ''
    u['login_id'] = ''
    u['dept_id_list'] = [dept_id() for _ in range(R.randint(1, 3))]
    u['dept_order_list'] = [{'dept_id': dept_id(), 'order': R.randint(10**8, 10**9)}]
    if not neg and R.random() < 0.5:
        u['extension'] = ext_json(t, prefix + 'extension')
    else:
        u['extension'] = json.dumps({'工號': job_number(), 'costCenter': f'CC-{R.randint(1000, 9999)}', 'level': R.choice(['P6', 'M2'])}, ensure_ascii=False)
    u['hired_date'] = epoch_ms(rand_date(2005, 2024))
    u['active'] = True
    u['real_authed'] = R.random() < 0.8
    u['senior'] = False
    u['admin'] = R.random() < 0.1
    u['manager_userid'] = userid()
    u['leader_in_dept'] = [{'dept_id': dept_id(), 'leader': False}]
    u['role_list'] = [{'id': R.randint(10**6, 10**9), 'name': R.choice(['財務', '主管', 'HR', '員工']), 'group_name': '職務'}]
    u['union_emp_ext'] = {}
    if neg:
        neg_extras(u)
        u['remark'] = neg_text()
        u['extension'] = json.dumps(dict(R.sample([(k, f()) for k, f in NEG_KV], 4)), ensure_ascii=False)
    return u

def neg_text():
    p, d, c = hkid_parts()
    wrong = R.choice([x for x in '0123456789A' if x != c])
    opts = [f'身份證 {p}{d}({wrong}) 核對失敗', f'ID {cnid_bad()} invalid', f'工號 {hk_digits()}', f'訂單 {cn_digits()} 已付款',
            f'合同編號 HT{hk_digits()}', f'金額 HK${R.randint(1, 99)},{R.randint(100, 999)}', f'請於 {R.randint(2019, 2024)}-{R.randint(2020, 2026)} 年度完成',
            f'版本 {R.randint(1, 9)}.{R.randint(0, 9)}.{R.randint(0, 9)}.{R.randint(0, 99)}', f'Invoice INV{R.randint(10**7, 10**8)}',
            f'room {R.randint(1000, 9999)}', f'卡號 {luhn_complete("4", 16)[:15]}0', f'會議時間 {R.randint(10, 18)}:{R.randint(10, 59)}',
            f'訂單號：{luhn_complete("4", 16)}', f'dept {R.randint(10**8, 10**9)}', f'userid {hk_digits()}']
    return R.choice(['；', '\n', ' | ', '。']).join(R.sample(opts, 3))

def gen_user_get(neg=False):
    t = []
    doc = {'errcode': 0, 'errmsg': 'ok', 'request_id': ''.join(R.choice(string.ascii_lowercase + string.digits) for _ in range(12)),
           'result': legacy_user('result.', t, neg)}
    write('neg_user_get' if neg else 'user_get', doc, t)

def gen_user_list(neg=False):
    t = []
    lst = [legacy_user(f'result.list.{i}.', t, neg) for i in range(R.randint(1, 4))]
    doc = {'errcode': 0, 'errmsg': 'ok', 'request_id': uuid.UUID(int=R.getrandbits(128)).hex[:12],
           'result': {'has_more': R.random() < 0.5, 'next_cursor': R.randint(1, 200), 'list': lst}}
    write('neg_user_list' if neg else 'user_list', doc, t)

# ---------------------------------------------------------------- contact v1.0
def gen_contact(neg=False):
    t = []
    hk = R.random() < 0.65
    doc = {'nick': '' if neg else any_name(), 'avatarUrl': avatar()}
    if not neg: t.append(('nick', 'person_name', doc['nick']))
    if neg:
        doc['mobile'] = ''
    elif hk:
        d = hk_digits(); v = R.choice([d, d, f'{d[:4]} {d[4:]}', f'+852 {d}'])
        doc['mobile'] = v; t.append(('mobile', 'hk_phone', v))
    else:
        v = R.choice([cn_digits(), cn_digits(), f'{(d := cn_digits())[:3]} {d[3:7]} {d[7:]}'])
        doc['mobile'] = v; t.append(('mobile', 'cn_mobile', v))
    doc['openId'] = openid()
    doc['unionId'] = unionid()
    if not neg:
        doc['email'] = email(); t.append(('email', 'email', doc['email']))
        if R.random() < 0.4:
            doc['loginEmail'] = email(); t.append(('loginEmail', 'email', doc['loginEmail']))
    doc['stateCode'] = '852' if hk else '86'
    if R.random() < 0.5: doc['visitor'] = False
    write('neg_contact' if neg else 'contact', doc, t)

# ---------------------------------------------------------------- roster
def roster_fields(neg=False):
    """Returns list of (fieldCode, fieldName, [(value,label,truthtype,truthval_value,truthval_label)])"""
    F = []
    def add(code, name, value, typ, label=None, tv=None):
        label = value if label is None else label
        F.append((code, name, value, label, typ, tv))
    hk = R.random() < 0.6
    if not neg:
        add('sys00-name', R.choice(['姓名', '姓名']), any_name(), 'person_name')
        add('sys00-email', R.choice(['邮箱', '郵箱', '辦公郵箱']), email(), 'email')
        if hk:
            add('sys00-mobile', R.choice(['手机号', '手機號']), hk_phone_fmt(hk_digits()), 'hk_phone')
        else:
            add('sys00-mobile', '手机号', cn_fmt(cn_digits()), 'cn_mobile')
        if R.random() < 0.4:
            d = hk_digits(False); add('sys00-tel', '分機號', R.choice([d, f'{d[:4]} {d[4:]}', f'852-{d}']), 'hk_phone')
        if R.random() < 0.8:
            add('sys02-realName', R.choice(['身份证姓名', '身份證姓名', '證件姓名']), R.choice([en_name(), zh_name(), zh_name(True)]), 'person_name')
        r = R.random()
        if r < 0.45: add('sys02-certNo', '证件号码', hkid(), 'hkid')
        elif r < 0.65: add('sys02-certNo', '证件号码', cnid() if R.random() < 0.7 else cnid_x(), 'cn_id')
        elif r < 0.75: add('sys02-certNo', '證件號碼', R.choice('HK') + str(R.randint(10**7, 10**8 - 1)), 'hk_passport')
        elif r < 0.85: add('sys02-certNo', '证件号码', R.choice([R.choice('EG') + str(R.randint(10**7, 10**8 - 1)), 'E' + R.choice('ABCDEF') + str(R.randint(10**6, 10**7 - 1))]), 'cn_passport')
        elif r < 0.93: add('sys02-certNo', '證件號碼', tw_id(), 'tw_id')
        else:
            b = f'{R.choice("157")}{R.randint(100000, 999999)}'
            add('sys02-certNo', '證件號碼', f'{b}({R.randint(0, 9)})', 'mo_id')
        if R.random() < 0.85:
            d = rand_date()
            if R.random() < 0.25:
                ms = str(epoch_ms(d)); add('sys02-birthTime', '出生日期', ms, 'date_of_birth', label=d.strftime('%Y-%m-%d'))
            else:
                add('sys02-birthTime', R.choice(['出生日期', '出生日期']), dob_fmt(d), 'date_of_birth')
        if R.random() < 0.6: add('sys02-certAddress', R.choice(['身份证地址', '身份證地址']), address(), 'address')
        if R.random() < 0.7: add('sys02-address', R.choice(['住址', '现住址', '居住地址']), address(), 'address')
        r = R.random()
        if r < 0.5:
            code = R.choice(['004', '024', '012', '003', '009', '039', '388'])
            v = R.choice([f'{code}-{R.randint(100, 999)}-{R.randint(100000, 999999)}-{R.randint(100, 999)}',
                          f'{code}-{R.randint(100, 999)}-{R.randint(10**8, 10**9 - 1)}',
                          f'{code}{R.randint(100, 999)}{R.randint(100000, 999999)}{R.randint(100, 999)}',
                          f'{R.randint(100, 999)}-{R.randint(100000, 999999)}-{R.randint(100, 999)}'])
            add('sys04-bankAccountNo', R.choice(['银行卡号', '銀行帳號']), v, 'hk_bank_account')
        elif r < 0.85:
            n = luhn_complete(R.choice(['6222', '6217', '6228', '6214', '6230', '6212']), R.choice([16, 19]))
            add('sys04-bankAccountNo', '银行卡号', R.choice([n, group4(n)]), 'cn_bank_card')
        if R.random() < 0.7:
            add('sys04-accountBank', '开户行', R.choice(['香港上海滙豐銀行 旺角分行', '中国银行深圳南山支行', 'Hang Seng Bank', '招商银行']), None)
        if R.random() < 0.7:
            add('sys06-urgentContactsName', R.choice(['紧急联系人姓名', '緊急聯繫人姓名']), any_name(), 'person_name')
            add('sys06-urgentContactsRelation', '联系人关系', R.choice(['配偶', '父親', '母亲', 'Spouse', '朋友']), None)
            if R.random() < 0.6:
                add('sys06-urgentContactsPhone', '联系人电话', hk_phone_fmt(hk_digits()), 'hk_phone')
            else:
                add('sys06-urgentContactsPhone', '联系人电话', cn_fmt(cn_digits()), 'cn_mobile')
        if R.random() < 0.3:
            add('sys07-childName', '子女姓名', zh_name(), 'person_name')
            add('sys07-childSex', '子女性别', '1', None, label='女')
            add('sys07-childBirthDate', '子女出生日期', dob_fmt(rand_date(2008, 2022)), 'date_of_birth')
        # custom fields with free-form display names (English, mixed, bracketed notes)
        for _ in range(R.randint(0, 3)):
            cf = 'customField-' + ''.join(R.choice(string.ascii_lowercase + string.digits) for _ in range(R.choice([6, 8, 12])))
            c = R.randrange(12)
            if c == 0: add(cf, R.choice(['Home Address', 'Residential Address', '現居住地址', '戶籍地址', '通訊地址 (Correspondence)', 'Address (Home)']), address(), 'address')
            if c == 1: add(cf, R.choice(['Personal Email', 'Email (Personal)', 'Private E-mail', '個人電郵地址']), email(), 'email')
            if c == 2: add(cf, R.choice(['Mobile (Personal)', 'Personal Mobile', 'WhatsApp', '個人手提電話', 'Contact No.', 'Home Tel']), hk_phone_fmt(hk_digits()), 'hk_phone')
            if c == 3: add(cf, R.choice(['Date of Birth', 'Birthday', 'DOB', '出生日期 (DD/MM/YYYY)']), dob_fmt(), 'date_of_birth')
            if c == 4: add(cf, R.choice(['HKID No.', 'HKID Number', 'ID Card No.', '身份證號碼（香港）', 'Identity Card Number']), hkid(), 'hkid')
            if c == 5: add(cf, R.choice(['Name (as in HKID)', 'English Name (as shown on HKID)', 'Full Name', 'Emergency Contact Name', 'Spouse Name']), en_name(), 'person_name')
            if c == 6: add(cf, R.choice(['Passport No.', 'Passport Number', '護照號碼 (Passport)']), R.choice('HK') + str(R.randint(10**7, 10**8 - 1)), 'hk_passport')
            if c == 7: add(cf, R.choice(['Emergency Contact Phone', 'Emergency Contact (Phone)', '緊急聯絡人電話']), hk_phone_fmt(hk_digits()), 'hk_phone')
            if c == 8: add(cf, R.choice(['Mainland Mobile', '內地手機號碼', 'China Mobile No.']), cn_fmt(cn_digits()), 'cn_mobile')
            if c == 9: add(cf, R.choice(['PRC ID No.', '居民身份證號碼', 'Mainland ID Card']), cnid(), 'cn_id')
            # non-PII custom fields
            if c == 10: add(cf, R.choice(['Locker No.', 'Uniform Size', 'Car Plate', 'Staff Card No.', 'Office Extension', 'Cost Center']), R.choice(['L', f'{R.randint(100, 9999)}', f'{hk_digits()[:4]}-{hk_digits()[:4]}', f'AB{R.randint(1000, 9999)}', hk_digits()]), None)
            if c == 11: add(cf, R.choice(['Probation End Date', 'Contract End (Date)', 'Last Promotion Date', 'Annual Leave (Days)']), R.choice([rand_date(2015, 2026).strftime('%Y-%m-%d'), str(R.randint(7, 30))]), None)
        # custom fields carrying PII
        if R.random() < 0.35:
            c = R.randrange(6)
            cf = 'customField-' + ''.join(R.choice(string.ascii_lowercase + string.digits) for _ in range(R.choice([6, 8, 32])))
            if c == 0: add(cf, '家庭住址', address(), 'address')
            if c == 1: add(cf, R.choice(['個人電郵', '私人邮箱']), email(), 'email')
            if c == 2: add(cf, R.choice(['英文姓名', '英文名']), en_name(), 'person_name')
            if c == 3: add(cf, R.choice(['護照號碼', 'Passport No.']), R.choice('HK') + str(R.randint(10**7, 10**8 - 1)), 'hk_passport')
            if c == 4: add(cf, R.choice(['住宅電話', '私人電話']), hk_phone_fmt(hk_digits(False)), 'hk_phone')
            if c == 5: add(cf, R.choice(['出生日期', '生日']), dob_fmt(), 'date_of_birth')
    # non-PII fields (always, and heavily in neg docs)
    add('sys00-jobNumber', '工号', job_number(), None)
    add('sys00-dept', '部门', R.choice(['财务部', 'Finance', 'HR']), None)
    add('sys00-mainDeptId', '主部门', str(dept_id()), None)
    add('sys00-position', '职位', R.choice(['会计', 'Engineer', '經理']), None)
    add('sys00-workPlace', R.choice(['办公地点', '辦公地點']), R.choice(OFFICES), None)
    d = rand_date(2010, 2024)
    add('sys00-confirmJoinTime', '入职时间', R.choice([d.strftime('%Y-%m-%d'), str(epoch_ms(d))]), None)
    add('sys01-employeeType', '员工类型', str(R.randint(0, 3)), None, label=R.choice(['全职', '實習']))
    add('sys01-regularTime', '转正日期', rand_date(2015, 2025).strftime('%Y-%m-%d'), None)
    add('sys02-sexType', '性别', str(R.randint(0, 1)), None, label=R.choice(['男', '女']))
    add('sys02-certEndTime', '证件有效期', rand_date(2026, 2040).strftime('%Y-%m-%d'), None)
    add('sys02-marriage', '婚姻状况', str(R.randint(0, 2)), None, label=R.choice(['已婚', '未婚']))
    add('sys02-joinWorkingTime', '首次参加工作时间', rand_date(1995, 2020).strftime('%Y-%m-%d'), None)
    add('sys05-contractCompanyName', '合同公司', R.choice(['香港示例有限公司', 'Example Holdings Limited', '深圳示例科技有限公司']), None)
    add('sys05-nowContractEndTime', '现合同结束日', rand_date(2025, 2030).strftime('%Y-%m-%d'), None)
    add('sys05-contractRenewCount', '续签次数', str(R.randint(0, 5)), None)
    if neg:
        add('sys00-remark', '备注', free_text([], 'x', neg_only=True), None)
        add('sys09-personalHf', '個人公積金賬號', str(R.randint(10**9, 10**12)), None)
        add('customField-' + uuid.UUID(int=R.getrandbits(128)).hex[:10], R.choice(['工衣尺碼', '儲物櫃號碼', '內線']), R.choice(['L', str(R.randint(100, 9999)), 'XL']), None)
        add('sys00-name', '姓名', '', None)
    R.shuffle(F)
    return F

def gen_roster_legacy(neg=False):
    t = []
    res = []
    for i in range(R.randint(1, 3)):
        fdl = []
        for j, (code, name, value, label, typ, _) in enumerate(roster_fields(neg)):
            item = {'item_index': 0, 'label': label, 'value': value}
            fdl.append({'field_code': code, 'field_name': name, 'group_id': code.split('-')[0], 'field_value_list': [item]})
            base = f'result.{i}.field_data_list.{j}.field_value_list.0.'
            if code == 'sys09-personalHf':
                t.append((base + 'value', '_ignore', '')); t.append((base + 'label', '_ignore', ''))
            if typ:
                t.append((base + 'value', typ, value))
                if label == value:
                    t.append((base + 'label', typ, label))
                elif typ == 'date_of_birth':
                    t.append((base + 'label', typ, label))
        res.append({'corp_id': 'ding' + uuid.UUID(int=R.getrandbits(128)).hex[:28], 'userid': userid(), 'field_data_list': fdl})
    doc = {'errcode': 0, 'errmsg': 'ok', 'success': True, 'request_id': uuid.UUID(int=R.getrandbits(128)).hex[:12], 'result': res}
    write('neg_roster_legacy' if neg else 'roster_legacy', doc, t)

def gen_roster_v1(neg=False):
    t = []
    res = []
    for i in range(R.randint(1, 3)):
        fdl = []
        for j, (code, name, value, label, typ, _) in enumerate(roster_fields(neg)):
            item = {'itemIndex': 0, 'label': label, 'value': value}
            fdl.append({'fieldCode': code, 'fieldName': name, 'groupId': code.split('-')[0], 'fieldValueList': [item]})
            base = f'result.{i}.fieldDataList.{j}.fieldValueList.0.'
            if code == 'sys09-personalHf':
                t.append((base + 'value', '_ignore', '')); t.append((base + 'label', '_ignore', ''))
            if typ:
                t.append((base + 'value', typ, value))
                if label == value or typ == 'date_of_birth':
                    t.append((base + 'label', typ, label))
        res.append({'corpId': 'ding' + uuid.UUID(int=R.getrandbits(128)).hex[:28], 'userId': userid(), 'unionId': unionid(), 'fieldDataList': fdl})
    doc = {'result': res}
    write('neg_roster_v1' if neg else 'roster_v1', doc, t)

for _ in range(90): gen_user_get()
for _ in range(60): gen_user_list()
for _ in range(80): gen_contact()
for _ in range(70): gen_roster_legacy()
for _ in range(70): gen_roster_v1()
for _ in range(15): gen_user_get(True)
for _ in range(10): gen_user_list(True)
for _ in range(15): gen_contact(True)
for _ in range(15): gen_roster_legacy(True)
for _ in range(15): gen_roster_v1(True)

with open(os.path.join(OUT, 'truth.jsonl'), 'w') as f:
    for r in TRUTH_ALL:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(COUNT, len(TRUTH_ALL))
