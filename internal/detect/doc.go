// Package detect finds personal data in text and JSON: recognizers with real validators,
// key-name and context hints, and a single-pass JSON engine.
//
// # How a text value is scanned
//
// Scanner.ScanText reads a decoded text value once, byte by byte, without regular
// expressions:
//
//  1. Prefilter. A value with no digit, '@', ':', full-width form, or '|' '*' '-' '】' (the
//     ends of labels written without a colon: | 姓名 |, **姓名**, 姓名 -, 【姓名】), found
//     eight bytes at a time, can only hold the key-driven types (person name, date of birth,
//     address) or a label word and a space at the start of the text, a line or a clause
//     ("申請人 陳大文", checked only in values with a space); if it holds no such label and the
//     last two bytes of its key and label cannot end such a key, ScanText returns at once,
//     without a hash. A JSON number under a key naming no type, and a value under an id/time
//     key with no '(', '@', '：' or two ':' (so no bracketed HKID, e-mail or IPv6), also return
//     before any state is set up.
//  2. Tokens with strict boundaries. Letters, digits and '_' form words; a candidate never
//     starts or ends inside one ("HK0001234" holds no K000123(4), a 13-digit epoch holds no
//     11-digit mobile). Digits form number runs: groups joined by single spaces or dashes,
//     with an optional +852 / 852 / (852) / 00852 / +86 / 0086 prefix, an HK extension (read,
//     but left out of the finding: 852-21234567-801 reports 852-21234567), a Macau "(8)"
//     bracket or a cn_id "X". Groups joined by '.' are one element: an IPv4
//     candidate with four short parts, otherwise a decimal or version no format may use.
//     A run glued to a code ("PO-12345678", "v1.2.3.4"), followed by letters, '@', '%', a
//     time colon, thousands separators or a unit (元, 萬, 號 …) yields nothing; the full stop
//     of a label abbreviation is no glue ("HKID no.A1234563", "Tel.91234567").
//  3. Shape and validator per type (one file per recognizer, see Registry): check digits
//     (HKID mod 11, cn_id MOD 11-2, Luhn and brand ranges, Taiwan ID, USCC mod 31),
//     allocated number ranges (HK and mainland phones), calendar dates, address plausibility.
//  4. Key, label and context. See keys.go and context.go and the scores below.
//  5. Overlaps. Findings are sorted by Start; of overlapping findings the higher score
//     wins, then the longer span, then the earlier one.
//
// # Scores
//
//	0.95  self-validating structured format: A123456(3) with a valid check, e-mail address,
//	      phone with +852/00852/(852)/+86 prefix, grouped card number (4111 1111 1111 1111)
//	      with Luhn and brand, IPv6; or any candidate whose key or label names its type
//	      (mobile: "91234567", sys02-certNo: "A123456(3)"), including whole-value names,
//	      dates of birth and addresses under their keys (an address only when it reads as
//	      one: a key does not make "Within range" or "Office WiFi" an address)
//	0.9   validated candidate with a context word naming its type (身份證 110101…,
//	      致電 9123 4567) or, for phones, an @-mention; an IPv4 address; a mainland mobile
//	      written 138 0013 8000; 852-21234567
//	0.85  validated digits-only or bare format, no hint: 11-digit mainland mobile, cn_id,
//	      contiguous card number, bare upper-case HKID A1234563, Taiwan ID, USCC with letters
//	      or with both its check characters (mod 31 and the organisation code's mod 11)
//	0.8   shape-only candidate with a context word (bare 8-digit HK number after 電話 or an
//	      @-mention, passport after 護照, BR number after 商業登記, bank account after 銀行
//	      戶口, a 13/17/18-digit card number after 卡號); a card number typed as a bank card by
//	      context (工資卡 6222…); names, dates of birth and addresses after a label and colon
//	0.75  distinctive but unvalidated: dashed HK bank account with a known bank code,
//	      Macau ID 1234567(8), brandless non-Luhn 16-19 digit account under a bank hint,
//	      a plausible name under the overloaded `name` key
//	0.6   an HK number written 9123 4567 in running text with nothing else known (not a
//	      year range 2019-2020 or round amounts 3000 5000: those need context)
//
// Candidates below the threshold (default 0.5) are dropped. Shape-only candidates (bare
// 8-digit numbers, passports, BR, Macau bare form, generic bank numbers, lower-case bare HKID)
// are dropped without a key, label or context word. A finding at 0.85 or more never depends
// on context, so re-scanning its text alone under the same key hint finds it again.
//
// # Keys and labels (keys.go)
//
// Keys are normalised (ASCII lower case, no '_', '-', '.', spaces) and looked up in a table
// of DingTalk wire names and roster field codes, then matched by suffix ("…Mobile", "…Time",
// "…Id" as its own camelCase word) and, for Chinese keys and labels, by words (電話, 身份證,
// 出生, 住址, 姓名, 時間, 金額 …). The label (a roster field_code such as sys02-certNo, or a form
// component name such as 代理人電話, or a table cell's label such as 收款人) counts as much as
// the key; among several naming members the best one wins (field_code, then fieldName, name,
// label, key, title), the nearer on a tie. A naming member that sits beside a value member
// (a form component's "name") is itself read without its key: "明細" under `name` there is a
// field label, not a person. A custom roster field's code means nothing
// (customField-abc123): its display name (field_name 家庭住址) labels it. Results are
// cached per key
// in a lock-free, allocation-free table (keys.go), so a key costs one hash after its first
// value.
//
//   - Positive keys name types: phone (mobile, tel, telephone, phoneNumber, atMobiles,
//     sys00-mobile, sys00-tel, sys06-urgentContactsPhone …), ID documents (certNo, idCardNo,
//     sys02-certNo, 身份證號碼 …), passport, bank (bankAccountNo, bankCardNo,
//     sys04-bankAccountNo, 銀行卡號 …), card, e-mail, IP, USCC, BR, date of birth (birthday,
//     birthTime, sys02-birthTime, sys07-childBirthDate), person name (realName, nick,
//     showName, senderNick, sys00-name, sys02-realName, sys06-urgentContactsName,
//     sys07-childName) and address (address, certAddress, sys02-address, sys02-certAddress).
//     A named type scores 0.95 and shape-only types are allowed; typed keys (all but name
//     and address) suppress numeric candidates of other types.
//   - Negative keys — ids (userid, unionid, dept_id, bizNumber, businessId, task_id,
//     request_id, …Id), times (createTime, hired_date, …At, …Time, timestamp), amounts,
//     counts, orders, versions, job numbers — suppress every candidate except the
//     self-validating structured ones (HKID with brackets, e-mail, IPv6).
//   - A label names one value. Over free text (a line break, sentence punctuation such as
//     "。" "，" ", ", or more than 64 bytes) a label's negative or typing part is ignored: a
//     markdown message's title "薪酬通知" labels its text but does not make the phone numbers
//     in it salaries. The label's positive types still apply.
//   - Labels are read without the colon or markdown around them ("Full name:", "ID number：",
//     "**Name**"). A label naming an issuer or holder before "ID" (China ID, Hong Kong ID,
//     Resident ID) names an ID document; any other "…Id" (userId, deptId, photoId) is a record
//     id.
//   - Keys naming a person by role are names: creatorName, approverName, operator_name,
//     patientName, legalPersonName, userNameEn, operatorDisplayName, approverRealName … (the
//     role must start a word: tempName is not one); customerName, agentName, parentName and
//     hostName stay neutral (companies, apps, departments, machines). The members of an i18n
//     name object under a person held by role ({"originator":{"name":{"nameInChinese":…,
//     "nameInEnglish":…}}}, modifyUser, approvers, zh_CN/en_US too) are that person's name;
//     the same members of a form's, a department's or a region's object are not. A Chinese
//     label ending in 人 (出差人, 報銷人, 審批人) is a name field under the strict test of the
//     plain `name` key. A bracketed note does not type a label: 英文姓名（與護照相同） is a
//     name, 聯絡電話（手提） a phone. A value naming an approval step or a post (財務審批,
//     經理覆核, 高級會計) is no name under any key: a showName holds nodes too.
//   - Free-text keys (remark, content, text, title, value, extension …) are neutral.
//   - JSON numbers (Field.Number) are reported only under a key or label naming the type:
//     numbers in DingTalk payloads are ids, counts and epoch times.
//   - work_place / sys00-workPlace is an office location, not a personal address: neutral.
//   - A form component id used as a key (DDPhoneField_K2U5GX1Q, TextField-J78F056R, as CRM
//     and Yida records key their data) is typed by its component: PhoneField a phone,
//     IdCardField an ID, Money/NumberField negative, a member picker (Yida employeeField,
//     InnerContactField) people's names, AddressField an address, any other neutral (the
//     pickers' "employeeField_<id>_id" lists are userids).
//   - Where an address key names a place rather than a home — an attendance check-in's
//     detailPlace, a calendar event's location.displayName — the value is an address only
//     when it is no meeting room (會議室, Conference Room) or public venue (醫院, hotel,
//     office), and a purpose written before a colon ("上門探訪：…") stays out of it.
//   - An approval or Yida process instance's title ("陳大文提交的請假", "陳大文發起的請假申請")
//     names its originator at its head: that head is a name when it looks like one.
//   - A key written inline before a value counts as a key: a URL query or form parameter
//     ("?taskId=13812345678", "&mobile=91234567"), a URL path segment before the value's
//     ("/taskId/15029903791/") or a camelCase/snake_case identifier and a colon or space
//     ("taskId 13812345678"). A prose word ("ID", "Tel") is a context word.
//
// # Context words (context.go)
//
// The nearest context word within 32 runes before a candidate (not crossing a line break or
// ; ； 。) decides: a word naming the type raises validated candidates to 0.9 and lets
// shape-only ones through at 0.8; a negative word (訂單, 合同, 金額, 編號, order, invoice,
// amount, $, HK$, # …) drops validated digit candidates; any other word gives no context. A
// phone number right after '@' (DingTalk mention) has phone context, whatever precedes it.
//
// A negative word names the value right after it: once a digit (another value) or a clause
// separator (, ， 、 | / ！ ？ ". ") lies between it and the candidate, it no longer applies —
// in "發票 INV-2024-001 金額 HK$1,200，請致電 9123 4567" the phone is not an amount. One or two
// digits glued to a word qualify it (EAN-13), and a markdown table's label cell labels the
// value cell right after it ("| Ref | 6518-5293 |"). A positive word reaches across values,
// so lists keep their context ("電話 9123 4567 / 6123 4567"). A record's id word (ID, task,
// approval, 任務, 審批) takes back phones and cards only, and a chat or payment app's account
// (微信帳號, WeChat ID, 支付寶賬號) bank and card numbers only: the first may be an ID
// document's, the second the holder's phone number. Words inside an HTML tag (<br>) are
// markup.
// Words naming another kind of number written like a phone, prefix and all (meeting ID,
// 會議號, QQ), also drop a phone with its 852 prefix right after them ("Meeting ID: 852 2823
// 7418"). IPv4 addresses are only taken back by version words (version, build, firmware, 版本): no
// amount or order number is a dotted quad. Money words (金額, 薪, salary, HK$ …) do not take
// back a dashed HK bank account with a known bank code: money is what goes into accounts. IP words (IP, IP地址, 伺服器, server, host, login
// from, 來源 …) name IPv4 and IPv6.
//
// # Payment card or bank card
//
// A Luhn- and brand-valid card number is a credit_card unless a bank names it: a bank key or
// label (bankCardNo, bankAccountNo, sys04-bankAccountNo, 銀行卡號 …) makes it cn_bank_card
// (0.95); so does a bank context word right before it with no other number in between (銀行卡,
// 工資卡/工资卡, 薪資卡, 銀行戶口, bank card, salary card, payroll card, UnionPay/銀聯 — mainland
// banks issue UnionPay debit cards with every account — account, a/c, 存入 …), at 0.8. A card
// word or key (信用卡, credit card, card no., 卡號, Visa, cardNo), the nearer word winning
// ("UnionPay credit card"), or no word at all leaves it a credit_card; a salary or UnionPay card's
// number word (工资卡号, 銀聯卡號) is a bank word, and "debit card" (借記卡) re-types UnionPay
// numbers only. Brandless 16–19 digit
// numbers are cn_bank_card only with a bank or card word or key.
//
// # Person names in free text
//
// DESIGN.md §4 makes names key- or context-driven. In free text the strongest context is a
// label and colon (姓名：, 英文名：, 申請人：, 收款人：, 病人：, Name:, Full name:,
// Applicant:, Patient: …), also wrapped in markdown or brackets (**姓名**：, 【姓名】：), as in
// markdown bullet lists ("- 姓名：周寶儀 Fiona Chan"). Where a message or a note starts, its
// position marks a name too: a salutation's addressee up to the comma ("Dear Kayden Tan, your
// leave …", "Hello Grace Lee,", "Dear 陳大文，"), the name a message greets ("陳大文 (Peter
// Chan) 你好：…", "李嘉欣你好，") and a remark's first clause when it is a full Latin name
// ("Peter Chan；HKID …", "Grace Lee 李嘉欣, HKID …": who a note is about comes first). Each
// needs the strict test below and a full name: "Dear All", "Dear Ivy", "Dear Mr. Chan", "陳先生
// 你好", "Hi Wai, …", "Sha Tin；…" (Hong Kong's places read like names: places.go) are not
// names. Names next to a number are not reported, and a value holding a company word
// (Limited, Trading, Bank, Holdings, Council, Bot …) is never a name.
//
// A Chinese title after a full name marks the name wherever it stands, label or not:
// 陳大文先生, 李美玲小姐, 司徒大文太太, 歐陽小明女士, 陳大文夫人 (先生 小姐 女士 太太 夫人).
// The name is reported without its title, and it needs a surname and at least one given
// character: a surname and a title alone (陳生, 王先生, 李小姐) is how a person is addressed,
// not a name. Chinese writes no spaces, so the name's start is chosen among a compound
// surname, surname + two and surname + one characters, never starting at a function word or
// verb (由張偉先生, 向湯先生) and preferring a common surname to a rare one that a word before
// it happens to start with (公司何明先生); titles inside other words (首先生成, 優先生效, 大小姐,
// 空中小姐, 各位女士, 老太太) are not read. Under a name key or after a label the title is
// dropped too (姓名：陳大文先生 → 陳大文).
//
// Some Chinese prose introduces a person closely enough to be read with the strict test: a
// colleague (同事/新同事, glued or after a space), a customer (客戶/客户 glued, the name
// ending at 的 or a bracket), family (屋企人), a sole proprietor (經營者/经营者) and "contact"
// (聯絡/联络/聯繫/联系). The name ends at 的, a bracket, a comma, a space, a digit or the end
// of the text, and a two-character one needs 的 and a personal-data word after it or spaces
// around it, so "同事張卡片" or "客戶關係的" are not names. After a Chinese name label without
// a colon (英文名 Danny Lang；), two to four capitalised words filling the field are the
// whole English name.
//
// The `name` member of a person's record — an object whose userid and unionid (or staffId,
// jobNumber) come before it — is a person's name whatever its surname when it is a Latin
// full name with no role word (Rosemary Gorczany; not Admin Account, IT Helpdesk, Guest);
// otherwise, and for one id alone (salary items and bots carry a userid beside a name), the
// overloaded key's test applies (財務部, 前台 are no people). Hong Kong's places and its
// best-known firms and malls (places.go) are never names where only position or a weak key
// says so, and a name a customer or colleague cue introduces that ends like a shop's (記,
// 齋, 堂, 號 …) names a business.
//
// A label word followed by one space (or U+3000) and no colon ("Name 張嘉欣", "代理人 張美玲",
// "DOB Jan 18, 1994", "居住地址 浙江省…") labels its value only where a field starts: at the
// start of the text or a line, after 。；;，,！!？? or ". ", and after a markdown bullet
// ("- ", "* ", "1. "). Inside a sentence the words are prose ("the name of the project",
// "請代理人盡快處理"), except a Chinese label and a space: Chinese puts no space between
// the words of a sentence, so "請致電收貨人 李秀玲" labels the name wherever it stands. Where
// a field starts, a Chinese label may also be glued to a name that starts with a surname
// ("緊急聯絡人曾英麗（電話…）") or say "is" before its value ("住址為九龍…", "姓名是陳大文"). The
// weaker context asks more of the value: a name needs the evidence of the overloaded `name`
// key (a Chinese surname, a known English surname or given name), an address a number and a
// word that places it (…號, 樓, Road, Flat) or two such words.
//
// English prose inside a sentence offers a date of birth or an address after a cue: "… and
// DOB 10/01/1975", "date of birth is …", "born on …", "Staff address changed to Flat G, 10/F,
// …", "address is now …"; "moved to", "relocated to", "lives at" only before a street name
// and number that is no meeting room or venue ("moved to Tower 2" is not an address). An
// English address read after a label or cue ends at its region (Kowloon, Kln, N.T., Hong
// Kong [Island], HK, Lantau) unless a district or another region follows; unit words (Rm,
// Room, Unit, Suite, Shop) and region abbreviations count only beside a street or floor
// word (3/F, G/F), so "Room 3 booked" is no address. An HKID written with a space before its
// check digit and no brackets (A123456 7), or a dash (G778812-5), is reported only with an
// HKID key, label or word; square brackets (A123456[3]) count as round ones. A no-break space
// (U+00A0) separates digit groups as a space does.
//
// Chinese glues labels to their values. A label that asks for the name itself (姓名, 名字 …)
// may be glued to two characters that end the clause when a common surname starts them
// (姓名張偉), and a name may run on into the sentence (姓名：陳大文已提交, 申請人陳大文已提交):
// it ends before a verb or function word (已 於 將 要 請 …; not 會, which ends words), and
// after a role only a three-character reading counts (申請人陳述 is a word). A DOB cue glued
// to a date reads it at a clause's start or inside one (出生日期1988-07-14, 我出生於1988年7月14日;
// after 生日 not a year of the last ten, a celebration), and an address glued to its label
// is read when it starts as one: a Hong Kong place or a mainland province or city, or a
// number or capital with a street in its first clause (not 地址2樓已經裝修完畢). "Hi" and "Hey"
// open a salutation as "Dear" does; a DingTalk @mention at a line's start or after a space
// names a person when its Chinese characters pass the strict test (@陳大文 請審批; not
// @所有人, 張三@李四.md). Next-of-kin labels (母親, 丈夫, Spouse) are roles; after a space they
// need three characters (陪同母親 黃昏 散步 is a walk at dusk). Filler values (同上, 見附件,
// TBC, Same as above, Spouse …) and Hong Kong's places are no names or addresses after any
// label, and an address after a label needs an address's shape (地址：中環 places no one).
//
// Some prose introduces a person as a label would, and is read as strictly: an interview's
// candidate ("Interview: Fanny Poon (Sales)", "面試 - 麥晴文"), "Please contact 岑國子 at …",
// a letter's closing and the name on the line after it ("Regards,\nPeter Chan"), a list of
// attendees with their addresses ("Attendees: 曾詠晴 <…>; Wong Ho Keung <…>": each name after
// the list's label or the previous "<address>;"), an account's name ("戶口名稱 FUNG Chun
// Sze"), a changed address ("新地址 九龍…"). A Chinese address read after a label runs past a
// full-width comma only into more of the address ("…100號，5樓A室"), not into the next field
// ("…11樓A座，單號 SF…").
//
// After a label a name takes its other name in brackets along (姓名：陳明嘉（Mary）, Name:
// Peter Chan (陳大文)) when the bracket holds a name in the other script; a post or a note
// (陳大文（經理）, Peter Chan (Manager)) stays out.
//
// Name shapes read whole: a Chinese name with its other name in brackets (陳明嘉（Mary）,
// Peter Chan (陳大文)), a space after the surname (陳 俊偉, under a name key only), hyphenated
// compound surnames and given names (Au-Yeung Ka-wai), middle-dot names (阿依古麗·艾則孜), and
// under the overloaded `name` key a lone common English given name (Peter, Ivy) at 0.75 —
// words a name field also holds (Will, Grace, Summer) are not in that list.
//
// # Formats checked against public test vectors
//
// testdata/vectors/public.tsv (TestPublicVectors) keeps the vectors each source gave; the
// recognizers' own tables cite theirs.
//
//   - E-mail: RFC 5321 atext, quoted local parts ("john..doe"@example.org), address literals
//     (postmaster@[192.0.2.1], [IPv6:…]) and internationalised addresses (RFC 6531: Pelé@…,
//     медведь@с-балалайкой.рф, 我買@屋企.香港). A local part of Han, kana or Hangul only is
//     read whole only before a Han top-level domain, so Chinese words glued before an ASCII
//     address (電郵taiman@…) stay out of it. Single-label domains are not addresses.
//   - IP: every RFC 4291 text form of IPv6, with its zone (fe80::1%eth0) and after a label
//     colon (IP:2001:db8::1); dotted quads that number a section, clause or OID or version a
//     User-Agent product (Chrome/120.0.0.0) are not IPv4. A clause marker counts after 第
//     or glued to the number (第 3.1.5.5 條, 4.3.1.2項): after a space 條碼, 項目 and 款式
//     are the next words.
//   - HKID: the issued one- and two-letter prefixes, also written with a space after them
//     (A 123456(3), brackets and check digit required); a never-issued two-letter prefix only
//     under an ID key or word, and not when it is also a passport's shape (ED1234567) where a
//     passport is allowed. China ID: 18 digits (MOD 11-2, area, date) and the 15-digit
//     first generation (no check digit: area, 1900s date and an ID key or word). Passports:
//     HK H/K + 8 digits, PRC E/G/D/S/P forms and the DE/SE/PE e-passports. Taiwan: national ID
//     and the old resident certificate (two letters, with a key or word). BR: 8 digits, also
//     with its branch suffix (12345678-000) under a BR key or word.
//   - Cards: Luhn plus brand ranges — Visa, Mastercard (51–55, 2221–2720), Amex, Diners,
//     Discover, JCB (3528–3589 and its original 30/31/33 ranges), UnionPay (62, 8100–8171),
//     Maestro, Mir, Elo, Hipercard, Switch/Solo; grouped or contiguous. A contiguous 13-digit
//     Visa number needs a card key or word: Visa no longer issues them, and every EAN-13
//     barcode from Hong Kong (489…) or Japan starts with a 4, one in ten passing Luhn.
//   - USCC: GB 32100's mod-31 check; an all-digit code (or one whose only letter is the
//     check character X, written like a mainland ID number) stands alone only when the GB
//     11714 organisation code inside it (characters 9–17, mod 11) checks too.
//
// # Masked output and tokens
//
// Masked values (9***4567, A123***(*), t***@example.com, [HKID]) and vault tokens
// (tok_hkid_ABCDEFGHIJKLMNOPQRSTUVWXYZ) never produce findings: a '*' ends every format, a
// local part running into '*' is not an address, and a token is one word containing '_'.
//
// # Custom recognizers (custom.go)
//
// Policies add patterns compiled with go-re2 after validation by regexp/syntax; patterns
// needing lookaround or backreferences run on regexp2 with a timeout and are marked slow.
// Matches are prefiltered by a literal prefix, the set of possible first bytes and keywords,
// because each go-re2 call costs about 0.7 µs.
package detect
