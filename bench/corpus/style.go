package corpus

import "github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"

// outerStyle picks how a whole payload file is written.
func outerStyle(g *fakedata.Gen) style {
	st := style{
		escNonASCII: g.Chance(0.15),
		escSlash:    g.Chance(0.15),
		escAt:       g.Chance(0.10),
		escHTML:     g.Chance(0.25),
		upperHex:    g.Chance(0.3),
		newline:     g.Chance(0.5),
	}
	switch g.Intn(20) {
	case 0, 1, 2, 3, 4, 5, 6:
		st.layout = layoutCompact
		st.spaced = g.Chance(0.2)
	case 7, 8, 9, 10, 11, 12, 13, 14, 15:
		st.layout = layoutPretty
		st.indent = []string{"  ", "  ", "  ", "    ", "\t"}[g.Intn(5)]
	default:
		st.layout = layoutMixed
		st.indent = "  "
		st.inlineFrom = 3 + g.Intn(2)
		st.spaced = true
	}
	st.order = pickOrder(g)
	return st
}

func pickOrder(g *fakedata.Gen) keyOrder {
	switch n := g.Intn(20); {
	case n < 11:
		return orderAsBuilt
	case n < 14:
		return orderSorted
	case n < 17:
		return orderShuffled
	default:
		return orderNudged
	}
}

// innerStyle picks how JSON held inside a string is written: always compact, as
// JSON.stringify, fastjson, encoding/json or Python's json.dumps would write it.
func innerStyle(g *fakedata.Gen) style {
	st := style{layout: layoutCompact}
	switch g.Intn(10) {
	case 0: // Python json.dumps defaults: ", " and ": ", ASCII only
		st.spaced = true
		st.escNonASCII = true
	case 1, 2: // Go encoding/json
		st.escHTML = true
	}
	if g.Chance(0.2) {
		st.order = orderSorted
	}
	return st
}
