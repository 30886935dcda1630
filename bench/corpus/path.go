package corpus

import "strings"

// pathSpecial are the bytes escaped in gjson path components: the ones the path contract
// names ('.', '*', '?', '#', '@', '|' and the escape '\' itself) plus the ones gjson
// reads as the start of a multipath or literal ('{', '[', '!'). Scorers compare paths
// after unescaping, so escaping more than another writer does is harmless.
const pathSpecial = `\.*?#@|{[!`

// escapeKey escapes a key for use as one gjson path component.
func escapeKey(k string) string {
	if !strings.ContainsAny(k, pathSpecial) {
		return k
	}
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		if strings.IndexByte(pathSpecial, k[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(k[i])
	}
	return b.String()
}

func joinPath(parts []string) string { return strings.Join(parts, ".") }
