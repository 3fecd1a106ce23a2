package modelarts

// The shared input-rule table (test/shared/input-rules.json) against the Go client, through the
// lowest door a Go user has: the generated Client's methods, a body as raw bytes (...WithBody),
// against a local server that counts what reaches it. Each refused request must fail with a
// ValidationError at the table's field with nothing sent; each accepted one must be sent once,
// carrying the query and body given.
//
// A query value goes into the operation's generated Params struct; one its Go type cannot hold
// (2.5 for an integer, "yes" for a boolean, a name it has no field for) goes on the URL through
// a RequestEditorFn, as a caller would have to send it, and so does a body on an operation
// whose methods take none.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	processortasks "modelarts-processor-tasks/generated/go"
)

type inputCase struct {
	Operation string          `json:"operation"`
	Query     map[string]any  `json:"query"`
	Body      json.RawMessage `json:"body"`
	Field     string          `json:"field"`
	Why       string          `json:"why"`
}

type inputTable struct {
	IDs     map[string]string `json:"ids"`
	Invalid []inputCase       `json:"invalid"`
	Valid   []inputCase       `json:"valid"`
}

func loadInputTable(t *testing.T) inputTable {
	t.Helper()
	var table inputTable
	readJSON(t, "../test/shared/input-rules.json", &table)
	if len(table.Invalid) == 0 || len(table.Valid) == 0 {
		t.Fatal("the input-rule table has no cases")
	}
	return table
}

// queryValue is a value as the wire carries it: an array comma-joined (style form, not
// exploded, the spec's only array parameter), a number or boolean as JSON writes it.
func queryValue(v any) string {
	if items, ok := v.([]any); ok {
		parts := make([]string, len(items))
		for i, item := range items {
			parts[i] = queryValue(item)
		}
		return strings.Join(parts, ",")
	}
	return fmt.Sprint(v)
}

type sentRequest struct {
	query url.Values
	body  []byte
}

// sendCase calls the case's operation on the generated Client and returns the error.
func sendCase(t *testing.T, c *Client, ops map[string]specOp, ids map[string]string, tc inputCase) error {
	t.Helper()
	op, ok := ops[tc.Operation]
	if !ok {
		t.Fatalf("no operation %s in the spec", tc.Operation)
	}
	name := strings.ToUpper(tc.Operation[:1]) + tc.Operation[1:]
	method := reflect.ValueOf(c.ClientInterface).MethodByName(name + "WithBody")
	withBody := method.IsValid()
	if !withBody {
		method = reflect.ValueOf(c.ClientInterface).MethodByName(name)
	}
	if !method.IsValid() {
		t.Fatalf("the generated Client has no method %s", name)
	}
	var editors []RequestEditor
	hasParams := false
	strs := []string{}
	for _, p := range regexpParams(op.path) {
		strs = append(strs, ids[p])
	}
	strs = append(strs, "application/json") // the content type of ...WithBody, after the path
	mt := method.Type()
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	for i := 1; i < mt.NumIn(); i++ {
		in := mt.In(i)
		switch {
		case mt.IsVariadic() && i == mt.NumIn()-1:
		case in.Kind() == reflect.String:
			args = append(args, reflect.ValueOf(strs[0]).Convert(in))
			strs = strs[1:]
		case in.Kind() == reflect.Pointer && strings.HasSuffix(in.Elem().Name(), "Params"):
			params := reflect.New(in.Elem())
			raw, _ := json.Marshal(tc.Query)
			// A name the struct has no field for would be dropped silently: it goes on the URL.
			decoder := json.NewDecoder(bytes.NewReader(raw))
			decoder.DisallowUnknownFields()
			if err := decoder.Decode(params.Interface()); err != nil {
				editors = append(editors, rawQuery(tc.Query))
			}
			hasParams = true
			args = append(args, params)
		case in == reflect.TypeFor[io.Reader]():
			if tc.Body == nil {
				args = append(args, reflect.Zero(in))
			} else {
				args = append(args, reflect.ValueOf(bytes.NewReader(tc.Body)))
			}
		default:
			t.Fatalf("%s: unexpected argument %v", name, in)
		}
	}
	if !hasParams && len(tc.Query) > 0 {
		editors = append(editors, rawQuery(tc.Query))
	}
	if !withBody && tc.Body != nil {
		editors = append(editors, func(_ context.Context, req *http.Request) error {
			req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(tc.Body)), int64(len(tc.Body))
			req.Header.Set("Content-Type", "application/json")
			return nil
		})
	}
	for _, e := range editors {
		args = append(args, reflect.ValueOf(e).Convert(mt.In(mt.NumIn()-1).Elem()))
	}
	out := method.Call(args)
	if resp, _ := out[0].Interface().(*http.Response); resp != nil {
		resp.Body.Close()
	}
	err, _ := out[1].Interface().(error)
	return err
}

