// Package modelarts is the hand-written layer over the client generated from the spec
// (package processortasks): AK/SK signing, IAM tokens, regions, retries, typed errors and input
// safety, one generic layer for every operation.
//
//	c, err := modelarts.NewClient(modelarts.Options{Region: "cn-north-4"}) // credentials from the environment
//	resp, err := c.DeleteProcessorTaskWithResponse(ctx, c.ProjectID(), "SNEJua7qdZZN8GvkcEr")
//	if modelarts.IsTaskNotFound(err) { ... }
package modelarts

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	processortasks "modelarts-processor-tasks/generated/go"
)

// Version of this module.
const Version = "0.2.0"

// Options configure a Client. Region or Endpoint is required (Endpoint wins).
type Options struct {
	Region   string
	Endpoint string
	// Credentials: default from HUAWEICLOUD_SDK_AK / _SK / _SECURITY_TOKEN, else HUAWEICLOUD_SDK_TOKEN.
	Credentials Credentials
	// ProjectID is the default project; default HUAWEICLOUD_SDK_PROJECT_ID.
	ProjectID string
	// Retry: nil for DefaultRetryPolicy(); NoRetries() for one attempt.
	Retry *RetryPolicy
	// Timeout bounds each attempt (default 30 s); TotalTimeout the whole call, retries and waits included (default 120 s).
	Timeout, TotalTimeout time.Duration
	// HTTPClient sends the attempts; its CheckRedirect is replaced so that no redirect is followed.
	HTTPClient *http.Client
	// Headers are added to every request.
	Headers           http.Header
	UserAgent         string
	Logger            *slog.Logger // debug events, never a header or a secret
	AllowInsecureHTTP bool
	// Getenv reads the environment; default os.Getenv.
	Getenv func(string) string
}

// Client is the generated client with this package's transport beneath it: call any
// operation's <OperationId>WithResponse method. A non-2xx answer is a typed error.
type Client struct {
	*processortasks.ClientWithResponses
	Endpoint  string
	Routes    *Routes
	projectID string
}

// ProjectID is the client's default project id ("" when none).
func (c *Client) ProjectID() string { return c.projectID }

// NewClient checks the options and builds the client.
func NewClient(o Options) (*Client, error) {
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	endpoint := o.Endpoint
	if endpoint == "" {
		if o.Region == "" {
			return nil, &ValidationError{"Region", `give a region (e.g. "cn-north-4") or an endpoint`}
		}
		var err error
		if endpoint, err = RegionEndpoint(o.Region, getenv); err != nil {
			return nil, err
		}
	}
	endpoint, err := CheckEndpoint(endpoint, o.AllowInsecureHTTP)
	if err != nil {
		return nil, err
	}
	routes, err := SpecRoutes()
	if err != nil {
		return nil, err
	}
	projectID := o.ProjectID
	if projectID == "" {
		projectID = getenv("HUAWEICLOUD_SDK_PROJECT_ID")
	}
	if projectID != "" {
		if err := routes.CheckParam("project_id", projectID); err != nil {
			return nil, err
		}
	}
	creds := o.Credentials
	if creds == nil {
		if creds, err = CredentialsFromEnv(getenv); err != nil {
			return nil, err
		}
	}
	policy := DefaultRetryPolicy()
	if o.Retry != nil {
		policy = *o.Retry
	}
	if err := policy.check(); err != nil {
		return nil, err
	}
	timeout, total := o.Timeout, o.TotalTimeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	if total == 0 {
		total = 120 * time.Second
	}
	if timeout < 0 || total < 0 {
		return nil, &ValidationError{"Timeout", "must be positive"}
	}
	inner := &http.Client{}
	if o.HTTPClient != nil {
		copied := *o.HTTPClient
		inner = &copied
	}
	inner.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	userAgent := o.UserAgent
	if userAgent == "" {
		userAgent = fmt.Sprintf("modelarts-processor-tasks-go/%s %s", Version, runtime.Version())
	}
	u, _ := url.Parse(endpoint)
	d := &doer{
		inner: inner, credentials: creds, retry: policy, routes: routes,
		pathPrefix: strings.TrimRight(u.EscapedPath(), "/"), timeout: timeout, totalTimeout: total,
		maxBody: 1 << 20, maxErrorBody: 64 << 10, userAgent: userAgent, extraHeaders: o.Headers,
		logger: o.Logger, now: time.Now,
	}
	generated, err := processortasks.NewClientWithResponses(endpoint, processortasks.WithHTTPClient(d))
	if err != nil {
		return nil, err
	}
	return &Client{ClientWithResponses: generated, Endpoint: endpoint, Routes: routes, projectID: projectID}, nil
}
