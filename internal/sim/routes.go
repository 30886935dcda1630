package sim

import (
	"net/http"
	"strings"
)

// authKind is what a route demands of the caller's token.
type authKind uint8

const (
	authNone  authKind = iota // token endpoints
	authApp                   // app access token (query on oapi, header on api)
	authUser                  // user access token (/v1.0/contact/users/me)
	authRobot                 // robot webhook token, checked by the handler (errcode 300005)
)

type route struct {
	method string
	path   string // also the "API" of the per-app, per-API QPS limit
	auth   authKind
	handle func(*call)
}

// usersPrefix is the one parameterised path: GET /v1.0/contact/users/{unionId|me}.
const usersPrefix = "/v1.0/contact/users/"

type routeKey struct{ method, path string }

func (s *Server) routeTable() map[routeKey]*route {
	rs := []*route{
		// oapi.dingtalk.com
		{http.MethodGet, "/gettoken", authNone, s.getToken},
		{http.MethodPost, "/topapi/v2/user/get", authApp, s.userGet},
		{http.MethodPost, "/topapi/v2/user/list", authApp, s.userList},
		{http.MethodPost, "/topapi/user/listid", authApp, s.userListID},
		{http.MethodPost, "/topapi/message/corpconversation/asyncsend_v2", authApp, s.asyncSend},
		{http.MethodPost, "/robot/send", authRobot, s.robotSend},
		{http.MethodPost, "/topapi/smartwork/hrm/employee/v2/list", authApp, s.rosterLegacy},
		// api.dingtalk.com
		{http.MethodPost, "/v1.0/oauth2/accessToken", authNone, s.oauthAccessToken},
		{http.MethodPost, "/v1.0/oauth2/userAccessToken", authNone, s.oauthUserAccessToken},
		{http.MethodGet, usersPrefix + "{unionId}", authUser, s.contactUser},
		{http.MethodPost, "/v1.0/hrm/rosters/lists/query", authApp, s.rosterQuery},
		{http.MethodPost, "/v1.0/robot/oToMessages/batchSend", authApp, s.batchSendOTO},
		{http.MethodGet, "/v1.0/workflow/processInstances", authApp, s.getProcessInstance},
		{http.MethodPost, "/v1.0/workflow/processInstances", authApp, s.startProcessInstance},
	}
	m := make(map[routeKey]*route, len(rs))
	for _, r := range rs {
		m[routeKey{r.method, r.path}] = r
	}
	return m
}

// lookup finds the route for a request, or nil. On oapi a known path with the wrong method
// is as unknown as any other ApiName; on api the gateway routes by method and path.
func (s *Server) lookup(method, path string) *route {
	if method == http.MethodHead {
		method = http.MethodGet
	}
	if rt, ok := s.routes[routeKey{method, path}]; ok {
		return rt
	}
	if rest, ok := strings.CutPrefix(path, usersPrefix); ok && rest != "" && !strings.Contains(rest, "/") {
		return s.routes[routeKey{method, usersPrefix + "{unionId}"}]
	}
	return nil
}
