#!/usr/bin/env python3
"""Independent labelled DingTalk payload generator (approval forms, robot/IM messages, hard negatives).
Writes $INDEP_OUT/*.json (default bench/out/independent/forms) and truth.tsv there:
file \t gjson-path \t type \t value \t kind(strict|soft)"""
import json, random, os, sys
R = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 20261129)
OUT = os.environ.get('INDEP_OUT', 'bench/out/independent/forms'); os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT): os.remove(os.path.join(OUT, f))
TRUTH = []

# ---------- value makers ----------
def hkid_check(prefix, digits):
    p = prefix.upper()
    vals = ([36] if len(p) == 1 else []) + [ord(c) - 55 for c in p]
    s = sum(v * w for v, w in zip(vals + [int(d) for d in digits], range(9, 1, -1)))
    c = (11 - s % 11) % 11
    return 'A' if c == 10 else str(c)
def hkid(fmt=None, bad=False):
    p = R.choice('ABCDEGHKMPRSVYZ'); d = ''.join(R.choice('0123456789') for _ in range(6))
    c = hkid_check(p, d)
    if bad: c = str((int(c) + 3) % 10) if c != 'A' else '5'
    fmt = fmt or R.choice(['br', 'br', 'bare', 'sp', 'br', 'lower'])
    if fmt == 'br': return f'{p}{d}({c})'
    if fmt == 'sp': return f'{p}{d} ({c})'
    if fmt == 'lower': return f'{p.lower()}{d}({c})'
    return f'{p}{d}{c}'
AREAS = ['110101', '310104', '440305', '440106', '330106', '510107', '320102', '420106', '350203', '440304']
def cnid(bad=False):
    a = R.choice(AREAS); y = R.randint(1955, 2003); m = R.randint(1, 12); d = R.randint(1, 28)
    body = f'{a}{y}{m:02d}{d:02d}{R.randint(0,999):03d}'
    W = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
    c = '10X98765432'[sum(int(x)*w for x, w in zip(body, W)) % 11]
    if bad: c = '10X98765432'[(sum(int(x)*w for x, w in zip(body, W)) + 4) % 11]
    return body + c
def luhn_complete(prefix, n):
    body = prefix + ''.join(R.choice('0123456789') for _ in range(n - len(prefix) - 1))
    for c in '0123456789':
        s = body + c; t = 0
        for i, ch in enumerate(reversed(s)):
            v = int(ch)
            if i % 2: v *= 2; v -= 9 if v > 9 else 0
            t += v
        if t % 10 == 0: return s
def card(brand=None, fmt=None):
    brand = brand or R.choice(['visa', 'mc', 'mc2', 'amex', 'up', 'jcb'])
    pre, n = {'visa': ('4', 16), 'mc': (str(R.randint(51, 55)), 16), 'mc2': (str(R.randint(2221, 2720)), 16),
              'amex': (R.choice(['34', '37']), 15), 'up': ('62' + str(R.randint(10, 99)), R.choice([16, 19])),
              'jcb': (str(R.randint(3528, 3589)), 16)}[brand]
    s = luhn_complete(pre, n)
    fmt = fmt or R.choice(['sp', 'dash', 'plain'])
    if fmt == 'plain': return s
    sep = ' ' if fmt == 'sp' else '-'
    if n == 15: return sep.join([s[:4], s[4:10], s[10:]])
    return sep.join(s[i:i+4] for i in range(0, n, 4))
def cnbank(fmt=None):
    s = luhn_complete(R.choice(['622202', '621700', '622848', '621226', '623058', '622588']), R.choice([16, 19]))
    fmt = fmt or R.choice(['sp', 'plain', 'plain'])
    return ' '.join(s[i:i+4] for i in range(0, len(s), 4)) if fmt == 'sp' else s
def hkbank():
    code = R.choice(['004', '012', '024', '003', '015', '009', '016', '388', '387'])
    br = f'{R.randint(100,999)}'
    return R.choice([f'{code}-{br}-{R.randint(100000,999999)}-{R.randint(100,999)}',
                     f'{code}-{br}-{R.randint(1000000,9999999)}-{R.randint(0,9)}',
                     f'{code}-{br}-{R.randint(0,9)}-{R.randint(100000,999999)}-{R.randint(0,9)}'])
HKP = '5679'
def hkmob(): return R.choice('569') + ''.join(R.choice('0123456789') for _ in range(7))
def hkfix(): return R.choice(['2', '3']) + ''.join(R.choice('0123456789') for _ in range(7))
def hkphone(fmt=None, fixed=False):
    n = hkfix() if fixed else hkmob()
    fmt = fmt or R.choice(['plus', 'plus', 'dash852', 'paren', 'sp', 'dash', 'plain', 'plussp0', '00852'])
    return {'plus': f'+852 {n[:4]} {n[4:]}', 'dash852': f'852-{n}', 'paren': f'(852){n}', 'sp': f'{n[:4]} {n[4:]}',
            'dash': f'{n[:4]}-{n[4:]}', 'plain': n, 'plussp0': f'+852{n}', '00852': f'00852 {n}'}[fmt]
def cnmob(fmt=None):
    n = R.choice(['138', '139', '150', '186', '177', '135', '159', '188', '199', '166', '147']) + ''.join(R.choice('0123456789') for _ in range(8))
    fmt = fmt or R.choice(['plain', 'plus', 'dash', 'sp', 'plus86', '0086'])
    return {'plain': n, 'plus': f'+86 {n[:3]} {n[3:7]} {n[7:]}', 'dash': f'{n[:3]}-{n[3:7]}-{n[7:]}',
            'sp': f'{n[:3]} {n[3:7]} {n[7:]}', 'plus86': f'+86-{n}', '0086': f'0086 {n}'}[fmt]
