package sim

import (
	"net/http"
	"slices"
)

// rosterLimit is DingTalk's cap on both the userid list and the field list.
const rosterLimit = 100

// rosterArgs reads the ids, codes and agent id of a roster query under the given parameter
// names, answering the error itself.
func (s *Server) rosterArgs(c *call, agent, users, fields string) (idx []int, codes []string, ok bool) {
	_, present, err := c.args.int(agent)
	if err == nil && !present {
		err = missing(agent)
	}
	var ids []string
	if err == nil {
		ids, present, err = c.args.list(users)
		if err == nil && (!present || len(ids) == 0) {
			err = missing(users)
		}
		if err == nil && len(ids) > rosterLimit {
			err = &paramError{users, "at most 100 ids"}
		}
	}
	if err == nil {
		codes, _, err = c.args.list(fields)
		if err == nil && len(codes) > rosterLimit {
			err = &paramError{fields, "at most 100 field codes"}
		}
	}
	if err != nil {
		c.badParam(err)
		return nil, nil, false
	}
	if len(codes) == 0 {
		codes = allRosterCodes()
	}
	codes = dedup(codes)
	for _, id := range dedup(ids) {
		if i, found := s.dir.byUserID[id]; found {
			idx = append(idx, i)
		}
	}
	return idx, codes, true
}

func dedup(xs []string) []string {
	out := xs[:0:0]
	for _, x := range xs {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// POST /topapi/smartwork/hrm/employee/v2/list {agentid, userid_list "a,b",
// field_filter_list "c,d"} (S10): snake_case, with "success": true.
func (s *Server) rosterLegacy(c *call) {
	idx, codes, ok := s.rosterArgs(c, "agentid", "userid_list", "field_filter_list")
	if !ok {
		return
	}
	o := newObj(c.out())
	o.int("errcode", 0)
	o.str("errmsg", "ok")
	o.bool("success", true)
	o.str("request_id", c.requestID())
	o.key("result")
	o.b = s.dir.appendRosterResult(o.b, snakeKeys, idx, codes, false)
	c.send(http.StatusOK, o.end())
}

// POST /v1.0/hrm/rosters/lists/query {appAgentId, userIdList[], fieldFilterList[],
// text2SelectConvert} (S9): camelCase, bare {"result": [...]}.
func (s *Server) rosterQuery(c *call) {
	idx, codes, ok := s.rosterArgs(c, "appAgentId", "userIdList", "fieldFilterList")
	if !ok {
		return
	}
	convert, _, err := c.args.bool("text2SelectConvert")
	if err != nil {
		c.badParam(err)
		return
	}
	o := newObj(c.out())
	o.key("result")
	o.b = s.dir.appendRosterResult(o.b, camelKeys, idx, codes, convert)
	c.send(http.StatusOK, o.end())
}
