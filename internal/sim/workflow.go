package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
	"github.com/tidwall/gjson"
)

// Approval instances (API-NOTES §1.3 workflow, S12). Every employee originated one seeded
// leave request whose form holds free text with an HKID and a phone number and JSON-array
// strings; POST /v1.0/workflow/processInstances adds instances exactly as submitted, so a
// later GET shows what "DingTalk" stored.

// SampleProcessInstanceID is the id of samples/12 and of the SDK wire capture; the simulator
// answers it with employee 0's seeded instance.
const SampleProcessInstanceID = "a171de6c-8bf8-4bd0-b0d6-15cbd3a6a2fa"

// maxStarted bounds the started instances kept (oldest forgotten first).
const maxStarted = 10000

type processInstance struct {
	Title                      string      `json:"title"`
	CreateTime                 string      `json:"createTime"`
	FinishTime                 string      `json:"finishTime"`
	OriginatorUserID           string      `json:"originatorUserId"`
	OriginatorDeptID           string      `json:"originatorDeptId"`
	OriginatorDeptName         string      `json:"originatorDeptName"`
	Status                     string      `json:"status"`
	Result                     string      `json:"result"`
	BusinessID                 string      `json:"businessId"`
	ApproverUserIDs            []string    `json:"approverUserIds"`
	CcUserIDs                  []string    `json:"ccUserIds"`
	BizAction                  string      `json:"bizAction"`
	AttachedProcessInstanceIDs []string    `json:"attachedProcessInstanceIds"`
	MainProcessInstanceID      string      `json:"mainProcessInstanceId"`
	FormComponentValues        []formValue `json:"formComponentValues"`
	OperationRecords           []opRecord  `json:"operationRecords"`
	Tasks                      []flowTask  `json:"tasks"`
}

type formValue struct {
	ComponentType string `json:"componentType"`
	Name          string `json:"name"`
	BizAlias      string `json:"bizAlias"`
	ID            string `json:"id"`
	Value         string `json:"value"`
	ExtValue      string `json:"extValue"`
}

type opRecord struct {
	UserID      string       `json:"userId"`
	Date        string       `json:"date"`
	Type        string       `json:"type"`
	Result      string       `json:"result"`
	ShowName    string       `json:"showName"`
	Remark      string       `json:"remark"`
	Images      []string     `json:"images"`
	Attachments []attachment `json:"attachments"`
	CcUserIDs   []string     `json:"ccUserIds"`
	ActivityID  string       `json:"activityId"`
}

type attachment struct {
	FileName string `json:"fileName"`
	FileSize string `json:"fileSize"`
	FileID   string `json:"fileId"`
	FileType string `json:"fileType"`
}

type flowTask struct {
	TaskID            int64  `json:"taskId"`
	UserID            string `json:"userId"`
	Status            string `json:"status"`
	Result            string `json:"result"`
	CreateTime        string `json:"createTime"`
	FinishTime        string `json:"finishTime"`
	ActivityID        string `json:"activityId"`
	ProcessInstanceID string `json:"processInstanceId"`
	PcURL             string `json:"pcUrl"`
	MobileURL         string `json:"mobileUrl"`
}

const flowTimeLayout = "2006-01-02T15:04Z"

type workflows struct {
	dir    *directory
	seeded map[string]int // instance id -> originator index

	mu      sync.Mutex
	started map[string]*processInstance
	order   []string
	count   int64
}

func newWorkflows(d *directory) *workflows {
	w := &workflows{dir: d, seeded: make(map[string]int, len(d.emps)+1), started: map[string]*processInstance{}}
	for i := range d.emps {
		w.seeded[seededInstanceID(d.seed, i)] = i
	}
	w.seeded[SampleProcessInstanceID] = 0
	return w
}

// seededInstanceID is the id of employee i's seeded leave request (lower-case UUID).
func seededInstanceID(seed uint64, i int) string {
	return uuid4(uint64(newFNV(seed).str("process-instance").int(uint64(i))))
}

