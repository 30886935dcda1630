package detect

import "testing"

func init() {
	register(recognizerCases{typ: DateOfBirth, naturalKey: "birthday",
		tp: []tcase{
			{text: "出生：14/07/1988。", key: "remark", want: "14/07/1988"},
			{text: "生日係 14/7/1988", key: "remark", want: "14/7/1988"}, // Cantonese "is", then a space
			// A Chinese cue glued to the date, at a clause's start or inside it.
			{text: "出生日期1988-07-14", key: "remark", want: "1988-07-14"},
			{text: "生日1988年7月14日。", key: "remark", want: "1988年7月14日"},
			{text: "我出生於1988年7月14日，現居九龍", key: "content", want: "1988年7月14日"},
			{text: "1988-07-14", key: "birthday"},
			{text: "1988-07-14", key: "value", label: "sys02-birthTime"},
			{text: "584841600000", key: "birthTime", number: true},
			{text: "14/07/1988", key: "dob"},
			{text: "1988年7月14日", key: "value", label: "出生日期"},
			{text: "出生日期：1988-07-14，性別：男", key: "remark", want: "1988-07-14"},
			{text: "DOB: 14 Jul 1988", key: "text", want: "14 Jul 1988"},
			{text: "19880714", key: "birthDate"},
			{text: "1988-07-14 00:00:00", key: "birthday"},
			{text: "2015-06-01", key: "sys07-childBirthDate"},
			{text: "Jul 14, 1988", key: "dateOfBirth"},
			{text: "-315619200000", key: "birthTime", number: true},
			{text: "123456789", key: "birthTime", number: true}, // 1973-11-29 in seconds
			// English cues inside a sentence, without a colon.
			{text: "My HKID is A123456(3) and DOB 10/01/1975.", key: "content", want: "10/01/1975"},
			{text: "My DOB 10/01/1975", key: "content", want: "10/01/1975"},
			{text: "Checked. HKID A1234563 and D.O.B. 21/07/1994.", key: "content", want: "21/07/1994"},
			{text: "已經 update 咗 date of birth Sep 8, 1994", key: "remark", want: "Sep 8, 1994"},
			{text: "He was born on 4 May 2001 in Kowloon", key: "content", want: "4 May 2001"},
			{text: "Her DOB is 1994-07-19", key: "content", want: "1994-07-19"},
			{text: "DOB is 1994-07-19", key: "content", want: "1994-07-19"},
		},
		fp: []tcase{
			{text: "會議日期1988-07-14", key: "remark"},      // a glued label that names no birth
			{text: "事故發生於2020年7月14日", key: "remark"},     // 發生於: "happened on"
			{text: "同事生日2024-05-01一齊慶祝", key: "content"}, // this year's birthday
			{text: "2099-01-01", key: "birthday"},
			{text: "1888-01-01", key: "birthday"},
			{text: "1988-02-30", key: "birthday"},
			{text: "1988-07-14", key: "createTime"},
			{text: "1988-07-14", key: "remark"},
			{text: "unknown", key: "birthday"},
			{text: "0", key: "birthday", number: true},
			{text: "4102444800000", key: "birthTime", number: true},
			// A short number under a DOB key is a count, not an epoch birth date.
			{text: "4177", key: "date_of_birth", number: true},
			{text: "86400", key: "birthTime"},
			// A date after other words is no birth date: the day of a birthday party, a
			// moved deadline, a cue glued into another word.
			{text: "on my birthday 12/05/2020 we went out", key: "content"},
			{text: "the date was moved to 12/05/2024", key: "content"},
			{text: "the adob 10/01/1975 entry", key: "content"},
			{text: "born in 1990", key: "content"},
		},
	})
}

func TestDateOfBirthCases(t *testing.T) { runCases(t, DateOfBirth) }

