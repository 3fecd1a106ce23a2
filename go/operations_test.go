package modelarts

// Every operation of the spec, called through the generated client against the mock
// (MODELARTS_TEST_BASE_URL, started by `npm run test:go`): typed success with both kinds of
// credentials, and the typed error of every documented error example. The operations are read
// from the spec and their methods found by name, so an operation added to the spec is tested
// with no new test code.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

const testProject = "a4a5d4098fb4474fa22cd05f897d6b99"

type specOp struct {
	id, method, path string
	op               map[string]any
	params           []map[string]any
}

// readJSON decodes a file of the repository (path relative to go/) into v.
func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

func loadSpec(t *testing.T) specDoc {
	t.Helper()
	var s specDoc
	readJSON(t, "../generated/openapi.json", &s)
	return s
}

func specOperations(s specDoc) []specOp {
	var ops []specOp
	for path, item := range obj(s["paths"]) {
		for _, m := range []string{"get", "put", "post", "delete", "patch"} {
			op := obj(obj(item)[m])
			if op == nil {
				continue
			}
			var params []map[string]any
			for _, p := range append(list(obj(item)["parameters"]), list(op["parameters"])...) {
				params = append(params, s.resolve(obj(p)))
			}
			ops = append(ops, specOp{op["operationId"].(string), strings.ToUpper(m), path, op, params})
		}
	}
	return ops
}

func baseURL(t *testing.T) string {
	t.Helper()
	u := os.Getenv("MODELARTS_TEST_BASE_URL")
	if u == "" {
		t.Fatal("MODELARTS_TEST_BASE_URL is not set: run the suite with `npm run test:go`")
	}
	return u
}

