package fakedata

// Reserved example domains (RFC 2606 and the .hk equivalent): mail sent to them goes nowhere.
var emailDomains = []string{"example.com", "example.hk", "example.org", "example.net", "mail.example.com"}

// Email returns local@ one of the example domains. An empty local part becomes "user".
func (g *Gen) Email(local string) string {
	if local == "" {
		local = "user"
	}
	return local + "@" + g.Pick(emailDomains)
}
