package sim

import (
	"fmt"
	"slices"
	"sync/atomic"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// RootDeptID is DingTalk's root department: it lists every employee of the organisation.
const RootDeptID = 1

// corpName is the root department's name (DingTalk names the root after the organisation).
const corpName = "示例科技（香港）有限公司"

// deptNames label the organisation's sub-departments in the order fakedata.OrgDeptIDs gives
// their ids; traditional Chinese, as a Hong Kong tenant would name them.
var deptNames = []string{"財務部", "人力資源部", "資訊科技部", "市場及銷售部", "營運部", "行政部"}

type dept struct {
	id      int64
	name    string
	members []int32 // employee indexes, ascending
}

// directory is the organisation: employees from fakedata, departments, lookup indexes and
// the cached renderings of each employee for the hot endpoints.
type directory struct {
	seed      uint64
	emps      []fakedata.Employee
	byUserID  map[string]int
	byUnionID map[string]int
	depts     map[int64]*dept
	corpID    string
	cache     []atomic.Pointer[rendered]
}

// rendered holds the bytes of one employee as user/get's "result" and as a user/list item.
type rendered struct {
	get, item []byte
}

func newDirectory(seed uint64, n int) *directory {
	d := &directory{
		seed:      seed,
		emps:      make([]fakedata.Employee, n),
		byUserID:  make(map[string]int, n),
		byUnionID: make(map[string]int, n),
		depts:     map[int64]*dept{},
		corpID:    fmt.Sprintf("dingFAKEcorp%022d", seed%1e18),
		cache:     make([]atomic.Pointer[rendered], n),
	}
	root := &dept{id: RootDeptID, name: corpName, members: make([]int32, n)}
	d.depts[RootDeptID] = root
	for i, id := range fakedata.OrgDeptIDs(seed) {
		d.addDept(id, i)
	}
	for i := range d.emps {
		e := fakedata.EmployeeAt(seed, i)
		d.emps[i] = e
		root.members[i] = int32(i)
		// fakedata guarantees unique ids; should two ever collide the first keeps the id.
		if _, dup := d.byUserID[e.UserID]; !dup {
			d.byUserID[e.UserID] = i
		}
		if _, dup := d.byUnionID[e.UnionID]; !dup {
			d.byUnionID[e.UnionID] = i
		}
		for _, id := range e.DeptIDs {
			if id == RootDeptID {
				continue
			}
			dp := d.depts[id]
			if dp == nil {
				dp = d.addDept(id, len(d.depts)-1)
			}
			if len(dp.members) == 0 || dp.members[len(dp.members)-1] != int32(i) {
				dp.members = append(dp.members, int32(i))
			}
		}
	}
	return d
}

func (d *directory) addDept(id int64, k int) *dept {
	if dp, ok := d.depts[id]; ok {
		return dp
	}
	name := fmt.Sprintf("部門%d", k+1)
	if k < len(deptNames) {
		name = deptNames[k]
	}
	dp := &dept{id: id, name: name}
	d.depts[id] = dp
	return dp
}

// deptIDs returns every department id, ascending (the root first).
func (d *directory) deptIDs() []int64 {
	ids := make([]int64, 0, len(d.depts))
	for id := range d.depts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// deptName returns a department's name, "" for an unknown id.
func (d *directory) deptName(id int64) string {
	if dp := d.depts[id]; dp != nil {
		return dp.name
	}
	return ""
}

// mainDept is the employee's first department (the root if it has none).
func (d *directory) mainDept(i int) int64 {
	if ids := d.emps[i].DeptIDs; len(ids) > 0 {
		return ids[0]
	}
	return RootDeptID
}

// render returns employee i's cached renderings, building them on first use. Two goroutines
// may race to build the same entry; both produce identical bytes, so either may win.
func (d *directory) render(i int) *rendered {
	if r := d.cache[i].Load(); r != nil {
		return r
	}
	x := d.extras(i)
	r := &rendered{
		get:  appendUserGet(nil, &d.emps[i], &x),
		item: appendUserListItem(nil, &d.emps[i], &x),
	}
	d.cache[i].Store(r)
	return r
}
