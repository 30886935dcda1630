package detect

import "strings"

// Under the overloaded `name` key and after prose cues ("Interview: …"), the only evidence
// for a short Chinese value being a person's name is that it starts with a surname. But
// some 500 common characters are surnames, and many everyday words start with one: 項目
// (project), 明細, 費用, 文件, 安排, 方案, 周報, 成本 … — exactly what DingTalk's `name`
// holds for projects, files, templates, tags and form fields. Two tests tell such words
// from names, and both apply only where the name is weak; a person-scoped key or label
// (realName, 姓名：) keeps every value:
//
//   - notGivenLast: characters that end no Chinese given name. A given name is chosen for
//     its meaning (virtues, beauty, prosperity, nature), so it never ends in a function
//     word (於, 是, 的), a measure word (件, 輛, 款), or a character that names a document,
//     an object or a quantity (目, 細, 檔, 案, 式, 序, 位, 色, 器 …). Characters that are
//     both words' endings and given-name characters (明, 白, 天, 文, 華, 安, 全, 國, 興,
//     達, 麗, 晨 …) are not listed: 王芳, 李明, 陳文, 周星 stay names.
//   - commonWords: whole values that are everyday words, places or brands starting with a
//     surname and ending in a given-name character (明白, 明天, 高興, 韓國, 沙田, 華麗 …).
//     The value as a whole is looked up, never a part, so a name that merely contains such
//     a word (陳明天) is untouched. Words that are also plausible names (高明, 方圓, 周全,
//     文靜, 安靜, 白雪) and real people's names that read as words (姚明, 倪匡, 彭湃,
//     伍佰) are left out.
//   - thingSuffixes: for three and four characters, the value's last two characters are a
//     common noun or verb of office work (項目管理, 周計劃, 年度報告, 安全培訓): a given
//     name is never one of these words.
const notGivenLast = "排目細细用便件案法面序式位括裝装色器頭头款輛辆租屋檔档報报盤盘籠笼條条點点線线" +
	"說说話话判婿竟落切遷迁閉闭於是的了們们嗎吗呢吧麼么絕绝打卡麵氏命油料末員员價价據据碼码" +
	"率帳账稿冊册夾夹框鍵键欄栏頁页址箱題题鏈链網网貨货稅税險险獎奖聘罩機械碑銷销請请稱称"

