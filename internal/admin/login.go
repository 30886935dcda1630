package admin

import (
	"bytes"
	"crypto/sha256"
	"net/http"
	"net/url"
	"strings"
)

type loginPage struct {
	Next    string
	Message string
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

func (h *Handler) serveLoginForm(w http.ResponseWriter, r *http.Request) {
	h.renderLogin(w, http.StatusOK, loginPage{Next: safeNext(r.URL.Query().Get("next"))})
}

// serveLogin checks an admin key typed into the form and starts a session. The key is
// hashed at once and not kept; the cookie carries a random session id.
func (h *Handler) serveLogin(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	if err := r.ParseForm(); err != nil {
		h.renderLogin(w, http.StatusBadRequest, loginPage{Next: "/dashboard", Message: "The form could not be read."})
		return
	}
	next := safeNext(r.PostForm.Get("next"))
	if !sameOrigin(r) {
		h.renderLogin(w, http.StatusForbidden, loginPage{Next: next, Message: "Sign-in refused: the form was posted from another site."})
		return
	}
	key := strings.TrimSpace(r.PostForm.Get("api_key"))
	if key == "" {
		h.renderLogin(w, http.StatusBadRequest, loginPage{Next: next, Message: "Enter an admin API key."})
		return
	}
	sum := sha256.Sum256([]byte(key))
	p, res := h.admit(sum, true)
	if res != authOK {
		if !h.failedLogins.Allow() {
			h.renderLogin(w, http.StatusTooManyRequests, loginPage{Next: next, Message: "Too many failed sign-ins; wait a few seconds."})
			return
		}
		h.cfg.Logger.Warn("admin sign-in refused", "remote", r.RemoteAddr)
		h.renderLogin(w, http.StatusUnauthorized, loginPage{Next: next, Message: "Sign-in refused: this is not the API key of a caller with the " + h.cfg.AdminRole + " role."})
		return
	}
	id := h.sess.create(sum)
	http.SetCookie(w, &http.Cookie{
		Name:     cookieName,
		Value:    id,
		Path:     "/",
		MaxAge:   int(h.cfg.SessionTTL.Seconds()),
		HttpOnly: true,
		Secure:   h.cfg.SecureCookie || r.TLS != nil,
		SameSite: http.SameSiteStrictMode,
	})
	h.cfg.Logger.Info("admin signed in", "caller", p.Caller, "remote", r.RemoteAddr)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (h *Handler) serveLogout(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		jsonError(w, http.StatusForbidden, "cross_origin", "cross-origin form posts are refused")
		return
	}
	if c, err := r.Cookie(cookieName); err == nil {
		h.sess.remove(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: h.cfg.SecureCookie || r.TLS != nil, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (h *Handler) renderLogin(w http.ResponseWriter, status int, p loginPage) {
	var buf bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&buf, "login.html", p); err != nil {
		h.cfg.Logger.Error("admin: login template", "error", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
