package modelarts

// Huawei Cloud SDK-HMAC-SHA256 (AK/SK) request signing, as pure functions: the algorithm of the
// TypeScript signer (src/signer.ts), byte for byte; every case in
// generated/signing-vectors.json is reproduced by the tests. The request is given as it goes
// on the wire (Host, the percent-encoded path, the raw query), which is what net/http sends.

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sort"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Algorithm is the signing algorithm's name, first in the Authorization header.
const Algorithm = "SDK-HMAC-SHA256"

// EmptyBodySHA256 is hex(sha256("")).
const EmptyBodySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// Header is one request header as given; names may repeat in another letter case.
type Header struct{ Name, Value string }

// SignInput is everything a signature depends on, the date included.
type SignInput struct {
	Method        string
	Host          string
	Path          string // as sent: percent-encoded, starting with "/"
	Query         string // as sent, without "?"
	Headers       []Header
	Body          []byte
	AccessKey     string
	SecretKey     string
	SecurityToken string // "" when none
	ProjectID     string // "" when none
	Date          time.Time
}

// SignedHeaders are the headers to add to the request.
type SignedHeaders struct {
	XSdkDate       string
	XSecurityToken string // "" when not sent
	XProjectID     string // "" when not sent
	Authorization  string
}

// Map returns the headers by their canonical names, leaving out those not sent.
func (s SignedHeaders) Map() map[string]string {
	out := map[string]string{"X-Sdk-Date": s.XSdkDate, "Authorization": s.Authorization}
	if s.XSecurityToken != "" {
		out["X-Security-Token"] = s.XSecurityToken
	}
	if s.XProjectID != "" {
		out["X-Project-Id"] = s.XProjectID
	}
	return out
}

// FormatSdkDate gives the X-Sdk-Date form of t in UTC: 20200608T023900Z.
func FormatSdkDate(t time.Time) string {
	return t.UTC().Format("20060102T150405Z")
}

func isUnreserved(b byte) bool {
	return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-' || b == '.' || b == '_' || b == '~'
}

func encode(data []byte, keepSlash bool) string {
	const hexUpper = "0123456789ABCDEF"
	var sb strings.Builder
	sb.Grow(len(data))
	for _, b := range data {
		if isUnreserved(b) || keepSlash && b == '/' {
			sb.WriteByte(b)
		} else {
			sb.WriteByte('%')
			sb.WriteByte(hexUpper[b>>4])
			sb.WriteByte(hexUpper[b&15])
		}
	}
	return sb.String()
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// percentDecode is WHATWG percent-decoding: %XX becomes the byte, any other '%' stays.
func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && unhex(s[i+1]) >= 0 && unhex(s[i+2]) >= 0 {
			out = append(out, byte(unhex(s[i+1])<<4|unhex(s[i+2])))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

// CanonicalURI decodes escapes, encodes every byte outside RFC 3986 unreserved and '/', and
// appends '/' when missing.
func CanonicalURI(path string) string {
	encoded := encode(percentDecode(path), true)
	if strings.HasSuffix(encoded, "/") {
		return encoded
	}
	return encoded + "/"
}

// decodeUTF8 replaces each maximal invalid subpart with U+FFFD, as the WHATWG decoder does
// (Go's own conversions replace byte by byte).
func decodeUTF8(b []byte) string {
	var sb strings.Builder
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			sb.WriteRune(r)
			i += size
			continue
		}
		sb.WriteRune(utf8.RuneError)
		i += invalidPrefix(b[i:])
	}
	return sb.String()
}

// invalidPrefix is the length of the maximal subpart of an ill-formed sequence at b[0] (at least 1).
func invalidPrefix(b []byte) int {
	lo, hi := byte(0x80), byte(0xBF)
	var need int
	switch c := b[0]; {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return 1
	}
	n := 1
	for ; n <= need && n < len(b); n++ {
		if b[n] < lo || b[n] > hi {
			break
		}
		lo, hi = 0x80, 0xBF
	}
	return n
}

// lessUTF16 orders strings by UTF-16 code unit, as JavaScript compares them.
func lessUTF16(a, b string) bool {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return ua[i] < ub[i]
		}
	}
	return len(ua) < len(ub)
}