FIRST_EN = ['Peter', 'Mary', 'Wing Yan', 'Ka Ming', 'Fiona', 'Kelvin', 'Jessica', 'Tsz Hin', 'Hoi Lam', 'Raymond', 'Winnie', 'Chi Keung']
LAST_EN = ['Chan', 'Wong', 'Lee', 'Cheung', 'Lau', 'Ng', 'Ho', 'Leung', 'Tsang', 'Yip', 'Lam', 'Kwok']
SUR_ZH = ['陳', '黃', '李', '張', '劉', '吳', '何', '梁', '曾', '葉', '林', '郭', '王', '趙', '周', '欧阳', '司徒']
GIV_ZH = ['大文', '小明', '嘉欣', '詠儀', '志強', '家豪', '美玲', '子軒', '浩然', '淑芬', '偉', '婷', '建国', '丽华', '晓明']
def name(style=None):
    style = style or R.choice(['zh', 'zh', 'en', 'en2', 'mixed', 'enfirst'])
    z = R.choice(SUR_ZH) + R.choice(GIV_ZH)
    if style == 'zh': return z
    fe, le = R.choice(FIRST_EN), R.choice(LAST_EN)
    if style == 'en': return f'{fe} {le}'
    if style == 'en2': return f'{le.upper()} {fe}' if R.random() < .5 else f'{le}, {fe}'
    if style == 'mixed': return f'{z} {R.choice(["Peter","Mary","Fiona","Kelvin"])} {le}'
    return f'{R.choice(["Peter","Mary","Fiona","Kelvin","Jason"])} {z}'
def email(n=None):
    u = R.choice(['peter.chan', 'mwong', 'k.lee88', 'fiona_ng', 'tszhin.lau', 'hr-admin.x', 'raymond+hk'])
    return f'{u}{R.randint(1,99)}@' + R.choice(['example.com', 'corp.example.hk', 'mail.example.cn', 'example.com.hk', 'qq.example.com'])
def dob(fmt=None):
    y, m, d = R.randint(1955, 2004), R.randint(1, 12), R.randint(1, 28)
    M = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m-1]
    fmt = fmt or R.choice(['iso', 'slash', 'dmy', 'dMy', 'Mdy', 'zh', 'dash_dmy', 'dotdmy'])
    return {'iso': f'{y}-{m:02d}-{d:02d}', 'slash': f'{y}/{m}/{d}', 'dmy': f'{d:02d}/{m:02d}/{y}', 'dMy': f'{d} {M} {y}',
            'Mdy': f'{M} {d}, {y}', 'zh': f'{y}年{m}月{d}日', 'dash_dmy': f'{d:02d}-{m:02d}-{y}', 'dotdmy': f'{d:02d}.{m:02d}.{y}'}[fmt]
KR = "King's Road"; QR = "Queen's Road Central"
ADDR = [lambda: f'Flat {R.randint(1,30)}{R.choice("ABCDEFGH")}, {R.randint(2,40)}/F, Block {R.randint(1,9)}, {R.choice(["Tai Koo Shing","Mei Foo Sun Chuen","Lok Fu Estate","Kornhill"])}, {R.randint(1,99)} {R.choice(["Nathan Road",KR,"Castle Peak Road","Tai Po Road"])}, {R.choice(["Kowloon","Hong Kong","New Territories"])}',
        lambda: f'{R.randint(1,200)} {R.choice([QR,"Hennessy Road","Des Voeux Road West"])}, Room {R.randint(1,30)}0{R.randint(1,9)}, {R.choice(["Central","Wan Chai","Sheung Wan"])}, Hong Kong',
        lambda: f'香港{R.choice(["九龍旺角","新界沙田","港島北角","九龍觀塘"])}{R.choice(["彌敦道","沙田正街","英皇道","觀塘道"])}{R.randint(1,500)}號{R.choice(["","美麗大廈"])}{R.randint(2,30)}樓{R.choice("ABCDEF")}室',
        lambda: f'{R.choice(["广东省深圳市南山区","上海市浦东新区","北京市朝阳区","浙江省杭州市西湖区"])}{R.choice(["科技园南路","世纪大道","建国路","文三路"])}{R.randint(1,300)}号{R.randint(1,20)}栋{R.randint(1,30)}0{R.randint(1,9)}室',
        lambda: f'新界{R.choice(["屯門","元朗","將軍澳"])}{R.choice(["屯興路","青山公路","唐德街"])}{R.randint(1,99)}號{R.choice(["海珀","新都城"])}第{R.randint(1,5)}座{R.randint(2,40)}樓{R.choice("ABCDEFGH")}室']
def addr(): return R.choice(ADDR)()
def hkpass(): return R.choice('HK') + f'{R.randint(0,99999999):08d}'
def cnpass(): return R.choice([f'E{R.randint(10000000,99999999)}', f'E{R.choice("ABCDFGH")}{R.randint(1000000,9999999)}', f'G{R.randint(10000000,99999999)}'])
def ipv4(): return R.choice([f'203.0.113.{R.randint(1,254)}', f'10.{R.randint(0,255)}.{R.randint(0,255)}.{R.randint(1,254)}', f'192.168.{R.randint(0,255)}.{R.randint(1,254)}', f'58.{R.randint(150,180)}.{R.randint(0,255)}.{R.randint(1,254)}'])
def ipv6(): return R.choice([f'2001:db8::{R.randint(1,0xffff):x}', f'2001:db8:{R.randint(1,0xffff):x}:1::{R.randint(1,99)}', f'fe80::{R.randint(1,0xffff):x}:{R.randint(1,0xffff):x}'])
TWC = dict(A=10,B=11,C=12,D=13,E=14,F=15,G=16,H=17,I=34,J=18,K=19,L=20,M=21,N=22,O=35,P=23,Q=24,R=25,S=26,T=27,U=28,V=29,W=32,X=30,Y=31,Z=33)
def twid():
    L = R.choice('ABFHKE'); d = [R.choice([1, 2])] + [R.randint(0, 9) for _ in range(7)]
    n = TWC[L]; s = n // 10 + (n % 10) * 9 + sum(x * w for x, w in zip(d, [8,7,6,5,4,3,2,1]))
    return L + ''.join(map(str, d)) + str((10 - s % 10) % 10)