// rawQuery puts query values on the URL as a caller must when the generated Params cannot hold them.
func rawQuery(values map[string]any) RequestEditor {
	query := url.Values{}
	for k, v := range values {
		query.Set(k, queryValue(v))
	}
	return func(_ context.Context, req *http.Request) error {
		req.URL.RawQuery = query.Encode()
		return nil
	}
}

func inputRulesSetup(t *testing.T) (*Client, func() []sentRequest, map[string]specOp) {
	t.Helper()
	var sent []sentRequest
	srv, _ := scripted(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		sent = append(sent, sentRequest{r.URL.Query(), body})
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{}`)
	})
	noRetries := NoRetries()
	c := clientFor(t, srv.URL, mustToken(t), &noRetries, 0)
	ops := map[string]specOp{}
	for _, op := range specOperations(loadSpec(t)) {
		ops[op.id] = op
	}
	return c, func() []sentRequest { return sent }, ops
}

func caseName(tc inputCase) string {
	what := tc.Why
	if what == "" {
		raw, _ := json.Marshal(map[string]any{"query": tc.Query, "body": tc.Body})
		what = string(raw)
		if len(what) > 60 {
			what = what[:60]
		}
	}
	return tc.Operation + " " + tc.Field + " " + what
}

func TestInputRulesRefused(t *testing.T) {
	table := loadInputTable(t)
	for _, tc := range table.Invalid {
		t.Run(caseName(tc), func(t *testing.T) {
			c, sent, ops := inputRulesSetup(t)
			err := sendCase(t, c, ops, table.IDs, tc)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("want a ValidationError at %s, got %v", tc.Field, err)
			}
			if ve.Field != tc.Field {
				t.Fatalf("field %q, want %q (%v)", ve.Field, tc.Field, err)
			}
			if n := len(sent()); n != 0 {
				t.Fatalf("%d requests sent", n)
			}
		})
	}
}

func TestInputRulesSent(t *testing.T) {
	table := loadInputTable(t)
	for _, tc := range table.Valid {
		t.Run(caseName(tc), func(t *testing.T) {
			c, sent, ops := inputRulesSetup(t)
			if err := sendCase(t, c, ops, table.IDs, tc); err != nil {
				t.Fatal(err)
			}
			if len(sent()) != 1 {
				t.Fatalf("%d requests sent, want 1", len(sent()))
			}
			got := sent()[0]
			for name, v := range tc.Query {
				if got.query.Get(name) != queryValue(v) {
					t.Errorf("query %s: sent %q, want %q", name, got.query.Get(name), queryValue(v))
				}
			}
			if tc.Body == nil {
				if len(got.body) != 0 {
					t.Fatalf("sent a body %q, want none", got.body)
				}
				return
			}
			var want, have any
			_ = json.Unmarshal(tc.Body, &want)
			if err := json.Unmarshal(got.body, &have); err != nil || !reflect.DeepEqual(want, have) {
				t.Fatalf("sent body %s, want %s", got.body, tc.Body)
			}
		})
	}
}

// The rules the table does not state: a query set by a RequestEditorFn is held to the same
// rules (an undefined parameter refused); a defined one is refused when repeated, unless it is
// an exploded array; a credential given as a value is never quoted.
func TestInputRulesAroundTheTable(t *testing.T) {
	c, sent, _ := inputRulesSetup(t)
	ctx := context.Background()
	addQuery := func(raw string) processortasks.RequestEditorFn {
		return func(_ context.Context, req *http.Request) error {
			req.URL.RawQuery = raw
			return nil
		}
	}
	if _, err := c.ListProcessorTasks(ctx, c.ProjectID(), nil, addQuery("limit=5")); err != nil || len(sent()) != 1 {
		t.Fatalf("a query set by a RequestEditorFn: %v, %d sent", err, len(sent()))
	}
	for _, raw := range []string{"trace=1&limit=5", "limit=1&limit=1000", "version_id=a&version_id=b"} {
		_, err := c.ListProcessorTasks(ctx, c.ProjectID(), nil, addQuery(raw))
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != "query."+strings.Split(raw, "=")[0] {
			t.Fatalf("%s: want a ValidationError, got %v", raw, err)
		}
	}
	secret := "very-secret-token-value"
	creds, _ := NewTokenCredentials(secret)
	sc := clientFor(t, c.Endpoint, creds, nil, 0)
	_, err1 := sc.ListProcessorTasks(ctx, sc.ProjectID(), nil, addQuery("order="+secret))
	_, err2 := sc.UpdateProcessorTaskWithBody(ctx, sc.ProjectID(), "SNEJua7qdZZN8GvkcEr", "application/json", strings.NewReader(`{"description":"<`+secret+`"}`))
	for _, err := range []error{err1, err2} {
		var ve *ValidationError
		if !errors.As(err, &ve) || strings.Contains(err.Error(), secret) {
			t.Fatalf("want a ValidationError without the credential, got %v", err)
		}
	}
	if len(sent()) != 1 {
		t.Fatalf("%d requests sent, want 1", len(sent()))
	}
}

// The check's cost per call, beside the call it guards: the same request sent by the client to
// a loopback server (bench/b8-targets.ts reports their ratio; go test -run NONE -bench CheckInput).
func BenchmarkCheckInput(b *testing.B) {
	routes, err := SpecRoutes()
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"task_id":"x"}`)
	}))
	defer srv.Close()
	creds, _ := NewTokenCredentials("bench-token")
	noRetries := NoRetries()
	c, err := NewClient(Options{Endpoint: srv.URL, Credentials: creds, ProjectID: testProject, Retry: &noRetries, Getenv: func(string) string { return "" }})
	if err != nil {
		b.Fatal(err)
	}
	path := "/v2/" + testProject + "/processor-tasks"
	body := []byte(`{"name":"t","template":{"id":"sys_data_validation","operator_params":[{"params":{"a":1}}]},"inputs":[{"type":"DATASET","source":"ds"}],"work_path":{"type":"OBS","path":"/b/","version_name":"v1"}}`)
	query := "?limit=10&offset=0&task_name=a+b"
	ctx := context.Background()
	for _, tc := range []struct {
		name, method, query string
		body                []byte
		call                func() (*http.Response, error)
	}{
		{"create body", http.MethodPost, "", body, func() (*http.Response, error) {
			return c.CreateProcessorTaskWithBody(ctx, testProject, "application/json", bytes.NewReader(body))
		}},
		{"list query", http.MethodGet, query, nil, func() (*http.Response, error) {
			limit, offset, name := int32(10), int32(0), "a b"
			return c.ListProcessorTasks(ctx, testProject, &processortasks.ListProcessorTasksParams{Limit: &limit, Offset: &offset, TaskName: &name})
		}},
	} {
		b.Run(tc.name+"/check", func(b *testing.B) {
			req, _ := http.NewRequest(tc.method, "https://modelarts.example"+path+tc.query, bytes.NewReader(tc.body))
			if tc.body != nil {
				req.Header.Set("Content-Type", "application/json")
			}
			route, params, err := routes.Match(tc.method, path, "")
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := route.checkInput(req, tc.body, params, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(tc.name+"/loopback call", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				resp, err := tc.call()
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}
