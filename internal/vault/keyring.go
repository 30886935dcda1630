package vault

import (
	"bufio"
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Keyring holds the vault's secrets: the token key (HMAC key that derives tokens; never
// rotated, because changing it changes every token) and the encryption keys by id, one of
// which is active for new entries. A Keyring is immutable and safe for concurrent use;
// rotation builds a new one (WithNewKey) and hands it to a new Vault.
//
// File format (UTF-8 text, one directive per line, '#' starts a comment line):
//
//	version 1
//	token_key <base64 of 32 random bytes>
//	key <id> <base64 of 32 random bytes>      (one line per key; AES-256)
//	active <id>
//
// Key ids match [A-Za-z0-9][A-Za-z0-9._-]{0,31}. Every directive except key appears
// exactly once; at least one key is required; active names one of the keys.
type Keyring struct {
	tokenKey []byte
	keys     map[string][]byte
	aeads    map[string]cipher.AEAD
	active   string
}

// Environment variables read by KeyringFromEnv.
const (
	EnvTokenKey  = "PROXY_VAULT_TOKEN_KEY"  // base64 of 32 bytes
	EnvKeys      = "PROXY_VAULT_KEYS"       // id:base64[,id:base64...]
	EnvActiveKey = "PROXY_VAULT_ACTIVE_KEY" // optional when there is one key
)

const encKeySize = 32

// ErrNoKeys means neither the key file nor the environment provides a keyring.
var ErrNoKeys = errors.New("vault keyring not configured")

// NewKeyring builds a keyring from raw keys. tokenKey and every key must be 32 bytes.
func NewKeyring(tokenKey []byte, keys map[string][]byte, active string) (*Keyring, error) {
	if len(tokenKey) != tokenKeySize {
		return nil, fmt.Errorf("vault keyring: token key must be %d bytes, got %d", tokenKeySize, len(tokenKey))
	}
	if len(keys) == 0 {
		return nil, errors.New("vault keyring: no encryption keys")
	}
	k := &Keyring{
		tokenKey: bytes.Clone(tokenKey),
		keys:     make(map[string][]byte, len(keys)),
		aeads:    make(map[string]cipher.AEAD, len(keys)),
		active:   active,
	}
	for _, id := range slices.Sorted(maps.Keys(keys)) {
		raw := keys[id]
		if !validKeyID(id) {
			return nil, fmt.Errorf("vault keyring: key id %q: want [A-Za-z0-9][A-Za-z0-9._-]{0,31}", id)
		}
		if len(raw) != encKeySize {
			return nil, fmt.Errorf("vault keyring: key %q must be %d bytes, got %d", id, encKeySize, len(raw))
		}
		block, err := aes.NewCipher(raw)
		if err != nil {
			return nil, fmt.Errorf("vault keyring: key %q: %w", id, err)
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return nil, fmt.Errorf("vault keyring: key %q: %w", id, err)
		}
		k.keys[id] = bytes.Clone(raw)
		k.aeads[id] = aead
	}
	if _, ok := k.keys[active]; !ok {
		return nil, fmt.Errorf("vault keyring: active key %q is not among the keys", active)
	}
	return k, nil
}

// GenerateKeyring makes a fresh keyring with a random token key and one random key "k1".
func GenerateKeyring() (*Keyring, error) {
	return NewKeyring(randomKey(tokenKeySize), map[string][]byte{"k1": randomKey(encKeySize)}, "k1")
}

// WithNewKey returns a copy of k with a new random key that becomes active. An empty id
// picks the next free "kN". The token key is kept, so tokens do not change.
func (k *Keyring) WithNewKey(id string) (*Keyring, error) {
	if id == "" {
		for n := len(k.keys) + 1; ; n++ {
			id = "k" + strconv.Itoa(n)
			if _, taken := k.keys[id]; !taken {
				break
			}
		}
	}
	if _, taken := k.keys[id]; taken {
		return nil, fmt.Errorf("vault keyring: key %q already exists", id)
	}
	keys := maps.Clone(k.keys)
	keys[id] = randomKey(encKeySize)
	return NewKeyring(k.tokenKey, keys, id)
}

// Without returns a copy of k without a retired key. The active key cannot be removed;
// remove a key only after Rotate reported that no entry uses it.
func (k *Keyring) Without(id string) (*Keyring, error) {
	if id == k.active {
		return nil, fmt.Errorf("vault keyring: cannot remove the active key %q", id)
	}
	if _, ok := k.keys[id]; !ok {
		return nil, fmt.Errorf("vault keyring: no key %q", id)
	}
	keys := maps.Clone(k.keys)
	delete(keys, id)
	return NewKeyring(k.tokenKey, keys, k.active)
}

// ActiveKeyID is the id of the key that seals new entries.
func (k *Keyring) ActiveKeyID() string { return k.active }

// KeyIDs lists all key ids, sorted.
func (k *Keyring) KeyIDs() []string { return slices.Sorted(maps.Keys(k.keys)) }

func (k *Keyring) aead(id string) (cipher.AEAD, bool) {
	a, ok := k.aeads[id]
	return a, ok
}

// Encode renders the keyring in the file format.
func (k *Keyring) Encode() []byte {
	var b bytes.Buffer
	b.WriteString("# dingtalk-pii-proxy vault keyring. Secret: keep mode 0600, back it up, never commit it.\n")
	b.WriteString("# token_key derives tokens and must never change; keys encrypt values (rotate with a new key line).\n")
	b.WriteString("version 1\n")
	fmt.Fprintf(&b, "token_key %s\n", base64.StdEncoding.EncodeToString(k.tokenKey))
	for _, id := range k.KeyIDs() {
		fmt.Fprintf(&b, "key %s %s\n", id, base64.StdEncoding.EncodeToString(k.keys[id]))
	}
	fmt.Fprintf(&b, "active %s\n", k.active)
	return b.Bytes()
}

// ParseKeyring parses the file format. Errors name the line ("line 3: ...") and never
// contain key material.
func ParseKeyring(data []byte) (*Keyring, error) {
	var (
		version        bool
		tokenKey       []byte
		active         string
		keys           = map[string][]byte{}
		errs           []error
		sawToken, sawA bool
	)
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("line %d: "+format, append([]any{line}, args...)...))
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 64*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		f := strings.Fields(text)
		switch f[0] {
		case "version":
			switch {
			case version:
				fail(line, "version given twice")
			case len(f) != 2 || f[1] != "1":
				fail(line, "unsupported version (want: version 1)")
			}
			version = true
		case "token_key":
			if sawToken {
				fail(line, "token_key given twice")
			}
			sawToken = true
			if len(f) != 2 {
				fail(line, "want: token_key <base64>")
				continue
			}
			b, err := decodeKey(f[1])
			if err != nil {
				fail(line, "token_key: %v", err)
				continue
			}
			tokenKey = b
		case "key":
			if len(f) != 3 {
				fail(line, "want: key <id> <base64>")
				continue
			}
			id := f[1]
			if !validKeyID(id) {
				fail(line, "key id: want [A-Za-z0-9][A-Za-z0-9._-]{0,31}")
				continue
			}
			if _, dup := keys[id]; dup {
				fail(line, "key %q given twice", id)
				continue
			}
			b, err := decodeKey(f[2])
			if err != nil {
				fail(line, "key %q: %v", id, err)
				continue
			}
			keys[id] = b
		case "active":
			if sawA {
				fail(line, "active given twice")
			}
			sawA = true
			if len(f) != 2 || !validKeyID(f[1]) {
				fail(line, "want: active <key id>")
				continue
			}
			active = f[1]
		default:
			// The word is echoed only when it looks like a directive: a line holding a
			// stray base64 key must not end up in an error message or a log.
			if isDirectiveLike(f[0]) {
				fail(line, "unknown directive %q (want version, token_key, key or active)", f[0])
			} else {
				fail(line, "unknown directive (want version, token_key, key or active)")
			}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("line %d: %w", line+1, err))
	}
	if !version {
		errs = append(errs, errors.New("missing version line"))
	}
	if !sawToken {
		errs = append(errs, errors.New("missing token_key line"))
	}
	if len(keys) == 0 {
		errs = append(errs, errors.New("no key lines"))
	}
	if !sawA {
		errs = append(errs, errors.New("missing active line"))
	} else if _, ok := keys[active]; !ok && active != "" {
		errs = append(errs, fmt.Errorf("active key %q is not defined by a key line", active))
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("vault keyring: %w", errors.Join(errs...))
	}
	return NewKeyring(tokenKey, keys, active)
}

