package audit

import (
	"bytes"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"hash"
)

// Domain-separation prefixes: a signature or MAC made for one purpose never verifies for
// another.
const (
	macDomain = "dingtalk-pii-proxy audit mac v1\n"
	sigDomain = "dingtalk-pii-proxy audit checkpoint v1\n"
)

// hasher computes a record's hash and MAC. It is not safe for concurrent use; the log holds
// one under its mutex and each verifier its own.
type hasher struct {
	sum    [sha256.Size]byte
	macSum [sha256.Size]byte // the MAC, kept here so that Sum does not allocate per record
	mac    hash.Hash         // nil when no MAC key is known (verification without the key)
	h      hash.Hash
	buf    []byte
}

// macDomainBytes is macDomain for hash.Hash.Write: converting the constant at the call
// would allocate on every record, the interface call keeping the bytes from the stack.
var macDomainBytes = []byte(macDomain)

// hexSum is hex.EncodeToString for a SHA-256 sum with one allocation instead of two.
func hexSum(sum []byte) string {
	var dst [2 * sha256.Size]byte
	return string(dst[:hex.Encode(dst[:], sum)])
}

func newHasher(macKey []byte) *hasher {
	hs := &hasher{h: sha256.New()}
	if macKey != nil {
		hs.mac = hmac.New(sha256.New, macKey)
	}
	return hs
}

// seal encodes r's body, sets r.Hash and r.MAC, and returns the hash bytes.
func (hs *hasher) seal(r *Record) []byte {
	hs.buf = appendBody(hs.buf[:0], r)
	hs.sum = sha256.Sum256(hs.buf)
	r.Hash = hexSum(hs.sum[:])
	r.MAC = hs.macOf(hs.sum[:])
	return hs.sum[:]
}

// hashBody returns the hex hash of r's canonical body.
func (hs *hasher) hashBody(r *Record) string {
	hs.buf = appendBody(hs.buf[:0], r)
	hs.sum = sha256.Sum256(hs.buf)
	return hex.EncodeToString(hs.sum[:])
}

// hashLine returns the hex hash of a canonical line's body: the line up to its hash field,
// closed with '}'. Only valid for lines parseLine accepted (which guarantees the body bytes
// are exactly appendBody's output), and it saves re-encoding the record.
func (hs *hasher) hashLine(line []byte) string {
	i := bytes.LastIndex(line, []byte(`,"hash":"`))
	if i < 0 {
		return ""
	}
	hs.buf = append(append(hs.buf[:0], line[:i]...), '}')
	hs.sum = sha256.Sum256(hs.buf)
	return hex.EncodeToString(hs.sum[:])
}

func (hs *hasher) macOf(sum []byte) string {
	if hs.mac == nil {
		return ""
	}
	hs.mac.Reset()
	hs.mac.Write(macDomainBytes)
	hs.mac.Write(sum)
	return hexSum(hs.mac.Sum(hs.macSum[:0]))
}

// checkMAC compares the record's MAC in constant time.
func (hs *hasher) checkMAC(r *Record) bool {
	sum, err := hex.DecodeString(r.Hash)
	if err != nil || len(sum) != sha256.Size {
		return false
	}
	return hmac.Equal([]byte(hs.macOf(sum)), []byte(r.MAC))
}

func signHash(priv ed25519.PrivateKey, hashHex string) string {
	return hex.EncodeToString(ed25519.Sign(priv, []byte(sigDomain+hashHex)))
}

func checkSig(pub ed25519.PublicKey, hashHex, sigHex string) bool {
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize || len(pub) != ed25519.PublicKeySize {
		return false
	}
	return ed25519.Verify(pub, []byte(sigDomain+hashHex), sig)
}
