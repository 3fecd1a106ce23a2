package modelarts

// Beneath every call: the HttpRequestDoer the generated client sends through. One request in,
// as many attempts as the retry policy allows out. The request is held to the spec's routes,
// and its query and body to the operation's schemas, before anything is sent; each attempt is
// authenticated afresh (a new X-Sdk-Date and signature), bounded by the per-attempt timeout and
// the total deadline, never follows a redirect, and reads its body up to a size limit. An error
// status becomes a typed error.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

type attemptsKey struct{}

// Attempts is the number of requests a call's response took, retries included.
func Attempts(resp *http.Response) int {
	if resp == nil || resp.Request == nil {
		return 0
	}
	n, _ := resp.Request.Context().Value(attemptsKey{}).(int)
	return n
}

// RequestID is the X-Request-Id of a response.
func RequestID(resp *http.Response) string {
	if resp == nil {
		return ""
	}
	return resp.Header.Get("X-Request-Id")
}

type doer struct {
	inner        *http.Client
	credentials  Credentials
	retry        RetryPolicy
	routes       *Routes
	pathPrefix   string
	timeout      time.Duration
	totalTimeout time.Duration
	maxBody      int64
	maxErrorBody int64
	userAgent    string
	extraHeaders http.Header
	logger       *slog.Logger
	now          func() time.Time
}

var authHeaderNames = []string{"Authorization", "X-Auth-Token", "X-Sdk-Date", "X-Security-Token", "X-Project-Id"}

// Do sends req as the policy says; a non-2xx answer is returned as a typed error.
func (d *doer) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	path := req.URL.EscapedPath()
	if !strings.HasPrefix(path, d.pathPrefix+"/") {
		return nil, &ValidationError{"path", path + " is not under the endpoint"}
	}
	route, params, err := d.routes.Match(req.Method, path[len(d.pathPrefix):], intendedOperation())
	if err != nil {
		return nil, err
	}
	var body []byte
	if req.Body != nil {
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
		_ = req.Body.Close()
	}
	secrets := d.credentials.secrets()
	if err := route.checkInput(req, body, params, secrets); err != nil {
		return nil, err
	}
	deadline := time.Now().Add(d.totalTimeout)
	totalCtx, cancelTotal := context.WithDeadline(ctx, deadline)
	defer cancelTotal()
	retryable := d.retry.retriesMethod(req.Method)
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	for attempt := 1; ; attempt++ {
		auth, err := d.credentials.authHeaders(signable{
			method: req.Method, host: host, path: path, query: req.URL.RawQuery, body: body,
			contentType: req.Header.Get("Content-Type"), projectID: params["project_id"],
		}, d.now())
		if err != nil {
			return nil, err
		}
		attemptCtx, cancel := context.WithTimeout(context.WithValue(totalCtx, attemptsKey{}, attempt), d.timeout)
		out := req.Clone(attemptCtx)
		for k, v := range d.extraHeaders {
			out.Header[k] = v
		}
		for _, name := range authHeaderNames {
			out.Header.Del(name)
		}
		for k, v := range auth {
			out.Header.Set(k, v)
		}
		if out.Header.Get("User-Agent") == "" {
			out.Header.Set("User-Agent", d.userAgent)
		}
		out.Body, out.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
		if body == nil {
			out.Body = nil
		}
		d.log("request", "method", req.Method, "path", path, "attempt", attempt)
		resp, sendErr := d.inner.Do(out)
		var payload []byte
		complete := true
		if sendErr == nil {
			limit := d.maxErrorBody
			if resp.StatusCode >= 200 && resp.StatusCode < 300 {
				limit = d.maxBody
			}
			payload, sendErr = io.ReadAll(io.LimitReader(resp.Body, limit+1))
			_ = resp.Body.Close()
			if int64(len(payload)) > limit {
				payload, complete = payload[:limit], false
			}
		}
		cancel()
		var result error
		var delay time.Duration
		retry := false
		if sendErr != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err() // the caller's own cancellation or deadline
			}
			switch {
			case totalCtx.Err() != nil:
				result = &RequestTimeoutError{"total", d.totalTimeout, attempt}
			case errors.Is(sendErr, context.DeadlineExceeded) || isTimeout(sendErr):
				result = &RequestTimeoutError{"attempt", d.timeout, attempt}
				retry = d.retry.RetryOnTimeout
			default:
				result = &ConnectionError{fmt.Sprintf("could not complete %s %s://%s: %s", req.Method, req.URL.Scheme, req.URL.Host, redact(sendErr.Error(), secrets)), attempt}
				retry = true
			}
			d.log("failure", "method", req.Method, "attempt", attempt, "error", result.Error())
			if retry {
				delay, retry = d.retry.Delay(attempt, nil)
			}
		} else {
			d.log("response", "method", req.Method, "status", resp.StatusCode, "attempt", attempt, "request_id", resp.Header.Get("X-Request-Id"))
			resp.Request = out.WithContext(context.WithValue(ctx, attemptsKey{}, attempt))
			resp.Body = io.NopCloser(bytes.NewReader(payload))
			resp.ContentLength = int64(len(payload))
			switch {
			case resp.StatusCode >= 200 && resp.StatusCode < 300 && !complete:
				result = &InvalidResponseError{fmt.Sprintf("HTTP %d body is larger than %d bytes; not read", resp.StatusCode, d.maxBody), resp.StatusCode, resp.Header.Get("X-Request-Id"), attempt}
			case resp.StatusCode >= 200 && resp.StatusCode < 300:
			default:
				result = toServiceError(resp.StatusCode, resp.Header, payload, attempt, secrets, route)
				if contains(d.retry.StatusCodes, resp.StatusCode) {
					delay, retry = d.retry.Delay(attempt, ParseRetryAfter(resp.Header.Get("Retry-After"), time.Now()))
				}
			}
			if result == nil {
				return resp, nil
			}
		}
		if !retry || !retryable || attempt > d.retry.Limit || time.Now().Add(delay).After(deadline) {
			return nil, result
		}
		d.log("retry", "method", req.Method, "attempt", attempt, "delay", delay)
		timer := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, ctx.Err()
		case <-timer.C:
		}
	}
}

func (d *doer) log(msg string, args ...any) {
	if d.logger != nil {
		d.logger.Debug(msg, args...)
	}
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

func contains(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
