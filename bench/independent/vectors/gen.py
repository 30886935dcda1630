#!/usr/bin/env python3
"""Sixth independent accuracy corpus: public test vectors.

Values come from published specifications and public test lists, not from the detectors:
check digits are computed here from the published algorithms, and the lists of valid and
invalid values quoted below come from validator.js's test suite, python-stdnum's doctests,
the Stripe and Adyen test-card pages, RFC 5737/3849/4291/5952 and Wikipedia. Each value is
put in the payload shapes DingTalk carries (telling keys, neutral keys, free text in English
and Traditional/Simplified Chinese, HRM roster fields, approval form components, markdown,
Stream frames, JSON in strings) beside hard negatives (wrong check digits, unissued prefixes,
look-alike ids, dates, amounts, versions, foreign numbers).

Usage: python3 gen.py [SEED]   (default 1; the seed only shuffles the order of the items in
each file). Writes $INDEP_OUT (default bench/out/independent/vectors)/*.json, each
{"items": [...]}, and truth.jsonl, one row per labelled value: {"file","path","type","value"}
with the exact text the detector should report. `_ignore` marks debatable values (findings
inside them are scored neither way); files named neg_* hold hard negatives only.
"""
import collections
import json
import os
import random
import re
import sys
import unicodedata

SEED = 1
for a in sys.argv[1:]:
    if a.lstrip('-').isdigit():
        SEED = int(a)
OUT = os.environ.get('INDEP_OUT', 'bench/out/independent/vectors')


# ---------------------------------------------------------------- check digits
def hkid_check(prefix, digits):
    """HKID check digit (Immigration Department; Wikipedia "Hong Kong identity card"):
    weights 9..2 over [prefix letters as A=10…Z=35, a lone letter preceded by a space = 36]
    and the six digits; check = (11 - sum mod 11) mod 11, 10 written 'A'."""
    p = prefix.upper()
    vals = [36] if len(p) == 1 else []
    vals += [ord(c) - ord('A') + 10 for c in p]
    vals += [int(d) for d in digits]
    s = sum(v * w for v, w in zip(vals, [9, 8, 7, 6, 5, 4, 3, 2]))
    c = (11 - s % 11) % 11
    return 'A' if c == 10 else str(c)


def hkid(prefix, digits):
    return prefix + digits + hkid_check(prefix, digits)


def cnid_check(first17):
    """GB 11643-1999 (ISO 7064 MOD 11-2): weights 2^(17-i) mod 11, check '10X98765432'[sum mod 11]."""
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return '10X98765432'[sum(int(d) * x for d, x in zip(first17, w)) % 11]


def cnid(area, birth, seq):
    b = area + birth + seq
    return b + cnid_check(b)


def luhn_ok(num):
    """ISO/IEC 7812-1 Annex B (Luhn)."""
    s = 0
    for i, d in enumerate(reversed([int(c) for c in num if c.isdigit()])):
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        s += d
    return s % 10 == 0


def luhn_complete(partial):
    return next(partial + c for c in '0123456789' if luhn_ok(partial + c))


# Taiwan national ID (Ministry of the Interior; Wikipedia "National identification card
# (Taiwan)"): the letter's two-digit code, then weights 1,9,8,…,1,1; valid when sum mod 10 = 0.
TW_LETTERS = {'A': 10, 'B': 11, 'C': 12, 'D': 13, 'E': 14, 'F': 15, 'G': 16, 'H': 17, 'I': 34,
              'J': 18, 'K': 19, 'L': 20, 'M': 21, 'N': 22, 'O': 35, 'P': 23, 'Q': 24, 'R': 25,
              'S': 26, 'T': 27, 'U': 28, 'V': 29, 'W': 32, 'X': 30, 'Y': 31, 'Z': 33}


def tw_ok(s):
    n = TW_LETTERS[s[0]]
    ds = [n // 10, n % 10] + [int(c) for c in s[1:]]
    return sum(a * b for a, b in zip(ds, [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1])) % 10 == 0


def tw_complete(p9):
    return next(p9 + c for c in '0123456789' if tw_ok(p9 + c))


# USCC, GB 32100-2015: 18 characters over 0-9A-Z without I O S V Z, weights 3^i mod 31,
# check = 31 - sum mod 31; characters 9-17 are the GB 11714 organisation code with its own
# check digit (weights 3,7,9,10,5,8,4,2; 11 - sum mod 11, 10 = 'X', 11 = '0').
USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check(p17):
    c = 31 - sum(USCC_CHARS.index(ch) * w for ch, w in zip(p17, USCC_W)) % 31
    return USCC_CHARS[0 if c == 31 else c]


def org_code_check(p8):
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * x for c, x in zip(p8, [3, 7, 9, 10, 5, 8, 4, 2]))
    return {10: 'X', 11: '0'}.get(11 - s % 11, str(11 - s % 11))


def uscc(dept_type, area, org8):
    p = dept_type + area + org8 + org_code_check(org8)
    return p + uscc_check(p)


FW = str.maketrans('0123456789()ABCDEFGHIJKLMNOPQRSTUVWXYZ-',
                   '０１２３４５６７８９（）ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ－')


def fw(s):
    return s.translate(FW)


# ---------------------------------------------------------------- corpus
files = {}      # file group -> [(doc, [(relpath, type, value)])]
seen = {}       # canonical doc -> labels, to drop exact duplicates
IGN = '_ignore'
ASCII_FILES = {'json'}   # written with \u escapes: the detector must decode them


def add(group, doc, pos=(), neg=(), ctx=''):
    """doc: one item; pos: [(path inside the item, type, value)]. neg and ctx document the
    hard negatives and the shape; they are not written (a finding on an unlabelled value is a
    false alarm)."""
    k = json.dumps(doc, sort_keys=True, ensure_ascii=False)
    labels = [tuple(p) for p in pos]
    if k in seen:
        if sorted(seen[k]) != sorted(labels):
            sys.exit(f'same item labelled two ways: {k} {seen[k]} {labels}')
        return
    seen[k] = labels
    files.setdefault(group, []).append((doc, labels))


def P(g, doc, pos, ctx=''):
    add(g, doc, pos=pos, ctx=ctx)


def N(g, doc, neg=(), ctx=''):
    add(g, doc, neg=neg, ctx=ctx)


def gpath(k):
    return k.replace('.', r'\.')


def tight(g, t, v, zh, key='content'):
    P(g, {key: f'{zh}{v}已核實'}, [(key, t, v)], 'tight-zh')


EN = ['Please contact me, my {kw} is {v} thanks', 'Update record: {kw} {v}.', '{kw}: {v}']
ZHT = ['請更新我的{kw}：{v}，謝謝', '員工{kw}為 {v} 已核實', '{kw}（{v}）']
ZHS = ['请更新我的{kw}：{v}，谢谢', '员工{kw}为{v}已核实']


def texts(v, kws):
    """free text around v with a context word: kws = (English, Traditional, Simplified)"""
    en, zht, zhs = kws
    return [EN[0].format(kw=en, v=v), EN[1].format(kw=en, v=v), ZHT[0].format(kw=zht, v=v),
            ZHT[1].format(kw=zht, v=v), ZHS[0].format(kw=zhs, v=v)]


def pos_set(group, t, values, keys, kws, neutral=True, text=True, ign=lambda v, where: False):
    """each value under a telling key, under a neutral key, in a text message and in an
    approval form's text area; ign(v, where) marks a debatable case _ignore (where is
    'key:<key>', 'neutral' or 'text')."""
    for j, v in enumerate(values):
        k = keys[j % len(keys)]
        ty = lambda where: IGN if ign(v, where + ':' + k if where == 'key' else where) else t
        add(group, {k: v, 'userid': 'chantaiman'}, pos=[(gpath(k), ty('key'), str(v))])
        if isinstance(v, int):
            continue
        if neutral:
            add(group, {'content': v}, pos=[('content', ty('neutral'), v)])
        if text:
            tx = texts(v, kws)
            add(group, {'msgtype': 'text', 'text': {'content': tx[j % len(tx)]}}, pos=[('text.content', ty('text'), v)])
            add(group, {'componentType': 'TextareaField', 'name': '備註', 'value': tx[(j + 2) % len(tx)]},
                pos=[('value', ty('text'), v)])


def neg_set(group, vals, key='content', text_tpl=None, note=''):
    for v, n in vals:
        add(group, {key: text_tpl.format(v=v) if text_tpl else v}, ctx=n or note)


# ----------------------------------------------------------------
# every type: telling keys, neutral keys, free text (en / zh-Hant / zh-Hans), approval text areas,
# rosters, JSON in strings, Stream frames; wrong check digits and look-alikes
# ---------------------------------------------------------------- HKID
hk_valid = []
for p, d in [('A', '123456'), ('C', '668123'), ('K', '301245'), ('Z', '683901'), ('P', '103927'),
             ('R', '552310'), ('G', '778812'), ('M', '340876'), ('Y', '209331'), ('E', '904412'),
             ('D', '120983'), ('H', '449021'), ('V', '880213'), ('B', '765432'), ('WX', '123456'),
             ('XA', '082311'), ('N', '200431'), ('S', '310986'), ('T', '445621'), ('F', '902837')]:
    hk_valid.append((p, d, hkid_check(p, d)))
# make sure we have a check 'A' one
for n in range(100000, 100400):
    if hkid_check('B', str(n)) == 'A':
        hk_valid.append(('B', str(n), 'A'))
        break
fmts = [lambda p, d, c: f'{p}{d}({c})', lambda p, d, c: f'{p}{d}{c}', lambda p, d, c: f'{p}{d} ({c})',
        lambda p, d, c: f'{p.lower()}{d}({c.lower()})', lambda p, d, c: fw(f'{p}{d}({c})'),
        lambda p, d, c: f'{p}{d}（{c}）']
hkvals = [fmts[i % len(fmts)](*x) for i, x in enumerate(hk_valid)]
pos_set('hkid', 'hkid', hkvals, ['idCard', '身份證號碼', 'certNo', 'hkid', 'idCardNo', 'certificateNo'],
        ('HKID', '身份證號碼', '身份证号码'))
# roster shape
add('hkid', {'fieldCode': 'sys02-certNo', 'fieldName': '證件號碼',
             'fieldValueList': [{'itemIndex': 0, 'label': 'Z683901(' + hkid_check('Z', '683901') + ')',
                                 'value': 'Z683901(' + hkid_check('Z', '683901') + ')'}]},
    pos=[('fieldValueList.0.label', 'hkid', 'Z683901(' + hkid_check('Z', '683901') + ')'),
         ('fieldValueList.0.value', 'hkid', 'Z683901(' + hkid_check('Z', '683901') + ')')], ctx='roster')
# negatives: wrong check digit, unissued prefix, look-alikes
bad = []
for p, d, c in hk_valid[:8]:
    wc = str((int(c) + 1) % 10) if c != 'A' else '0'
    bad.append((f'{p}{d}({wc})', 'wrong check digit'))
bad += [('I123456(' + hkid_check('I', '123456') + ')', 'prefix I not issued'),
        ('O345678(' + hkid_check('O', '345678') + ')', 'prefix O not issued'),
        ('A12345(6)', 'too few digits'), ('HK000123', 'job number'), ('A1234567890', 'too long'),
        ]
neg_set('hkid', bad, key='idCard')
# an HKID-shaped product code under an identity-card key: key and text disagree, debatable
P('hkid', {'idCard': 'SKU A123456-3'}, [('idCard', IGN, 'SKU A123456-3')])
# a two-letter prefix not issued (QQ): a checker may accept any two letters, debatable
qq = f"QQ123456({hkid_check('QQ', '123456')})"
P('hkid', {'idCard': qq}, [('idCard', IGN, qq)])
neg_set('hkid', bad[:8], key='content', text_tpl='Ticket ref {v} closed.')
neg_set('hkid', [('FLAT A123456', 'flat code'), ('MODEL X1234567', 'model no')], key='remark')

# ---------------------------------------------------------------- HK phone
hkp = ['91234567', '6123 4567', '+852 6876 5432', '+852-91234567', '(852) 5123 4567', '00852 9876 5432',
       '852-2123 4567', '2345 6789', '3123-4567', '5812 3456', '+85298765432', '7012 3456', '8412 3456',
       fw('9123 4567'), '+852 2877 1234']
pos_set('hk_phone', 'hk_phone', hkp, ['mobile', 'telephone', 'phone', '聯絡電話', 'sys06-urgentContactsPhone', 'phoneNumber'],
        ('mobile', '聯絡電話', '联系电话'), neutral=False)
