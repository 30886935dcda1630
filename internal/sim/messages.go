package sim

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"net/http"
	"slices"
	"sync"

	"github.com/tidwall/gjson"
)

// Message is one message the simulator accepted for delivery, served by GET /_sim/messages:
// what DingTalk would have shown to people, after the proxy did its work.
type Message struct {
	Seq int64  `json:"seq"`
	API string `json:"api"` // the path it was sent to
	ID  string `json:"id"`  // task_id (asyncsend_v2) or processQueryKey (batchSend); "" for robot/send
	// To lists the recipients' userids (asyncsend_v2 userid_list, batchSend userIds, robot
	// at.atUserIds).
	To []string `json:"to"`
	// Msg is the content as DingTalk keeps it: asyncsend_v2's msg object (decoded if it came
	// as a string), the whole robot/send body, or batchSend's {msgKey, msgParam}.
	Msg json.RawMessage `json:"msg"`
}

// messageStore keeps the last messages (same bound as the request record) and numbers them;
// the numbers drive task ids and query keys, so they are deterministic per request sequence.
type messageStore struct {
	mu   sync.Mutex
	max  int
	list []*Message
	seq  int64
}

func newMessageStore(max int) *messageStore { return &messageStore{max: max} }

// add numbers m, lets id derive its ID from the number (under the lock, so concurrent
// sends never share one), stores it and returns the number (counted even when max is 0).
func (ms *messageStore) add(m *Message, id func(n int64) string) int64 {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	ms.seq++
	m.Seq = ms.seq
	if id != nil {
		m.ID = id(m.Seq)
	}
	if ms.max > 0 {
		if len(ms.list) >= ms.max {
			ms.list = slices.Delete(ms.list, 0, len(ms.list)-ms.max+1)
		}
		ms.list = append(ms.list, m)
	}
	return m.Seq
}

func (ms *messageStore) all() []*Message {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return slices.Clone(ms.list)
}

func (ms *messageStore) clear() {
	ms.mu.Lock()
	ms.list = nil
	ms.mu.Unlock()
}

// taskID derives asyncsend_v2's 12-digit task_id from the seed and the message number.
func taskID(seed uint64, n int64) int64 {
	return 100000000000 + int64(mix(uint64(newFNV(seed).str("task").int(uint64(n))))%900000000000)
}

// queryKey derives batchSend's processQueryKey (base64 text, like "bTpRbWd2FAKEqueryKey==").
func queryKey(seed uint64, n int64) string {
	h := uint64(newFNV(seed).str("query-key").int(uint64(n)))
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], mix(h))
	binary.BigEndian.PutUint64(b[8:], mix(h^0x9e3779b97f4a7c15))
	return base64.StdEncoding.EncodeToString(b[:])
}

// asyncSendMaxUsers is DingTalk's cap on userid_list for internal apps.
const asyncSendMaxUsers = 5000

// POST /topapi/message/corpconversation/asyncsend_v2 (S5): JSON, or a form whose msg is a
// JSON string. The message needs recipients (userid_list, dept_id_list or to_all_user).
func (s *Server) asyncSend(c *call) {
	_, present, err := c.args.int("agent_id")
	if err == nil && !present {
		err = missing("agent_id")
	}
	var users, depts []string
	var all bool
	var msg []byte
	if err == nil {
		users, _, err = c.args.list("userid_list")
	}
	if err == nil && len(users) > asyncSendMaxUsers {
		err = &paramError{"userid_list", "at most 5000 ids"}
	}
	if err == nil {
		depts, _, err = c.args.list("dept_id_list")
	}
	if err == nil {
		all, _, err = c.args.bool("to_all_user")
	}
	if err == nil && len(users) == 0 && len(depts) == 0 && !all {
		err = missing("userid_list")
	}
	if err == nil {
		msg, present, err = c.args.object("msg")
		if err == nil && !present {
			err = missing("msg")
		}
	}
	if err == nil && gjson.GetBytes(msg, "msgtype").String() == "" {
		err = &paramError{"msg.msgtype", "missing"}
	}
	if err != nil {
		c.badParam(err)
		return
	}
	var task int64
	s.msgs.add(&Message{API: c.r.URL.Path, To: users, Msg: compactJSON(msg)}, func(n int64) string {
		task = taskID(s.cfg.Seed, n)
		return itoa(task)
	})
	o := c.legacyHead(0, "ok")
	o.int("task_id", task)
	o.str("request_id", c.requestID())
	c.send(http.StatusOK, o.end())
}

