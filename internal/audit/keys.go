package audit

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Default key file names inside the key directory.
const (
	MACKeyName     = "audit-mac.key"  // 32 random bytes, hex, one line
	SigningKeyName = "audit-sign.key" // ed25519 private key, PEM PKCS#8
	PublicKeyName  = "audit-sign.pub" // ed25519 public key, PEM PKIX
)

// KeyFiles names the three key files. Empty fields take the default names in Dir.
type KeyFiles struct {
	Dir        string // default: "keys" beside the log directory (var/demo/keys for var/demo/audit)
	MACKey     string
	SigningKey string
	PublicKey  string
}

func (k KeyFiles) resolve(logDir string) KeyFiles {
	if k.Dir == "" {
		k.Dir = filepath.Join(filepath.Dir(filepath.Clean(logDir)), "keys")
	}
	if k.MACKey == "" {
		k.MACKey = filepath.Join(k.Dir, MACKeyName)
	}
	if k.SigningKey == "" {
		k.SigningKey = filepath.Join(k.Dir, SigningKeyName)
	}
	if k.PublicKey == "" {
		k.PublicKey = filepath.Join(k.Dir, PublicKeyName)
	}
	return k
}

// keys are the loaded secrets of a writing log.
type keys struct {
	mac  []byte
	priv ed25519.PrivateKey
	pub  ed25519.PublicKey
}

// loadOrCreateKeys loads the key files, creating any that are missing when create is true
// (a new log). Files are created 0600 in a 0700 directory, written to a temporary name and
// renamed, so a crash never leaves a half-written key.
func loadOrCreateKeys(kf KeyFiles, create bool) (*keys, error) {
	k := &keys{}
	mac, err := ReadMACKey(kf.MACKey)
	switch {
	case err == nil:
		k.mac = mac
	case errors.Is(err, fs.ErrNotExist) && create:
		k.mac = make([]byte, 32)
		if _, err := rand.Read(k.mac); err != nil {
			return nil, err
		}
		if err := writeKeyFile(kf.MACKey, []byte(hex.EncodeToString(k.mac)+"\n")); err != nil {
			return nil, err
		}
	default:
		return nil, err
	}
	priv, err := readPrivateKey(kf.SigningKey)
	switch {
	case err == nil:
		k.priv = priv
	case errors.Is(err, fs.ErrNotExist) && create:
		pub, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, err
		}
		der, err := x509.MarshalPKCS8PrivateKey(priv)
		if err != nil {
			return nil, err
		}
		if err := writeKeyFile(kf.SigningKey, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})); err != nil {
			return nil, err
		}
		k.priv = priv
		_ = pub
	default:
		return nil, err
	}
	k.pub = k.priv.Public().(ed25519.PublicKey)
	// The public key file is derived from the private key; (re)write it when missing so an
	// officer can always copy it, and refuse a mismatching one rather than let it mislead.
	pub, err := ReadPublicKey(kf.PublicKey)
	switch {
	case err == nil:
		if !pub.Equal(k.pub) {
			return nil, fmt.Errorf("audit: public key file %s does not belong to signing key %s", kf.PublicKey, kf.SigningKey)
		}
	case errors.Is(err, fs.ErrNotExist):
		der, err := x509.MarshalPKIXPublicKey(k.pub)
		if err != nil {
			return nil, err
		}
		if err := writeKeyFile(kf.PublicKey, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})); err != nil {
			return nil, err
		}
	default:
		return nil, err
	}
	return k, nil
}

// ReadMACKey reads a MAC key file: hex text (whitespace ignored), at least 16 bytes.
func ReadMACKey(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(key) < 16 {
		return nil, fmt.Errorf("audit: MAC key file %s: want at least 16 bytes as hex", path)
	}
	return key, nil
}

func readPrivateKey(path string) (ed25519.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("audit: signing key file %s: want a PEM PRIVATE KEY block", path)
	}
	key, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("audit: signing key file %s: %w", path, err)
	}
	priv, ok := key.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("audit: signing key file %s: not an ed25519 key", path)
	}
	return priv, nil
}

// ReadPublicKey reads an ed25519 public key: a PEM PUBLIC KEY block, or the raw key as hex
// (the form shown in reports and the manifest).
func ReadPublicKey(path string) (ed25519.PublicKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParsePublicKey(b)
}

// ParsePublicKey accepts PEM (PKIX) or 64 hex characters.
func ParsePublicKey(b []byte) (ed25519.PublicKey, error) {
	if blk, _ := pem.Decode(b); blk != nil {
		if blk.Type != "PUBLIC KEY" {
			return nil, errors.New("audit: public key: want a PEM PUBLIC KEY block")
		}
		key, err := x509.ParsePKIXPublicKey(blk.Bytes)
		if err != nil {
			return nil, fmt.Errorf("audit: public key: %w", err)
		}
		pub, ok := key.(ed25519.PublicKey)
		if !ok {
			return nil, errors.New("audit: public key: not an ed25519 key")
		}
		return pub, nil
	}
	raw, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return nil, errors.New("audit: public key: want PEM or 64 hex characters")
	}
	return ed25519.PublicKey(raw), nil
}

// Fingerprint is the hex SHA-256 of a key's raw bytes, for comparing keys out of band.
func Fingerprint(key []byte) string {
	s := sha256.Sum256(key)
	return hex.EncodeToString(s[:])
}

func writeKeyFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return writeFileAtomic(path, data, 0o600)
}

// writeFileAtomic writes data to a temporary file in the same directory, syncs it and
// renames it over path, so readers see the old or the new content, never a mix.
func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