func testClient(t *testing.T, creds Credentials, retry *RetryPolicy) *Client {
	t.Helper()
	c, err := NewClient(Options{Endpoint: baseURL(t), Credentials: creds, ProjectID: testProject, Retry: retry, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func mustToken(t *testing.T) Credentials {
	c, err := NewTokenCredentials("test-token")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func mustAKSK(t *testing.T) Credentials {
	c, err := NewAKSKCredentials("AK", "SK-secret", "temporary-token")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func example(p map[string]any) any {
	if v, ok := p["example"]; ok {
		return v
	}
	return obj(p["schema"])["example"]
}

// call invokes <OperationId>WithResponse with the spec's examples as arguments.
func call(t *testing.T, s specDoc, c *Client, op specOp, prefer string) (reflect.Value, error) {
	t.Helper()
	name := strings.ToUpper(op.id[:1]) + op.id[1:] + "WithResponse"
	m := reflect.ValueOf(c).MethodByName(name)
	if !m.IsValid() {
		t.Fatalf("the generated client has no method %s", name)
	}
	byName := map[string]map[string]any{}
	for _, p := range op.params {
		byName[p["name"].(string)] = p
	}
	var pathArgs []any
	for _, seg := range regexp.MustCompile(`\{([^}]+)\}`).FindAllStringSubmatch(op.path, -1) {
		if seg[1] == "project_id" {
			pathArgs = append(pathArgs, c.ProjectID())
		} else {
			pathArgs = append(pathArgs, example(byName[seg[1]]))
		}
	}
	mt := m.Type()
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	for i := 1; i < mt.NumIn(); i++ {
		in := mt.In(i)
		switch {
		case mt.IsVariadic() && i == mt.NumIn()-1:
			editor := RequestEditor(func(_ context.Context, req *http.Request) error {
				if prefer != "" {
					req.Header.Set("Prefer", prefer)
				}
				return nil
			})
			args = append(args, reflect.ValueOf(editor).Convert(in.Elem()))
		case in.Kind() == reflect.String:
			args = append(args, reflect.ValueOf(pathArgs[0]).Convert(in))
			pathArgs = pathArgs[1:]
		case in.Kind() == reflect.Pointer && strings.HasSuffix(in.Elem().Name(), "Params"):
			query := map[string]any{}
			for _, p := range op.params {
				if p["in"] == "query" && p["required"] == true {
					query[p["name"].(string)] = example(p)
				}
			}
			v := reflect.New(in.Elem())
			raw, _ := json.Marshal(query)
			if err := json.Unmarshal(raw, v.Interface()); err != nil {
				t.Fatalf("%s query: %v", op.id, err)
			}
			args = append(args, v)
		default:
			media := obj(obj(s.resolve(obj(op.op["requestBody"]))["content"])["application/json"])
			body, ok := media["example"]
			if !ok {
				for _, ex := range obj(media["examples"]) {
					body = s.resolve(obj(ex))["value"]
					break
				}
			}
			v := reflect.New(in)
			raw, _ := json.Marshal(body)
			if err := json.Unmarshal(raw, v.Interface()); err != nil {
				t.Fatalf("%s body: %v", op.id, err)
			}
			args = append(args, v.Elem())
		}
	}
	out := m.Call(args)
	err, _ := out[1].Interface().(error)
	return out[0], err
}

// RequestEditor has the generated RequestEditorFn's signature, converted to it by reflection.
type RequestEditor func(ctx context.Context, req *http.Request) error

func TestEveryOperationSucceedsTyped(t *testing.T) {
	s := loadSpec(t)
	ops := specOperations(s)
	if len(ops) == 0 {
		t.Fatal("no operation in the spec")
	}
	for _, creds := range []Credentials{mustToken(t), mustAKSK(t)} {
		c := testClient(t, creds, nil)
		for _, op := range ops {
			t.Run(fmt.Sprintf("%s/%T", op.id, creds), func(t *testing.T) {
				resp, err := call(t, s, c, op, "")
				if err != nil {
					t.Fatalf("%s: %v", op.id, err)
				}
				httpResp := resp.Elem().FieldByName("HTTPResponse").Interface().(*http.Response)
				code := fmt.Sprint(httpResp.StatusCode)
				if _, documented := obj(op.op["responses"])[code]; !documented || httpResp.StatusCode >= 300 {
					t.Fatalf("%s: status %s is not a documented success", op.id, code)
				}
				if field := resp.Elem().FieldByName("JSON" + code); field.IsValid() && field.IsNil() {
					t.Fatalf("%s: JSON%s was not decoded", op.id, code)
				}
				if Attempts(httpResp) != 1 || RequestID(httpResp) == "" {
					t.Fatalf("%s: attempts %d, request id %q", op.id, Attempts(httpResp), RequestID(httpResp))
				}
			})
		}
	}
}

func TestEveryDocumentedErrorIsTyped(t *testing.T) {
	s := loadSpec(t)
	noRetries := NoRetries()
	c := testClient(t, mustToken(t), &noRetries)
	checked := 0
	for _, op := range specOperations(s) {
		for code, r := range obj(op.op["responses"]) {
			if code[0] != '4' && code[0] != '5' {
				continue
			}
			for name, ex := range obj(obj(obj(s.resolve(obj(r))["content"])["application/json"])["examples"]) {
				want := obj(s.resolve(obj(ex))["value"])
				t.Run(op.id+"/"+code+"/"+name, func(t *testing.T) {
					_, err := call(t, s, c, op, fmt.Sprintf("code=%s, example=%s", code, name))
					se, ok := AsServiceError(err)
					if !ok {
						t.Fatalf("want a service error, got %v", err)
					}
					var client *ClientRequestError
					var server *ServerResponseError
					if code[0] == '5' && !errors.As(err, &server) || code[0] == '4' && !errors.As(err, &client) {
						t.Fatalf("HTTP %s gave %T", code, err)
					}
					if fmt.Sprint(se.StatusCode) != code || se.ErrorCode != want["error_code"] || se.ErrorMsg != want["error_msg"] {
						t.Fatalf("got %d %q %q, want %s %v %v", se.StatusCode, se.ErrorCode, se.ErrorMsg, code, want["error_code"], want["error_msg"])
					}
					if se.RequestID == "" || se.Attempts != 1 || se.OperationID != op.id {
						t.Fatalf("request id %q, attempts %d, operation %q", se.RequestID, se.Attempts, se.OperationID)
					}
					if IsMissing(err) != (code == "400" && strings.HasSuffix(name, "NotFound")) {
						t.Fatalf("IsMissing = %v for %s", IsMissing(err), name)
					}
				})
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no documented error example")
	}
	t.Logf("%d documented error examples checked", checked)
}

func TestServerErrorsAreRetriedOnIdempotentCalls(t *testing.T) {
	s := loadSpec(t)
	policy := DefaultRetryPolicy()
	policy.BackoffBase, policy.BackoffLimit = time.Millisecond, 10*time.Millisecond
	c := testClient(t, mustToken(t), &policy)
	for _, op := range specOperations(s) {
		if _, ok := obj(op.op["responses"])["500"]; !ok {
			continue
		}
		want := 1
		if op.method != "POST" {
			want = 3
		}
		_, err := call(t, s, c, op, "code=500")
		se, ok := AsServiceError(err)
		if !ok || se.Attempts != want {
			t.Fatalf("%s %s: want %d attempts, got %v", op.method, op.id, want, err)
		}
	}
}