USC = '0123456789ABCDEFGHJKLMNPQRTUWXY'
def uscc():
    b = '91' + R.choice(['440300', '310115', '110105']) + ''.join(R.choice(USC[:10] + 'MA') for _ in range(9))
    W = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
    c = 31 - sum(USC.index(ch) * w for ch, w in zip(b, W)) % 31
    return b + USC[0 if c == 31 else c]
def moid(): return f'{R.choice("157")}{R.randint(100000,999999)}({R.randint(0,9)})'
def hkbr(): return f'{R.randint(10000000,79999999)}'

# ---------- negatives ----------
def neg_bits():
    y, m, d = 2024 + R.randint(0, 2), R.randint(1, 12), R.randint(1, 28)
    return R.choice([
        f'審批單號 {y}{m:02d}{d:02d}{R.randint(10,23)}{R.randint(10,59)}000{R.randint(100000,999999)}',
        f'流程 PROC-{R.choice(["7A1C","FF2E","EC9B"])}{R.randint(1000,9999)}-{R.randint(10000000,99999999)}',
        f'businessId: {y}{m:02d}{d:02d}{R.randint(1000,9999)}000{R.randint(100000,999999)}',
        f'金額：HK${R.randint(1,99)},{R.randint(100,999)}.{R.randint(10,99)}', f'报销金额 {R.randint(1000,99999)} 元',
        f'Amount: {R.randint(10000000,99999999)} HKD', f'RMB {R.randint(10000000,99999999)}',
        f'發票號碼 INV-{y}-{R.randint(1000,9999)}', f'Invoice No. {R.randint(10000000,99999999)}', f'訂單號：{luhn_complete("4", 16)}',
        f'订单号 {y}{m:02d}{d:02d}{R.randint(10**9, 10**10-1)}', f'合同編號 HT{y}{R.randint(100000,999999)}', f'PO #{R.randint(10000000,99999999)}',
        f'請假 {y}-{m:02d}-{d:02d} 至 {y}-{m:02d}-{min(d+2,28):02d}', f'會議時間 {R.randint(9,17)}:{R.choice(["00","30"])}-{R.randint(17,19)}:00',
        f'时长 {R.randint(1,9)}.5 小时', f'共 {R.randint(2,40)} 人', f'版本 {R.randint(1,9)}.{R.randint(0,20)}.{R.randint(0,9)}.{R.randint(100,9999)}',
        f'app v{R.randint(6,7)}.{R.randint(0,9)}.{R.randint(10,99)}', f'https://oa.example.com/approval/detail?procInstId={R.randint(10**8,10**9)}&corpId=ding{R.randint(10**7,10**8)}',
        f'cron: 0 {R.randint(0,59)} {R.randint(0,23)} * * ?', f'timestamp {R.randint(1700000000000, 1790000000000)}',
        f'部門 ID {R.randint(100000000,999999999)}', f'robotCode dingxz{R.randint(10**9,10**10)}', f'群 cid{R.randint(10**9,10**10)}Xy==',
        f'工號 {R.randint(10000000,99999999)}', f'员工编号：E{R.randint(100000,999999)}', f'2019-2020 年度', f'預算 3000 5000 8000',
        f'第 {R.randint(1,9)}.{R.randint(1,9)}.{R.randint(1,9)}.{R.randint(1,9)} 條', f'郵編 {R.randint(100000,999999)}',
        f'快遞單號 SF{R.randint(10**12,10**13-1)}', f'Ref: {R.randint(10**15, 10**16-1)}', f'會議號 {R.randint(100,999)} {R.randint(100,999)} {R.randint(100,999)}',
        f'房間 {R.randint(1,30)}0{R.randint(1,9)}', f'deadline {d:02d}/{m:02d}/{y}', f'入職日期：{y-1}-{m:02d}-{d:02d}',
        f'Ticket #{R.randint(10000000,99999999)}', f'{R.randint(2,40)} days left', f'{R.randint(10,99)}% completed'])
def neg_hard():
    # identifiers that look valid-ish but are not PII
    return R.choice([f'{hkid("bare", bad=True)}', f'{cnid(bad=True)}', f'{R.randint(1700000000000, 1790000000000)}',
                     f'{luhn_complete("1", 16)}', f'{R.randint(10**17, 10**18-1)}'])

# ---------- text builders (return text, [(type,value,kind)]) ----------
SEP = ['：', ':', ': ', '： ', ' - ', ' ']
def lab(zh_t, zh_s, en):
    return R.choice([zh_t, zh_s, en, en])