add('hk_phone', {'mobile': 91234567}, pos=[('mobile', 'hk_phone', '91234567')], ctx='number token')
add('hk_phone', {'state_code': '852', 'mobile': '61234567'}, pos=[('mobile', 'hk_phone', '61234567')], ctx='key+state_code')
add('hk_phone', {'content': '緊急聯絡人 陳太 6123 4567'}, pos=[('content', 'hk_phone', '6123 4567'), ('content', IGN, '陳太')], ctx='text')
add('hk_phone', {'content': 'Call me at +852 9123 4567 tomorrow'}, pos=[('content', 'hk_phone', '+852 9123 4567')], ctx='text +852')
add('hk_phone', {'content': '手機 5432 1098 有事打俾我'}, pos=[('content', 'hk_phone', '5432 1098')], ctx='text')
add('hk_phone', {'content': 'WhatsApp 9876 5432 please'}, pos=[('content', 'hk_phone', '9876 5432')], ctx='text')
neg_set('hk_phone', [(12345678, 'order-ish number'), ('10234567', 'prefix 1 not allocated'),
                     ('00001234', 'prefix 0')], key='mobile')
neg_set('hk_phone', [(583201457, 'dept id'), (176364576, 'order'), ('92345678', 'bare 8 digits neutral key, no context'),
                     (20250318, 'date int')], key='dept_id')
neg_set('hk_phone', [('96321478', 'amount'), ('61234567', 'invoice no')], key='c',
        text_tpl='Invoice INV-{v} paid HKD 1,200')
neg_set('hk_phone', [('29.35', ''), ('1234 5678', 'prefix 1')], key='content', text_tpl='Total amount: {v} HKD')
neg_set('hk_phone', [('98765432', 'order number')], key='content', text_tpl='訂單編號 {v} 已發貨')
neg_set('hk_phone', [('62345678', 'bizNumber')], key='bizNumber')

# ---------------------------------------------------------------- CN mobile
cnm = ['13812345678', '+86 139 1234 5678', '+8615012345678', '0086 186-1234-5678', '177 0123 4567',
       '19912345678', '166 1234 5678', '+86-147-1234-5678', '(+86) 13512345678', fw('13912345678'),
       '18600001111', '15912345678']
pos_set('cn_mobile', 'cn_mobile', cnm, ['mobile', '手机号', 'phone', 'sys00-mobile'],
        ('mobile', '手機', '手机号'))
add('cn_mobile', {'mobile': 13812345678}, pos=[('mobile', 'cn_mobile', '13812345678')], ctx='number token')
neg_set('cn_mobile', [('12012345678', 'prefix 12'), ('10612345678', 'prefix 10'), ('11812345678', 'prefix 11'),
                      ('138123456789', '12 digits')], key='mobile')
neg_set('cn_mobile', [(17422641000, '11-digit number id'), ('16123456789', None)], key='taskId')
neg_set('cn_mobile', [('13812345678901', 'part of longer number'), ('20250318101500123456', 'businessId')],
        key='content', text_tpl='流水号 {v} 已处理')
neg_set('cn_mobile', [(1742264100000, 'epoch ms'), ('1742264100', 'epoch s')], key='createAt')

# ---------------------------------------------------------------- CN ID
cnids = [cnid('110101', '19900307', '123'), cnid('440305', '19851212', '256'), cnid('310104', '20000229', '451'),
         cnid('440106', '19790101', '004'), cnid('810000', '19950615', '021'), cnid('820000', '19880808', '113'),
         cnid('830000', '19920420', '056'), '11010519491231002X', cnid('510107', '19731130', '887'),
         cnid('330106', '19660712', '339')]
xs = [v for v in (cnid('440304', '19870415', f'{k:03d}') for k in range(200)) if v.endswith('X')]
cnids.append(xs[0])
cnids.append(xs[1][:-1] + 'x')
cnfmt = cnids[:]
cnfmt[1] = cnids[1][:6] + ' ' + cnids[1][6:14] + ' ' + cnids[1][14:]
cnfmt[3] = fw(cnids[3])
pos_set('cn_id', 'cn_id', cnfmt, ['idCardNo', '身份证号码', 'certNo', 'idCard', 'sys02-certNo'],
        ('ID card', '身份證', '身份证号'))
badcn = [(cnids[0][:-1] + ('0' if cnids[0][-1] != '0' else '1'), 'wrong check'),
         (cnid('110101', '19900230', '123'), 'Feb 30'), (cnid('110101', '19901301', '123'), 'month 13'),
         (cnid('000000', '19900307', '123'), 'area 000000'), (cnid('990101', '19900307', '123'), 'area 99'),
         ('202503181015000123', '18-digit businessId'), (cnid('110101', '21500101', '123'), 'year 2150')]
neg_set('cn_id', badcn, key='idCardNo')
neg_set('cn_id', badcn[:3], key='content', text_tpl='单号 {v} 已审批')

# ---------------------------------------------------------------- email
emails = ['taiman.chan@example.com', 'peter.chan@hk.example.com', 'a.b-c+tag@sub.example.com.hk', 'WONG_SM@EXAMPLE.ORG',
          'user123@example.hk', 'x@example.co', "o'brien@example.ie", 'first.last@例子.中国', 'info@example.museum']
pos_set('email', 'email', emails, ['email', 'orgEmail', 'org_email', '郵箱', 'sys00-email'],
        ('email', '電郵', '邮箱'))
add('email', {'content': '請聯絡 taiman.chan\\u0040example.com'}, pos=[], ctx='literal backslash-u (not an email after decode)')
add('email', {'content': 'mail me: taiman.chan\u0040example.com'}, pos=[('content', 'email', 'taiman.chan@example.com')], ctx='escaped @')
add('email', {'content': '發送到<lee.ka-yan@example.com.hk>即可'}, pos=[('content', 'email', 'lee.ka-yan@example.com.hk')], ctx='angle')
add('email', {'content': '联系邮箱：zhang.wei@example.cn。'}, pos=[('content', 'email', 'zhang.wei@example.cn')], ctx='zh punct')
neg_set('email', [('foo@bar', 'no tld'), ('user@localhost', 'no tld'), ('@example.com', 'no local'),
                  ('a@b.c', '1-char tld'), ('user@@example.com', 'double @'), ('$:LWCP_v1:$FAKEbot', 'dingtalk id'),
                  ('image@2x.png', 'retina filename')], key='content')
P('email', {'content': 'name@example.invalidtldzz'}, [('content', IGN, 'name@example.invalidtldzz')], 'bogus tld')

# ---------------------------------------------------------------- credit card
# the well-known issuer test numbers (Visa, Mastercard 5x/2x, Amex, Discover, JCB, Diners, UnionPay)
cards = ['4111111111111111', '4012 8888 8888 1881', '5555-5555-5555-4444', '5105105105105100', '2223003122003222',
         '378282246310005', '3714 496353 98431', '6011111111111117', '3530111333300000', '30569309025904',
         '6200000000000005', '4000 0566 5566 5556', '2720 9900 0000 0000'.replace(' ', ''), fw('4242424242424242')]
cards = [c if luhn_ok(c) else luhn_complete(c[:-1]) for c in cards]
pos_set('credit_card', 'credit_card', cards, ['cardNo', 'creditCard', '信用卡號', 'card_number'],
        ('credit card', '信用卡', '信用卡号'))
badcards = [('4111111111111112', 'luhn fail'), ('5555555555554440', 'luhn fail'), (1742264100000, 'epoch ms 13d'),
            ('1742264100000', 'epoch ms str'), ('9111111111111110', 'luhn ok but no network 9'),
            ('202503181015000123456', 'businessId'), ('1234567812345670', 'luhn ok, prefix 1')]
badcards = [(v, n) for v, n in badcards]
assert luhn_ok('9111111111111110') or True
neg_set('credit_card', badcards, key='content')
neg_set('credit_card', [('4111111111111112', 'luhn fail'), ('79512345678', 'taskId')], key='c', text_tpl='Card {v} declined')

# ---------------------------------------------------------------- ipv4 / ipv6
# RFC 5737 documentation blocks, a public resolver, RFC 1918 private addresses
ip4 = ['192.0.2.1', '203.0.113.254', '198.51.100.7', '8.8.8.8', '10.0.0.1', '172.16.254.1']
pos_set('ip', 'ipv4', ip4, ['ip', 'clientIp', 'remoteAddr'], ('IP', 'IP地址', 'IP地址'), )
# RFC 3849 documentation prefix, RFC 4291 §2.2 / §2.5.5.2 forms, a link-local and a public address
ip6 = ['2001:db8::1', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'fe80::1ff:fe23:4567:890a', '::ffff:192.0.2.128',
       '2001:DB8:0:0:8:800:200C:417A', '2400:cb00:2048:1::c629:d7a2']
pos_set('ip', 'ipv6', ip6, ['ip', 'clientIp', 'ipv6'], ('IPv6', 'IP地址', 'IP地址'))
neg_set('ip', [('256.1.1.1', 'octet >255'), ('1.2.3.4.5', 'OID-like'), ('2025.03.18', 'date'), ('3.10.2', 'version'),
               ('10:15:30', 'time'), ('00:1A:2B:3C:4D:5E', 'MAC'), ('2025-03-18T10:15Z', 'timestamp'),
               ('12:30:45:00', 'time-ish'), ('1.2.840.113549.1.1.1', 'OID')], key='content')

# ---------------------------------------------------------------- HK passport / CN passport
hkpp = ['K12345678', 'H87654321', 'K01928374', 'H1234567 8'.replace(' ', '')]
pos_set('passport', 'hk_passport', hkpp, ['passportNo', 'hkPassport', '護照號碼'], ('HKSAR passport no.', '特區護照號碼', '香港护照号码'), neutral=False)
cnpp = ['E12345678', 'EA1234567', 'G12345678', 'EB7654321', 'E87654321']
pos_set('passport', 'cn_passport', cnpp, ['passportNo', '护照号码', 'passport'], ('PRC passport', '中國護照號碼', '中国护照号码'), neutral=False)
neg_set('passport', [('E12345678', 'product sku, no context'), ('K12345678', 'no context')], key='content',
        text_tpl='Order SKU {v} shipped')

# ---------------------------------------------------------------- Macau ID, TW ID
moids = ['1234567(8)', '5215299(8)', '7123456(1)', '1345678(0)', '51234567']
pos_set('mo_tw', 'mo_id', moids, ['idCard', '澳門身份證', 'moId'], ('Macau ID', '澳門身份證', '澳门身份证'), neutral=False)
tws = ['A123456789', tw_complete('F22345678'), tw_complete('B12345670'), tw_complete('Z20000000'),
       tw_complete('P18765432')]
tws[2] = tws[2].lower()
pos_set('mo_tw', 'tw_id', tws, ['idCard', '身分證字號', 'twId'], ('Taiwan ID', '身分證字號', '台湾身份证'),
        ign=lambda v, where: v[0].islower() and where == 'neutral')
badtw = [('A123456788', 'wrong check'), ('A323456789', 'gender digit 3'), ('1234567890', 'no letter')]
neg_set('mo_tw', badtw, key='idCard')
neg_set('mo_tw', [('1234567(9)', 'macau-like ref no context'), ('8123456(1)', 'first digit 8')], key='content',
        text_tpl='Ref {v} approved')

# ---------------------------------------------------------------- USCC / HK BR
usccs = ['91350100M000100Y43', uscc('91', '440300', '35928110'), uscc('91', '110108', '10123456'),
         uscc('52', '310104', '50012345'), uscc('12', '100000', '40000123'), uscc('93', '440106', '66778899')]
pos_set('company', 'cn_uscc', usccs, ['creditCode', '统一社会信用代码', 'taxNo', 'purchaserTaxNo'],
        ('USCC', '統一社會信用代碼', '统一社会信用代码'))
badu = [('91350100M000100Y44', 'wrong check'), ('91440300359281105A', 'wrong check'),
        ('ABCDEFGHJKLMNPQRTU', 'random'), ('91350100M000100Y4', '17 chars')]
neg_set('company', badu, key='creditCode')
brs = ['12345678', '31415926-000-03-24-8', '59876543', '12345678-001-05-25-A']
pos_set('company', 'hk_br', brs, ['brNo', '商業登記號碼', 'businessRegistrationNo'],
        ('Business Registration No.', '商業登記號碼', '商业登记号码'), neutral=False,
        ign=lambda v, where: '-' in v)  # the full certificate number with branch suffix: debatable span
neg_set('company', [('12345678', 'bare 8-digit no context')], key='count')

# ---------------------------------------------------------------- bank accounts
hkba = ['004-123-456789-001', '012-875-1-012345-6', '024-123-45678-9', '123-456789-001', '004 512 345678 838']
pos_set('bank', 'hk_bank_account', hkba, ['bankAccount', 'sys04-bankAccountNo', '銀行賬號', 'purchaserBankAccount'],
        ('bank account', '銀行戶口號碼', '银行账号'), neutral=False)
cnbc = [luhn_complete('622202123456789012'), luhn_complete('621700123412341234'), '6222 0212 3456 7890 128',
        luhn_complete('622848001234567890'), luhn_complete('622588123456789'), luhn_complete('6217000010012345678'[:-1])]
cnbc[2] = ' '.join([x for x in [luhn_complete('622202123456789012')[i:i + 4] for i in range(0, 19, 4)]])
pos_set('bank', 'cn_bank_card', cnbc, ['bankCardNo', '银行卡号', 'sys04-bankAccountNo', 'cardNo'],
        ('bank card', '銀行卡號', '银行卡号'), neutral=False, ign=lambda v, where: where == 'key:cardNo')
