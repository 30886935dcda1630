package corpus

// contactMe builds GET /v1.0/contact/users/me (S8).
func contactMe(c *fileCtx) node {
	g := c.g
	e := c.employee()
	state, mobile := c.mobileValue(e)
	o := obj().set("nick", pii("person_name", e.Name))
	if g.Chance(0.7) {
		o.set("avatarUrl", plain(c.avatar()))
	}
	if g.Chance(0.9) {
		o.set("mobile", mobile)
	}
	o.set("openId", plain("iiE"+g.Token(base62, 21)))
	o.set("unionId", plain(e.UnionID))
	if g.Chance(0.85) {
		o.set("email", pii("email", e.Email))
	}
	o.set("stateCode", plain(state))
	if g.Chance(0.3) {
		o.set("visitor", boolean(false))
	}
	if g.Chance(0.3) {
		o.set("loginEmail", pii("email", e.OrgEmail))
	}
	return o
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