// CanonicalQuery decodes the query as application/x-www-form-urlencoded, sorts the pairs by
// key then value, and encodes both sides (RFC 3986).
func CanonicalQuery(query string) string {
	query = strings.TrimPrefix(query, "?")
	if query == "" {
		return ""
	}
	type pair struct{ k, v string }
	var pairs []pair
	dec := func(s string) string { return decodeUTF8(percentDecode(strings.ReplaceAll(s, "+", " "))) }
	for _, part := range strings.Split(query, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		pairs = append(pairs, pair{dec(k), dec(v)})
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return lessUTF16(pairs[i].k, pairs[j].k)
		}
		return lessUTF16(pairs[i].v, pairs[j].v)
	})
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = encode([]byte(p.k), false) + "=" + encode([]byte(p.v), false)
	}
	return strings.Join(parts, "&")
}

// PayloadHash is hex(sha256(body)).
func PayloadHash(body []byte) string {
	if len(body) == 0 {
		return EmptyBodySHA256
	}
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

func normalizeMethod(m string) string {
	switch u := strings.ToUpper(m); u {
	case "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT":
		return u
	}
	return m
}

// SignRequest returns the headers that authenticate the request.
//
// Signed: host (unless a non-empty Host header is given), x-sdk-date, X-Security-Token and
// X-Project-Id when set, and every header given, except a given Authorization or X-Sdk-Date
// (ours replace them), a given X-Security-Token / X-Project-Id when the field is set, and a
// multipart Content-Type (its boundary is chosen after signing). A non-empty
// X-Sdk-Content-Sha256 header replaces the body hash.
func SignRequest(in SignInput) (SignedHeaders, error) {
	// Errors name the field only: a value may be the secret key.
	switch {
	case in.Method == "":
		return SignedHeaders{}, errors.New("modelarts: SignRequest: Method must be non-empty")
	case in.AccessKey == "":
		return SignedHeaders{}, errors.New("modelarts: SignRequest: AccessKey must be non-empty")
	case in.SecretKey == "":
		return SignedHeaders{}, errors.New("modelarts: SignRequest: SecretKey must be non-empty")
	}
	sdkDate := FormatSdkDate(in.Date)
	var names, values []string
	for _, h := range in.Headers {
		name, value := strings.ToLower(h.Name), strings.Trim(h.Value, " \t\r\n")
		if i := indexOf(names, name); i >= 0 {
			values[i] += ", " + value // case-variant repeats go on the wire joined
			continue
		}
		names, values = append(names, name), append(values, value)
	}
	var keptN, keptV []string
	contentSha := ""
	hasHost := false
	for i, name := range names {
		value := values[i]
		switch {
		case name == "authorization" || name == "x-sdk-date":
			continue
		case name == "x-security-token" && in.SecurityToken != "", name == "x-project-id" && in.ProjectID != "":
			continue
		case name == "content-type" && strings.Contains(value, "multipart/form-data"):
			continue
		case name == "x-sdk-content-sha256" && value != "":
			contentSha = value
		case name == "host":
			if value == "" {
				continue
			}
			hasHost = true
		}
		keptN, keptV = append(keptN, name), append(keptV, value)
	}
	if !hasHost {
		keptN, keptV = append(keptN, "host"), append(keptV, in.Host)
	}
	keptN, keptV = append(keptN, "x-sdk-date"), append(keptV, sdkDate)
	if in.SecurityToken != "" {
		keptN, keptV = append(keptN, "x-security-token"), append(keptV, in.SecurityToken)
	}
	if in.ProjectID != "" {
		keptN, keptV = append(keptN, "x-project-id"), append(keptV, in.ProjectID)
	}
	order := make([]int, len(keptN))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return lessUTF16(keptN[order[a]], keptN[order[b]]) })
	var canonical strings.Builder
	signed := make([]string, len(order))
	for i, j := range order {
		canonical.WriteString(keptN[j] + ":" + keptV[j] + "\n")
		signed[i] = keptN[j]
	}
	payload := contentSha
	if payload == "" {
		payload = PayloadHash(in.Body)
	}
	signedList := strings.Join(signed, ";")
	request := strings.Join([]string{
		normalizeMethod(in.Method), CanonicalURI(in.Path), CanonicalQuery(in.Query), canonical.String(), signedList, payload,
	}, "\n")
	digest := sha256.Sum256([]byte(request))
	toSign := Algorithm + "\n" + sdkDate + "\n" + hex.EncodeToString(digest[:])
	mac := hmac.New(sha256.New, []byte(in.SecretKey))
	mac.Write([]byte(toSign))
	return SignedHeaders{
		XSdkDate:       sdkDate,
		XSecurityToken: in.SecurityToken,
		XProjectID:     in.ProjectID,
		Authorization:  Algorithm + " Access=" + in.AccessKey + ", SignedHeaders=" + signedList + ", Signature=" + hex.EncodeToString(mac.Sum(nil)),
	}, nil
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