neg_set('bank', [('202503181015000123456', 'businessId 21d'), ('6222021234567890120', 'luhn fail')], key='content',
        text_tpl='单号 {v}')

# ---------------------------------------------------------------- names / dob / address
names = ['陳大文', 'CHAN, Tai Man', 'Peter Chan', '黃麗華', 'Lee Ka-yan', '王小明', '歐陽志強']
for j, n in enumerate(names):
    k = ['name', 'realName', 'sys02-realName', 'senderNick', '英文名', 'urgentContactsName', 'showName'][j]
    add('pii_struct', {k: n, 'userid': 'chantaiman'}, pos=[(gpath(k), 'person_name', n)], ctx='key:' + k)
add('pii_struct', {'fieldCode': 'sys02-realName', 'fieldValueList': [{'label': 'CHAN, Tai Man', 'value': 'CHAN, Tai Man'}]},
    pos=[('fieldValueList.0.label', 'person_name', 'CHAN, Tai Man'), ('fieldValueList.0.value', 'person_name', 'CHAN, Tai Man')], ctx='roster')
add('pii_struct', {'field_code': 'sys06-urgentContactsName', 'field_value_list': [{'label': '黃美玲', 'value': '黃美玲'}]},
    pos=[('field_value_list.0.label', 'person_name', '黃美玲'), ('field_value_list.0.value', 'person_name', '黃美玲')], ctx='roster snake')
add('pii_struct', {'content': '請幫我更新緊急聯絡人：黃美玲，謝謝'}, pos=[('content', 'person_name', '黃美玲')], ctx='text')
add('pii_struct', {'content': 'Emergency contact: Mary Wong, relation mother'}, pos=[('content', 'person_name', 'Mary Wong')], ctx='text')
add('pii_struct', {'content': '姓名：张伟，部门：财务'}, pos=[('content', 'person_name', '张伟')], ctx='text')
neg_set('pii_struct', [('財務部', 'dept name'), ('請假申請', 'template name'), ('Finance Team', 'group')], key='name')
dobs = ['1988-07-14', '14/07/1988', '1990年5月3日', '1975.12.01', '19880714']
for j, d in enumerate(dobs):
    k = ['birthday', 'sys02-birthTime', 'dateOfBirth', '出生日期', 'dob'][j]
    add('pii_struct', {k: d}, pos=[(gpath(k), 'date_of_birth', d)], ctx='key:' + k)
add('pii_struct', {'fieldCode': 'sys02-birthTime', 'fieldValueList': [{'label': '1988-07-14', 'value': '1988-07-14'}]},
    pos=[('fieldValueList.0.label', 'date_of_birth', '1988-07-14'), ('fieldValueList.0.value', 'date_of_birth', '1988-07-14')], ctx='roster')
add('pii_struct', {'content': '本人出生日期 1985年3月12日，請核對'}, pos=[('content', 'date_of_birth', '1985年3月12日')], ctx='text')
add('pii_struct', {'content': 'DOB: 12/03/1985'}, pos=[('content', 'date_of_birth', '12/03/1985')], ctx='text')
add('pii_struct', {'content': 'born on 3 May 1990 in Hong Kong'}, pos=[('content', 'date_of_birth', '3 May 1990')], ctx='text')
neg_set('pii_struct', [('2025-03-18T10:15Z', 'createTime'), ('2025-03-24 09:00', 'leave start')], key='createTime')
neg_set('pii_struct', [('2021-04-01', 'hired date')], key='hiredDate')
neg_set('pii_struct', [('2025-03-24', 'leave date')], key='content', text_tpl='我想在 {v} 請假一天')
addrs = ['香港九龍觀塘道 388 號 15 樓', 'Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon', '广东省深圳市南山区科技园南区深南大道10000号',
         '香港島灣仔告士打道 100 號 8 樓 A 室', 'Room 1203, 12/F, Tower 2, Times Square, 1 Matheson Street, Causeway Bay']
for j, a in enumerate(addrs):
    k = ['address', 'sys02-address', '住址', 'certAddress', 'homeAddress'][j]
    add('pii_struct', {k: a}, pos=[(gpath(k), 'address', a)], ctx='key:' + k)
add('pii_struct', {'content': '住址：香港新界沙田大圍積存街 18 號 3 樓，請寄文件'},
    pos=[('content', 'address', '香港新界沙田大圍積存街 18 號 3 樓')], ctx='text')
add('pii_struct', {'content': 'Please send to Flat 5, 3/F, 18 Tai Wai Road, Sha Tin, N.T. thanks'},
    pos=[('content', 'address', 'Flat 5, 3/F, 18 Tai Wai Road, Sha Tin, N.T.')], ctx='text')

# ---------------------------------------------------------------- mixed / nested JSON-in-string
h1 = 'D120983(' + hkid_check('D', '120983') + ')'
ext = json.dumps({'英文名': 'Peter Chan', '身份證號碼': h1, '手機': '+852 9123 4567', '住址': 'Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon'}, ensure_ascii=False)
add('mixed', {'extension': ext}, pos=[('extension', 'hkid', h1), ('extension', 'hk_phone', '+852 9123 4567'),
                                        ('extension', 'person_name', 'Peter Chan'),
                                        ('extension', 'address', 'Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon')], ctx='json-in-string')
c1 = cnids[4]
data = json.dumps({'senderNick': '陳大文', 'text': {'content': f'我的回鄉證號 {c1}，電話 +86 138 1234 5678'}}, ensure_ascii=False)
add('mixed', {'data': data}, pos=[('data', 'cn_id', c1), ('data', 'cn_mobile', '+86 138 1234 5678'), ('data', 'person_name', '陳大文')], ctx='stream frame')
val = json.dumps(['2025-03-24 09:00', '2025-03-25 18:00', 2, 'day', '年假', '請假類型'], ensure_ascii=False)
add('mixed', {'componentType': 'DDHolidayField', 'value': val}, neg=[('value', '2025-03-24 09:00', 'leave dates')], ctx='approval-neg')
add('mixed', {'content': f'Hi, 我係陳生, HKID {hkvals[0]}, mobile 9123 4567, email taiman.chan@example.com'},
    pos=[('content', IGN, '陳生'), ('content', 'hkid', hkvals[0]), ('content', 'hk_phone', '9123 4567'), ('content', 'email', 'taiman.chan@example.com')], ctx='mixed text')
add('mixed', {'msgParam': json.dumps({'content': f'卡號 4111 1111 1111 1111 到期 12/28'}, ensure_ascii=False)},
    pos=[('msgParam', 'credit_card', '4111 1111 1111 1111')], ctx='msgParam')


# ----------------------------------------------------------------
# values glued to Chinese cues, key spellings, form tables as JSON strings, epoch-ms dates of
# birth, more hard negatives
# ---- HKID
h = lambda p, d: f'{p}{d}({hkid_check(p, d)})'
for p, d in [('A', '765432'), ('K', '554433'), ('Y', '123987')]:
    tight('hkid', 'hkid', h(p, d), '身份證')
    tight('hkid', 'hkid', h(p, d).replace('(', '').replace(')', ''), '身份证号码')
P('hkid', {'content': f"HKID:{h('M', '334455')};tel:91234567"}, [('content', 'hkid', h('M', '334455')), ('content', 'hk_phone', '91234567')], 'tight-en')
P('hkid', {'content': f"my id is {h('J', '123400').lower()}"}, [('content', 'hkid', h('J', '123400').lower())], 'lower in text')
P('hkid', {'content': f"HKID {'G'}{'778812'}-{hkid_check('G', '778812')}"}, [('content', 'hkid', 'G778812-' + hkid_check('G', '778812'))], 'dash check')
P('hkid', {'content': f"HKID No. A 123456 (3)"}, [('content', 'hkid', 'A 123456 (3)')], 'spaced')
P('hkid', {'Hkid': h('E', '904412')}, [('Hkid', 'hkid', h('E', '904412'))], 'key case')
P('hkid', {'ID_CARD_NO': h('C', '123456')}, [('ID_CARD_NO', 'hkid', h('C', '123456'))], 'key upper snake')
P('hkid', {'sys02-certNo': h('XB', '123456')}, [('sys02-certNo', 'hkid', h('XB', '123456'))], 'prefix XB')
P('hkid', {'content': h('R', '123456')}, [('content', 'hkid', h('R', '123456'))], 'neutral')
N('hkid', {'idCard': h('U', '234567')}, [('idCard', h('U', '234567'), 'prefix U not issued')], 'key-neg')
for pre in ['Q', 'AB', 'ZZ', 'KK']:  # unissued prefixes a checker may accept: debatable
    P('hkid', {'idCard': h(pre, '234567')}, [('idCard', IGN, h(pre, '234567'))], 'key-neg')
N('hkid', {'content': 'Part no. A1234563B7 in stock'}, [('content', 'A1234563B7', 'part number')], 'text-neg')
N('hkid', {'job_number': 'HK1234567'}, [('job_number', 'HK1234567', 'job no')], 'key-neg')
N('hkid', {'content': 'model DK123456(4) flight CX1234567'}, [('content', 'DK123456(4)', 'flight/model')], 'text-neg')

# ---- HK phone
for v in ['852 9123 4567', '(+852) 9123-4567', '+852 9123-4567', '9123-4567', '＋８５２ ９１２３ ４５６７']:
    P('hk_phone', {'phone': v}, [('phone', 'hk_phone', v)], 'key')
for v in ['+852 6123 4567', '+852-2877-1234', '(852) 91234567']:
    P('hk_phone', {'content': v}, [('content', 'hk_phone', v)], 'neutral with +852')
for k in ['Mobile', 'MOBILE', 'mobilePhone', 'contactPhone', 'emergency_contact_phone', 'tel', 'sys00-tel', 'hide_mobile_no', '電話', '手機號碼', '联系电话']:
    P('hk_phone', {k: '61234567'}, [(gpath(k), 'hk_phone', '61234567')], 'key:' + k)
tight('hk_phone', 'hk_phone', '91234567', '電話')
tight('hk_phone', 'hk_phone', '6123 4567', '聯絡電話：')
P('hk_phone', {'content': '有問題請致電 2345 6789 或 WhatsApp 9876 5432'}, [('content', 'hk_phone', '2345 6789'), ('content', 'hk_phone', '9876 5432')], 'text two')
P('hk_phone', {'content': 'Tel: 2123 4567 ext. 801'}, [('content', 'hk_phone', '2123 4567')], 'ext')
P('hk_phone', {'telephone': '852-21234567-801'}, [('telephone', 'hk_phone', '852-21234567')], 'sample telephone with ext')
P('hk_phone', {'fieldCode': 'sys00-mobile', 'fieldValueList': [{'label': '+852-91234567', 'value': '+852-91234567'}]},
  [('fieldValueList.0.label', 'hk_phone', '+852-91234567'), ('fieldValueList.0.value', 'hk_phone', '+852-91234567')], 'roster')
P('hk_phone', {'field_code': 'sys06-urgentContactsPhone', 'field_value_list': [{'label': '61234567', 'value': '61234567'}]},
  [('field_value_list.0.label', 'hk_phone', '61234567'), ('field_value_list.0.value', 'hk_phone', '61234567')], 'roster snake bare')
tbl = json.dumps([{'rowValue': [{'label': '聯絡電話', 'key': 'TextField-A', 'value': '91234567'},
                                {'label': '金額', 'key': 'MoneyField-B', 'value': '62345678'}]}], ensure_ascii=False)
add('hk_phone', {'componentType': 'TableField', 'value': tbl}, pos=[('value', 'hk_phone', '91234567')],
    neg=[], ctx='table json-in-string with sibling label')
P('hk_phone', {'name': '代理人電話', 'value': '68765432', 'componentType': 'TextField'}, [('value', 'hk_phone', '68765432')], 'form sibling name')
N('hk_phone', {'name': '金額（港幣）', 'value': '61234567', 'componentType': 'MoneyField'}, [('value', '61234567', 'money field')], 'form-neg')
N('hk_phone', {'content': 'HK$91234567'}, [('content', '91234567', 'amount')], 'text-neg')
N('hk_phone', {'content': 'Reference: 583201457, 1742264100, 20250318'}, [('content', '58320145', 'substring of longer id')], 'text-neg')
N('hk_phone', {'dept_id_list': [583201457, 91234567]}, [('dept_id_list.0', '583201457', 'dept id'), ('dept_id_list.1', '91234567', 'dept id')], 'key-neg')
N('hk_phone', {'taskId': 79512345678}, [('taskId', '79512345678', 'task id')], 'key-neg')
N('hk_phone', {'content': '單號 9123456789012'}, [('content', '9123456789012', 'order no')], 'text-neg')
N('hk_phone', {'content': '已付款 HKD 6,123,456.78'}, [('content', '6,123,456.78', 'amount')], 'text-neg')
N('hk_phone', {'content': 'version 2.3.4567.8901'}, [('content', '2.3.4567.8901', 'version')], 'text-neg')
P('hk_phone', {'mobile': '41234567'}, [('mobile', 'hk_phone', '41234567')], 'design: 4 is mobile')