// seededInstance builds employee i's leave request under the given id.
func (w *workflows) seededInstance(id string, i int) *processInstance {
	d := w.dir
	n := len(d.emps)
	e := &d.emps[i]
	g := fakedata.New(fakedata.SubSeed(d.seed^flowSalt, i))
	created := time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC).AddDate(0, 0, g.Intn(300)).Add(time.Duration(g.Intn(480)) * time.Minute)
	from := created.AddDate(0, 0, 3+g.Intn(10)).Truncate(24 * time.Hour).Add(9 * time.Hour)
	days := 1 + g.Intn(3)
	to := from.AddDate(0, 0, days-1).Add(9 * time.Hour)
	approver := e.ManagerUserID
	if approver == "" {
		approver = d.emps[(i+1)%n].UserID
	}
	cc := d.emps[(i+2)%n].UserID
	mainDept := d.mainDept(i)

	holiday, _ := json.Marshal([]any{from.Format("2006-01-02 15:04"), to.Format("2006-01-02 15:04"), days, "day", g.Pick([]string{"年假", "病假", "事假"}), "請假類型"})
	relative := g.NameZH()
	reason := "陪同" + g.Pick([]string{"母親", "父親", "外婆", "兒子"}) + " " + relative + " (HKID " + g.HKIDStyled() + ") 覆診，聯絡電話 " + g.HKPhoneStyled(g.HKMobile())
	file := e.Name + "_醫生證明.pdf"
	fileID := strconv.FormatInt(int64(g.Between(10000000, 99999999)), 10)
	files, _ := json.Marshal([]attachment{{FileName: file, FileSize: strconv.Itoa(g.Between(20000, 900000)), FileID: fileID, FileType: "pdf"}})

	pi := &processInstance{
		Title:              e.Name + "提交的請假",
		CreateTime:         created.Format(flowTimeLayout),
		OriginatorUserID:   e.UserID,
		OriginatorDeptID:   strconv.FormatInt(mainDept, 10),
		OriginatorDeptName: d.deptName(mainDept),
		Status:             "RUNNING",
		BusinessID:         created.Format("200601021504") + fmt.Sprintf("%09d", g.Intn(1e9)),
		ApproverUserIDs:    []string{approver},
		CcUserIDs:          []string{cc},
		BizAction:          "NONE",
		FormComponentValues: []formValue{
			{ComponentType: "DDHolidayField", Name: `["開始時間","結束時間"]`, ID: "DDHolidayField-FAKE01", Value: string(holiday)},
			{ComponentType: "TextareaField", Name: "請假事由", ID: "TextareaField-FAKE02", Value: reason},
			{ComponentType: "TextField", Name: "代理人電話", ID: "TextField-FAKE03", Value: g.HKPhoneStyled(g.HKMobile())},
			{ComponentType: "DDAttachment", Name: "證明文件", ID: "DDAttachment-FAKE04", Value: string(files)},
		},
		OperationRecords: []opRecord{{
			UserID: e.UserID, Date: created.Format(flowTimeLayout), Type: "START_PROCESS_INSTANCE", Result: "NONE",
			ShowName: e.Name, Attachments: []attachment{{FileName: file, FileSize: "0", FileID: fileID, FileType: "pdf"}},
		}},
	}
	task := flowTask{
		TaskID: int64(g.Between(70000000000, 79999999999)), UserID: approver, Status: "RUNNING", Result: "NONE",
		CreateTime: pi.CreateTime, ActivityID: "FAKEactivity01", ProcessInstanceID: id,
	}
	if g.Chance(0.5) {
		done := created.Add(time.Duration(1+g.Intn(48)) * time.Hour).Format(flowTimeLayout)
		pi.Status, pi.Result, pi.FinishTime = "COMPLETED", "agree", done
		task.Status, task.Result, task.FinishTime = "COMPLETED", "AGREE", done
		pi.OperationRecords = append(pi.OperationRecords, opRecord{
			UserID: approver, Date: done, Type: "EXECUTE_TASK_NORMAL", Result: "AGREE",
			ShowName: d.emps[d.byUserID[approver]].Name, Remark: "同意，祝" + relative + "早日康復。", ActivityID: "FAKEactivity01",
		})
	}
	pi.Tasks = []flowTask{task}
	return pi.normalize()
}

// normalize turns nil lists into empty ones: DingTalk sends [] and never null for them.
func (pi *processInstance) normalize() *processInstance {
	orEmpty := func(xs *[]string) {
		if *xs == nil {
			*xs = []string{}
		}
	}
	orEmpty(&pi.ApproverUserIDs)
	orEmpty(&pi.CcUserIDs)
	orEmpty(&pi.AttachedProcessInstanceIDs)
	if pi.FormComponentValues == nil {
		pi.FormComponentValues = []formValue{}
	}
	if pi.Tasks == nil {
		pi.Tasks = []flowTask{}
	}
	for k := range pi.OperationRecords {
		r := &pi.OperationRecords[k]
		orEmpty(&r.Images)
		orEmpty(&r.CcUserIDs)
		if r.Attachments == nil {
			r.Attachments = []attachment{}
		}
	}
	return pi
}

// get returns the instance with the given id: a started one, or a seeded one.
func (w *workflows) get(id string) *processInstance {
	w.mu.Lock()
	pi := w.started[id]
	w.mu.Unlock()
	if pi != nil {
		return pi
	}
	if i, ok := w.seeded[id]; ok {
		return w.seededInstance(id, i)
	}
	return nil
}

// start stores pi under a new deterministic id and returns the id.
func (w *workflows) start(seed uint64, build func(id string, n int64) *processInstance) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.count++
	id := uuid4(uint64(newFNV(seed).str("started-instance").int(uint64(w.count))))
	w.started[id] = build(id, w.count)
	w.order = append(w.order, id)
	if len(w.order) > maxStarted {
		delete(w.started, w.order[0])
		w.order = w.order[1:]
	}
	return id
}

// marshalNoEscape is json.Marshal without HTML escaping: DingTalk sends < > & as they are.
func marshalNoEscape(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return []byte("null")
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}

