package modelarts

// Credentials: an IAM token, or AK/SK (with a security token when temporary). Secrets are in
// unexported fields; String, GoString, fmt's %v/%+v/%#v and JSON say what kind of credential
// it is and nothing more.

import (
	"fmt"
	"strings"
	"time"
)

// Credentials authenticate one attempt; AK/SK signs afresh each time, with a new date.
type Credentials interface {
	authHeaders(req signable, now time.Time) (map[string]string, error)
	secrets() []string
	fmt.Stringer
}

type signable struct {
	method, host, path, query string
	body                      []byte
	contentType, projectID    string
}

func headerSafe(field, value string) error {
	if strings.TrimSpace(value) == "" {
		return &ValidationError{field, "must be a non-empty string"}
	}
	for i := 0; i < len(value); i++ {
		if value[i] < 0x21 || value[i] > 0x7e {
			return &ValidationError{field, "must be printable ASCII without spaces (the value is not shown)"}
		}
	}
	return nil
}

// TokenCredentials sends an IAM token in X-Auth-Token.
type TokenCredentials struct{ token string }

// NewTokenCredentials checks the token and wraps it.
func NewTokenCredentials(token string) (*TokenCredentials, error) {
	if err := headerSafe("credentials.token", token); err != nil {
		return nil, err
	}
	return &TokenCredentials{token}, nil
}

func (c *TokenCredentials) authHeaders(signable, time.Time) (map[string]string, error) {
	return map[string]string{"X-Auth-Token": c.token}, nil
}
func (c *TokenCredentials) secrets() []string            { return []string{c.token} }
func (c *TokenCredentials) String() string               { return "TokenCredentials{token: [redacted]}" }
func (c *TokenCredentials) GoString() string             { return c.String() }
func (c *TokenCredentials) Format(f fmt.State, _ rune)   { fmt.Fprint(f, c.String()) }
func (c *TokenCredentials) MarshalJSON() ([]byte, error) { return []byte(`"` + c.String() + `"`), nil }

// AKSKCredentials sign each attempt with SDK-HMAC-SHA256.
type AKSKCredentials struct {
	AccessKey     string
	secretKey     string
	securityToken string
}

// NewAKSKCredentials checks the keys; securityToken is "" for permanent credentials.
func NewAKSKCredentials(accessKey, secretKey, securityToken string) (*AKSKCredentials, error) {
	if err := headerSafe("credentials.accessKey", accessKey); err != nil {
		return nil, err
	}
	if strings.TrimSpace(secretKey) == "" || strings.ContainsAny(secretKey, "\r\n\x00") {
		return nil, &ValidationError{"credentials.secretKey", "must be a non-empty string without line breaks or NUL"}
	}
	if securityToken != "" {
		if err := headerSafe("credentials.securityToken", securityToken); err != nil {
			return nil, err
		}
	}
	return &AKSKCredentials{accessKey, secretKey, securityToken}, nil
}

func (c *AKSKCredentials) authHeaders(r signable, now time.Time) (map[string]string, error) {
	var headers []Header
	if r.contentType != "" && len(r.body) > 0 {
		headers = []Header{{"content-type", r.contentType}}
	}
	signed, err := SignRequest(SignInput{
		Method: r.method, Host: r.host, Path: r.path, Query: r.query, Headers: headers, Body: r.body,
		AccessKey: c.AccessKey, SecretKey: c.secretKey, SecurityToken: c.securityToken, ProjectID: r.projectID, Date: now,
	})
	if err != nil {
		return nil, err
	}
	return signed.Map(), nil
}

func (c *AKSKCredentials) secrets() []string {
	if c.securityToken == "" {
		return []string{c.secretKey}
	}
	return []string{c.secretKey, c.securityToken}
}

func (c *AKSKCredentials) String() string {
	kind := "AK/SK"
	if c.securityToken != "" {
		kind = "temporary AK/SK"
	}
	return fmt.Sprintf("AKSKCredentials{%s, accessKey: %q, secretKey: [redacted]}", kind, c.AccessKey)
}
func (c *AKSKCredentials) GoString() string           { return c.String() }
func (c *AKSKCredentials) Format(f fmt.State, _ rune) { fmt.Fprint(f, c.String()) }
func (c *AKSKCredentials) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("%q", c.String())), nil
}

// CredentialsFromEnv reads HUAWEICLOUD_SDK_AK + _SK (+ _SECURITY_TOKEN), else HUAWEICLOUD_SDK_TOKEN.
func CredentialsFromEnv(getenv func(string) string) (Credentials, error) {
	if ak, sk := getenv("HUAWEICLOUD_SDK_AK"), getenv("HUAWEICLOUD_SDK_SK"); ak != "" && sk != "" {
		return NewAKSKCredentials(ak, sk, getenv("HUAWEICLOUD_SDK_SECURITY_TOKEN"))
	}
	if token := getenv("HUAWEICLOUD_SDK_TOKEN"); token != "" {
		return NewTokenCredentials(token)
	}
	return nil, &ValidationError{"credentials", "none given: pass Credentials, or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or HUAWEICLOUD_SDK_TOKEN)"}
}

func redact(text string, secrets []string) string {
	for _, s := range secrets {
		if len(s) >= 4 {
			text = strings.ReplaceAll(text, s, "[redacted]")
		}
	}
	return text
}
