package residency

import "testing"

func TestCrossBorder(t *testing.T) {
	tests := []struct {
		name      string
		home, up  string
		clientHK  bool
		direction string
		want      bool
	}{
		{"request to cn upstream leaves hk", "hk", "cn", true, Request, true},
		{"response from cn upstream crossed", "hk", "cn", true, Response, true},
		{"request to hk upstream stays", "hk", "hk", true, Request, false},
		{"response from hk upstream to hk client stays", "hk", "hk", true, Response, false},
		{"response from hk upstream to foreign client leaves", "hk", "hk", false, Response, true},
		{"request from foreign client to hk upstream enters, not leaves", "hk", "hk", false, Request, false},
		{"both directions, cn upstream", "hk", "cn", true, Both, true},
		{"both directions, all home", "hk", "hk", true, Both, false},
		{"both directions, foreign client", "hk", "hk", false, Both, true},
		{"unknown upstream region counts as crossing", "hk", "", true, Request, true},
		{"empty home defaults to hk", "", "hk", true, Request, false},
		{"case and spaces ignored", " HK ", "Hk", true, "Request", false},
		{"unknown direction errs towards crossing", "hk", "hk", false, "sideways", true},
		{"unknown direction, all home", "hk", "hk", true, "sideways", false},
		{"other home region", "sg", "hk", true, Request, true},
		{"other home region, same upstream", "sg", "sg", true, Response, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CrossBorder(tt.home, tt.up, tt.clientHK, tt.direction); got != tt.want {
				t.Errorf("CrossBorder(%q, %q, %v, %q) = %v, want %v", tt.home, tt.up, tt.clientHK, tt.direction, got, tt.want)
			}
		})
	}
}
