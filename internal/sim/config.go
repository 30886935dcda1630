package sim

import (
	"errors"
	"fmt"
	"time"
)

// Config describes one simulator. The zero value is not usable; start from DefaultConfig.
type Config struct {
	Employees int    // how many fake employees (fakedata.EmployeeAt(Seed, 0..Employees-1))
	Seed      uint64 // the fake data seed; same seed, same answers
	AppKey    string // the one internal app that may fetch tokens
	AppSecret string

	Record      int           // how many requests GET /_sim/requests keeps (ring buffer); 0 keeps none
	Latency     time.Duration // artificial delay before every DingTalk answer
	QPS         int           // per app, per API calls per second; 0 = unlimited
	Gzip        bool          // gzip answers when the client sends Accept-Encoding: gzip
	MaxPageSize int           // the largest user/list "size" accepted (DingTalk: 100)
	TokenTTL    time.Duration // app and user token validity (DingTalk: 7200 s)
	MaxBody     int64         // request bodies above this are refused (after gzip decoding)

	// AppTokenAsUser lets an app token call the user-token API /v1.0/contact/users/me, as
	// employee 0. DingTalk refuses this (403); the switch exists for demos that do not want
	// the /v1.0/oauth2/userAccessToken step.
	AppTokenAsUser bool

	// Now is the clock for token expiry, QPS windows and timestamps of started instances;
	// tests inject a fixed one. nil means time.Now.
	Now func() time.Time
}

// DefaultConfig returns the settings of `dingtalk-sim` without flags.
func DefaultConfig() Config {
	return Config{
		Employees:   200,
		Seed:        1,
		AppKey:      "demo-app-key",
		AppSecret:   "demo-app-secret",
		Record:      1000,
		Gzip:        true,
		MaxPageSize: 100,
		TokenTTL:    7200 * time.Second,
		MaxBody:     16 << 20,
	}
}

// MaxEmployees bounds Config.Employees: each employee costs a few KiB of memory.
const MaxEmployees = 200_000

func (c *Config) validate() error {
	var errs []error
	if c.Employees < 1 || c.Employees > MaxEmployees {
		errs = append(errs, fmt.Errorf("employees: must be between 1 and %d", MaxEmployees))
	}
	if c.AppKey == "" || c.AppSecret == "" {
		errs = append(errs, errors.New("app-key and app-secret: must not be empty"))
	}
	if c.Record < 0 {
		errs = append(errs, errors.New("record: must not be negative"))
	}
	if c.Latency < 0 {
		errs = append(errs, errors.New("latency: must not be negative"))
	}
	if c.QPS < 0 {
		errs = append(errs, errors.New("qps: must not be negative"))
	}
	if c.MaxPageSize < 1 {
		errs = append(errs, errors.New("max-page-size: must be at least 1"))
	}
	if c.TokenTTL <= 0 {
		errs = append(errs, errors.New("token-ttl: must be positive"))
	}
	if c.MaxBody < 1 {
		errs = append(errs, errors.New("max-body: must be positive"))
	}
	return errors.Join(errs...)
}