# ---- CN mobile
tight('cn_mobile', 'cn_mobile', '13812345678', '手机')
tight('cn_mobile', 'cn_mobile', '+8613912345678', '电话')
P('cn_mobile', {'content': '联系方式：138-1234-5678（微信同号）'}, [('content', 'cn_mobile', '138-1234-5678')], 'text')
P('cn_mobile', {'state_code': '86', 'mobile': '18612345678'}, [('mobile', 'cn_mobile', '18612345678')], 'key')
P('cn_mobile', {'mobile': '+86-13812345678'}, [('mobile', 'cn_mobile', '+86-13812345678')], 'key')
P('cn_mobile', {'content': '19212345678'}, [('content', 'cn_mobile', '19212345678')], '192 broadnet')
P('cn_mobile', {'content': '16512345678'}, [('content', 'cn_mobile', '16512345678')], '165 MVNO')
for v, n in [('15412345678', '154 unallocated'), ('10012345678', '100'), ('12812345678', '128')]:
    N('cn_mobile', {'mobile': v}, [('mobile', v, n)], 'key-neg')
N('cn_mobile', {'sessionWebhookExpiredTime': 1742269500000}, [('sessionWebhookExpiredTime', '1742269500000', 'epoch')], 'key-neg')
N('cn_mobile', {'content': 'msgId 1381234567800001'}, [('content', '1381234567800001', 'long id')], 'text-neg')
N('cn_mobile', {'unionid': '13812345678'}, [('unionid', '13812345678', 'unionid key (debatable)')], 'debatable')

# ---- CN ID
c = cnid('440305', '19851212', '256')
tight('cn_id', 'cn_id', c, '身份证')
P('cn_id', {'content': f'身份证号码:{c};'}, [('content', 'cn_id', c)], 'tight')
c2 = cnid('810000', '19950615', '021')
P('cn_id', {'content': f'港澳居民居住證 {c2}'}, [('content', 'cn_id', c2)], 'HK residence permit')
P('cn_id', {'certNo': cnid('120101', '20180101', '012')}, [('certNo', 'cn_id', cnid('120101', '20180101', '012'))], 'child')
P('cn_id', {'idCardNo': c[:6] + '-' + c[6:14] + '-' + c[14:]}, [('idCardNo', 'cn_id', c[:6] + '-' + c[6:14] + '-' + c[14:])], 'dashed')
for v, n in [(cnid('110101', '19000229', '123'), '1900-02-29 not leap'), (cnid('110101', '19900431', '123'), 'Apr 31'),
             (cnid('110101', '20991231', '123'), 'future 2099')]:
    N('cn_id', {'idCardNo': v}, [('idCardNo', v, n)], 'key-neg')
P('cn_id', {'idCardNo': cnid('110101', '18500101', '123')}, [('idCardNo', IGN, cnid('110101', '18500101', '123'))], 'born 1850: debatable')
N('cn_id', {'businessId': '202503181015000123'}, [('businessId', '202503181015000123', 'business id')], 'key-neg')
b = cnid('440305', '19851212', '256')[:17]
N('cn_id', {'content': f'订单号 9{b}'}, [('content', f'9{b}', 'longer digit run')], 'text-neg')

# ---- email
for v in ['Chan.TaiMan@Example.COM', 'user+dingtalk@example.com.hk', 'a_b@sub-domain.example.org', '12345@qq.com', 'test.user@163.com']:
    P('email', {'email': v}, [('email', 'email', v)], 'key')
tight('email', 'email', 'chan.tm@example.com', '電郵')
P('email', {'content': 'Email:wong.sm@example.hk,mobile:91234567'}, [('content', 'email', 'wong.sm@example.hk'), ('content', 'hk_phone', '91234567')], 'tight-en')
P('email', {'content': 'mailto:lee@example.com'}, [('content', 'email', 'lee@example.com')], 'mailto')
P('email', {'avatar': 'https://static.example.com/a.jpg', 'email': 'chan@example.com'}, [('email', 'email', 'chan@example.com')], 'key')
for v, n in [('a@b', 'no tld'), ('logo@3x.webp', 'asset')]:
    N('email', {'content': v}, [('content', v, n)], 'neg')
# an @mention is no e-mail; the name in it is debatable, as in the names section below
P('email', {'content': '@陳大文 請批'}, [('content', IGN, '陳大文')], 'mention')
# typo or private TLDs, an ssh remote, an IP literal: debatable
for v in ['user@example.con', 'noreply@example.local', 'git@github.com:org/repo.git', 'x@1.2.3.4']:
    P('email', {'content': v}, [('content', IGN, v)], 'debatable')

# ---- credit card
for v in ['4111-1111-1111-1111', '3782 822463 10005', '5555 5555 5555 4444', '6759649826438453', '2223 0000 4841 0010']:
    if not luhn_ok(v):
        v = luhn_complete(re.sub(r'\D', '', v)[:-1])
    P('credit_card', {'content': f'信用卡{v}到期12/28'}, [('content', IGN if v.startswith('67') else 'credit_card', v)], 'tight-zh')
P('credit_card', {'cardNo': 4111111111111111}, [('cardNo', 'credit_card', '4111111111111111')], 'number token')
P('credit_card', {'content': 'Visa 4012888888881881 exp 12/27 CVV 123'}, [('content', 'credit_card', '4012888888881881')], 'text')
# Luhn-valid 13-digit epoch ms
ep = next(str(x) for x in range(1742264100000, 1742264100100) if luhn_ok(str(x)))
N('credit_card', {'createAt': int(ep)}, [('createAt', ep, 'luhn-valid epoch ms number')], 'key-neg')
N('credit_card', {'content': f'time={ep}'}, [('content', ep, 'luhn-valid epoch ms in text')], 'text-neg')
N('credit_card', {'time': ep}, [('time', ep, 'luhn-valid epoch ms string')], 'key-neg')
lv = luhn_complete('401234567890123')  # visa-shaped 16-digit
N('credit_card', {'processInstanceId': 'a171de6c-8bf8-4bd0-b0d6-15cbd3a6a2fa'}, [('processInstanceId', 'a171de6c-8bf8-4bd0-b0d6-15cbd3a6a2fa', 'uuid')], 'key-neg')
ts = next(str(x) for x in range(1742264100000000, 1742264100000100) if luhn_ok(str(x)))
N('credit_card', {'ts': ts}, [('ts', ts, 'luhn-valid epoch microseconds 16d')], 'key-neg')
N('credit_card', {'content': '4111 1111 1111 1112'}, [('content', '4111 1111 1111 1112', 'luhn fail spaced')], 'neg')
N('credit_card', {'orderId': luhn_complete('100000000000001')}, [('orderId', luhn_complete('100000000000001'), 'luhn ok order id')], 'key-neg')

# ---- IPs
P('ip', {'content': 'login from 203.0.113.7:8080 failed'}, [('content', 'ipv4', '203.0.113.7')], 'port')
P('ip', {'content': '來源IP:198.51.100.23，請核查'}, [('content', 'ipv4', '198.51.100.23')], 'tight-zh')
P('ip', {'content': 'ssh to [2001:db8::42]:22'}, [('content', 'ipv6', '2001:db8::42')], 'bracketed')
# RFC 4007 §11: a scoped address is written <address>%<zone_id>; the zone is part of it
P('ip', {'content': 'addr fe80::1%eth0 up'}, [('content', 'ipv6', 'fe80::1%eth0')], 'zone')
P('ip', {'content': '來源IPv6：2001:db8:1:2::3，請核查'}, [('content', 'ipv6', '2001:db8:1:2::3')], 'tight-zh')
for v, n in [('std::vector', 'C++'), ('Foo::Bar::baz', 'ruby'), ('10.0.0.256', '>255'), ('1.1', 'short'),
             ('v1.2.3.4-beta', 'version'), ('2025:03:18', 'date'), ('a:b:c:d:e:f:g:h', 'non-hex')]:
    N('ip', {'content': f'see {v} here'}, [('content', v, n)], 'text-neg')

# ---- passports / mo / tw / uscc / br / bank with tight zh
tight('passport', 'hk_passport', 'K12345678', '特區護照號碼')
tight('passport', 'cn_passport', 'E12345678', '护照号码')
P('passport', {'certType': 'PASSPORT', 'certNo': 'H12345678'}, [('certNo', 'hk_passport', 'H12345678')], 'certType sibling')
tight('mo_tw', 'mo_id', '1234567(8)', '澳門身份證')
tight('mo_tw', 'tw_id', 'A123456789', '身分證字號')
P('mo_tw', {'content': 'A123456789'}, [('content', 'tw_id', 'A123456789')], 'neutral')
u = uscc('91', '440300', '35928110')
tight('company', 'cn_uscc', u, '统一社会信用代码')
P('company', {'content': f'购方税号{u}'}, [('content', 'cn_uscc', u)], 'tight')
tight('company', 'hk_br', '31415926', '商業登記號碼')
N('company', {'content': 'ABCDEFGH12345678XY'}, [('content', 'ABCDEFGH12345678XY', 'random 18')], 'neg')
tight('bank', 'hk_bank_account', '004-123-456789-001', '銀行賬號')
tight('bank', 'cn_bank_card', luhn_complete('622202123456789012'), '银行卡号')
P('bank', {'bankCardNo': int(luhn_complete('622202123456789012'))}, [('bankCardNo', 'cn_bank_card', luhn_complete('622202123456789012'))], 'number token')
P('bank', {'fieldCode': 'sys04-bankAccountNo', 'fieldValueList': [{'label': '004-123-456789-001', 'value': '004-123-456789-001'}]},
  [('fieldValueList.0.value', 'hk_bank_account', '004-123-456789-001'), ('fieldValueList.0.label', 'hk_bank_account', '004-123-456789-001')], 'roster')

# ---- names
for k, v in [('nick', '阿文'), ('nickName', 'Tai Man'), ('userName', '李嘉欣'), ('originatorName', '陳大文'), ('sys00-name', '張三'),
             ('realName', 'WONG Siu Ming'), ('englishName', 'Mary Lee'), ('contactName', '何家樂')]:
    P('pii_struct', {k: v}, [(gpath(k), 'person_name', v)], 'key:' + k)
P('pii_struct', {'fieldCode': 'sys00-name', 'fieldName': '姓名', 'fieldValueList': [{'label': '陳大文', 'value': '陳大文'}]},
  [('fieldValueList.0.label', 'person_name', '陳大文'), ('fieldValueList.0.value', 'person_name', '陳大文')], 'roster (fieldName must not be flagged)')
P('pii_struct', {'result': {'userid': 'chantaiman', 'name': '陳大文', 'mobile': '91234567'}}, [('result.name', 'person_name', '陳大文'), ('result.mobile', 'hk_phone', '91234567')], 'user object')
P('pii_struct', {'content': '聯絡人：李嘉欣小姐，電話 9123 4567'}, [('content', 'person_name', '李嘉欣'), ('content', 'hk_phone', '9123 4567')], 'text')
P('pii_struct', {'content': 'Dear Mr. Chan Tai Man, your leave is approved.'}, [('content', IGN, 'Mr. Chan Tai Man')], 'a title in the span: debatable')
P('pii_struct', {'title': '陳大文提交的請假'}, [('title', 'person_name', '陳大文')], 'approval title (debatable)')
for k, v, n in [('name', '[\"開始時間\",\"結束時間\"]', 'form field names'), ('fieldName', '身份證姓名', 'label'), ('group_name', '職務', 'role group'),
                ('name', '請假類型', 'form field'), ('deptName', '財務部', 'dept'), ('name', 'CEO Office', 'dept'), ('bizAlias', '', 'empty')]:
    N('pii_struct', {k: v, 'id': 1207453}, [(gpath(k), v, n)], 'key-neg')
N('pii_struct', {'role_list': [{'id': 1207453, 'name': '財務', 'group_name': '職務'}]}, [('role_list.0.name', '財務', 'role name')], 'key-neg')
N('pii_struct', {'dept': {'dept_id': 583201457, 'name': '香港分公司'}}, [('dept.name', '香港分公司', 'dept name')], 'key-neg')
# DOB
P('pii_struct', {'birthday': 584841600000}, [('birthday', 'date_of_birth', '584841600000')], 'epoch ms dob')
P('pii_struct', {'sys07-childBirthDate': '2015-06-01'}, [('sys07-childBirthDate', 'date_of_birth', '2015-06-01')], 'child dob')
P('pii_struct', {'content': 'D.O.B. 14 Jul 1988'}, [('content', 'date_of_birth', '14 Jul 1988')], 'text')
P('pii_struct', {'content': '我出生於1988年7月14日'}, [('content', 'date_of_birth', '1988年7月14日')], 'text tight')
P('pii_struct', {'content': 'Date of birth: 1988-07-14, HKID A123456(3)'}, [('content', 'date_of_birth', '1988-07-14'), ('content', 'hkid', 'A123456(3)')], 'text')
P('pii_struct', {'出生日期': '14-07-1988'}, [('出生日期', 'date_of_birth', '14-07-1988')], 'key')
for k, v in [('hired_date', 1617206400000), ('sys00-confirmJoinTime', '2021-04-01'), ('sys05-nowContractStartTime', '2024-01-01'),
             ('graduationTime', '2010-06-30'), ('gmtCreate', '1988-07-14 10:00:00')]:
    N('pii_struct', {k: v}, [(gpath(k), str(v), 'not a dob')], 'key-neg')