PII_FIELDS = [  # label options, value maker, type
    (['姓名', '姓名', 'Name', 'Full name', '申請人', '申请人', 'Applicant', '聯絡人', '联系人', 'Contact person', '收款人', 'Payee', '員工姓名', '英文姓名', '病人', '緊急聯絡人', '代理人', '报销人'], name, 'person_name'),
    (['手機', '手机', 'Mobile', '聯絡電話', '电话', 'Tel', 'Phone', 'WhatsApp', '手提電話', 'Contact no.'], lambda: hkphone(), 'hk_phone'),
    (['手机', '手機號碼', 'Mobile', '联系电话', '內地手機', 'Mainland mobile'], lambda: cnmob(), 'cn_mobile'),
    (['身份證', '身份證號碼', 'HKID', 'HKID No.', '證件號碼', 'ID No', '香港身份證'], lambda: hkid(), 'hkid'),
    (['身份证号', '身份证号码', '居民身份證', 'China ID', 'ID number', '证件号码'], lambda: cnid(), 'cn_id'),
    (['電郵', '邮箱', 'Email', 'E-mail', '電子郵件'], email, 'email'),
    (['信用卡', 'Credit card', '信用卡號', 'Card No.', 'Visa'], lambda: card(), 'credit_card'),
    (['銀行卡號', '工资卡', '银行卡', 'Bank card', '薪資卡'], lambda: cnbank(), 'cn_bank_card'),
    (['銀行戶口', '收款賬號', 'Bank account', '银行账户', 'A/C No.', '戶口號碼'], hkbank, 'hk_bank_account'),
    (['護照號碼', 'Passport No.', '香港護照', 'HK passport'], hkpass, 'hk_passport'),
    (['护照号码', '中國護照', 'PRC passport', 'Passport'], cnpass, 'cn_passport'),
    (['出生日期', '出生日期', 'Date of birth', 'DOB', '生日', 'Birthday', '出生年月日'], dob, 'date_of_birth'),
    (['地址', '住址', 'Address', '通訊地址', '居住地址', 'Home address', '联系地址'], addr, 'address'),
    (['登入IP', 'IP', 'Login IP', '來源IP'], ipv4, 'ipv4'),
    (['IPv6', 'IP地址', 'Client IP'], ipv6, 'ipv6'),
    (['台灣身分證', '臺灣身分證字號', 'Taiwan ID'], twid, 'tw_id'),
    (['澳門身份證', 'Macau ID', '澳门身份证号'], moid, 'mo_id'),
    (['統一社會信用代碼', '统一社会信用代码', 'USCC'], uscc, 'cn_uscc'),
    (['商業登記號碼', '商業登記', 'BR No.', 'Business Registration No.'], hkbr, 'hk_br'),
]
WEIGHTS = [6, 6, 4, 4, 3, 3, 2, 2, 2, 1, 1, 3, 3, 1, 1, 1, 1, 1, 1]
def pick_field(): return R.choices(PII_FIELDS, WEIGHTS)[0]
def labelled(style):
    labs, mk, t = pick_field(); l = R.choice(labs); v = mk()
    sep = R.choice(SEP)
    kind = 'strict' if sep.strip() in ('：', ':') else 'soft'
    if t not in ('person_name', 'date_of_birth', 'address', 'hk_br', 'mo_id', 'hk_passport', 'cn_passport'):
        kind = 'strict'  # self-identifying / context-word types
    if style == 'bullet': line = f'- {l}{sep}{v}'
    elif style == 'bold': line = f'- **{l}**{sep}{v}'; kind = 'strict' if sep.strip() else kind
    elif style == 'bracket': line = f'【{l}】{v}'; kind = 'soft' if kind != 'strict' or t in ('person_name', 'date_of_birth', 'address') else kind
    elif style == 'table': line = f'| {l} | {v} |'; kind = 'soft' if t in ('person_name', 'date_of_birth', 'address', 'hk_br', 'mo_id', 'hk_passport', 'cn_passport') else 'strict'
    else: line = f'{l}{sep}{v}'
    return line, [(t, v, kind)]
def prose():
    n = name(R.choice(['zh', 'en'])); p = hkphone(R.choice(['sp', 'plus', 'dash', 'plain', 'dash852', 'paren'])); m = cnmob(); e = email(); h = hkid(R.choice(['br', 'sp']))
    o = R.choice([
        (f'{n} 你好，你的申請已批核。如有疑問請致電 {p} 或電郵 {e}。', [('hk_phone', p), ('email', e)]),
        (f'Hi {n}, please call me back at {p} or email {e} before 5pm.', [('hk_phone', p), ('email', e)]),
        (f'请联系张经理，手机 {m}，邮箱 {e}。', [('cn_mobile', m), ('email', e)]),
        (f'客戶身份證 {h}，聯絡電話 {p}，請核實。', [('hkid', h), ('hk_phone', p)]),
        (f'Dear {n}, your HKID {h} has been verified. Our hotline: {(hl:=hkphone("sp", fixed=True))} is for general enquiries.', [('hkid', h), ('hk_phone', hl)]),
        (f'@{(mm:=cnmob("plain"))} 請今日內提交報銷單，金額 HK$3,200。', [('cn_mobile', mm)]),
        (f'@{(hh:=hkmob())} please review the attached leave request (3 days).', [('hk_phone', hh)]),
        (f'已把款項轉到 {n} 的帳戶 {(b:=hkbank())}，請查收。', [('hk_bank_account', b)]),
        (f'The refund will go to card {(c:=card(fmt="sp"))} within 7 working days.', [('credit_card', c)]),
        (f'麻煩幫我改手機號碼為 {m}，舊號碼停用了。', [('cn_mobile', m)]),
        (f'WhatsApp me on {p} if urgent. 唔該！', [('hk_phone', p)]),
        (f'員工 {n} 的身份证号码是 {(ci:=cnid())}，请在系统中更新。', [('cn_id', ci)]),
        (f'Kindly wire HK$12,000 to account {(b2:=hkbank())} (HSBC).', [('hk_bank_account', b2)]),
        (f'伺服器 {(ip:=ipv4())} 於 03:00 重啟，版本 4.2.1.8。', [('ipv4', ip)]),
    ])
    return o[0], [(t, v, 'strict') for t, v in o[1]]