var robotMsgTypes = []string{"text", "link", "markdown", "actionCard", "feedCard"}

// POST /robot/send?access_token=<webhook token> (S6). Any non-empty webhook token is a
// robot; timestamp and sign are accepted without verification (no robot secret exists here).
func (s *Server) robotSend(c *call) {
	if c.query.Get("access_token") == "" {
		o := c.legacyHead(errcodeRobotToken, "token is not exist")
		c.send(http.StatusOK, o.end())
		return
	}
	if c.args.js == nil || !slices.Contains(robotMsgTypes, gjson.GetBytes(c.args.js, "msgtype").String()) {
		c.badParam(&paramError{"msgtype", "must be one of text, link, markdown, actionCard, feedCard"})
		return
	}
	at, _ := c.args.raw("at")
	var to []string
	for _, u := range at.Get("atUserIds").Array() {
		to = append(to, u.String())
	}
	s.msgs.add(&Message{API: c.r.URL.Path, To: to, Msg: compactJSON(c.args.js)}, nil)
	o := c.legacyHead(0, "ok")
	c.send(http.StatusOK, o.end())
}

// batchSendMaxUsers is DingTalk's cap on userIds per batchSend call.
const batchSendMaxUsers = 20

// POST /v1.0/robot/oToMessages/batchSend {robotCode, userIds[], msgKey, msgParam} (S11).
// msgParam must be a string holding a JSON object. Userids outside the organisation are
// reported in invalidStaffIdList.
func (s *Server) batchSendOTO(c *call) {
	_, err := c.args.reqStr("robotCode")
	var users []string
	if err == nil {
		var present bool
		users, present, err = c.args.list("userIds")
		if err == nil && (!present || len(users) == 0) {
			err = missing("userIds")
		}
		if err == nil && len(users) > batchSendMaxUsers {
			err = &paramError{"userIds", "at most 20 ids"}
		}
	}
	var key, param string
	if err == nil {
		key, err = c.args.reqStr("msgKey")
	}
	if err == nil {
		param, err = c.args.reqStr("msgParam")
	}
	if err == nil && !(gjson.Valid(param) && gjson.Parse(param).IsObject()) {
		err = badType("msgParam", "a string holding a JSON object")
	}
	if err != nil {
		c.badParam(err)
		return
	}
	invalid := []string{}
	for _, u := range users {
		if _, ok := s.dir.byUserID[u]; !ok {
			invalid = append(invalid, u)
		}
	}
	kept := newObj(nil)
	kept.str("msgKey", key)
	kept.str("msgParam", param)
	var qk string
	s.msgs.add(&Message{API: c.r.URL.Path, To: users, Msg: kept.end()}, func(n int64) string {
		qk = queryKey(s.cfg.Seed, n)
		return qk
	})
	o := newObj(c.out())
	o.str("processQueryKey", qk)
	o.key("invalidStaffIdList")
	o.b = appendStrings(o.b, invalid)
	o.key("flowControlledStaffIdList")
	o.b = append(o.b, "[]"...)
	c.send(http.StatusOK, o.end())
}

// compactJSON copies a JSON value out of a pooled request buffer, compacted.
func compactJSON(b []byte) json.RawMessage {
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		return json.RawMessage(`null`)
	}
	return out.Bytes()
}