// GET /v1.0/workflow/processInstances?processInstanceId= (S12). success is the string
// "true", as the SDK types it.
func (s *Server) getProcessInstance(c *call) {
	id, err := c.args.reqStr("processInstanceId")
	if err != nil {
		c.badParam(err)
		return
	}
	pi := s.wf.get(id)
	if pi == nil {
		c.badParam(&paramError{"processInstanceId", "no such instance"})
		return
	}
	o := newObj(c.out())
	o.str("success", "true")
	o.raw("result", marshalNoEscape(pi))
	c.send(http.StatusOK, o.end())
}

// POST /v1.0/workflow/processInstances {processCode, originatorUserId, deptId, approvers[],
// ccList[], formComponentValues[]} → {"instanceId"}. The form values are stored verbatim.
func (s *Server) startProcessInstance(c *call) {
	_, err := c.args.reqStr("processCode")
	var origin string
	if err == nil {
		origin, err = c.args.reqStr("originatorUserId")
	}
	oi, known := s.dir.byUserID[origin]
	if err == nil && !known {
		err = &paramError{"originatorUserId", "no such user"}
	}
	var deptID int64
	var present bool
	if err == nil {
		deptID, present, err = c.args.int("deptId")
	}
	if err == nil && !present {
		deptID = s.dir.mainDept(oi)
	}
	var form []formValue
	if err == nil {
		form, err = formValues(c.args)
	}
	var approvers, cc []string
	if err == nil {
		approvers, err = userIDsOf(c.args, "approvers")
	}
	if err == nil {
		cc, _, err = c.args.list("ccList")
	}
	if err != nil {
		c.badParam(err)
		return
	}
	if cc == nil {
		cc = []string{}
	}
	e := &s.dir.emps[oi]
	now := s.now().UTC()
	id := s.wf.start(s.cfg.Seed, func(id string, n int64) *processInstance {
		created := now.Format(flowTimeLayout)
		pi := &processInstance{
			Title: e.Name + "提交的審批", CreateTime: created,
			OriginatorUserID: e.UserID, OriginatorDeptID: strconv.FormatInt(deptID, 10), OriginatorDeptName: s.dir.deptName(deptID),
			Status: "RUNNING", BusinessID: now.Format("200601021504") + fmt.Sprintf("%09d", n),
			ApproverUserIDs: approvers, CcUserIDs: cc, BizAction: "NONE", FormComponentValues: form,
			OperationRecords: []opRecord{{UserID: e.UserID, Date: created, Type: "START_PROCESS_INSTANCE", Result: "NONE", ShowName: e.Name}},
		}
		for k, a := range approvers {
			pi.Tasks = append(pi.Tasks, flowTask{
				TaskID: 70000000000 + int64(mix(uint64(n)<<8|uint64(k))%9999999999), UserID: a, Status: "RUNNING", Result: "NONE",
				CreateTime: created, ActivityID: "FAKEactivity01", ProcessInstanceID: id,
			})
		}
		return pi.normalize()
	})
	o := newObj(c.out())
	o.str("instanceId", id)
	c.send(http.StatusOK, o.end())
}

// formValues reads formComponentValues: a non-empty array of objects whose name and value
// are strings (value may itself hold JSON text, kept as is).
func formValues(a *args) ([]formValue, error) {
	r, ok := a.raw("formComponentValues")
	if !ok || !r.IsArray() || len(r.Array()) == 0 {
		return nil, &paramError{"formComponentValues", "must be a non-empty array"}
	}
	var out []formValue
	var err error
	r.ForEach(func(k, v gjson.Result) bool {
		if !v.IsObject() {
			err = &paramError{"formComponentValues", "items must be objects"}
			return false
		}
		fv := formValue{}
		for _, f := range []struct {
			name string
			dst  *string
		}{{"componentType", &fv.ComponentType}, {"name", &fv.Name}, {"bizAlias", &fv.BizAlias}, {"id", &fv.ID}, {"value", &fv.Value}, {"extValue", &fv.ExtValue}} {
			m := v.Get(f.name)
			switch m.Type {
			case gjson.String:
				*f.dst = m.Str
			case gjson.Null:
			default:
				err = &paramError{"formComponentValues." + f.name, "must be a string"}
				return false
			}
		}
		if fv.Name == "" {
			err = &paramError{"formComponentValues.name", "missing"}
			return false
		}
		if fv.ComponentType == "" {
			fv.ComponentType = "TextField"
		}
		if fv.ID == "" {
			fv.ID = fv.ComponentType + "-" + strconv.Itoa(len(out)+1)
		}
		out = append(out, fv)
		return true
	})
	return out, err
}

// userIDsOf flattens approvers [{actionType, userIds[]}] into one list of userids.
func userIDsOf(a *args, name string) ([]string, error) {
	r, ok := a.raw(name)
	if !ok || r.Type == gjson.Null {
		return []string{}, nil
	}
	if !r.IsArray() {
		return nil, badType(name, "an array")
	}
	out := []string{}
	for _, item := range r.Array() {
		for _, u := range item.Get("userIds").Array() {
			if u.Type != gjson.String {
				return nil, badType(name+".userIds", "a list of strings")
			}
			out = append(out, u.Str)
		}
	}
	return out, nil
}
