package policy

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Bounds on limits: outside them a value is almost certainly a typo (4 instead of 4MiB).
const (
	minBody    = 1 << 10
	maxBody    = 1 << 30
	maxDepthCa = 1000
	minTimeout = 100 * time.Millisecond
	maxTimeout = 10 * time.Minute
)

// limits reads a limits mapping; keys it does not set keep their value from base.
func (c *compiler) limits(n *node, path string, base Limits) Limits {
	out := base
	if n == nil {
		return out
	}
	f, ok := c.d.mapping(n, path, "max_body", "max_depth", "timeout")
	if !ok {
		return out
	}
	if v, has := f["max_body"]; has {
		p := join(path, "max_body")
		if size, err := parseSize(v); err != nil {
			c.d.errorf(v, p, "%v", err)
		} else if size < minBody || size > maxBody {
			c.d.errorf(v, p, "must be between 1KiB and 1GiB")
		} else {
			out.MaxBody = size
		}
	}
	if v, has := f["max_depth"]; has {
		p := join(path, "max_depth")
		if d, ok := c.d.integer(v, p); ok {
			if d < 1 || d > maxDepthCa {
				c.d.errorf(v, p, "must be between 1 and %d", maxDepthCa)
			} else {
				out.MaxDepth = int(d)
			}
		}
	}
	if v, has := f["timeout"]; has {
		p := join(path, "timeout")
		if s, ok := c.d.str(v, p); ok {
			d, err := time.ParseDuration(s)
			switch {
			case err != nil:
				c.d.errorf(v, p, "%q is not a duration (such as 10s or 1m30s)", clip(s))
			case d < minTimeout || d > maxTimeout:
				c.d.errorf(v, p, "must be between %v and %v", minTimeout, maxTimeout)
			default:
				out.Timeout = d
			}
		}
	}
	return out
}

// parseSize reads a byte size: a whole number of bytes, or a whole number followed by
// B, KiB, MiB or GiB. Decimal units (KB, MB) are refused rather than guessed at.
func parseSize(n *node) (int64, error) {
	if n == nil || n.kind != kindScalar || n.scalar == scalarBool {
		return 0, fmt.Errorf("must be a size such as 4MiB")
	}
	s := strings.TrimSpace(n.text)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, fmt.Errorf("%q is not a size (such as 512KiB or 4MiB)", clip(s))
	}
	num, err := strconv.ParseInt(s[:i], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is too large", clip(s))
	}
	var mult int64
	switch unit := strings.TrimSpace(s[i:]); unit {
	case "", "B":
		mult = 1
	case "KiB":
		mult = 1 << 10
	case "MiB":
		mult = 1 << 20
	case "GiB":
		mult = 1 << 30
	case "KB", "kB", "kb", "K", "k", "MB", "mb", "M", "GB", "gb", "G":
		return 0, fmt.Errorf("%q: use binary units KiB, MiB or GiB", clip(s))
	default:
		return 0, fmt.Errorf("%q is not a size (such as 512KiB or 4MiB)", clip(s))
	}
	if num > math.MaxInt64/mult {
		return 0, fmt.Errorf("%q is too large", clip(s))
	}
	return num * mult, nil
}

// rateLimit reads {qps, burst}; burst defaults to qps rounded up.
func (c *compiler) rateLimit(n *node, path string) *RateLimit {
	f, ok := c.d.mapping(n, path, "qps", "burst")
	if !ok || !c.d.require(f, n, path, "qps") {
		return nil
	}
	qps, ok := c.d.number(f["qps"], join(path, "qps"))
	if !ok {
		return nil
	}
	if qps <= 0 || qps > 100000 {
		c.d.errorf(f["qps"], join(path, "qps"), "must be above 0 and at most 100000")
		return nil
	}
	rl := &RateLimit{QPS: qps, Burst: int(math.Ceil(qps))}
	if v, has := f["burst"]; has {
		b, ok := c.d.integer(v, join(path, "burst"))
		if !ok {
			return nil
		}
		if b < 1 || b > 1000000 {
			c.d.errorf(v, join(path, "burst"), "must be between 1 and 1000000")
			return nil
		}
		rl.Burst = int(b)
	}
	return rl
}
