package audit

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// ManifestName is the log directory's description of itself.
const ManifestName = "audit.json"

// FormatV1 names this package's record and file format.
const FormatV1 = "dingtalk-pii-proxy/audit/v1"

// Manifest tells a verifier where a log's keys are. It holds the public key itself, so
// `proxy audit verify DIR` needs no options; an officer who wants independence from the
// machine that wrote the log passes the public key kept elsewhere (--pubkey) and compares
// PublicKeySHA256 with the fingerprint recorded when the log was set up.
type Manifest struct {
	Format          string    `json:"format"`
	Replica         string    `json:"replica"`
	Created         time.Time `json:"created"`
	MACKeyFile      string    `json:"mac_key_file"`    // relative to the log directory when possible
	MACKeyID        string    `json:"mac_key_id"`      // first 16 hex of the key's SHA-256
	PublicKeyFile   string    `json:"public_key_file"` // relative to the log directory when possible
	PublicKey       string    `json:"public_key"`      // hex, 32 bytes
	PublicKeySHA256 string    `json:"public_key_sha256"`
}

// ReadManifest reads DIR/audit.json.
func ReadManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("audit: %s: %w", ManifestName, err)
	}
	if m.Format != FormatV1 {
		return nil, fmt.Errorf("audit: %s: unknown format", ManifestName)
	}
	return &m, nil
}

// publicKey decodes the embedded public key.
func (m *Manifest) publicKey() (ed25519.PublicKey, error) {
	raw, err := hex.DecodeString(m.PublicKey)
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("audit: %s: public_key is not 32 bytes of hex", ManifestName)
	}
	return ed25519.PublicKey(raw), nil
}

// resolve turns a manifest path into one usable from the current directory.
func (m *Manifest) resolve(dir, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// ensureManifest writes the manifest of a new log, or checks that an existing one agrees
// with the keys in use: a log signed with two keys would fail verification later, so the
// mismatch is refused now.
func ensureManifest(dir, replica string, kf KeyFiles, k *keys, now time.Time) (*Manifest, error) {
	m, err := ReadManifest(dir)
	switch {
	case err == nil:
		if m.PublicKey != hex.EncodeToString(k.pub) {
			return nil, fmt.Errorf("audit: the signing key differs from the one recorded in %s (fingerprint %s); refusing to mix keys in one log", ManifestName, m.PublicKeySHA256)
		}
		if m.MACKeyID != Fingerprint(k.mac)[:16] {
			return nil, fmt.Errorf("audit: the MAC key differs from the one recorded in %s (key id %s)", ManifestName, m.MACKeyID)
		}
		if m.Replica != replica {
			return nil, fmt.Errorf("audit: log directory belongs to replica %q, not %q", m.Replica, replica)
		}
		return m, nil
	case errors.Is(err, fs.ErrNotExist):
	default:
		return nil, err
	}
	m = &Manifest{
		Format:          FormatV1,
		Replica:         replica,
		Created:         now.UTC().Truncate(time.Second),
		MACKeyFile:      relTo(dir, kf.MACKey),
		MACKeyID:        Fingerprint(k.mac)[:16],
		PublicKeyFile:   relTo(dir, kf.PublicKey),
		PublicKey:       hex.EncodeToString(k.pub),
		PublicKeySHA256: Fingerprint(k.pub),
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := writeFileAtomic(filepath.Join(dir, ManifestName), append(b, '\n'), 0o644); err != nil {
		return nil, err
	}
	return m, nil
}

func relTo(dir, p string) string {
	ad, err1 := filepath.Abs(dir)
	ap, err2 := filepath.Abs(p)
	if err1 != nil || err2 != nil {
		return p
	}
	if rel, err := filepath.Rel(ad, ap); err == nil {
		return rel
	}
	return ap
}
