package sim

import (
	"net/http"
	"strings"
)

// GET /gettoken?appkey=&appsecret= (API-NOTES S1). A wrong key is errcode 40096, not
// wrapped in 88, and carries no request_id.
func (s *Server) getToken(c *call) {
	q := c.query
	if q.Get("appkey") != s.cfg.AppKey || q.Get("appsecret") != s.cfg.AppSecret {
		o := c.legacyHead(errcodeBadAppKey, "不合法的appKey或appSecret")
		c.send(http.StatusOK, o.end())
		return
	}
	tok := s.tok.appToken(s.cfg.AppKey, s.now())
	o := newObj(c.out())
	o.int("errcode", 0)
	o.str("access_token", tok)
	o.str("errmsg", "ok")
	o.int("expires_in", int64(s.cfg.TokenTTL.Seconds()))
	c.send(http.StatusOK, o.end())
}

// POST /v1.0/oauth2/accessToken {appKey, appSecret} (S7). The token is the same one
// /gettoken hands out: DingTalk app tokens work on both generations.
func (s *Server) oauthAccessToken(c *call) {
	key, _, err1 := c.args.str("appKey")
	secret, _, err2 := c.args.str("appSecret")
	if err1 != nil || err2 != nil || key != s.cfg.AppKey || secret != s.cfg.AppSecret {
		c.apiError(http.StatusBadRequest, "invalidClientIdOrSecret", "无效的clientId或者clientSecret")
		return
	}
	tok := s.tok.appToken(s.cfg.AppKey, s.now())
	o := newObj(c.out())
	o.str("accessToken", tok)
	o.int("expireIn", int64(s.cfg.TokenTTL.Seconds()))
	c.send(http.StatusOK, o.end())
}

// UserCodePrefix marks a simulator authorisation code naming its user: the code
// "user:chantaiman" yields a user token of employee "chantaiman". Any other non-empty code
// stands for employee 0 (a real code comes from DingTalk's login page, which the simulator
// does not have).
const UserCodePrefix = "user:"

// POST /v1.0/oauth2/userAccessToken {clientId, clientSecret, code|refreshToken, grantType}.
func (s *Server) oauthUserAccessToken(c *call) {
	id, _, err1 := c.args.str("clientId")
	secret, _, err2 := c.args.str("clientSecret")
	if err1 != nil || err2 != nil || id != s.cfg.AppKey || secret != s.cfg.AppSecret {
		c.apiError(http.StatusBadRequest, "invalidClientIdOrSecret", "无效的clientId或者clientSecret")
		return
	}
	grant, _, err := c.args.str("grantType")
	if err != nil {
		c.badParam(err)
		return
	}
	var user int
	switch grant {
	case "authorization_code", "":
		code, err := c.args.reqStr("code")
		if err != nil {
			c.badParam(err)
			return
		}
		if uid, ok := strings.CutPrefix(code, UserCodePrefix); ok {
			i, found := s.dir.byUserID[uid]
			if !found {
				c.apiError(http.StatusBadRequest, "invalidAuthCode", "不合法的临时授权码")
				return
			}
			user = i
		}
	case "refresh_token":
		rt, err := c.args.reqStr("refreshToken")
		if err != nil {
			c.badParam(err)
			return
		}
		i, ok := s.tok.redeem(rt)
		if !ok {
			c.apiError(http.StatusBadRequest, "invalidRefreshToken", "不合法的refresh_token")
			return
		}
		user = i
	default:
		c.badParam(&paramError{"grantType", "must be authorization_code or refresh_token"})
		return
	}
	access, refresh := s.tok.userToken(s.cfg.AppKey, user, s.now())
	o := newObj(c.out())
	o.str("accessToken", access)
	o.str("refreshToken", refresh)
	o.int("expireIn", int64(s.cfg.TokenTTL.Seconds()))
	o.str("corpId", s.dir.corpID)
	c.send(http.StatusOK, o.end())
}
