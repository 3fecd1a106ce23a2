package modelarts

// The generic layer against a scripted local server: retries, Retry-After, connection
// failures, timeouts, redirects, body limits, secrets, the signature the server receives, and
// input safety (nothing reaches the server).

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	processortasks "modelarts-processor-tasks/generated/go"
)

const taskPath = "/v2/" + testProject + "/processor-tasks/SNEJua7qdZZN8GvkcEr"

func scripted(t *testing.T, handler func(n int, w http.ResponseWriter, r *http.Request)) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var count atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handler(int(count.Add(1)), w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &count
}

func fastRetry() *RetryPolicy {
	p := DefaultRetryPolicy()
	p.BackoffBase, p.BackoffLimit = time.Millisecond, 50*time.Millisecond
	return &p
}

func clientFor(t *testing.T, endpoint string, creds Credentials, retry *RetryPolicy, timeout time.Duration) *Client {
	t.Helper()
	c, err := NewClient(Options{Endpoint: endpoint, Credentials: creds, ProjectID: testProject, Retry: retry, Timeout: timeout, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func deleteTask(c *Client) error {
	_, err := c.DeleteProcessorTaskWithResponse(context.Background(), c.ProjectID(), "SNEJua7qdZZN8GvkcEr")
	return err
}

func TestRetriesThenSucceeds(t *testing.T) {
	srv, count := scripted(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if n < 3 {
			w.WriteHeader(503)
			fmt.Fprint(w, `{"error_code":"ModelArts.0010","error_msg":"busy"}`)
			return
		}
		w.Header().Set("X-Request-Id", "rid-3")
		fmt.Fprint(w, `{}`)
	})
	c := clientFor(t, srv.URL, mustToken(t), fastRetry(), 0)
	resp, err := c.DeleteProcessorTaskWithResponse(context.Background(), c.ProjectID(), "SNEJua7qdZZN8GvkcEr")
	if err != nil || count.Load() != 3 || Attempts(resp.HTTPResponse) != 3 || RequestID(resp.HTTPResponse) != "rid-3" || resp.JSON200 == nil {
		t.Fatalf("err %v, %d requests", err, count.Load())
	}
}

func TestRetryAfter(t *testing.T) {
	for _, tc := range []struct {
		header string
		want   int32
	}{{"0", 3}, {"100", 1}, {"soon", 3}} {
		srv, count := scripted(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Retry-After", tc.header)
			w.WriteHeader(429)
		})
		err := deleteTask(clientFor(t, srv.URL, mustToken(t), fastRetry(), 0))
		if se, ok := AsServiceError(err); !ok || se.StatusCode != 429 || count.Load() != tc.want || se.Attempts != int(tc.want) {
			t.Fatalf("Retry-After %q: %v after %d requests", tc.header, err, count.Load())
		}
	}
}

func TestConnectionErrorsAreRetried(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	err = deleteTask(clientFor(t, "http://"+addr, mustToken(t), fastRetry(), 0))
	var ce *ConnectionError
	if !errors.As(err, &ce) || ce.Attempts != 3 {
		t.Fatalf("want a ConnectionError after 3 attempts, got %v", err)
	}
}

func TestAttemptTimeoutIsNotRetried(t *testing.T) {
	srv, count := scripted(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	err := deleteTask(clientFor(t, srv.URL, mustToken(t), fastRetry(), 50*time.Millisecond))
	var te *RequestTimeoutError
	if !errors.As(err, &te) || te.Kind != "attempt" || count.Load() != 1 {
		t.Fatalf("want one timed-out attempt, got %v after %d", err, count.Load())
	}
}

func TestRedirectsAreNotFollowed(t *testing.T) {
	srv, count := scripted(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://elsewhere.example/", http.StatusFound)
	})
	err := deleteTask(clientFor(t, srv.URL, mustToken(t), fastRetry(), 0))
	var re *RedirectError
	if !errors.As(err, &re) || re.Location != "https://elsewhere.example/" || count.Load() != 1 {
		t.Fatalf("got %v", err)
	}
}

func TestOversizedSuccessBody(t *testing.T) {
	srv, _ := scripted(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"x":"%s"}`, strings.Repeat("a", 2<<20))
	})
	var ie *InvalidResponseError
	if err := deleteTask(clientFor(t, srv.URL, mustToken(t), fastRetry(), 0)); !errors.As(err, &ie) {
		t.Fatalf("got %v", err)
	}
}

func TestEchoedSecretsAreRedacted(t *testing.T) {
	srv, _ := scripted(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(400)
		fmt.Fprintf(w, `{"error_code":"ModelArts.0101","error_msg":"bad token %s"}`, r.Header.Get("X-Auth-Token"))
	})
	creds, _ := NewTokenCredentials("very-secret-token")
	err := deleteTask(clientFor(t, srv.URL, creds, fastRetry(), 0))
	if err == nil || strings.Contains(err.Error(), "very-secret-token") || strings.Contains(fmt.Sprintf("%v %+v %#v", creds, creds, creds), "very-secret-token") {
		t.Fatalf("secret leaked: %v", err)
	}
}

// The server recomputes the signature from what it received (path, query, Content-Type, body):
// the bytes signed are the bytes sent, for every operation.
func TestTheServerCanVerifyTheSignature(t *testing.T) {
	creds, _ := NewAKSKCredentials("AK", "SK-secret", "sts-token")
	var verdicts []bool
	srv, _ := scripted(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		date, _ := time.Parse("20060102T150405Z", r.Header.Get("X-Sdk-Date"))
		body, _ := io.ReadAll(r.Body)
		var headers []Header
		if len(body) > 0 {
			headers = []Header{{"content-type", r.Header.Get("Content-Type")}}
		}
		want, _ := SignRequest(SignInput{Method: r.Method, Host: r.Host, Path: r.URL.EscapedPath(), Query: r.URL.RawQuery,
			Headers: headers, Body: body, AccessKey: "AK", SecretKey: "SK-secret", SecurityToken: r.Header.Get("X-Security-Token"),
			ProjectID: r.Header.Get("X-Project-Id"), Date: date})
		verdicts = append(verdicts, r.Header.Get("Authorization") == want.Authorization && r.Header.Get("X-Project-Id") == testProject)
		w.WriteHeader(401)
		fmt.Fprint(w, `{"error_code":"APIGW.0301","error_msg":"checked"}`)
	})
	c := clientFor(t, srv.URL, creds, fastRetry(), 0)
	s := loadSpec(t)
	for _, op := range specOperations(s) {
		verdicts = nil
		if _, err := call(t, s, c, op, ""); !IsAuthError(err) || len(verdicts) != 1 || !verdicts[0] {
			t.Fatalf("%s: %v, verdicts %v", op.id, err, verdicts)
		}
	}
}

func TestPathParametersCannotChangeThePath(t *testing.T) {
	srv, count := scripted(t, func(_ int, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(200) })
	c := clientFor(t, srv.URL, mustToken(t), fastRetry(), 0)
	s := loadSpec(t)
	bad := []string{"", ".", "..", "a/b", "../x", "a%2Fb", "a?b", "a#b", "a b", "a\\b", "ümlaut", strings.Repeat("a", 65)}
	// A fixed segment of any path ("processor-tasks", and "items", "versions" once the spec has them).
	for literal := range c.Routes.literals {
		bad = append(bad, literal)
	}
	checked := 0
	for _, op := range specOperations(s) {
		names := regexpParams(op.path)
		for _, target := range names {
			for _, value := range bad {
				if target == "project_id" && value == "" {
					continue // "" means the client's default project
				}
				args := map[string]string{}
				for _, n := range names {
					args[n] = "SNEJua7qdZZN8GvkcEr"
				}
				args["project_id"] = testProject
				args[target] = value
				err := callWithPath(t, s, c, op, args)
				var ve *ValidationError
				if !errors.As(err, &ve) {
					t.Fatalf("%s with %s=%q: want a ValidationError, got %v", op.id, target, value, err)
				}
				checked++
			}
		}
	}
	if count.Load() != 0 {
		t.Fatalf("%d requests reached the server", count.Load())
	}
	t.Logf("%d unsafe path parameters refused before sending", checked)
}

func regexpParams(path string) []string {
	var names []string
	for _, seg := range strings.Split(path, "/") {
		if strings.HasPrefix(seg, "{") {
			names = append(names, strings.Trim(seg, "{}"))
		}
	}
	return names
}

// callWithPath calls an operation with the given path parameters (other arguments from the spec).
func callWithPath(t *testing.T, s specDoc, c *Client, op specOp, args map[string]string) error {
	t.Helper()
	patched := op
	patched.params = nil
	for _, p := range op.params {
		if v, ok := args[fmt.Sprint(p["name"])]; ok && p["in"] == "path" {
			q := map[string]any{}
			for k, x := range p {
				q[k] = x
			}
			q["example"] = v
			p = q
		}
		patched.params = append(patched.params, p)
	}
	pc := *c
	pc.projectID = args["project_id"]
	_, err := call(t, s, &pc, patched, "")
	return err
}

func TestConfiguration(t *testing.T) {
	env := map[string]string{"HUAWEICLOUD_SDK_AK": "AK", "HUAWEICLOUD_SDK_SK": "SK-x", "HUAWEICLOUD_SDK_PROJECT_ID": testProject,
		"HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_9": "https://proxy.example"}
	getenv := func(k string) string { return env[k] }
	c, err := NewClient(Options{Region: "cn-north-4", Getenv: getenv})
	if err != nil || c.Endpoint != "https://modelarts.cn-north-4.myhuaweicloud.com" || c.ProjectID() != testProject {
		t.Fatalf("%v %+v", err, c)
	}
	if e, _ := RegionEndpoint("ap-southeast-1", getenv); e != "https://modelarts.ap-southeast-1.myhuaweicloud.cn" {
		t.Fatal(e)
	}
	if e, _ := RegionEndpoint("cn-north-9", getenv); e != "https://proxy.example" {
		t.Fatal(e)
	}
	var ve *ValidationError
	for _, o := range []Options{{Region: "mars-1", Getenv: getenv}, {Endpoint: "http://remote.example", Getenv: getenv}, {Getenv: getenv},
		{Region: "cn-north-4", ProjectID: "UPPER", Getenv: getenv}, {Region: "cn-north-4", Getenv: func(string) string { return "" }}} {
		if _, err := NewClient(o); !errors.As(err, &ve) {
			t.Fatalf("%+v: want a ValidationError, got %v", o, err)
		}
	}
	if ParseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", time.Date(1994, 11, 6, 8, 49, 30, 0, time.UTC)).Seconds() != 7 || ParseRetryAfter("1.5", time.Now()) != nil {
		t.Fatal("Retry-After parsing")
	}
}

func TestRegionTableIsTheTypeScriptOne(t *testing.T) {
	var file struct{ Regions map[string]string }
	readJSON(t, "../generated/regions.json", &file)
	if len(file.Regions) != len(Regions) {
		t.Fatalf("%d regions here, %d in TypeScript", len(Regions), len(file.Regions))
	}
	for _, r := range Regions {
		if got, _ := RegionEndpoint(r, func(string) string { return "" }); got != file.Regions[r] {
			t.Fatalf("%s: %q here, %q in TypeScript", r, got, file.Regions[r])
		}
	}
}

func TestAllWalksPageIndexesToTheTotal(t *testing.T) {
	records := []string{"task000000000000001", "task000000000000002", "task000000000000003", "task000000000000004", "task000000000000005"}
	var offsets []string
	srv, _ := scripted(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		offsets = append(offsets, q.Get("offset"))
		var page, limit int
		fmt.Sscan(q.Get("offset"), &page)
		fmt.Sscan(q.Get("limit"), &limit)
		var tasks []string
		for i := page * limit; i < min(page*limit+limit, len(records)); i++ {
			tasks = append(tasks, fmt.Sprintf(`{"task_id":%q}`, records[i]))
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"count":%d,"tasks":[%s]}`, len(records), strings.Join(tasks, ","))
	})
	c := clientFor(t, srv.URL, mustToken(t), fastRetry(), 0)
	limit := processortasks.Limit(2)
	var got []string
	for task, err := range All[processortasks.DescribeProcessorTaskResp](context.Background(), int(limit), func(ctx context.Context, page int) (any, error) {
		offset := processortasks.Offset(page)
		return c.ListProcessorTasksWithResponse(ctx, c.ProjectID(), &processortasks.ListProcessorTasksParams{Offset: &offset, Limit: &limit})
	}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, *task.TaskId)
	}
	if strings.Join(got, ",") != strings.Join(records, ",") || strings.Join(offsets, ",") != "0,1,2" {
		t.Fatalf("got %v with offsets %v", got, offsets)
	}
}

func TestWaitUntil(t *testing.T) {
	srv, count := scripted(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if n < 3 {
			fmt.Fprint(w, `{"task_id":"SNEJua7qdZZN8GvkcEr"}`)
			return
		}
		w.WriteHeader(400)
		fmt.Fprint(w, `{"error_code":"ModelArts.4700","error_msg":"The task does not exist."}`)
	})
	c := clientFor(t, srv.URL, mustToken(t), fastRetry(), 0)
	err := WaitUntil(context.Background(), time.Millisecond, func(ctx context.Context) (bool, error) {
		_, err := c.DescribeProcessorTaskWithResponse(ctx, c.ProjectID(), "SNEJua7qdZZN8GvkcEr")
		if IsMissing(err) {
			return true, nil
		}
		return false, err
	})
	if err != nil || count.Load() != 3 {
		t.Fatalf("%v after %d", err, count.Load())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := WaitUntil(ctx, 5*time.Millisecond, func(context.Context) (bool, error) { return false, nil }); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatal(err)
	}
}
