package detect

import (
	"strings"
	"testing"
)

// TestCommonWordsUnderWeakName: everyday words, places and brands that start with a
// surname character are not names under the overloaded `name` key or after a cue, while
// names — including two-character ones whose given name is also a word's character (李明,
// 陳文, 周星, 王芳) or that contain such a word (陳明天) — stay names; and a person-scoped
// key or label keeps every value.
func TestCommonWordsUnderWeakName(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	notNames := []string{
		"項目", "项目", "明細", "明细", "費用", "费用", "文件", "安排", "安全", "方便", "方案", "方法",
		"程序", "單位", "单位", "包括", "周末", "周報", "周报", "文檔", "文档", "成本", "利潤", "利润",
		"管理員", "管理员", "高興", "高兴", "明白", "明天", "錢包", "钱包", "溫度", "温度", "韓國", "韩国",
		"車輛", "车辆", "房租", "嚴重", "严重", "簡介", "简介", "白色", "文化", "路線", "路线", "全面",
		"沙田", "何文田", "黃大仙", "黄大仙", "馬鞍山", "马鞍山", "石硤尾", "麥當勞", "朱古力",
		"項目管理", "文件管理", "安全培訓", "周計劃", "费用报销", "車輛申請", "藍色", "景點", "關於",
		// With a Latin word or a note in brackets, the Chinese part is tested alone.
		"項目 Alpha", "周報 Weekly", "Alpha 項目", "項目（Project）",
	}
	names := []string{
		"王芳", "李明", "陳文", "周星", "陳明天", "高明", "方圓", "周全", "白雪", "文靜", "安靜",
		"葉子", "孫子", "姚明", "倪匡", "陳大文", "李嘉欣", "張國", "華麗華", "林業明", "歐陽明",
		"明華", "安妮", "全明", "白天明", "文華", "黃金華", "方文山", "陈明", "馬麗", "高天",
		"李明 Peter", "Peter 陳文", "陳明嘉（Mary）", "李嘉欣 Grace Lee",
	}
	found := func(text, key, label string) []string {
		var got []string
		for _, f := range s.ScanText([]byte(text), &Field{Key: key, Label: label}, nil) {
			if f.Type == PersonName {
				got = append(got, text[f.Start:f.End])
			}
		}
		return got
	}
	for _, w := range notNames {
		if got := found(w, "name", ""); len(got) > 0 {
			t.Errorf("%q under name: got %q, want no name", w, got)
		}
		if got := found("面試 - "+w, "remark", ""); len(got) > 0 {
			t.Errorf("%q after a cue: got %q, want no name", w, got)
		}
		if ValidPersonName(w) {
			t.Errorf("ValidPersonName(%q) = true", w)
		}
	}
	for _, n := range names {
		if got := found(n, "name", ""); strings.Join(got, "|") != n {
			t.Errorf("%q under name: got %q, want it", n, got)
		}
		if got := found("面試 - "+n, "remark", ""); strings.Join(got, "|") != n {
			t.Errorf("%q after a cue: got %q, want it", n, got)
		}
	}
	// A person-scoped key or label reports the value whatever it reads as.
	for _, w := range []string{"明白", "項目", "沙田", "韓國"} {
		if got := found(w, "realName", ""); strings.Join(got, "|") != w {
			t.Errorf("%q under realName: got %q, want it", w, got)
		}
		if got := found("姓名："+w, "remark", ""); strings.Join(got, "|") != w {
			t.Errorf("姓名：%q: got %q, want it", w, got)
		}
	}
}

// TestCommonWordListsWellFormed: every listed word is Han and starts with a surname (the
// test is only reached after the surname test), and no listed character or word is empty.
func TestCommonWordListsWellFormed(t *testing.T) {
	for _, w := range strings.Fields(commonWords) {
		r := []rune(w)
		if len(r) < 2 || len(r) > 4 {
			t.Errorf("%q: 2 to 4 characters expected", w)
		}
		if !cjkSurnameBits.has(r[0]) && !compoundSurname([2]rune{r[0], r[1]}) {
			t.Errorf("%q: does not start with a surname, the list is never consulted for it", w)
		}
	}
	for _, w := range strings.Fields(thingSuffixes) {
		if len([]rune(w)) != 2 {
			t.Errorf("thing suffix %q: two characters expected", w)
		}
	}
}