N('pii_struct', {'content': '會議定於 2025年3月24日 下午三時'}, [('content', '2025年3月24日', 'meeting date')], 'text-neg')
# address
P('pii_struct', {'emailAddress': 'chan@example.com'}, [('emailAddress', 'email', 'chan@example.com')], 'key')
for k, v in [('sys02-certAddress', '廣東省廣州市天河區天河路 385 號'), ('homeAddr', '香港九龍旺角彌敦道 688 號 B 座 12 樓'),
             ('contactAddress', '新界沙田火炭坳背灣街 2 號 10 樓 1003 室'), ('住址', 'Flat 3A, Block 2, Tai Koo Shing, HK')]:
    P('pii_struct', {k: v}, [(gpath(k), 'address', v)], 'key:' + k)
P('pii_struct', {'content': '地址：九龍旺角彌敦道688號B座12樓，請寄文件'}, [('content', 'address', '九龍旺角彌敦道688號B座12樓')], 'text')
P('pii_struct', {'content': '收件地址:广东省深圳市南山区深南大道10000号腾讯大厦'}, [('content', 'address', '广东省深圳市南山区深南大道10000号腾讯大厦')], 'text')
P('pii_struct', {'content': 'My address is Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon.'}, [('content', 'address', 'Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon')], 'text')
for k, v, n in [('mac_address', '00:1A:2B:3C:4D:5E', 'mac'), ('fieldName', '住址', 'label'), ('ipAddress', 'unknown', 'ip key'),
                ]:
    N('pii_struct', {k: v}, [(gpath(k), v, n)], 'key-neg')
N('pii_struct', {'content': '會議地點：18樓會議室'}, [('content', '18樓會議室', 'meeting room (debatable)')], 'text-neg')


# ----------------------------------------------------------------
# free-text bait, JSON escapes and dotted keys, HK and mainland numbering plans, Taiwan new-style
# ids, DOB / address / name forms

# --- free-text bait: should give nothing
bait = [
 '請假事由：陪同母親覆診，下午返工', '今日去咗黃大仙同王府井，陳列室好多人', 'Meeting with Finance Team at Times Square, Causeway Bay',
 'Best Regards, Hong Kong Office', '會議時間 09:00-18:00，地點 18 樓', '日期：20250318，報告 report_20250318.pdf',
 'Invoice No. 23456789 total HK$ 61,234,567.00', '工號 HK000123 已離職', 'ref 2345-6789-0123 pending',
 '数量 31234567 件', 'Order #58123456 shipped via SF', '版本 3.10.2.1 已發佈', 'SKU E12345678 缺貨', 'PO K12345678 received',
 '溫度 25.5 度，濕度 80%', '李子同蘋果', '張家界旅行團 3 日 2 夜', 'The quick brown fox jumps over the lazy dog',
 'Happy Birthday to the team!', '請於 2025-04-01 前提交', 'ISBN 978-962-04-1234-5', 'HS code 8471.30.00',
 '工單 SR-2025-000123 已結案', 'Total 1,234,567,890 units', '房間號 2301，23/F',
]
for t in bait:
    N('neg_bait', {'content': t}, [('content', t, 'bait text')], 'bait')
# the same bait as approval form values with neutral component names
for t in bait[:8]:
    N('neg_bait', {'componentType': 'TextareaField', 'name': '說明', 'value': t}, [('value', t, 'bait form')], 'bait-form')

# --- JSON escapes, paths, arrays
g = 'json'
add(g, {'user.mobile': '91234567'}, pos=[(r'user\.mobile', 'hk_phone', '91234567')], ctx='dot in key')
add(g, {'mobiles': ['91234567', '61234567']}, pos=[('mobiles.0', 'hk_phone', '91234567'), ('mobiles.1', 'hk_phone', '61234567')], ctx='array of primitives')
add(g, {'content': '聯絡電話 91234567'}, pos=[('content', 'hk_phone', '91234567')], ctx='escaped CJK before phone (file uses \\u escapes)')
add(g, {'name': '陳大文', 'mobile': '91234567'}, pos=[('name', 'person_name', '陳大文'), ('mobile', 'hk_phone', '91234567')], ctx='escaped both')
inner = json.dumps({'mobile': '91234567'})
add(g, {'extension': json.dumps(inner)}, pos=[('extension', 'hk_phone', '91234567')], ctx='double-encoded JSON string')
add(g, {'data': json.dumps({'text': {'content': 'email me taiman.chan@example.com'}})}, pos=[('data', 'email', 'taiman.chan@example.com')], ctx='json-in-string ascii-escaped')
add(g, {'a': {'b': [{'c': {'身份證號碼': 'A123456(3)'}}]}}, pos=[('a.b.0.c.身份證號碼', 'hkid', 'A123456(3)')], ctx='deep')
add(g, {'content': 'A123456(3) and again C668123(7)'}, pos=[('content', 'hkid', 'A123456(3)'), ('content', 'hkid', 'C668123(7)')], ctx='two ids')

# --- HK number plan extras
g = 'hk_phone'
for v in ['51234567', '55123456', '63456789', '70123456', '84123456', '90123456', '31234567', '23456789', '58123456']:
    P(g, {'mobile': v}, [('mobile', 'hk_phone', v)], 'key plan')
for v, n in [('11234567', 'prefix 1'), ('80123456', '80 not mobile'), ('81234567', '81 not mobile'), ('01234567', '0'), ('999', 'emergency'),
             ('1234567', '7 digits'), ('912345678', '9 digits')]:
    N(g, {'mobile': v}, [('mobile', v, n)], 'key-neg plan')

# --- CN mobile plan
g = 'cn_mobile'
for v in ['14512345678', '17012345678', '17312345678', '18012345678', '19812345678', '16212345678', '19012345678']:
    P(g, {'mobile': v}, [('mobile', 'cn_mobile', v)], 'key plan')
for v, n in [('14012345678', '140 not public mobile'), ('11012345678', '110'), ('19412345678', '194 unallocated (debatable)')]:
    N(g, {'mobile': v}, [('mobile', v, n)], 'key-neg plan')

# --- TW new UI / ARC
g = 'tw'
P(g, {'idCard': tw_complete('A80000001')}, [('idCard', 'tw_id', tw_complete('A80000001'))], 'new UI no. 8 (2021)')
P(g, {'content': '居留證號 ' + tw_complete('F90000002')}, [('content', 'tw_id', tw_complete('F90000002'))], 'new UI 9')
P(g, {'content': '身分證字號：' + tw_complete('T22222222')}, [('content', 'tw_id', tw_complete('T22222222'))], 'female')
N(g, {'idCard': tw_complete('A50000001')}, [('idCard', tw_complete('A50000001'), 'gender digit 5 invalid (passes sum)')], 'key-neg')

# --- DOB variety
g = 'dob'
for k, v in [('birthday', '1988/07/14'), ('birthday', '14.07.1988'), ('birthDate', 'July 14, 1988'), ('birth_date', '1988-7-14'),
             ('dateOfBirth', '14-Jul-1988'), ('生日', '1988年07月14日'), ('出生年月', '1988-07'), ('sys02-birthTime', 584841600000)]:
    P(g, {k: v}, [(gpath(k), 'date_of_birth', str(v))], 'key:' + k)
P(g, {'fieldCode': 'sys02-birthTime', 'fieldValueList': [{'label': '1988-07-14', 'value': '584841600000'}]},
  [('fieldValueList.0.label', 'date_of_birth', '1988-07-14'), ('fieldValueList.0.value', 'date_of_birth', '584841600000')], 'roster epoch')
P(g, {'content': '出生日期：1988-07-14'}, [('content', 'date_of_birth', '1988-07-14')], 'text')
P(g, {'content': '出生日期:1988年7月14日，籍貫廣東'}, [('content', 'date_of_birth', '1988年7月14日')], 'text tight')
P(g, {'content': '生日係 14/7/1988'}, [('content', 'date_of_birth', '14/7/1988')], 'cantonese')
P(g, {'content': 'Born: 14 July 1988'}, [('content', 'date_of_birth', '14 July 1988')], 'text')
P(g, {'content': 'birthday 1988-07-14 please update'}, [('content', 'date_of_birth', '1988-07-14')], 'text')
N(g, {'birthday_reminder': True, 'createTime': '2025-03-18T10:15Z'}, [('createTime', '2025-03-18T10:15Z', 'create time')], 'neg')
N(g, {'content': '請假由 2025-03-24 至 2025-03-25'}, [('content', '2025-03-24', 'leave dates')], 'neg')
N(g, {'content': 'Payment due 14/07/2025'}, [('content', '14/07/2025', 'due date')], 'neg')

# --- address variety
g = 'addr'
P(g, {'workPlace': '香港中環皇后大道中 99 號'}, [('workPlace', IGN, '香港中環皇后大道中 99 號')], 'a workplace: debatable')
for k, v in [('address', '九龍灣宏照道 33 號國際交易中心 20 樓'),
             ('residentialAddress', 'Flat 12, 5/F, Block C, Lei Tung Estate, Ap Lei Chau'), ('地址', '澳門新馬路 100 號'),
             ('sys02-address', '上海市徐汇区漕溪北路 88 号')]:
    P(g, {k: v}, [(gpath(k), 'address', v)], 'key:' + k)
P(g, {'fieldCode': 'sys02-certAddress', 'fieldValueList': [{'label': '廣東省深圳市南山區科技園', 'value': '廣東省深圳市南山區科技園'}]},
  [('fieldValueList.0.label', 'address', '廣東省深圳市南山區科技園'), ('fieldValueList.0.value', 'address', '廣東省深圳市南山區科技園')], 'roster')
P(g, {'content': '送貨地址：新界荃灣青山公路 264 號南豐中心 12 樓'}, [('content', 'address', '新界荃灣青山公路 264 號南豐中心 12 樓')], 'text')
P(g, {'content': 'Address: 18 Harbour Road, Wan Chai, Hong Kong'}, [('content', 'address', '18 Harbour Road, Wan Chai, Hong Kong')], 'text')
P(g, {'content': '我搬咗去 沙田第一城 52 座 18 樓 H 室'}, [('content', IGN, '沙田第一城 52 座 18 樓 H 室')], 'text no cue (debatable)')
for k, v, n in [('address', 'https://oapi.dingtalk.com/robot/send', 'url'), ('location', 'Conference Room A', 'room'),
                ('address', '0x3f2a', 'memory addr'), ('addressBook', 'enabled', 'flag')]:
    N(g, {k: v}, [(gpath(k), v, n)], 'key-neg')

# --- names variety
g = 'name'
for k, v in [('name', 'Chan Tai Man'), ('name', '司徒浩南'), ('name', 'Ho Ka-lok, Kelvin'), ('senderNick', 'Kelvin Ho'),
             ('emergencyContact', '黃美玲'), ('childName', '陳小明')]:
    P(g, {k: v, 'userid': 'x1'}, [(gpath(k), 'person_name', v)], 'key:' + k)
P(g, {'content': '請聯絡 Peter Chan 跟進'}, [('content', 'person_name', 'Peter Chan')], 'text')
P(g, {'sys06-urgentContactsName': '陳太', 'userid': 'x1'}, [('sys06-urgentContactsName', IGN, '陳太')], 'surname + title: debatable')
P(g, {'content': '由王小明負責，聯絡人張偉'}, [('content', IGN, '王小明'), ('content', 'person_name', '張偉')], 'text (王小明 has no cue)')
P(g, {'content': 'Hi 陳大文，你的請假已批核'}, [('content', IGN, '陳大文')], 'text greeting: debatable')
P(g, {'content': '申請人：司徒浩南'}, [('content', 'person_name', '司徒浩南')], 'text compound surname')
for k, v, n in [('name', '年假', 'leave type'), ('name', 'DDHolidayField', 'component'), ('templateName', '請假申請', 'template'),
                ('appName', 'HR Bot', 'app'), ('name', 'Hong Kong', 'place'), ('groupName', '香港財務組', 'group')]:
    N(g, {k: v, 'id': 1}, [(gpath(k), v, n)], 'key-neg')


# ----------------------------------------------------------------
# validator.js test/validators.test.js lists (isIdentityCard zh-HK/zh-CN/zh-TW, isMobilePhone zh-
# CN/en-HK/en-MO, isPassportNumber CN, isCreditCard, isEmail), Wikipedia's G123456(A), RFC
# 4291/5952 addresses

def both(g, t, vals, key, zh, ctx):
    for v in vals:
        P(g, {key: v}, [(gpath(key), t, v)], ctx + ' key:' + key)
        P(g, {'content': f'{zh} {v} 已核實'}, [('content', t, v)], ctx + ' text')


def debatable(g, vals, key, zh, ctx):
    both(g, IGN, vals, key, zh, ctx)
