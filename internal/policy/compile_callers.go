package policy

import (
	"encoding/hex"
	"regexp"
	"slices"
)

var callerID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// emptySHA256 is the SHA-256 of the empty string: a caller with it would accept an empty key.
const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

func (c *compiler) callers(n *node) {
	if n == nil {
		return
	}
	items, ok := c.d.list(n, "callers")
	if !ok {
		return
	}
	items = c.d.capped(items, "callers", maxCallers, "callers")
	ids := map[string]string{}  // id -> path of first use
	keys := map[string]string{} // key hash -> path of first use
	certs := map[string]string{}
	for i, it := range items {
		p := index("callers", i)
		f, ok := c.d.mapping(it, p, "id", "api_key_sha256", "roles", "client_cert")
		if !ok || !c.d.require(f, it, p, "id", "roles") {
			continue
		}
		cl := &Caller{Line: it.line, Col: it.col}
		good := true
		if s, ok := c.d.nonEmpty(f["id"], join(p, "id")); ok {
			switch {
			case !callerID.MatchString(s):
				c.d.errorf(f["id"], join(p, "id"), "a caller id is a letter or digit then up to 63 of letters, digits, '.', '_' or '-'")
				good = false
			case ids[s] != "":
				c.d.errorf(f["id"], join(p, "id"), "caller id %q is already used by %s", s, ids[s])
				good = false
			default:
				ids[s] = p
				cl.ID = s
			}
		} else {
			good = false
		}
		if v, has := f["api_key_sha256"]; has {
			kp := join(p, "api_key_sha256")
			if sum, ok := c.sha256Hex(v, kp, "the SHA-256 of the API key, not the key itself"); ok {
				h := hex.EncodeToString(sum[:])
				switch {
				case h == emptySHA256:
					c.d.errorf(v, kp, "is the SHA-256 of an empty key")
					good = false
				case keys[h] != "":
					c.d.errorf(v, kp, "the same key hash is already used by %s", keys[h])
					good = false
				default:
					keys[h] = p
					cl.KeyHash, cl.HasKey = sum, true
				}
			} else {
				good = false
			}
		}
		if v, has := f["client_cert"]; has {
			if !c.clientCert(v, join(p, "client_cert"), cl, certs, p) {
				good = false
			}
		}
		if _, hasKey := f["api_key_sha256"]; !hasKey {
			if _, hasCert := f["client_cert"]; !hasCert {
				c.d.errorf(it, p, "a caller needs api_key_sha256, client_cert, or both")
				good = false
			}
		}
		roles, ok := c.d.list(f["roles"], join(p, "roles"))
		if ok && len(roles) == 0 {
			c.d.errorf(f["roles"], join(p, "roles"), "give the caller at least one role")
			good = false
		}
		roles = c.d.capped(roles, join(p, "roles"), maxRoles, "roles")
		held := map[string]bool{}
		for j, rn := range roles {
			r, ok := c.roleRef(rn, index(join(p, "roles"), j))
			if !ok {
				good = false
				continue
			}
			if held[r] {
				c.d.errorf(rn, index(join(p, "roles"), j), "role %q is listed twice", r)
				continue
			}
			held[r] = true
			cl.Roles = append(cl.Roles, r)
		}
		slices.Sort(cl.Roles)
		if good && ok {
			c.plan.Callers = append(c.plan.Callers, cl)
		}
	}
}

func (c *compiler) clientCert(n *node, path string, cl *Caller, seen map[string]string, owner string) bool {
	f, ok := c.d.mapping(n, path, "subject_cn", "spki_sha256")
	if !ok {
		return false
	}
	if len(f) != 1 {
		c.d.errorf(n, path, "give exactly one of subject_cn or spki_sha256")
		return false
	}
	if v, has := f["subject_cn"]; has {
		s, ok := c.d.nonEmpty(v, join(path, "subject_cn"))
		if !ok {
			return false
		}
		if prev := seen["cn:"+s]; prev != "" {
			c.d.errorf(v, join(path, "subject_cn"), "subject CN %q is already mapped by %s", clip(s), prev)
			return false
		}
		seen["cn:"+s] = owner
		cl.CertSubjectCN = s
		return true
	}
	v := f["spki_sha256"]
	sum, ok := c.sha256Hex(v, join(path, "spki_sha256"), "the SHA-256 of the certificate's SubjectPublicKeyInfo")
	if !ok {
		return false
	}
	key := "spki:" + hex.EncodeToString(sum[:])
	if prev := seen[key]; prev != "" {
		c.d.errorf(v, join(path, "spki_sha256"), "the same public key is already mapped by %s", prev)
		return false
	}
	seen[key] = owner
	cl.CertSPKI, cl.HasSPKI = sum, true
	return true
}

// sha256Hex reads 64 hex digits. The message never repeats the value: a user who pasted the
// key itself instead of its hash must not find the key in logs.
func (c *compiler) sha256Hex(n *node, path, what string) ([32]byte, bool) {
	var sum [32]byte
	if n == nil || n.kind != kindScalar || n.scalar == scalarBool {
		c.d.errorf(n, path, "must be 64 hex digits (%s)", what)
		return sum, false
	}
	if len(n.text) != 64 {
		c.d.errorf(n, path, "must be 64 hex digits (%s); got %d characters", what, len(n.text))
		return sum, false
	}
	if _, err := hex.Decode(sum[:], []byte(n.text)); err != nil {
		c.d.errorf(n, path, "must be 64 hex digits (%s); found a non-hex character", what)
		return sum, false
	}
	return sum, true
}
