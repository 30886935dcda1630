package residency

import (
	"net/netip"
	"testing"
)

func TestClassifier(t *testing.T) {
	c, err := NewClassifier([]string{"203.0.113.0/24", "2001:db8:852::/48"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want string
	}{
		{"127.0.0.1:5555", NetHK},
		{"[::1]:80", NetHK},
		{"10.1.2.3:1", NetHK},
		{"192.168.0.9", NetHK},
		{"fd00::1", NetHK},
		{"203.0.113.7:443", NetHK},
		{"[2001:db8:852::9]:443", NetHK},
		{"::ffff:203.0.113.7", NetHK},
		{"198.51.100.7:443", NetOther},
		{"[2001:db8:853::1]:1", NetOther},
		{"not-an-address", NetOther},
		{"", NetOther},
	}
	for _, tt := range tests {
		if got := c.ClassOf(tt.in); got != tt.want {
			t.Errorf("ClassOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	var nilC *Classifier
	if got := nilC.Class(netip.MustParseAddr("8.8.8.8")); got != NetOther {
		t.Errorf("nil classifier: public address = %q, want other", got)
	}
}

func TestNewClassifierRejectsBadPrefix(t *testing.T) {
	if _, err := NewClassifier([]string{"10.0.0.0/8", "10.0.0.0/33"}); err == nil {
		t.Fatal("want an error for an invalid prefix")
	}
}