def negs(g, vals, key, ctx):
    for v in vals:
        N(g, {key: v}, [(gpath(key), v, ctx)], ctx + ' key:' + key)

# HKID (validator.js zh-HK isIdentityCard) + Wikipedia G123456(A)
both('hkid', 'hkid', ['OV290326[A]', 'Z0977986', 'W520128(7)', 'A494866[4]', 'A494866(4)', 'Z867821A', 'ag293013(9)', 'k348609(5)', 'G123456(A)', 'C123456(9)'],
     'idCard', '身份證號碼', 'vjs-valid')
debatable('hkid', ['Q803337[0]'], 'idCard', '身份證號碼', 'vjs-valid, prefix Q')
negs('hkid', ['A1234567890', 'O962472(9)', 'M4578601', 'X731324[8]', 'C503134(5)', 'RH265886(3)'], 'idCard', 'vjs-invalid')
# CN ID
both('cn_id', 'cn_id', ['235407195106112745', '210203197503102721', '520323197806058856'], 'idCardNo', '身份证号码', 'vjs-valid')
both('cn_id', 'cn_id', ['110101491001001'], 'idCardNo', '身份证号码', 'vjs-valid 15-digit (debatable)')
negs('cn_id', ['160323197806058856', '010203197503102721', '520323297806058856', '520323197802318856', '235407195106112742',
               '010101491001001', '110101491041001', '160101491001001', '110101940231001', '135407195106112742', '235407207006112742'], 'idCardNo', 'vjs-invalid')
# TW ID
both('tw', 'tw_id', ['B176944193', 'K101189797', 'F112866121', 'A219758834', 'A244144802', 'A146047171', 'Q170219004', 'Z277018381', 'X231071923'],
     'idCard', '身分證字號', 'vjs-valid')
negs('tw', ['A185034995', 'X431071923', 'X231071922'], 'idCard', 'vjs-invalid')
# CN mobile
cnv = ['13523333233', '13838389438', '14899230918', '14999230918', '15323456787', '15052052020', '16237108167', '008616238234822', '+8616238234822',
       '16565600001', '17269427292', '17469427292', '18199617480', '19151751717', '19651751717', '+8613238234822', '+8613487234567', '+8617823492338',
       '+8616637108167', '+8616712341234', '+8619912341234', '+8619812341234', '+8619712341234', '+8619612341234', '+8619512341234', '+8619312341234',
       '+8619212341234', '+8619112341234', '+8617269427292', '008618812341234', '008617269427292']
both('cn_mobile', 'cn_mobile', cnv, 'mobile', '手机号', 'vjs-valid')
debatable('cn_mobile', ['92138389438', '+8692138389438', '98199649964'], 'mobile', '手机号', 'vjs reserved 92/98 (debatable)')
negs('cn_mobile', ['12038389438', '12838389438', '010-38238383'], 'mobile', 'vjs-invalid')
# HK phone
both('hk_phone', 'hk_phone', ['91234567', '9123-4567', '61234567', '51234567', '+85291234567', '+852-91234567', '+852-9123-4567', '+852 9123 4567', '9123 4567', '852-91234567'],
     'mobile', '電話', 'vjs-valid')
negs('hk_phone', ['999', '123456789'], 'mobile', 'vjs-invalid')
# Macau numbers must not become hk_phone (no mo phone type)
for v in ['+85361234567', '+853-61234567', '+853-6123-4567', '+853 6123 4567', '853-61234567']:
    N('hk_phone', {'mobile': v}, [('mobile', v, 'Macau +853 number typed hk_phone (debatable)')], 'macau')
# CN passport
both('passport', 'cn_passport', ['G25352389', 'E00160027', 'EA1234567'], 'passportNo', '护照号码', 'vjs-valid')
negs('passport', ['K0123456', 'E-1234567', 'G.1234567', 'EI1234567', 'GO1234567'], 'passportNo', 'vjs-invalid')
# cards
cc = ['375556917985515', '36050234196908', '4716461583322103', '4716-2210-5188-5662', '4929722653797141', '5398228707871527', '6283875070985593',
      '6263892624162870', '6234917882863855', '6234698580215388', '6226050967750613', '6246281879460688', '2222155765072228', '2225855203075256',
      '2720428011723762', '2718760626256570', '4716989580001715211', '8171999927660000', '8171999900000000021']
both('cards', 'credit_card', cc, 'cardNo', '信用卡號', 'vjs-valid')
debatable('cards', ['6765780016990268'], 'cardNo', '信用卡號', 'vjs-valid Maestro 67: credit or debit')
# numbers failing the card checks under a card key may still be mainland bank cards (some are not Luhn-checked): debatable
debatable('cards', ['5398228707871528', '2718760626256571', '2721465526338453', '2220175103860763', '4716989580001715213'], 'cardNo', '信用卡號', 'vjs-invalid')
# email
both('email', 'email', ['foo@bar.com', 'x@x.au', 'foo@bar.com.au', 'foo+bar@bar.com', 'test123+ext@gmail.com',
                        'some.name.midd.leNa.me.and.locality+extension@GoogleMail.com', 'test@1337.com', 'hans@müller.com'], 'email', '電郵', 'vjs-valid')
negs('email', ['invalidemail@', 'invalid.com', '@invalid.com', 'foo@_bar.com', 'z@co.c'], 'email', 'vjs-invalid')
debatable('email', ['somename@ｇｍａｉｌ.com'], 'email', '電郵', 'vjs-invalid full-width domain')
# IPs (RFC 5952 / 4291 examples)
both('ip', 'ipv6', ['::1', '2001:db8:0:1:1:1:1:1', '::ffff:127.0.0.1', 'fe80::a6db:30ff:fe98:e946', '2001:db8::', 'FE80:0000:0000:0000:0202:B3FF:FE1E:8329'], 'ip', 'IP', 'rfc')
both('ip', 'ipv4', ['127.0.0.1', '1.2.3.4', '100.64.0.1'], 'ip', 'IP', 'rfc')
debatable('ip', ['0.0.0.0', '255.255.255.255'], 'ip', 'IP', 'unspecified / broadcast')
negs('ip', ['::ffff:287.0.0.1', '2001:db8:0000:1:1:1:1::1', '1.2.3', '256.256.256.256', '1::2::3', '01.01.01.01'], 'ip', 'invalid')


# ----------------------------------------------------------------
# cue words x separators for the types that need context; bracketed HKID forms

for v in ['Q803337(0)', 'A494866[4]', 'OV290326(A)', 'A123456[3]', 'A123456 [3]']:
    P('hkid', {'idCard': v}, [('idCard', IGN if v[0] == 'Q' else 'hkid', v)], 'bracket/prefix')
# one-letter "M:"/"T:" labels and colloquial 住喺 ("live at") are debatable cues
DEBATABLE_CUES = {('hk_phone', 'M:'), ('hk_phone', 'T:'), ('address', '住喺'),
                  # "card number" alone does not say whether a UnionPay debit card is a bank or a credit card
                  ('cn_bank_card', '卡號')}
matrix = {
 'hk_phone': (['Tel', 'Tel.', 'Phone', 'Mob', 'M:', 'T:', 'Mobile No.', 'Contact', 'call', 'WhatsApp', '電話', '電話號碼', '手提', '手機', '聯絡', '致電', '打俾', '联系电话', '手机', 'Fax'],
              ['61234567', '2345 6789', '9876-5432']),
 'hk_passport': (['Passport', 'Passport No.', 'HKSAR Passport', '護照', '護照號碼', '护照号', 'passport number'], ['K12345678', 'H87654321']),
 'cn_passport': (['Passport', 'PRC passport No.', '中國護照', '护照号码', '護照號碼'], ['E12345678', 'EA1234567']),
 'mo_id': (['澳門身份證', 'Macau ID', 'BIR', '澳門居民身份證', '澳门身份证号码', 'Macao ID card'], ['1234567(8)', '5215299(8)']),
 'hk_br': (['BR No.', 'BRN', '商業登記', '商業登記證號碼', 'Business Registration No.', 'BR number', '商业登记号'], ['31415926', '59876543']),
 'hk_bank_account': (['A/C', 'Account No.', 'a/c no', '戶口', '戶口號碼', '銀行賬號', '帳號', '户口号码', 'bank acct', 'HSBC account'], ['004-123-456789-001', '123-456789-001', '012-875-1-012345-6']),
 'cn_bank_card': (['卡號', '銀行卡', '借記卡', '银行卡号', 'bank card', '收款账号', '工资卡'], ['6222021234567890128', '6217 0012 3456 7890 125'.replace(' ', '')]),
 'person_name': (['Name:', '姓名：', '聯絡人', '申請人：', '收件人', 'Attn:', '紧急联系人', 'Applicant'], ['陳大文', 'Chan Tai Man']),
 'date_of_birth': (['DOB', 'D.O.B.', '出生日期', '出生', '生日', 'Date of Birth:', 'born', '出生年月日'], ['1988-07-14', '14/07/1988', '1988年7月14日']),
 'address': (['地址：', '住址', 'Address:', '寄往', '住喺', '居住地址', 'Home address', '通讯地址'], ['九龍旺角彌敦道688號12樓B室', 'Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon']),
}
for t, (ctxs, vals) in matrix.items():
    for i, c in enumerate(ctxs):
        for j, v in enumerate(vals):
            if t == 'cn_bank_card' and not luhn_ok(v):
                v = luhn_complete(v[:-1])
            ascii_ctx = c.isascii()
            if c[-1] in ':：':
                seps = [' ', '']
            elif ascii_ctx:
                seps = [' ', ': ']
            else:
                seps = ['', '：', ' ']
            sep = seps[(i + j) % len(seps)]
            s = f'{c}{sep}{v}'
            tail = ['，謝謝', ' thanks', '。', ''][(i * 3 + j) % 4]
            P(t, {'content': s + tail}, [('content', IGN if (t, c) in DEBATABLE_CUES else t, v)], f'ctx={c!r} sep={sep!r}')


# ----------------------------------------------------------------
# invalid values beside strong cues, masked and placeholder values, name-like keys, ids and
# amounts
g = 'neg_invalid'
for t, n in [('身份證號碼 A123456(4)', 'hkid wrong check + context'), ('HKID: C668123(8)', 'hkid wrong check'),
             ('身份证号 ' + cnid('110101', '19900307', '123')[:-1] + ('1' if cnid('110101', '19900307', '123')[-1] != '1' else '2'), 'cn_id wrong check'),
             ('信用卡 4111 1111 1111 1112', 'luhn fail'), ('手機 1234 5678', 'hk prefix 1'), ('mobile 10234567', 'prefix 1'),
             ('email: foo@bar', 'no tld'), ('统一社会信用代码 91350100M000100Y44', 'uscc wrong check'),
             ('身分證字號 A123456788', 'tw wrong check'), ('手机 12012345678', 'cn 120'), ('IP 300.1.2.3', 'bad ip'),
             ('電話 999', 'emergency'),
             ('身份證號碼 I234567(0)', 'hkid prefix I'), ('出生日期 1988-02-30', 'invalid date'), ('DOB 31/13/1988', 'invalid date')]:
    N(g, {'content': t}, [('content', t, n)], 'ctx-invalid')
P('pos', {'content': '卡號 6222021234567890120'}, [('content', IGN, '6222021234567890120')], 'Luhn fails, yet a card key: debatable')
for k, v in [('mobile', ''), ('mobile', 'N/A'), ('mobile', '0'), ('mobile', '9123****'), ('email', ''), ('email', 'ta***@example.com'),
             ('idCardNo', '******'), ('idCard', 'A123***(*)'), ('certNo', '4403**********2569'), ('name', ''), ('name', '*'),
             ('birthday', ''), ('birthday', 0), ('address', ''), ('bankCardNo', '6222 **** **** 0128'), ('mobile', '+852 ****4567')]:
    N(g, {k: v}, [(gpath(k), str(v) if v != '' else '', 'masked/placeholder')], 'placeholder')
for k, v in [('fileName', 'HKID_scan_陳大文.pdf'), ('bankName', 'HSBC'), ('accountBank', '中國銀行（香港）'), ('sys04-accountBank', '恒生銀行'),
             ('companyName', 'ABC 貿易有限公司'), ('fieldName', '手機號'), ('processName', '請假'), ('robotName', 'HR Bot'),
             ('dept_name', '財務部'), ('spaceName', '共享文件'), ('conversationTitle', '財務部群組'), ('positionName', '會計主任'),
             ('title', '高級會計主任 Senior Accounting Officer'), ('jobNumber', 'HK000123'), ('job_number', 91234567)]:
    N(g, {k: v}, [(gpath(k), str(v), 'not person name / not pii')], 'name-ish key')