// KeyringFromEnv builds a keyring from EnvTokenKey, EnvKeys and EnvActiveKey, read
// through lookup (os.LookupEnv in production). It returns ErrNoKeys when none is set.
func KeyringFromEnv(lookup func(string) (string, bool)) (*Keyring, error) {
	tk, hasTK := lookup(EnvTokenKey)
	ks, hasKS := lookup(EnvKeys)
	act, hasAct := lookup(EnvActiveKey)
	if !hasTK && !hasKS && !hasAct {
		return nil, ErrNoKeys
	}
	tokenKey, err := decodeKey(strings.TrimSpace(tk))
	if err != nil {
		return nil, fmt.Errorf("vault keyring: %s: %w", EnvTokenKey, err)
	}
	keys := map[string][]byte{}
	var first string
	for i, item := range strings.Split(ks, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		id, b64, ok := strings.Cut(item, ":")
		if !ok || !validKeyID(id) {
			return nil, fmt.Errorf("vault keyring: %s item %d: want <id>:<base64>", EnvKeys, i+1)
		}
		if _, dup := keys[id]; dup {
			return nil, fmt.Errorf("vault keyring: %s: key %q given twice", EnvKeys, id)
		}
		raw, err := decodeKey(b64)
		if err != nil {
			return nil, fmt.Errorf("vault keyring: %s key %q: %w", EnvKeys, id, err)
		}
		keys[id] = raw
		if first == "" {
			first = id
		}
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("vault keyring: %s holds no keys", EnvKeys)
	}
	act = strings.TrimSpace(act)
	if !hasAct || act == "" {
		if len(keys) > 1 {
			return nil, fmt.Errorf("vault keyring: %s is required when %s holds several keys", EnvActiveKey, EnvKeys)
		}
		act = first
	}
	return NewKeyring(tokenKey, keys, act)
}

func decodeKey(s string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, errors.New("not valid standard base64")
	}
	if len(b) != 32 {
		return nil, fmt.Errorf("want 32 bytes, got %d", len(b))
	}
	return b, nil
}

func validKeyID(id string) bool {
	if id == "" || len(id) > 32 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '.' && c != '_' && c != '-') {
			return false
		}
	}
	return true
}

func randomKey(n int) []byte {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand panics rather than return short output)
	return b
}

func isDirectiveLike(s string) bool {
	if len(s) > 16 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && c != '_' {
			return false
		}
	}
	return true
}