def message_text(n_fields=None, md=False):
    parts, truth = [], []
    style = R.choice(['bullet', 'bold', 'plain', 'table', 'bracket']) if md else R.choice(['plain', 'plain', 'bracket'])
    if R.random() < .5:
        t, tr = prose(); parts.append(t); truth += tr
    for _ in range(n_fields or R.randint(1, 4)):
        l, tr = labelled(style); parts.append(l); truth += tr
    if R.random() < .6: parts.insert(R.randint(0, len(parts)), neg_bits())
    if md:
        hdr = R.choice(['#### 新員工入職', '### 报销审批通知', '**Leave request**', '## 客戶資料更新', '### Onboarding checklist'])
        if style == 'table': parts.insert(0, '| 項目 | 內容 |\n| --- | --- |')
        parts.insert(0, hdr)
        return '\n'.join(parts) if style != 'plain' else '\n\n'.join(parts), truth
    joiner = R.choice(['\n', '；', '，', '. ', ' '])
    return joiner.join(parts), truth

# ---------- documents ----------
NDOC = [0]
def emit(kind, obj, truth):
    NDOC[0] += 1; fn = f'{NDOC[0]:04d}_{kind}.json'
    with open(os.path.join(OUT, fn), 'w') as f: json.dump(obj, f, ensure_ascii=R.random() < .15, indent=R.choice([None, 2]))
    for path, t, v, k in truth: TRUTH.append((fn, path, t, v, k))
def tr(path, items): return [(path, t, v, k) for t, v, k in items]
def rid(): return ''.join(R.choice('0123456789abcdef') for _ in range(8)) + '-' + ''.join(R.choice('0123456789abcdef') for _ in range(4)) + '-4bd0-b0d6-' + ''.join(R.choice('0123456789abcdef') for _ in range(12))
def uid(): return R.choice(['manager', 'user', '0' + str(R.randint(10**9, 10**10)), 'chan']) + str(R.randint(1000, 99999))

def robot_send():
    mt = R.choice(['text', 'markdown', 'actionCard'])
    body, truth = message_text(md=mt != 'text')
    ats = []
    for _ in range(R.randint(0, 2)):
        a = R.choice([cnmob('plain'), hkmob()]); ats.append(a)
        truth.append(('cn_mobile' if len(a) == 11 else 'hk_phone', a, 'strict'))
        if R.random() < .7:
            body += f' @{a}'
    T = []
    if mt == 'text': obj = {'msgtype': 'text', 'text': {'content': body}}; p = 'text.content'
    elif mt == 'markdown': obj = {'msgtype': 'markdown', 'markdown': {'title': R.choice(['審批通知', '入职通知', 'Payroll', '客户资料']), 'text': body}}; p = 'markdown.text'
    else: obj = {'msgtype': 'actionCard', 'actionCard': {'title': '報銷單待審批', 'text': body, 'btnOrientation': '0', 'singleTitle': '查看詳情', 'singleURL': f'dingtalk://dingtalkclient/page/link?url=https%3A%2F%2Foa.example.com%2Fp%2F{R.randint(10**7,10**8)}&pc_slide=false'}}; p = 'actionCard.text'
    bt = [x for x in truth[:len(truth) - len(ats)]]
    at_truth = truth[len(truth) - len(ats):]
    # atMobile tokens appended to body also count as truth in body
    T += tr(p, bt)
    for a_t, a_v, k in at_truth:
        if f'@{a_v}' in body: T.append((p, a_t, a_v, k))
    obj['at'] = {'atMobiles': ats, 'atUserIds': [uid()], 'isAtAll': False}
    T += [(f'at.atMobiles.{i}', t, v, k) for i, (t, v, k) in enumerate(at_truth)]
    emit('robot_send', obj, T)
def v1_robot():
    key = R.choice(['sampleText', 'sampleMarkdown', 'sampleActionCard'])
    body, truth = message_text(md=key != 'sampleText')
    if key == 'sampleText': mp = {'content': body}
    elif key == 'sampleMarkdown': mp = {'title': R.choice(['薪酬通知', 'HR notice', '客户回访']), 'text': body}
    else: mp = {'title': '請審批', 'text': body, 'singleTitle': '查看', 'singleURL': f'https://oa.example.com/approval/{R.randint(10**8,10**9)}'}
    s = json.dumps(mp, ensure_ascii=False)
    if R.random() < .5:
        obj = {'robotCode': f'ding{R.randint(10**9,10**10)}abc', 'userIds': [uid(), uid()], 'msgKey': key, 'msgParam': s}
        k = 'batchSend'
    else:
        obj = {'msgParam': s, 'msgKey': key, 'openConversationId': f'cid{R.randint(10**9,10**10)}QwErT+8kJ==', 'robotCode': f'ding{R.randint(10**9,10**10)}', 'coolAppCode': f'COOLAPP-1-{R.randint(10**8,10**9)}'}
        k = 'groupSend'
    emit(k, obj, tr('msgParam', truth))
