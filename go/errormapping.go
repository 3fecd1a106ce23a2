package modelarts

// Maps an error response to its typed error, as src/error-mapping.ts does. Bodies come in many
// shapes: ModelArts' error_code/error_msg, the gateway's with request_id, other Huawei
// services' errorCode/errorMsg or code/message (also nested under "error"), HTML from a proxy,
// plain text, or nothing. Every shape gives a useful message; none can leak a secret.

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

const maxMessage = 500

type errorFields struct{ code, msg, requestID string }

func pick(obj map[string]any, keys ...string) string {
	for _, k := range keys {
		switch v := obj[k].(type) {
		case string:
			if v != "" {
				return v
			}
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64)
		}
	}
	return ""
}

func fieldsOf(body any) errorFields {
	obj, ok := body.(map[string]any)
	if !ok {
		return errorFields{}
	}
	f := errorFields{
		code:      pick(obj, "error_code", "errorCode", "code"),
		msg:       pick(obj, "error_msg", "errorMsg", "message", "msg"),
		requestID: pick(obj, "request_id", "requestId"),
	}
	if nested, ok := obj["error"].(map[string]any); ok && (f.code == "" || f.msg == "") {
		inner := fieldsOf(nested)
		if f.code == "" {
			f.code = inner.code
		}
		if f.msg == "" {
			f.msg = inner.msg
		}
	}
	return f
}

var (
	stringField = regexp.MustCompile(`"([A-Za-z_]{1,32})"\s*:\s*"((?:[^"\\\n]|\\.)*)"`)
	scriptStyle = regexp.MustCompile(`(?is)<script[\s\S]*?</script>|<style[\s\S]*?</style>`)
	tag         = regexp.MustCompile(`<[^>]*>`)
	spaces      = regexp.MustCompile(`\s+`)
	jsonStart   = regexp.MustCompile(`^\s*[\[{]`)
)

// salvage reads the string fields of a JSON text that does not parse (often a cut body).
func salvage(text string) errorFields {
	found := map[string]any{}
	for _, m := range stringField.FindAllStringSubmatch(text, -1) {
		if _, seen := found[m[1]]; seen {
			continue
		}
		var s string
		if json.Unmarshal([]byte(`"`+m[2]+`"`), &s) == nil {
			found[m[1]] = s
		}
	}
	return fieldsOf(found)
}

func excerpt(text string) string {
	plain := strings.TrimSpace(spaces.ReplaceAllString(tag.ReplaceAllString(scriptStyle.ReplaceAllString(text, " "), " "), " "))
	if r := []rune(plain); len(r) > 200 {
		return string(r[:200]) + "…"
	}
	return plain
}

func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

func toServiceError(status int, header http.Header, body []byte, attempts int, secrets []string, route *Route) error {
	// Redacted before anything is cut: a secret cut in two would no longer match.
	text := redact(strings.ToValidUTF8(string(body), "\uFFFD"), secrets)
	var f errorFields
	parsed := false
	if jsonStart.MatchString(text) {
		var v any
		if json.Unmarshal([]byte(text), &v) == nil {
			parsed, f = true, fieldsOf(v)
		} else {
			f = salvage(text)
		}
	}
	msg := f.msg
	if msg == "" && !parsed && strings.TrimSpace(text) != "" {
		msg = excerpt(text)
	}
	if msg == "" {
		msg = http.StatusText(status)
	}
	if msg == "" {
		msg = "no error message in the response"
	}
	se := &ServiceResponseError{
		StatusCode: status,
		ErrorCode:  cut(redact(f.code, secrets), 64),
		ErrorMsg:   cut(redact(msg, secrets), maxMessage),
		RequestID:  header.Get("X-Request-Id"),
		Attempts:   attempts,
	}
	if se.RequestID == "" {
		se.RequestID = f.requestID
	}
	if route != nil {
		se.OperationID = route.OperationID
		se.Missing = status == 400 && se.ErrorCode != "" && route.MissingCodes[se.ErrorCode]
	}
	switch {
	case status >= 300 && status < 400:
		location := header.Get("Location")
		shown := location
		if shown == "" {
			shown = "(no location)"
		}
		se.ErrorMsg = "redirect to " + shown + " not followed"
		return &RedirectError{se, location}
	case status >= 500:
		return &ServerResponseError{se}
	default:
		return &ClientRequestError{se}
	}
}
