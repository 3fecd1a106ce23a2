package modelarts

// The retry policy of src/retry.ts, readable in one literal:
//
//	RetryPolicy{Limit: 2, Methods: []string{"DELETE", "GET", "HEAD", "OPTIONS", "PUT"},
//		StatusCodes: []int{429, 500, 502, 503, 504}, BackoffBase: 100 * time.Millisecond, BackoffLimit: 20 * time.Second}
//
// Only idempotent methods are retried (POST never: once sent, it may have taken effect), only
// on the statuses above and on connection errors, with full-jitter exponential backoff.
// Retry-After (seconds or HTTP date) is honoured when within BackoffLimit; beyond it the call
// fails at once rather than retrying early into another 429.

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// RetryPolicy says which failures are retried and how long to wait.
type RetryPolicy struct {
	Limit          int // retries after the first attempt; 0 disables retries
	Methods        []string
	StatusCodes    []int
	BackoffBase    time.Duration // first backoff ceiling; doubles each retry
	BackoffLimit   time.Duration // cap on any one wait, backoff or Retry-After
	RetryOnTimeout bool          // retry an attempt that hit the per-attempt timeout
	Random         func() float64
}

// DefaultRetryPolicy is the TypeScript client's default.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{
		Limit:        2,
		Methods:      []string{"DELETE", "GET", "HEAD", "OPTIONS", "PUT"},
		StatusCodes:  []int{429, 500, 502, 503, 504},
		BackoffBase:  100 * time.Millisecond,
		BackoffLimit: 20 * time.Second,
	}
}

// NoRetries is a policy of one attempt.
func NoRetries() RetryPolicy {
	p := DefaultRetryPolicy()
	p.Limit = 0
	return p
}

func (p RetryPolicy) check() error {
	if p.Limit < 0 || p.Limit > 100 {
		return &ValidationError{"Retry.Limit", fmt.Sprintf("must be from 0 to 100, got %d", p.Limit)}
	}
	if p.BackoffBase < 0 || p.BackoffLimit < 0 {
		return &ValidationError{"Retry.BackoffBase", "backoff durations must be >= 0"}
	}
	for _, c := range p.StatusCodes {
		if c < 100 || c > 599 {
			return &ValidationError{"Retry.StatusCodes", fmt.Sprintf("%d is not an HTTP status", c)}
		}
	}
	return nil
}

func (p RetryPolicy) retriesMethod(method string) bool {
	return p.Limit > 0 && slices.ContainsFunc(p.Methods, func(m string) bool { return strings.EqualFold(m, method) })
}

// Delay is the wait before retry number retry (1-based); ok is false when the server asks for
// longer than the policy allows. Full jitter: uniform in [0, min(cap, base * 2^(retry-1))].
func (p RetryPolicy) Delay(retry int, retryAfter *time.Duration) (time.Duration, bool) {
	if retryAfter != nil {
		return *retryAfter, *retryAfter <= p.BackoffLimit
	}
	ceiling := p.BackoffLimit
	if shift := retry - 1; shift < 40 && p.BackoffBase<<shift < ceiling && p.BackoffBase<<shift >= 0 {
		ceiling = p.BackoffBase << shift
	}
	random := p.Random
	if random == nil {
		random = rand.Float64
	}
	return time.Duration(random() * float64(ceiling)), true
}

// The three HTTP-date forms (RFC 9110 section 5.6.7); anything else is unreadable, not "now".
var (
	imfFixdate  = regexp.MustCompile(`(?i)^[a-z]{3},\s+\d{2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT$`)
	rfc850Date  = regexp.MustCompile(`(?i)^[a-z]{6,9},\s+\d{2}-[a-z]{3}-\d{2}\s+\d{2}:\d{2}:\d{2}\s+GMT$`)
	asctimeDate = regexp.MustCompile(`(?i)^[a-z]{3}\s+[a-z]{3}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4}$`)
	allDigits   = regexp.MustCompile(`^\d+$`)
)

// ParseRetryAfter reads delay-seconds (RFC 9110 section 10.2.3) or an HTTP date; nil when absent or unreadable.
func ParseRetryAfter(value string, now time.Time) *time.Duration {
	text := strings.TrimSpace(value)
	if text == "" {
		return nil
	}
	if allDigits.MatchString(text) {
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil || n > int64(time.Duration(1<<62)/time.Second) {
			d := time.Duration(1 << 62)
			return &d
		}
		d := time.Duration(n) * time.Second
		return &d
	}
	if !imfFixdate.MatchString(text) && !rfc850Date.MatchString(text) && !asctimeDate.MatchString(text) {
		return nil
	}
	when, err := http.ParseTime(text)
	if err != nil {
		return nil
	}
	d := max(when.Sub(now), 0)
	return &d
}
