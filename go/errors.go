package modelarts

// Typed errors, after Huawei SDKs' conventions: a service error carries the status, error
// code, message and request id, and splits into client (< 500) and server (>= 500) errors;
// connection failures and timeouts are their own types. No error ever holds a secret.
// Every service error unwraps to *ServiceResponseError, so errors.As finds it whatever its kind.

import (
	"errors"
	"fmt"
	"time"
)

// ValidationError is bad input, caught before anything is sent. Field names the input.
type ValidationError struct {
	Field  string
	Reason string
}

func (e *ValidationError) Error() string { return "modelarts: " + e.Field + ": " + e.Reason }

// ServiceResponseError is an error status from the service.
type ServiceResponseError struct {
	StatusCode  int
	ErrorCode   string // "" when the body has none
	ErrorMsg    string
	RequestID   string // "" when the response has none
	Attempts    int
	OperationID string // the spec's operationId of the call
	// Missing is true when ErrorCode is one of the operation's documented "...NotFound" codes.
	Missing bool
}

func (e *ServiceResponseError) Error() string {
	msg := fmt.Sprintf("modelarts: HTTP %d", e.StatusCode)
	if e.ErrorCode != "" {
		msg += " " + e.ErrorCode
	}
	msg += ": " + e.ErrorMsg
	if e.RequestID != "" {
		msg += " (request id " + e.RequestID + ")"
	}
	return msg
}

// ClientRequestError is a 4xx: the request cannot succeed as it is.
type ClientRequestError struct{ *ServiceResponseError }

// ServerResponseError is a 5xx: the service failed.
type ServerResponseError struct{ *ServiceResponseError }

// RedirectError is a 3xx, never followed: credentials stay with the named host.
type RedirectError struct {
	*ServiceResponseError
	Location string
}

func (e *ClientRequestError) Unwrap() error  { return e.ServiceResponseError }
func (e *ServerResponseError) Unwrap() error { return e.ServiceResponseError }
func (e *RedirectError) Unwrap() error       { return e.ServiceResponseError }

// InvalidResponseError is a response that cannot be used (a success body over the size limit).
type InvalidResponseError struct {
	Message    string
	StatusCode int
	RequestID  string
	Attempts   int
}

func (e *InvalidResponseError) Error() string { return "modelarts: " + e.Message }

// ConnectionError is a failure without an HTTP response: refused, reset, DNS, TLS.
type ConnectionError struct {
	Message  string
	Attempts int
}

func (e *ConnectionError) Error() string { return "modelarts: " + e.Message }

// RequestTimeoutError is an attempt past Options.Timeout ("attempt"), or the whole call past
// Options.TotalTimeout ("total").
type RequestTimeoutError struct {
	Kind     string
	Limit    time.Duration
	Attempts int
}

func (e *RequestTimeoutError) Error() string {
	what := "the per-attempt timeout"
	if e.Kind == "total" {
		what = "its total timeout"
	}
	return fmt.Sprintf("modelarts: the call did not complete within %s of %s", what, e.Limit)
}

// Timeout reports true, as net.Error does.
func (e *RequestTimeoutError) Timeout() bool { return true }

// AsServiceError returns the service error in err's chain, if any.
func AsServiceError(err error) (*ServiceResponseError, bool) {
	var se *ServiceResponseError
	ok := errors.As(err, &se)
	return se, ok
}

// IsTaskNotFound reports a missing task: 400 ModelArts.4700 (Huawei's error-code appendix).
func IsTaskNotFound(err error) bool {
	se, ok := AsServiceError(err)
	return ok && se.StatusCode == 400 && se.ErrorCode == "ModelArts.4700"
}

// IsMissing reports a missing resource as the operation's spec documents it (its 400
// "...NotFound" examples): what the TypeScript client's ignoreMissing ignores.
func IsMissing(err error) bool {
	se, ok := AsServiceError(err)
	return ok && se.Missing
}

// IgnoreMissing returns nil for a missing-resource error and err otherwise.
func IgnoreMissing(err error) error {
	if IsMissing(err) {
		return nil
	}
	return err
}

// IsAuthError reports credentials or permissions refused: 401, or 403 for any reason but a
// task still initializing (ModelArts.4850).
func IsAuthError(err error) bool {
	se, ok := AsServiceError(err)
	return ok && (se.StatusCode == 401 || se.StatusCode == 403 && se.ErrorCode != "ModelArts.4850")
}