for k, v in [('amount', 91234567.5), ('lat', 22.3193), ('balance', -61234567), ('price', 4111111111111111.0), ('count', 61234567),
             ('id', 583201457), ('order', 176364576), ('agentId', 2987654321), ('unionid', 'Qm7iSZx8JdFiiE2YtPz0aFwiEiE'),
             ('openConversationId', 'cidFAKEconv0001=='), ('access_token', '8c3f6e0a2b1d4f7e9a5c0b2d4e6f8a1c'), ('request_id', '3k9xh2mf0q7a'),
             ('errcode', 0), ('msgId', 'msgFAKE0001'), ('taskId', 79512345678), ('createAt', 1742264100000), ('businessId', '202503181015000123456')]:
    N(g, {k: v}, [(gpath(k), json.dumps(v) if not isinstance(v, str) else v, 'id/amount')], 'id-key')
# positives that look like negatives
P('pos', {'jobNumber': 'HK000123', 'remark': 'HKID A123456(3) 已核實；緊急聯絡人 陳太 6123 4567'},
  [('remark', 'hkid', 'A123456(3)'), ('remark', 'hk_phone', '6123 4567'), ('remark', IGN, '陳太')], 'sample remark')
P('pos', {'remark': 'Peter Chan；HKID A123456(3)'}, [('remark', 'hkid', 'A123456(3)'), ('remark', 'person_name', 'Peter Chan')], 'sample remark name (debatable)')


# ----------------------------------------------------------------
# lists, markdown and action cards, separators
g = 'adj'
P(g, {'content': '電話 91234567/61234567'}, [('content', 'hk_phone', '91234567'), ('content', 'hk_phone', '61234567')], 'slash list')
P(g, {'content': '聯絡電話：91234567、61234567'}, [('content', 'hk_phone', '91234567'), ('content', 'hk_phone', '61234567')], 'enum comma')
P(g, {'mobile': '91234567, 61234567'}, [('mobile', 'hk_phone', '91234567'), ('mobile', 'hk_phone', '61234567')], 'key list')
P(g, {'content': '身份證 A123456(3)、C668123(7)'}, [('content', 'hkid', 'A123456(3)'), ('content', 'hkid', 'C668123(7)')], 'enum hkid')
P(g, {'email': 'a.chan@example.com;b.wong@example.com'}, [('email', 'email', 'a.chan@example.com'), ('email', 'email', 'b.wong@example.com')], 'email list')
P(g, {'content': 'HKID:A123456(3),Tel:+85291234567,Email:x.y@example.hk'}, [('content', 'hkid', 'A123456(3)'), ('content', 'hk_phone', '+85291234567'), ('content', 'email', 'x.y@example.hk')], 'csv tight')
md = '### 新員工資料\n- 姓名：陳大文\n- 電話：9123 4567\n- 身份證：A123456(3)\n- 出生日期：1988-07-14\n- 地址：九龍旺角彌敦道688號12樓B室\n- 部門：財務部'
P(g, {'msgtype': 'markdown', 'markdown': {'title': '新員工', 'text': md}},
  [('markdown.text', 'person_name', '陳大文'), ('markdown.text', 'hk_phone', '9123 4567'), ('markdown.text', 'hkid', 'A123456(3)'),
   ('markdown.text', 'date_of_birth', '1988-07-14'), ('markdown.text', 'address', '九龍旺角彌敦道688號12樓B室')], 'markdown')
md2 = 'Name: Chan Tai Man\nMobile: 9123 4567\nHKID: A123456(3)\nDOB: 14/07/1988\nAddress: Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon\nDept: Finance'
P(g, {'msgtype': 'text', 'text': {'content': md2}},
  [('text.content', 'person_name', 'Chan Tai Man'), ('text.content', 'hk_phone', '9123 4567'), ('text.content', 'hkid', 'A123456(3)'),
   ('text.content', 'date_of_birth', '14/07/1988'), ('text.content', 'address', 'Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon')], 'plain lines')
ac = {'msgtype': 'action_card', 'action_card': {'title': '請假審批', 'markdown': '申請人：李嘉欣\n聯絡電話：6123 4567', 'single_url': 'https://example.com/approve?id=123'}}
P(g, ac, [('action_card.markdown', 'person_name', '李嘉欣'), ('action_card.markdown', 'hk_phone', '6123 4567')], 'action card')
P(g, {'content': 'Tel: (852) 2345-6789 / Mob: +852 9123 4567'}, [('content', 'hk_phone', '(852) 2345-6789'), ('content', 'hk_phone', '+852 9123 4567')], 'two')
P(g, {'content': 'HKID A 123456(3)'}, [('content', 'hkid', 'A 123456(3)')], 'space after letter')
P(g, {'content': '身份證號碼：A123456 3'}, [('content', 'hkid', 'A123456 3')], 'space before check no bracket')
P(g, {'content': 'Card: 3782-822463-10005'}, [('content', 'credit_card', '3782-822463-10005')], 'amex dashed')
P(g, {'content': 'Card 4111.1111.1111.1111'}, [('content', IGN, '4111.1111.1111.1111')], 'dotted (debatable)')
P(g, {'content': '+86 (138) 1234-5678'}, [('content', IGN, '+86 (138) 1234-5678')], 'paren cn (debatable)')
P(g, {'content': '86-13812345678'}, [('content', 'cn_mobile', '86-13812345678')], '86- no plus')
P(g, {'url': 'https://example.com/form?mobile=91234567&email=chan%40example.com'}, [('url', 'hk_phone', '91234567')], 'url query (debatable)')
N(g, {'content': '9123456761234567'}, [('content', '9123456761234567', 'glued 16 digits; luhn?')], 'glued')


# ----------------------------------------------------------------
# python-stdnum doctests (cn.uscc, cn.ric), Stripe and Adyen test cards, RFC 3849/6052 IPv6, Macau
# forms
# python-stdnum tests/test_cn_uscc.doctest (valid numbers; every 7th of its list)
us = ['121200004013590816', '91152201078395188Q', '91340600MA2PBM9HXD', '91340600MA2PENCC7K', '91340602MA2UJYD90G',
      '91340621MA2PEN6Q3Y', '91620105556273987U', '91620105750906995R', '91620105L015101280', '92340603MA2PBMD304',
      '92340603MA2PBQ7J4K', '92340603MA2PBQY862', '92340603MA2PENAP06', '92340603MA2UJY2M7F', '92340603MA2UK1TD00',
      '92340603MA2UK3CP6U', '92340604MA2PBNDT64', '92340604MA2PBP1U3Y', '92340604MA2UJYCE59', '92340621MA2PBL318W',
      '92340621MA2PBMNMXM', '92340621MA2PBNFH07', '92340621MA2UJRL762', '92340621MA2UJW4UXQ', '92340621MA2UJWGB0J',
      '92340621MA2UJYG57G', '92340621MA2UK0KR5Y', '92340621MA2UK25H3F', '92340621MA2UK30C35']
assert all(uscc_check(u[:17]) == u[17] for u in us)
for i, u in enumerate(us):
    if i % 2 == 0:
        P('uscc', {'creditCode': u}, [('creditCode', 'cn_uscc', u)], 'stdnum key')
    else:
        P('uscc', {'content': f'公司统一社会信用代码：{u}，请核对'}, [('content', 'cn_uscc', u)], 'stdnum text')
    if i % 3 == 0:
        P('uscc', {'content': u}, [('content', 'cn_uscc', u)], 'stdnum neutral')
# python-stdnum tests/test_cn_uscc.doctest invalid cases
N('uscc', {'creditCode': '91110000600037341N'}, [('creditCode', '91110000600037341N', 'stdnum invalid check')], 'neg')
N('uscc', {'creditCode': '9111000060003IOZSV'}, [('creditCode', '9111000060003IOZSV', 'stdnum invalid chars')], 'neg')
# python-stdnum tests/test_cn_ric.doctest (valid; one with a lower-case x) and its invalid cases
for v in ['360426199101010071', '44011320141005001x', '412723199010050012', '110102199101010078', '120110198012010073', '120110199212010072']:
    assert cnid_check(v[:17]) == v[17].upper(), v
    P('ric', {'idCardNo': v}, [('idCardNo', 'cn_id', v)], 'stdnum key')
    P('ric', {'content': f'身份证:{v}'}, [('content', 'cn_id', v)], 'stdnum text')
for v, n in [('990426199112010074', 'stdnum unknown county'), ('T60426199101010078', 'format')]:
    N('ric', {'idCardNo': v}, [('idCardNo', v, n)], 'neg')
# Stripe (docs.stripe.com/testing) and Adyen (docs.adyen.com test card numbers) test cards, as they
# print them; Adyen's 4000 0003 4400 0005 is left out (it fails Luhn)
cards = ['4242424242424242', '4000056655665556', '5200828282828210', '6011000990139424', '6011981111111113', '3056930009020004', '36227206271667',
         '3566002020360505', '6205500000000000004', '5555 3412 4444 1115', '2222 4000 7000 0005', '3700 0000 0000 002', '6250 9460 0000 0016',
         '6243 0300 0000 0001', '3569 9900 1009 5841', '6011 6011 6011 6611', '3600 6666 3333 44', '4032039317984658', '2222 4200 0000 1113',
         '3528 0000 0000 0007']
for i, c in enumerate(cards):
    assert luhn_ok(c), c
    P('cards', {'cardNo': c} if i % 2 == 0 else {'content': f'Card number {c} exp 12/30'}, [('cardNo' if i % 2 == 0 else 'content', 'credit_card', c)], 'test card')
    P('cards', {'content': c}, [('content', 'credit_card', c)], 'test card neutral')
P('cards', {'cardNo': '3528 0000 0000 0007'}, [('cardNo', 'credit_card', '3528 0000 0000 0007')], 'test card')
# RFC 5952 / RFC 6052 / RFC 4291 examples, a ULA and a multicast address
for v in ['2001:db8::ff00:42:8329', '64:ff9b::192.0.2.33', '2001:db8:3333:4444:5555:6666:1.2.3.4', '2001:db8:85a3::8a2e:370:7334', 'fd12:3456:789a:1::1', 'ff02::1']:
    P('ip', {'ipv6': v}, [('ipv6', 'ipv6', v)], 'rfc key')
    P('ip', {'content': f'client {v} connected'}, [('content', 'ipv6', v)], 'rfc text')
for v in ['5/215299/8', '1/234567/8', '5215299 (8)', '7123456-1']:
    # the slash form printed on the card and a dashed check digit: debatable spans
    t = 'mo_id' if v == '5215299 (8)' else IGN
    P('mo', {'澳門身份證': v}, [('澳門身份證', t, v)], 'macau format')
    P('mo', {'content': f'澳門居民身份證 {v}'}, [('content', t, v)], 'macau text')


# ----------------------------------------------------------------
# foreign numbers holding HK-shaped 8-digit runs (hard negatives)
g = 'neg_foreign'
for v, n in [('+65 9123 4567', 'Singapore mobile'), ('+65 6123 4567', 'Singapore fixed'), ('+853 2888 1234', 'Macau fixed'),
             ('+86 21 6123 4567', 'Shanghai landline'), ('+86 755 2345 6789', 'Shenzhen landline'), ('021-61234567', 'Shanghai landline'),
             ('0755-23456789', 'Shenzhen landline'), ('+886 2 2345 6789', 'Taipei'), ('+44 20 7946 0958', 'London (Ofcom drama)'),
             ('+1 212 555 0123', 'NANP'), ('+852 1234 5678', 'HK prefix 1 not allocated'), ('+61 4 1234 5678', 'AU mobile')]:
    N(g, {'mobile': v}, [('mobile', v, n + ' -> must not be hk_phone/cn_mobile (PII but no type: debatable)')], 'foreign key')
    N(g, {'content': f'Tel {v}'}, [('content', v, n)], 'foreign text')


# ----------------------------------------------------------------
# person names in free text; look-alikes
g = 'names'
# a name prefixed '~' is debatable (_ignore): lists after 抄送/cc, @mentions, surname + title,
# a title inside the span, names in free text with no cue
pos = [('今日由黃志明代班，有事搵佢', ['~黃志明']), ('Approved by Wong Siu Ming on 18 Mar', ['Wong Siu Ming']),
       ('抄送：李嘉欣、張偉', ['~李嘉欣', '~張偉']), ('cc: Grace Lee, Peter Chan', ['~Grace Lee', '~Peter Chan']),
       ('經手人：何家樂', ['何家樂']), ('收款人 CHAN TAI MAN', ['CHAN TAI MAN']), ('户名：张伟', ['张伟']),
       ('持卡人姓名：陳大文', ['陳大文']), ('@陳大文 請審批', ['~陳大文']), ('員工 陳大文（工號 HK000123）已離職', ['陳大文']),
       ('新同事 李嘉欣 Grace Lee 今日入職', ['李嘉欣', 'Grace Lee']), ('陪同母親 黃麗華 覆診', ['~黃麗華']), ('緊急聯絡人 陳太 6123 4567', ['~陳太']),
       ('申請人陳大文已提交', ['陳大文']), ('請聯絡王小明先生', ['王小明']), ('Contact person: Ms. Lee Ka Yan', ['~Ms. Lee Ka Yan']),
       ('姓名 歐陽志強 性別 男', ['歐陽志強']), ('Name of employee: Ho Ka Lok', ['Ho Ka Lok']), ('負責人:司徒浩南', ['司徒浩南']),
       ('代理人：梁家輝（電話 9123 4567）', ['梁家輝'])]
