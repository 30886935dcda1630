package sim

import (
	"net/http"
	"strconv"
	"strings"
)

// legacyOK starts a successful legacy envelope: {"errcode":0,"errmsg":"ok","request_id":…
func (c *call) legacyOK() obj {
	o := newObj(c.out())
	o.int("errcode", 0)
	o.str("errmsg", "ok")
	o.str("request_id", c.requestID())
	return o
}

// POST /topapi/v2/user/get {userid, language} (S2). language is accepted and ignored: it
// only changes department and role names on DingTalk, and ours are fixed.
func (s *Server) userGet(c *call) {
	uid, err := c.args.reqStr("userid")
	if err == nil {
		_, _, err = c.args.str("language")
	}
	if err != nil {
		c.badParam(err)
		return
	}
	i, ok := s.dir.byUserID[uid]
	if !ok {
		c.legacyError(errcodeUserNotFound, "找不到该用户")
		return
	}
	o := c.legacyOK()
	o.raw("result", s.dir.render(i).get)
	c.send(http.StatusOK, o.end())
}

// POST /topapi/v2/user/list {dept_id, cursor, size, order_field, contain_access_limit,
// language} (S3). Members come in index order whatever order_field says; next_cursor is the
// offset of the next page and is present even on the last page, as in the sample.
func (s *Server) userList(c *call) {
	dp, ok := s.deptArg(c)
	if !ok {
		return
	}
	cursor, _, err := c.args.int("cursor")
	if err == nil && cursor < 0 {
		err = &paramError{"cursor", "must not be negative"}
	}
	if err != nil {
		c.badParam(err)
		return
	}
	size, present, err := c.args.int("size")
	switch {
	case err != nil:
	case !present:
		err = missing("size")
	case size < 1 || size > int64(s.cfg.MaxPageSize):
		err = &paramError{"size", "must be between 1 and " + strconv.Itoa(s.cfg.MaxPageSize)}
	}
	if err == nil {
		_, _, err = c.args.bool("contain_access_limit")
	}
	if err == nil {
		_, _, err = c.args.str("order_field")
	}
	if err != nil {
		c.badParam(err)
		return
	}
	from := min(int(cursor), len(dp.members))
	to := min(from+int(size), len(dp.members))
	o := c.legacyOK()
	o.key("result")
	r := newObj(o.b)
	r.bool("has_more", to < len(dp.members))
	r.int("next_cursor", int64(to))
	r.key("list")
	r.b = append(r.b, '[')
	for k, i := range dp.members[from:to] {
		if k > 0 {
			r.b = append(r.b, ',')
		}
		r.b = append(r.b, s.dir.render(int(i)).item...)
	}
	r.b = append(r.b, ']')
	o.b = r.end()
	c.send(http.StatusOK, o.end())
}

// POST /topapi/user/listid {dept_id} (S4), JSON or form. The whole department at once, as on
// DingTalk.
func (s *Server) userListID(c *call) {
	dp, ok := s.deptArg(c)
	if !ok {
		return
	}
	o := c.legacyOK()
	o.key("result")
	r := newObj(o.b)
	r.key("userid_list")
	r.b = append(r.b, '[')
	for k, i := range dp.members {
		if k > 0 {
			r.b = append(r.b, ',')
		}
		r.b = appendString(r.b, s.dir.emps[i].UserID)
	}
	r.b = append(r.b, ']')
	o.b = r.end()
	c.send(http.StatusOK, o.end())
}

// deptArg reads the required dept_id and finds the department, answering the error itself.
func (s *Server) deptArg(c *call) (*dept, bool) {
	id, present, err := c.args.int("dept_id")
	if err == nil && !present {
		err = missing("dept_id")
	}
	if err != nil {
		c.badParam(err)
		return nil, false
	}
	dp := s.dir.depts[id]
	if dp == nil {
		c.legacyError(errcodeNoDept, "部门不存在")
		return nil, false
	}
	return dp, true
}

// GET /v1.0/contact/users/{unionId|me} (S8), user token only ("me" is the token's user).
func (s *Server) contactUser(c *call) {
	id := strings.TrimPrefix(c.r.URL.Path, usersPrefix)
	i := c.tok.user
	if id != "me" {
		var ok bool
		if i, ok = s.dir.byUnionID[id]; !ok {
			c.badParam(&paramError{"unionId", "no such user"})
			return
		}
	}
	e := &s.dir.emps[i]
	x := s.dir.extras(i)
	o := newObj(c.out())
	o.str("nick", e.Name)
	o.str("avatarUrl", x.avatar)
	// The v1.0 contact API gives the national number; the country is in stateCode.
	o.str("mobile", strings.TrimPrefix(e.Mobile, "+"+e.StateCode+"-"))
	o.str("openId", x.openID)
	o.str("unionId", e.UnionID)
	o.str("email", e.Email)
	o.str("stateCode", e.StateCode)
	c.send(http.StatusOK, o.end())
}