def asyncsend():
    mt = R.choice(['text', 'markdown', 'oa', 'oa'])
    T = []
    if mt == 'text':
        b, truth = message_text(); m = {'msgtype': 'text', 'text': {'content': b}}; T = truth
    elif mt == 'markdown':
        b, truth = message_text(md=True); m = {'msgtype': 'markdown', 'markdown': {'title': '工作通知', 'text': b}}; T = truth
    else:
        form = []
        for _ in range(R.randint(2, 5)):
            labs, mk, t = pick_field(); l = R.choice(labs); v = mk()
            form.append({'key': l + R.choice(['：', ':', '']), 'value': v}); T.append((t, v, 'strict'))
        form.append({'key': R.choice(['請假天數：', '金額：', '單號：']), 'value': R.choice([str(R.randint(1, 9)), f'{R.randint(1000,9999)}.00', str(R.randint(10**8, 10**9))])})
        b2, tr2 = message_text(n_fields=1)
        m = {'msgtype': 'oa', 'oa': {'message_url': f'https://oa.example.com/m/{R.randint(10**6,10**7)}', 'head': {'bgcolor': 'FFBBBBBB', 'text': '頭部'},
             'body': {'title': R.choice(['請假申請', '報銷申請']), 'form': form, 'content': b2, 'author': name('zh')}}}
        T = T + tr2
        # author: key "author" -> ambiguous; not in truth (soft)
    obj = {'agent_id': R.randint(10**8, 10**10), 'userid_list': ','.join(uid() for _ in range(2)), 'to_all_user': False}
    if R.random() < .7: obj['msg'] = json.dumps(m, ensure_ascii=False); emit('asyncsend', obj, [('msg', t, v, k) for t, v, k in T])
    else:
        obj['msg'] = m
        # positions: find path
        paths = []
        for t, v, k in T:
            if mt == 'oa':
                for i, f in enumerate(m['oa']['body']['form']):
                    if f['value'] == v: paths.append((f'msg.oa.body.form.{i}.value', t, v, k)); break
                else: paths.append(('msg.oa.body.content', t, v, k))
            else: paths.append(('msg.text.content' if mt == 'text' else 'msg.markdown.text', t, v, k))
        emit('asyncsend', obj, paths)

# approval form components
def comp_pii():
    c = R.choice([
        ('TextField', ['申請人', '申请人姓名', '聯絡人', '報銷人', '收款人', '出差人', '員工姓名', 'Applicant name', '紧急联系人'], name, 'person_name'),
        ('PhoneField', ['聯絡電話', '手機號碼', '联系电话', '代理人電話', 'Mobile', '紧急联系人电话'], lambda: R.choice([hkphone(), cnmob()]), None),
        ('IdCardField', ['身份證號碼', '身份证号', '證件號碼'], lambda: R.choice([hkid(), cnid()]), None),
        ('DDDateField', ['出生日期', '出生年月', 'Date of Birth', '生日'], lambda: dob(R.choice(['iso', 'slash', 'zh'])), 'date_of_birth'),
        ('TextField', ['電郵地址', '邮箱', 'Email'], email, 'email'),
        ('TextField', ['收款賬號', '銀行賬號', '银行卡号', '收款銀行戶口'], lambda: R.choice([hkbank(), cnbank('plain')]), None),
        ('TextField', ['護照號碼', '护照号'], lambda: R.choice([hkpass(), cnpass()]), None),
        ('TextareaField', ['住址', '居住地址', '通訊地址', '家庭住址'], addr, 'address'),
        ('TextareaField', ['備註', '请假事由', '說明', '事由'], None, 'TEXT'),
    ])
    ct, labs, mk, t = c; l = R.choice(labs)
    if t == 'TEXT':
        v, truth = message_text(n_fields=R.randint(1, 2)); return ct, l, v, truth
    v = mk()
    if t is None:
        if ct == 'PhoneField': t = 'cn_mobile' if ''.join(ch for ch in v if ch.isdigit())[-11:-10] == '1' else 'hk_phone'
        elif ct == 'IdCardField': t = 'cn_id' if len(v) == 18 else 'hkid'
        elif '戶口' in l or '賬號' in l and '-' in v: t = 'hk_bank_account' if '-' in v else 'cn_bank_card'
        elif '卡' in l or '賬號' in l: t = 'hk_bank_account' if '-' in v else 'cn_bank_card'
        else: t = 'hk_passport' if v[0] in 'HK' else 'cn_passport'
    return ct, l, v, [(t, v, 'strict')]
def comp_neg():
    y, m, d = 2025, R.randint(1, 12), R.randint(1, 27)
    return R.choice([
        ('DDSelectField', '請假類型', R.choice(['年假', '病假', '事假', 'Annual leave'])), ('DDDateField', '開始日期', f'{y}-{m:02d}-{d:02d}'),
        ('DDDateField', '请假日期', f'{y}-{m:02d}-{d:02d} 09:00'), ('NumberField', '請假天數', str(R.randint(1, 9))),
        ('MoneyField', '報銷金額', f'{R.randint(100, 99999)}.{R.randint(0,99):02d}'), ('MoneyField', 'Amount (HKD)', str(R.randint(10000000, 99999999))),
        ('TextField', '發票號碼', f'{R.randint(10000000, 99999999)}'), ('TextField', '訂單編號', str(R.randint(10**15, 10**16 - 1))),
        ('TextField', '合同编号', f'HT-{y}-{R.randint(1000,9999)}'), ('TextField', '項目代碼', f'PRJ{R.randint(10000,99999)}'),
        ('DDMultiSelectField', '費用類別', json.dumps(['交通', '餐飲'], ensure_ascii=False)), ('TextField', '成本中心', str(R.randint(100000, 999999))),
        ('DDDateRangeField', '["開始時間","結束時間"]', json.dumps([f'{y}-{m:02d}-{d:02d} 09:00', f'{y}-{m:02d}-{d+1:02d} 18:00', 2, 'day'])),
        ('TextField', '航班號', f'CX{R.randint(100,999)}'), ('TextField', '工號', str(R.randint(10000000, 99999999))),
        ('TextareaField', '備註', neg_bits()), ('TextareaField', 'Remarks', neg_bits() + '；' + neg_bits()),
    ])
