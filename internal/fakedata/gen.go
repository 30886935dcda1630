// Package fakedata produces deterministic, obviously fake but realistic Hong Kong personal
// data from a seed: valid identifiers (every one passes the real validator of its type) and
// near misses that a detector must never flag. The DingTalk simulator and the benchmark
// corpus generator both build on it, so its output for a given seed is part of their
// reproducibility: changing what a method draws changes every corpus generated after it.
package fakedata

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// Gen produces deterministic fake Hong Kong personal data from a seed. Not safe for
// concurrent use: give each goroutine its own Gen.
type Gen struct {
	r *rand.Rand
}

// New returns a generator whose whole output is a function of seed.
func New(seed uint64) *Gen {
	// PCG wants two words of state; deriving the second from the first keeps New(seed)
	// a one-argument call while still spreading nearby seeds far apart.
	return &Gen{r: rand.New(rand.NewPCG(seed, splitmix64(seed^0x5851f42d4c957f2d)))}
}

// Intn returns a number in [0, n). For n <= 0 it returns 0 instead of panicking, so a
// caller's empty table cannot crash a simulator.
func (g *Gen) Intn(n int) int {
	if n <= 0 {
		return 0
	}
	return g.r.IntN(n)
}

// Pick returns one element of xs, or "" when xs is empty.
func (g *Gen) Pick(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[g.r.IntN(len(xs))]
}

// Rand exposes the underlying source for callers that need other distributions. Draws
// made through it advance the same stream as the Gen's own methods.
func (g *Gen) Rand() *rand.Rand { return g.r }

// Chance reports true with probability p.
func (g *Gen) Chance(p float64) bool { return g.r.Float64() < p }

// Between returns a number in [lo, hi] (inclusive); lo is returned when hi < lo.
func (g *Gen) Between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.r.IntN(hi-lo+1)
}

// Digits returns n random decimal digits (leading zeros allowed).
func (g *Gen) Digits(n int) string {
	var b strings.Builder
	b.Grow(n)
	for range n {
		b.WriteByte(byte('0' + g.r.IntN(10)))
	}
	return b.String()
}

// digitsNZ returns n random digits whose first digit is not zero.
func (g *Gen) digitsNZ(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(1+g.r.IntN(9)) + g.Digits(n-1)
}

// PickWeighted picks index i with probability w[i]/sum(w).
func (g *Gen) PickWeighted(w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := g.Intn(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

// splitmix64 is the standard 64-bit finaliser; it turns structured inputs (seed, index)
// into well-mixed PCG state.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// SubSeed derives an independent seed for item i of a seeded collection, so that item i
// can be regenerated without generating the items before it.
func SubSeed(seed uint64, i int) uint64 {
	return splitmix64(seed ^ splitmix64(uint64(i)+0x632be59bd9b4e019))
}
