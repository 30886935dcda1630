package sim

import (
	"errors"
	"net/http"
	"strings"
)

// The two error dialects of API-NOTES §1.1 and §3.1. Legacy errors are HTTP 200 with an
// errcode envelope (authentication problems wrapped as errcode 88 with a string sub_code);
// new-API errors are HTTP 4xx with {"code","requestid","message"}. Messages never carry a
// parameter's value, only its name.

// Legacy errcodes the simulator produces.
const (
	errcodeAuth         = 88     // wraps sub_code 40000 (blank token), 40014 (bad token)
	errcodeInvalidAPI   = 22     // unknown ApiName (HTTP 200, not 404)
	errcodeBadAppKey    = 40096  // /gettoken with a wrong appkey or appsecret
	errcodeUserNotFound = 60121  // user/get of an unknown userid
	errcodeNoDept       = 60003  // user/list, listid of an unknown dept_id
	errcodeBadParam     = 400002 // malformed body, missing or ill-typed parameter
	errcodeQPS          = 90018  // per app, per API QPS limit
	errcodeRobotToken   = 300005 // robot/send without a webhook token
)

// legacyError writes {"errcode","errmsg","request_id"}.
func (c *call) legacyError(code int64, msg string) {
	o := c.legacyHead(code, msg)
	o.str("request_id", c.requestID())
	c.send(http.StatusOK, o.end())
}

func (c *call) legacyHead(code int64, msg string) obj {
	o := newObj(c.out())
	o.int("errcode", code)
	o.str("errmsg", msg)
	return o
}

// legacyAuth writes the errcode 88 envelope, exactly as in samples/14_errors.json.
func (c *call) legacyAuth(sub, subMsg string) {
	o := newObj(c.out())
	o.int("errcode", errcodeAuth)
	o.str("sub_code", sub)
	o.str("sub_msg", subMsg)
	o.str("errmsg", "ding talk error[subcode="+sub+",submsg="+subMsg+"]")
	o.str("request_id", c.requestID())
	c.send(http.StatusOK, o.end())
}

// legacyUnknownAPI writes errcode 22 the way oapi answers a path it has no API for: the
// ApiName is the path under /topapi with slashes turned into dots.
func (c *call) legacyUnknownAPI() {
	name := "dingtalk.oapi." + strings.ReplaceAll(strings.Trim(strings.TrimPrefix(c.r.URL.Path, "/topapi/"), "/"), "/", ".")
	o := newObj(c.out())
	o.int("errcode", errcodeInvalidAPI)
	o.str("sub_msg", "不合法ApiName，ApiName = "+name)
	o.str("errmsg", "Invalid method["+name+"]")
	o.str("request_id", c.requestID())
	c.send(http.StatusOK, o.end())
}

// apiError writes a new-API error body with an HTTP error status.
func (c *call) apiError(status int, code, msg string) {
	o := newObj(c.out())
	o.str("code", code)
	o.str("requestid", c.requestID())
	o.str("message", msg)
	c.send(status, o.end())
}

// badParam reports a malformed body or parameter in the API's own dialect.
func (c *call) badParam(err error) {
	var pe *paramError
	name, problem := "body", "malformed"
	if errors.As(err, &pe) {
		name, problem = pe.name, pe.problem
	}
	if c.legacy {
		c.legacyError(errcodeBadParam, "无效的参数: "+name+" "+problem)
		return
	}
	c.apiError(http.StatusBadRequest, "InvalidParameter", "Specified parameter "+name+" is not valid: "+problem+".")
}

// qpsExceeded reports an over-limit call (API-NOTES §3.2: legacy 90018 with HTTP 200, new
// 403 Forbidden.AccessDenied.QpsLimitForAppkeyAndApi).
func (c *call) qpsExceeded() {
	if c.legacy {
		c.legacyError(errcodeQPS, "当前应用调用该接口的频率超过限制")
		return
	}
	c.apiError(http.StatusForbidden, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi",
		"应用调用该接口的频率超过限制，请稍后重试")
}