// TestDateOfBirthMonthAbbrevDashed: HK forms and airline records write 14-Jul-1988; new DOB
// key names and markdown-wrapped labels find it too.
func TestDateOfBirthMonthAbbrevDashed(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		text, key, label, want string
	}{
		{"14-Jul-1988", "birthday", "", "14-Jul-1988"},
		{"14/JUL/1988", "dob", "", "14/JUL/1988"},
		{"03-Sept-1990", "birthDate", "", "03-Sept-1990"},
		{"1988-07-14", "bornDate", "", "1988-07-14"},
		{"1988-07-14 00:00:00", "birthDateTime", "", "1988-07-14 00:00:00"},
		{"**出生日期**：1990-01-02", "text", "", "1990-01-02"},
		{"【DOB】: 14-Jul-1988", "content", "", "14-Jul-1988"},
		{"14-Jul-2099", "birthday", "", ""},
		{"31-Feb-1988", "birthday", "", ""},
		{"14-Foo-1988", "birthday", "", ""},
		{"14-Jul/1988", "birthday", "", ""},
		{"14-Jul-1988", "createTime", "", ""},
		{"14-Jul-1988", "remark", "", ""},
		// An ISO 8601 date-time with a zone, as exported from a date-time field: the 'T' is
		// part of the time, not a word glued to the date.
		{"1988-07-14T00:00:00+08:00", "birthday", "", "1988-07-14T00:00:00+08:00"},
		{"1988-07-14T00:00:00Z", "value", "sys02-birthTime", "1988-07-14T00:00:00Z"},
		{"1988-07-14Tue", "birthday", "", ""},
		{"1988-07-14T00:00:00+08:00", "hiredDate", "", ""},
		// After a label in running text, a time of day belongs to the finding, as under a key.
		{"出生日期：1988-07-14 00:00:00；電話 91234567", "remark", "", "1988-07-14 00:00:00"},
		{"DOB: 1988-07-14T00:00:00+08:00", "remark", "", "1988-07-14T00:00:00+08:00"},
		{"DOB: 1988-07-14T08:30:00.000Z, ok", "remark", "", "1988-07-14T08:30:00.000Z"},
		// Only a full hh:mm is a time: a count after the date is not taken in.
		{"出生日期：1988-07-14 3 kids", "remark", "", "1988-07-14"},
		{"出生日期：1988-07-14 12:3", "remark", "", "1988-07-14"},
		{"入職日期：1988-07-14 00:00:00", "remark", "", ""},
		// Other written forms of a birth date: month first (US forms), ordinals, a comma
		// after the month, a two-digit year in a DOB field, a month-only field, a Chinese
		// locale's AM/PM time.
		{"7/14/1988", "birthday", "", "7/14/1988"},
		{"DOB: 07/14/1988", "remark", "", "07/14/1988"},
		{"13/13/1988", "birthday", "", ""},
		{"July 14th, 1988", "dateOfBirth", "", "July 14th, 1988"},
		{"14th July 1988", "birthday", "", "14th July 1988"},
		{"DOB: 1st Jan 1990", "remark", "", "1st Jan 1990"},
		{"14 Jul, 1988", "birthday", "", "14 Jul, 1988"},
		{"14/7/88", "birthday", "", "14/7/88"},
		{"01-02-03", "birthday", "", "01-02-03"},
		{"DOB: 14/7/88", "remark", "", ""},
		{"14/7/88", "createTime", "", ""},
		{"Jul 1988", "birthday", "", "Jul 1988"},
		{"Jul 1988", "remark", "", ""},
		{"1988/7/14 上午12:00:00", "birthday", "", "1988/7/14 上午12:00:00"},
		{"14thJuly 1988", "birthday", "", ""},
	}
	for _, tt := range tests {
		checkDateOfBirth(t, s, tt.text, &Field{Key: tt.key, Label: tt.label}, tt.want)
	}
}

// TestDateOfBirthMonthNameComma: a birth date written with a month name and a comma before
// the year, as English forms and messages write it, after a label in running text and as a
// whole DOB value; a comma after anything else still ends the labelled value.
func TestDateOfBirthMonthNameComma(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		text, key, want string
	}{
		{"DOB: Dec 01, 1982", "content", "Dec 01, 1982"},
		{"Date of birth: 01 Oct, 1969", "content", "01 Oct, 1969"},
		{"#### 新員工入職\n- DOB： Feb 16, 1967\ntimestamp 1782546779143", "text", "Feb 16, 1967"},
		{"出生日期： Dec 4, 1964\n\nMobile：+86-13800138000", "msg", "Dec 4, 1964"},
		{"生日：Mar 14, 1998 @60872409", "text", "Mar 14, 1998"},
		{"DOB: February 16, 1967, Tel 91234567", "content", "February 16, 1967"},
		{"DOB: Feb 16,1967", "content", "Feb 16,1967"},
		{"DOB: Feb. 16, 1967. Tel 91234567", "content", "Feb. 16, 1967"},
		{"DOB: 16 Sept. 1967", "content", "16 Sept. 1967"},
		{"Feb 16, 1967", "birthday", "Feb 16, 1967"},
		{"February 16, 1967", "dob", "February 16, 1967"},
		{"16 Feb, 1967", "dateOfBirth", "16 Feb, 1967"},
		{"Feb. 16, 1967", "birthday", "Feb. 16, 1967"},
		{"14.Jul.1988", "birthday", "14.Jul.1988"},
		// Not a birth date: no birth label, a future year, a comma that is not the date's.
		{"Meeting: Feb 16, 1967", "content", ""},
		{"Feb 16, 1967", "remark", ""},
		{"DOB: Feb 16, 2099", "content", ""},
		{"DOB: Feb 16, 19670", "content", ""},
		{"DOB: Feb 16, 67", "content", ""},
		{"DOB: 1988-07-14, 1990 cohort", "content", "1988-07-14"},
		{"DOB: Feb 16, , 1967", "content", ""},
		{"Feb 16 ,1967", "birthday", ""},
		{"Feb.16, 1967", "birthday", ""},
		{"February. 16, 1967", "birthday", ""},
	}
	for _, tt := range tests {
		checkDateOfBirth(t, s, tt.text, &Field{Key: tt.key}, tt.want)
	}
}

// checkDateOfBirth asserts the one date of birth found in text under f, or none when want is
// empty.
func checkDateOfBirth(t *testing.T, s *Scanner, text string, f *Field, want string) {
	t.Helper()
	var dates []string
	for _, fd := range s.ScanText([]byte(text), f, nil) {
		if fd.Type == DateOfBirth {
			dates = append(dates, text[fd.Start:fd.End])
		}
	}
	switch {
	case want == "" && len(dates) > 0:
		t.Errorf("%q key=%q: want no date of birth, got %q", text, f.Key, dates)
	case want != "" && (len(dates) != 1 || dates[0] != want):
		t.Errorf("%q key=%q: want %q, got %q", text, f.Key, want, dates)
	}
}