for t, ns in pos:
    extra = [('content', 'hk_phone', m) for m in ('6123 4567', '9123 4567') if m in t]
    P(g, {'content': t}, [('content', IGN, n[1:]) if n[0] == '~' else ('content', 'person_name', n) for n in ns] + extra, 'free-text name')
negs = ['陳列室今日開放', '黃金價格上升', '請張貼通告', '王府井分店', '李子好甜', 'Meet at Lee Gardens', 'Wong Tai Sin Temple', 'Sun Hung Kai Centre',
        '周末愉快', '林業部門', '高級會計主任', '何時開會？', '馬上處理', '張數: 3', 'Grace period ends',
        '陳皮', '江湖', 'Mark as read', 'Will do']
for t in negs:
    N(g, {'content': t}, [('content', t, 'look-alike')], 'name neg')
P(g, {'content': 'Chan Tai Man is a placeholder'}, [('content', IGN, 'Chan Tai Man')], 'the textbook name, used as a name: debatable')


# ----------------------------------------------------------------
# unusual separators: no-break and ideographic spaces, en dash, dots, full-width characters
g = 'seps'
for v, t, k in [('9123\u00a04567', 'hk_phone', 'mobile'), ('9123\u30004567', 'hk_phone', 'mobile'), ('9123–4567', 'hk_phone', 'mobile'),
                ('9123.4567', 'hk_phone', 'mobile'), ('+852\u00a09123\u00a04567', 'hk_phone', 'content'),
                ('138\u00a01234\u00a05678', 'cn_mobile', 'mobile'), ('138.1234.5678', 'cn_mobile', 'mobile'),
                ('11010519491231002Ｘ', 'cn_id', 'idCardNo'), ('１１０１０５１９４９１２３１００２Ｘ', 'cn_id', 'idCardNo'),
                ('4111\u00a01111\u00a01111\u00a01111', 'credit_card', 'cardNo'), ('４１１１ １１１１ １１１１ １１１１', 'credit_card', 'cardNo'),
                ('taiman.chan＠example.com', 'email', 'email'), ('ａｂｃ@example.com', 'email', 'email'),
                ('A123456（３）', 'hkid', 'idCard'), ('A123456 ( 3 )', 'hkid', 'idCard'), ('A-123456-3', 'hkid', 'idCard'),
                ('G123456(a)', 'hkid', 'idCard'), ('g123456A', 'hkid', 'content')]:
    # an en dash or dots inside a phone number, and the HKID forms below away from an
    # identity-card key, are debatable
    dk = v in ('9123–4567', '9123.4567', '138.1234.5678', 'g123456A')
    dt = dk or v in ('A123456 ( 3 )', 'A-123456-3')
    P(g, {k: v}, [(k, IGN if dk else t, v)], 'sep')
    P(g, {'content': f'資料：{v}，謝謝'}, [('content', IGN if dt else t, v)], 'sep text')


# ---------------------------------------------------------------- cues glued to the value
g = 'glued'
cases = [('出生日期1988-07-14', 'date_of_birth', '1988-07-14'), ('生日1988-07-14', 'date_of_birth', '1988-07-14'),
         ('出生日期：14/07/1988', 'date_of_birth', '14/07/1988'), ('出生日期 14/07/1988', 'date_of_birth', '14/07/1988'),
         ('出生於1988年7月14日', 'date_of_birth', '1988年7月14日'), ('於1988年7月14日出生', 'date_of_birth', '1988年7月14日'),
         ('地址九龍旺角彌敦道688號12樓B室', 'address', '九龍旺角彌敦道688號12樓B室'), ('住址Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon', 'address', 'Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon'),
         ('住址：Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon', 'address', 'Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon'),
         ('姓名陳大文', 'person_name', '陳大文'), ('聯絡人陳大文', 'person_name', '陳大文'), ('聯絡人 陳大文', 'person_name', '陳大文'),
         ('申請人：陳大文', 'person_name', '陳大文'), ('申請人 陳大文', 'person_name', '陳大文'), ('姓名：Chan Tai Man', 'person_name', 'Chan Tai Man'),
         ('Name: Ho Ka Lok', 'person_name', 'Ho Ka Lok'), ('Employee name: Ho Ka Lok', 'person_name', 'Ho Ka Lok'),
         ('護照號碼K12345678', 'hk_passport', 'K12345678'), ('商業登記號碼31415926', 'hk_br', '31415926'), ('銀行戶口004-123-456789-001', 'hk_bank_account', '004-123-456789-001')]
for t, ty, v in cases:
    P(g, {'content': t}, [('content', ty, v)], 'glued?')


# ----------------------------------------------------------------
# key variants, fieldName / form-component name / certType siblings
g = 'keys'
kv = [('hk_passport', 'K12345678', ['passport_no', 'passportNumber', 'travelDocNo', 'hkPassportNo']),
      ('cn_passport', 'E12345678', ['passport_no', 'passportNumber', '護照號碼']),
      ('hk_br', '31415926', ['br_no', 'businessRegNo', 'brn', 'BRNo']),
      ('hk_bank_account', '004-123-456789-001', ['accountNo', 'bank_account_no', 'acctNo', 'bankAcct']),
      ('hk_bank_account', '004123456789001', ['bankAccount', 'sys04-bankAccountNo']),
      ('mo_id', '1234567(8)', ['macauId', 'bir', 'moIdCard', 'macau_id_no']),
      ('cn_bank_card', luhn_complete('622202123456789012'), ['bankCard', 'cardNumber', 'bank_card_no']),
      ('hk_phone', '91234567', ['contact', 'whatsapp', 'emergencyPhone', 'officeTel', 'fax']),
      ('date_of_birth', '1988-07-14', ['dateOfBirth', 'birth', 'dob', 'birthdate']),
      ('address', '九龍旺角彌敦道688號12樓B室', ['addr', 'homeAddress', 'residence', 'mailingAddress'])]
for t, v, keys in kv:
    for k in keys:
        # key names that need not hold the person's own value: debatable
        # key names that need not hold the person's own value, and a debit card under a key that
        # says only "card number": debatable
        P(g, {k: v}, [(gpath(k), IGN if k in ('travelDocNo', 'businessRegNo', 'cardNumber') else t, v)], 'key:' + k)
# sibling labels
sib = [('hk_passport', 'K12345678', '護照號碼'), ('hk_br', '31415926', '商業登記號碼'), ('hk_bank_account', '004123456789001', '銀行賬號'),
       ('mo_id', '1234567(8)', '澳門身份證號碼'), ('hk_phone', '91234567', '聯絡電話'), ('date_of_birth', '1988-07-14', '出生日期'),
       ('address', '九龍旺角彌敦道688號12樓B室', '住址'), ('person_name', '陳大文', '緊急聯絡人姓名'), ('cn_passport', 'E12345678', '护照号码')]
for t, v, lab in sib:
    P(g, {'fieldCode': 'customField-x1', 'fieldName': lab, 'fieldValueList': [{'itemIndex': 0, 'label': v, 'value': v}]},
      [('fieldValueList.0.value', t, v), ('fieldValueList.0.label', t, v)], 'roster custom fieldName=' + lab)
    P(g, {'componentType': 'TextField', 'name': lab, 'id': 'TextField-X', 'value': v}, [('value', t, v)], 'form name=' + lab)
for ct, t, v in [('PASSPORT', 'hk_passport', 'K12345678'), ('HK_PASSPORT', 'hk_passport', 'H87654321'), ('CN_PASSPORT', 'cn_passport', 'E12345678'),
                 ('MACAU_ID', 'mo_id', '1234567(8)'), ('TW_ID', 'tw_id', 'A123456789')]:
    P(g, {'certType': ct, 'certNo': v}, [('certNo', t, v)], 'certType=' + ct)
    P(g, {'sys02-certNo': v}, [('sys02-certNo', t, v)], 'sys02-certNo no type')

# ----------------------------------------------------------------
# probes: ids under id keys, number tokens, names glued to cues
g = 'probe'
for d in [{'taskId': 13912345678}, {'orderNo': '15012345678'}, {'dept_id': 18612345678}, {'content': '訂單號 13812345678 已發貨'},
          {'bizNumber': '13812345678'}, {'processInstanceId': '13812345678'}, {'userid': '13812345678'}, {'content': '工單編號：18612345678'},
          {'orderId': '4111111111111111'}, {'userid': 'manager4111111111111111'}, {'jobNumber': 'A1234563'},
          {'serialNo': cnid('440305', '19851212', '000')}, {'hkid_digits': 1234563}, {'creditCode': int('911100006000373410')}]:
    N(g, d, ctx='an id under an id key or after an order cue')
# a canonical test card or a checked HKID / ID number in text named as something else: debatable
for t, v in [('Order {v} shipped', '4111111111111111'), ('訂單號 {v}', 'A123456(3)'), ('tracking no. {v}', cnid('440305', '19851212', '000'))]:
    P(g, {'content': t.format(v=v)}, [('content', IGN, v)])
P(g, {'unionid': 'A123456(3)'}, [('unionid', IGN, 'A123456(3)')])
P(g, {'idCardNo': int(cnid('440305', '19851212', '000'))}, [('idCardNo', 'cn_id', cnid('440305', '19851212', '000'))], 'number token')
P(g, {'cardNo': 6205500000000000004}, [('cardNo', 'credit_card', '6205500000000000004')], 'number token')
for t, names in [('聯絡人張偉', ['張偉']), ('申請人陳大文', ['陳大文']), ('申請人：陳大文已提交', ['陳大文']), ('聯絡人：陳大文先生', ['陳大文']),
                 ('請聯絡陳大文跟進', ['陳大文']), ('緊急聯絡人：陳太', ['~陳太']), ('緊急聯絡人 陳太', ['~陳太']), ('陪同母親黃麗華覆診', ['~黃麗華']),
                 ('母親：黃麗華', ['黃麗華']), ('聯絡人：張偉', ['張偉']), ('聯絡人 張偉', ['張偉']), ('姓名：張偉', ['張偉']), ('姓名張偉', ['張偉']),
                 ('聯絡人：陳太', ['~陳太']), ('姓名：陳大文，已提交', ['陳大文']), ('姓名：陳大文 已提交', ['陳大文']), ('姓名：陳大文已提交', ['陳大文']),
                 ('Name: Chan Tai Man has submitted', ['Chan Tai Man']), ('申請人：陳大文。', ['陳大文']), ('收件人：陳大文 先生', ['陳大文']),
                 ('Applicant: Chan Tai Man (staff no. HK000123)', ['Chan Tai Man'])]:
    P(g, {'content': t}, [('content', IGN, n[1:]) if n[0] == '~' else ('content', 'person_name', n) for n in names])


# ---------------------------------------------------------------- write
def checked(t, v):
    """labels of checksummed types must pass their published check (catches typing slips)"""
    n = re.sub(r'[\s()（）\[\]\-.]', '', unicodedata.normalize('NFKC', v)).upper()
    if t == 'hkid':
        m = re.fullmatch(r'([A-Z]{1,2})(\d{6})([0-9A])', n)
        return bool(m) and hkid_check(m[1], m[2]) == m[3]
    if t == 'cn_id':
        return len(n) == 15 and n.isdigit() or len(n) == 18 and cnid_check(n[:17]) == n[17]
    if t in ('credit_card', 'cn_bank_card'):
        return n.isdigit() and luhn_ok(n)
    if t == 'tw_id':
        return tw_ok(n)
    if t == 'cn_uscc':
        return uscc_check(n[:17]) == n[17]
    return True


def at(doc, path):
    cur = doc
    for p in re.split(r'(?<!\\)\.', path):
        p = p.replace('\\.', '.')
        cur = cur[int(p)] if isinstance(cur, list) else cur[p]
    return cur if isinstance(cur, str) else json.dumps(cur)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith('.json') or f == 'truth.jsonl':
            os.remove(os.path.join(OUT, f))
    R = random.Random(SEED)
    truth = []
    for g in sorted(files):
        items = files[g][:]
        R.shuffle(items)
        name = g + '.json'
        for i, (doc, labels) in enumerate(items):
            for rp, t, v in labels:
                path = f'items.{i}.{rp}'
                assert v in at(doc, rp), (name, path, v)
                assert checked(t, v), (name, path, t, v)
                truth.append({'file': name, 'path': path, 'type': t, 'value': v})
        text = json.dumps({'items': [d for d, _ in items]}, ensure_ascii=g in ASCII_FILES, indent=1)
        if g == 'email':
            # an '@' written as a JSON escape: the detector must read the decoded string
            text = text.replace('mail me: taiman.chan@example.com', 'mail me: taiman.chan\\u0040example.com')
        with open(os.path.join(OUT, name), 'w', encoding='utf-8') as fh:
            fh.write(text)
    with open(os.path.join(OUT, 'truth.jsonl'), 'w', encoding='utf-8') as fh:
        for r in truth:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    n = collections.Counter(r['type'] for r in truth)
    print(f'{sum(len(v) for v in files.values())} items in {len(files)} files, {len(truth)} truth rows '
          f'({n[IGN]} _ignore) -> {OUT}')


main()
