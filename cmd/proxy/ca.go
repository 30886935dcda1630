package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/ca"
)

func init() {
	register("ca init", "create the forward-mode CA (ca.pem, ca-key.pem) and say how to trust it", runCAInit)
}

// defaultCADir is the demo state's CA directory (serve's default is <state_dir>/ca).
const defaultCADir = "var/demo/ca"

func runCAInit(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ca init", stderr)
	dir := fs.String("dir", defaultCADir, "directory for ca.pem and ca-key.pem")
	force := fs.Bool("force", false, "replace an existing CA (every client must then trust the new one)")
	domains := fs.String("domains", strings.Join(ca.DefaultDomains, ","),
		"comma-separated DNS domains the CA may certify (name constraints); keep it to the DingTalk domains")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: proxy ca init [--dir DIR] [--force] [--domains D1,D2]")
		fs.PrintDefaults()
	}
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fs.Usage()
		return usageErr("unexpected argument %q", rest[0])
	}
	var names []string
	for _, d := range strings.Split(*domains, ",") {
		if d = strings.TrimSpace(d); d != "" {
			names = append(names, d)
		}
	}
	if len(names) == 0 {
		return usageErr("--domains is empty: a CA without name constraints could impersonate any site")
	}
	created, err := ca.Create(ca.Options{Domains: names})
	if err != nil {
		return &exitError{2, err}
	}
	certPath, keyPath, err := ca.Write(*dir, created, *force)
	if err != nil {
		if errors.Is(err, ca.ErrExists) {
			return &exitError{1, err}
		}
		return &exitError{2, err}
	}
	printTrustHelp(stdout, created, certPath, keyPath)
	return nil
}

// printTrustHelp tells the operator what was made and how each kind of client trusts it.
func printTrustHelp(w io.Writer, c *ca.Created, certPath, keyPath string) {
	cert := c.Cert
	fmt.Fprintf(w, `Created the forward-mode CA
  certificate  %s
  private key  %s (mode 0600: keep it on the proxy host only)
  subject      %s
  valid        %s to %s
  may certify  %s (and their subdomains; no IP addresses)
  SHA-256      %s

Trust it on each integration host that uses forward mode (HTTPS_PROXY):
  Debian/Ubuntu  sudo cp %[1]s /usr/local/share/ca-certificates/dingtalk-pii-proxy.crt
                 sudo update-ca-certificates
  RHEL/Fedora    sudo cp %[1]s /etc/pki/ca-trust/source/anchors/dingtalk-pii-proxy.pem
                 sudo update-ca-trust
  Go             SSL_CERT_FILE=/path/to/bundle.pem (system roots plus this CA; Go then reads
                 only that file), or add it to tls.Config.RootCAs
  Node.js        NODE_EXTRA_CA_CERTS=%[1]s
  Python         REQUESTS_CA_BUNDLE=/path/to/bundle.pem (requests) or SSL_CERT_FILE (ssl, httpx)
  Java           keytool -importcert -noprompt -alias dingtalk-pii-proxy -file %[1]s \
                   -keystore "$JAVA_HOME/lib/security/cacerts" -storepass changeit
  curl           --cacert %[1]s (or CURL_CA_BUNDLE)
Compare the SHA-256 fingerprint above with the one your trust store shows before trusting.
Then: HTTPS_PROXY=http://<caller-id>:<api-key>@<forward listen address>
`, certPath, keyPath, cert.Subject.String(),
		cert.NotBefore.UTC().Format("2006-01-02"), cert.NotAfter.UTC().Format("2006-01-02"),
		strings.Join(cert.PermittedDNSDomains, ", "), ca.Fingerprint(cert))
}
