package audit

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"testing"
)

// appendCountsField writes the keys in sorted order with their own counts, whether the
// entries fit the stack array or not.
func TestAppendCountsFieldSortsEntries(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{1, 2, 3, 7, 15, 16, 17, 40} {
		m := map[string]int{}
		for len(m) < n {
			m["k"+strconv.Itoa(r.IntN(1000))+"\u9999"[:r.IntN(2)*3]] = r.IntN(100) - 3
		}
		var want []byte
		want = append(want, `,"counts":{`...)
		for i, k := range sortedKeys(m) {
			if i > 0 {
				want = append(want, ',')
			}
			want = appendString(want, k)
			want = append(want, ':')
			want = strconv.AppendInt(want, int64(m[k]), 10)
		}
		want = append(want, '}')
		if got := appendCountsField(nil, "counts", m); !bytes.Equal(got, want) {
			t.Fatalf("%d entries:\n got %s\nwant %s", n, got, want)
		}
	}
}