const commonWords = "" +
	// Words that describe a product line or a role before 女士/先生/小姐 ("ladies'", "men's":
	// 韓版女士手袋, 成熟女士外套, 車長先生) and everyday words a title may follow in a
	// catalogue or a notice (陳列, 張貼, 許可).
	"韓版 韩版 成熟 單身 单身 歐美 欧美 簡約 简约 文藝 文艺 金牌 車長 车长 查詢 查询 藍衣 蓝衣 黃衣 黄衣 " +
	"高貴 高贵 商務 商务 陳列 陈列 張貼 张贴 何時 何时 許可 许可 孔雀 石材 梁柱 葉片 叶片 " +
	"劉海 刘海 王牌 林蔭 林荫 史上 歐陸 欧陆 利園 利园 向日葵 " +
	// Hong Kong brands and shops named as a person is (a customer, a supplier: 客戶周大福的合約).
	"周大福 周生生 李錦記 李锦记 余仁生 楊協成 杨协成 馬百良 马百良 王老吉 黃枝記 何洪記 陳意齋 麥奀記 " +
	"譚仔 谭仔 許留山 许留山 黃金糕 黄金糕 陳列柜 陈列柜 " +
	// Everyday words, traditional and simplified.
	"安全 安全感 余下 田地 安排 高興 高兴 明白 明天 明年 明日 明星 周年 成本 利潤 利润 管理 管理員 管理员 " +
	"全員 全员 全體 全体 全部 全年 全職 全职 全國 全国 齊全 齐全 江湖 林業 林业 " +
	"錢包 钱包 方向 方法 游泳 高端 高清 高速 高溫 高温 高鐵 高铁 宋體 宋体 溫度 温度 程度 " +
	"曾經 曾经 鄭重 郑重 范本 簡介 简介 簡歷 简历 雷達 雷达 雲端 云端 雲盤 云盘 嚴格 严格 嚴重 严重 " +
	"祝福 左右 夏天 夏季 康復 康复 康樂 康乐 易經 易经 洪水 白天 白色 文化 文字 文本 文章 文具 文案 " +
	"向前 向上 凌晨 艾滋 柯達 柯达 包含 包容 包括 崔嵬 鍾愛 钟爱 練習 练习 戴上 施工 歐洲 欧洲 歐元 欧元 " +
	"畢業 毕业 饒恕 饶恕 岑寂 古代 古典 幸福 卓越 路上 池塘 項鍊 项链 莫非 華人 华人 華麗 华丽 " +
	"游客 常見 常见 常規 常规 常用 關於 關于 关于 馬上 马上 應用 应用 應收 应收 應付 应付 " +
	// People named by their role or origin, before a title as a name is (房東太太, 司令夫人).
	"房東 房东 司令 司儀 司仪 華裔 华裔 " +
	"藍牙 蓝牙 金融 白板 石頭 石头 車間 车间 史記 史记 成長 成长 安裝 安装 包裹 周會 周会 " +
	"周計劃 周计划 明細表 明细表 文件夾 文件夹 安全帽 白名單 白名单 朱古力 麥當勞 麦当劳 " +
	// Places: Hong Kong districts and estates, mainland cities, countries and regions.
	"沙田 馬鞍山 马鞍山 黃大仙 黄大仙 何文田 石硤尾 石硖尾 石澳 柴灣 柴湾 黃埔 黄埔 金鐘 金钟 黃竹坑 " +
	"黄竹坑 藍田 蓝田 牛頭角 牛头角 牛池灣 牛池湾 樂富 乐富 馬灣 马湾 梅窩 梅窝 康怡 羅湖 罗湖 龍崗 " +
	"龙岗 龍華 龙华 沙頭角 沙头角 沙井 華南 华南 華東 华东 華北 华北 華中 华中 華西 华西 武漢 武汉 " +
	"成都 石家莊 石家庄 常州 溫州 温州 蘇州 苏州 江門 江门 湛江 梅州 雲浮 云浮 鄭州 郑州 沈陽 沈阳 " +
	"徐州 金華 金华 景德鎮 景德镇 岳陽 岳阳 常德 唐山 秦皇島 秦皇岛 張家口 张家口 安陽 安阳 " +
	"周口 商丘 柳州 桂林 安慶 安庆 黃岡 黄冈 曲靖 邵陽 邵阳 包頭 包头 齊齊哈爾 齐齐哈尔 " +
	"高雄 邢台 蔡甸 韓國 韩国 歐盟 欧盟 馬來西亞 马来西亚"

// thingSuffixes end three- and four-character values that are things, not people.
const thingSuffixes = "管理 培訓 培训 報告 报告 計劃 计划 會議 会议 申請 申请 通知 記錄 记录 統計 统计 " +
	"模板 流程 設置 设置 系統 系统 項目 项目 文件 費用 费用 明細 明细 表格 清單 清单 安排 方案 " +
	"報表 报表 審批 审批 預算 预算 考勤 打卡 排班 總結 总结 匯總 汇总 登記 登记 檢查 检查"

var (
	notGivenLastSet = map[rune]bool{}
	commonWordSet   = map[string]bool{}
	thingSuffixSet  = map[[2]rune]bool{}
)

func init() {
	for _, r := range notGivenLast {
		notGivenLastSet[r] = true
	}
	for _, w := range strings.Fields(commonWords) {
		commonWordSet[w] = true
	}
	for _, w := range strings.Fields(thingSuffixes) {
		r := []rune(w)
		thingSuffixSet[[2]rune{r[0], r[1]}] = true
	}
}

// commonWordNotName reports whether the Han value b (han characters, one block, no
// interpunct), which starts with a surname, is an everyday word rather than a name: a
// test for weak contexts only. beforeLast and last are its last two characters.
func commonWordNotName(b []byte, han int, beforeLast, last rune) bool {
	if notGivenLastSet[last] {
		return true
	}
	if han >= 3 && thingSuffixSet[[2]rune{beforeLast, last}] {
		return true
	}
	return commonWordSet[string(b)]
}