def table_value(legacy):
    rows, truth = [], []
    for _ in range(R.randint(1, 3)):
        cells = []
        for _ in range(R.randint(2, 4)):
            if R.random() < .55:
                ct, l, v, t = comp_pii()
                if ct == 'TextareaField' and len(t) != 1: ct, l, v = 'TextField', '手機', hkphone(); t = [('hk_phone', v, 'strict')]
            else: ct, l, v = comp_neg(); t = []
            cells.append({'label': l, 'value': v, 'key': f'{ct}-{R.randint(10**6,10**7):X}'} if not legacy or R.random() < .5 else {'name': l, 'value': v, 'componentType': ct})
            truth += t
        rows.append({'rowValue': cells, 'rowNumber': f'TableField_{R.randint(10**5,10**6):X}'})
    return json.dumps(rows, ensure_ascii=False), truth
def approval(legacy):
    comps, T = [], []
    for i in range(R.randint(3, 8)):
        r = R.random()
        ct = None
        if r < .5: ct, l, v, truth = comp_pii()
        elif r < .62: ct, l = 'TableField', R.choice(['報銷明細', '费用明细', 'Expense details', '同行人員']); v, truth = table_value(legacy)
        elif r < .7:
            ct, l = 'InnerContactField', R.choice(['審批人', '代理人', '同行人', '交接人']); nm = name('zh')
            v = nm; truth = [('person_name', nm, 'strict')]
            ext = json.dumps([{'name': nm, 'avatar': '', 'emplId': uid()}], ensure_ascii=False)
        else: ct, l, v = comp_neg(); truth = []
        c = ({'component_type': ct, 'name': l, 'value': v, 'ext_value': '', 'id': f'{ct}-{R.randint(10**6,10**7):X}'} if legacy else
             {'componentType': ct, 'name': l, 'bizAlias': '', 'id': f'{ct}-{R.randint(10**6,10**7):X}', 'value': v, 'extValue': ''})
        if ct == 'InnerContactField':
            c['ext_value' if legacy else 'extValue'] = ext
            T.append((f'{"process_instance.form_component_values" if legacy else "result.formComponentValues"}.{i}.{"ext_value" if legacy else "extValue"}', 'person_name', nm, 'soft'))
        comps.append(c)
        base = 'process_instance.form_component_values' if legacy else 'result.formComponentValues'
        T += [(f'{base}.{i}.value', t, vv, k) for t, vv, k in truth]
    orig = name('zh'); bid = f'2025{R.randint(10**16, 10**17-1)}'
    if legacy:
        op = [{'userid': uid(), 'date': '2025-03-18 10:15:00', 'operation_type': 'START_PROCESS_INSTANCE', 'operation_result': 'NONE', 'remark': R.choice(['', neg_bits()])}]
        obj = {'errcode': 0, 'errmsg': 'ok', 'request_id': f'{R.randint(10**12,10**13):x}', 'process_instance': {
            'title': f'{orig}提交的{R.choice(["請假","報銷","出差申請"])}', 'create_time': '2025-03-18 10:15:00', 'finish_time': '', 'originator_userid': uid(),
            'originator_dept_id': str(R.randint(10**8, 10**9)), 'status': 'RUNNING', 'cc_userid_list': [uid()], 'form_component_values': comps,
            'operation_records': op, 'tasks': [{'userid': uid(), 'task_status': 'RUNNING', 'task_result': 'NONE', 'create_time': '2025-03-18 10:15:00', 'taskid': str(R.randint(10**10, 10**11))}],
            'business_id': bid, 'biz_action': 'NONE', 'originator_dept_name': R.choice(['財務部', '人力资源部', 'IT'])}}
        # The title starts with the originator's name (API-NOTES: "title (contains originator name)").
        T.append(('process_instance.title', 'person_name', orig, 'strict'))
        emit('legacy_approval', obj, T)
    else:
        obj = {'success': True, 'result': {'title': f'{orig}提交的{R.choice(["請假","報銷","出差"])}', 'createTime': '2025-03-18T10:15Z', 'finishTime': '',
               'originatorUserId': uid(), 'originatorDeptId': str(R.randint(10**8, 10**9)), 'originatorDeptName': '財務部', 'status': 'COMPLETED', 'result': 'agree',
               'businessId': bid, 'approverUserIds': [uid()], 'ccUserIds': [], 'formComponentValues': comps,
               'operationRecords': [{'userId': uid(), 'date': '2025-03-18T10:15Z', 'type': 'START_PROCESS_INSTANCE', 'result': 'NONE', 'showName': orig, 'remark': ''}],
               'tasks': [{'taskId': R.randint(10**10, 10**11), 'userId': uid(), 'status': 'COMPLETED', 'result': 'AGREE', 'processInstanceId': rid()}]}}
        T.append(('result.operationRecords.0.showName', 'person_name', orig, 'strict'))
        T.append(('result.title', 'person_name', orig, 'strict'))
        emit('v1_approval', obj, T)
def approval_start():
    comps, T = [], []
    for i in range(R.randint(2, 6)):
        if R.random() < .6: ct, l, v, truth = comp_pii()
        else: ct, l, v = comp_neg(); truth = []
        comps.append({'name': l, 'value': v} if R.random() < .7 else {'componentType': ct, 'name': l, 'value': v, 'id': f'{ct}-X{i}'})
        T += [(f'formComponentValues.{i}.value', t, vv, k) for t, vv, k in truth]
    obj = {'originatorUserId': uid(), 'processCode': f'PROC-{R.randint(10**7,10**8):X}-{R.randint(10**7,10**8)}', 'deptId': R.randint(10**6, 10**9),
           'approvers': [{'actionType': 'NONE', 'userIds': [uid()]}], 'formComponentValues': comps, 'microappAgentId': R.randint(10**8, 10**10)}
    emit('v1_approval_start', obj, T)
