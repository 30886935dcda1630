package sim

import (
	"fmt"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// extras are the per-employee values DingTalk returns that fakedata.Employee does not hold
// (avatar, flags, role, the extension JSON). They come from their own seeded stream so they
// are as deterministic as the employee, and adding one never shifts fakedata's draws.
type extras struct {
	avatar     string
	openID     string
	hideMobile bool
	realAuthed bool
	senior     bool
	deptOrder  int64
	role       role
	extension  string // a JSON object in a string, as DingTalk sends it
}

type role struct {
	id          int64
	name, group string
}

var roles = []role{
	{1207453, "財務", "職務"}, {1207454, "人事", "職務"}, {1207455, "行政", "職務"},
	{1207456, "技術", "職務"}, {1207457, "銷售", "職務"}, {1207458, "主管", "崗位"},
}

const (
	extrasSalt = 0x5ad1_ce11_0000_0001
	rosterSalt = 0x5ad1_ce11_0000_0002
	flowSalt   = 0x5ad1_ce11_0000_0003
)

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func (d *directory) extras(i int) extras {
	g := fakedata.New(fakedata.SubSeed(d.seed^extrasSalt, i))
	e := &d.emps[i]
	x := extras{
		hideMobile: g.Chance(0.2),
		realAuthed: g.Chance(0.9),
		senior:     g.Chance(0.05),
		deptOrder:  int64(g.Between(176000000, 176999999)),
		role:       roles[g.Intn(len(roles))],
		openID:     "iiE" + g.Token(base62, 21),
	}
	if g.Chance(0.75) {
		x.avatar = fmt.Sprintf("https://static-legacy.dingtalk.com/media/lADPFAKE%06d_240_240.jpg", i+1)
	}
	o := newObj(nil)
	switch g.Intn(3) {
	case 1:
		o.str("英文名", e.EnglishName)
	case 2:
		o.str("英文名", e.EnglishName)
		id := e.HKID
		if id == "" {
			id = e.CNID
		}
		o.str("身份證號碼", id)
		o.str("住址", e.Address)
	}
	x.extension = string(o.end())
	return x
}