def card_send():
    T = []
    body, truth = message_text(md=True)
    if R.random() < .5:
        cd = {'config': {'autoLayout': True, 'enableForward': True}, 'header': {'title': {'type': 'text', 'text': '審批通知'}},
              'contents': [{'type': 'markdown', 'text': body, 'id': f'markdown_{R.randint(10**9,10**10)}'},
                           {'type': 'action', 'actions': [{'type': 'button', 'label': {'type': 'text', 'text': '查看'}, 'actionType': 'openLink', 'url': {'all': f'https://oa.example.com/x/{R.randint(10**7,10**8)}'}}]}]}
        obj = {'cardTemplateId': 'StandardCard', 'openConversationId': f'cid{R.randint(10**9,10**10)}ab==', 'conversationType': 1,
               'outTrackId': f'track_{R.randint(10**12,10**13)}', 'cardData': json.dumps(cd, ensure_ascii=False), 'robotCode': f'ding{R.randint(10**9,10**10)}'}
        T = [('cardData', t, v, k) for t, v, k in truth]
    else:
        nm = name(); ph = hkphone()
        obj = {'cardTemplateId': f'{R.randint(10**7,10**8):x}-tmpl.schema', 'outTrackId': f'{R.randint(10**12,10**13)}',
               'cardData': {'cardParamMap': {'title': '客戶資料', 'applicantName': nm, 'contactPhone': ph, 'content': body, 'amount': str(R.randint(1000, 99999)), 'orderNo': str(R.randint(10**15, 10**16))}},
               'imGroupOpenSpaceModel': {'supportForward': True}, 'openSpaceId': f'dtv1.card//IM_GROUP.cid{R.randint(10**9,10**10)}=='}
        T = [('cardData.cardParamMap.applicantName', 'person_name', nm, 'strict'), ('cardData.cardParamMap.contactPhone', 'hk_phone', ph, 'strict')] + \
            [('cardData.cardParamMap.content', t, v, k) for t, v, k in truth]
    emit('card', obj, T)
def stream_bot():
    body, truth = message_text()
    d = {'conversationId': f'cid{R.randint(10**9,10**10)}==', 'chatbotCorpId': f'ding{R.randint(10**15,10**16)}', 'msgId': f'msg{R.randint(10**9,10**10)}',
         'senderNick': (sn := name()), 'isAdmin': False, 'senderStaffId': uid(), 'sessionWebhookExpiredTime': R.randint(1700000000000, 1790000000000),
         'createAt': R.randint(1700000000000, 1790000000000), 'conversationType': R.choice(['1', '2']), 'text': {'content': body}, 'msgtype': 'text'}
    obj = {'specVersion': '1.0', 'type': 'CALLBACK', 'headers': {'messageId': f'{R.randint(10**9,10**10)}', 'time': str(R.randint(1700000000000, 1790000000000)), 'topic': '/v1.0/im/bot/messages/get'},
           'data': json.dumps(d, ensure_ascii=False)}
    emit('stream_bot', obj, [('data', 'person_name', sn, 'strict')] + [('data', t, v, k) for t, v, k in truth])
def hard_negative():
    k = R.choice(['robot', 'approval', 'v1robot', 'async'])
    text = R.choice(['；', '\n', '，', ' ']).join(neg_bits() for _ in range(R.randint(2, 5)))
    if R.random() < .3: text += f' 參考編號 {neg_hard()}'
    if k == 'robot': obj = {'msgtype': 'text', 'text': {'content': text}, 'at': {'atUserIds': [uid()], 'isAtAll': R.random() < .3}}
    elif k == 'v1robot': obj = {'robotCode': f'ding{R.randint(10**9,10**10)}', 'userIds': [uid()], 'msgKey': 'sampleText', 'msgParam': json.dumps({'content': text}, ensure_ascii=False)}
    elif k == 'async': obj = {'agent_id': R.randint(10**8, 10**10), 'userid_list': uid(), 'msg': json.dumps({'msgtype': 'text', 'text': {'content': text}}, ensure_ascii=False)}
    else:
        comps = [dict(zip(('componentType', 'name', 'value'), comp_neg())) for _ in range(R.randint(3, 7))]
        comps.append({'componentType': 'TextareaField', 'name': '說明', 'value': text})
        obj = {'success': True, 'result': {'title': R.choice(['費用報銷', '請假申請', 'Purchase request']), 'businessId': f'2024{R.randint(10**16,10**17-1)}', 'processCode': f'PROC-{R.randint(10**7,10**8):X}',
               'createTime': '2024-01-02T09:00Z', 'originatorDeptId': str(R.randint(10**8, 10**9)), 'formComponentValues': comps, 'tasks': [{'taskId': R.randint(10**10, 10**11), 'processInstanceId': rid()}]}}
    emit('hardneg', obj, [])

for _ in range(60): robot_send()
for _ in range(70): v1_robot()
for _ in range(50): asyncsend()
for _ in range(60): approval(False)
for _ in range(50): approval(True)
for _ in range(30): approval_start()
for _ in range(30): card_send()
for _ in range(25): stream_bot()
for _ in range(80): hard_negative()
with open(os.path.join(OUT, 'truth.tsv'), 'w') as f:
    for row in TRUTH: f.write('\t'.join(row) + '\n')
print(NDOC[0], 'docs', len(TRUTH), 'truth rows')
