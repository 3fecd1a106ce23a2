package modelarts

// Input rules beyond the path, from the same embedded spec: a request's query parameters and
// JSON body must meet its operation's schemas, and an operation that takes no body gets none,
// before anything is sent, as in the TypeScript client. kin-openapi's request validator does the
// work (style and explode decoding, schema checks); this file hands it the
// route routes.go matched and turns its error into a ValidationError whose Field is the wire
// name: query.limit, body.inputs[0].type, body.
//
// Path parameters are left out of the operation the validator sees: routes.go's rules for them
// are stricter (dot segments, fixed segments of other paths), and kin-openapi cannot decode a
// parameter whose schema has `not` (task_id's).
//
// A query parameter the operation does not define is refused, as in the TypeScript and Python
// clients: a typo (sortby) must be an error, not a value the service ignores. One it defines
// must not be repeated unless it is an exploded array: the validator reads the first value, and
// the service may read another.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

var inputOptions = &openapi3filter.Options{
	// The spec's security schemes describe the headers the transport adds after this check.
	AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
	// Defaults are the service's to apply: what is checked is what is sent.
	SkipSettingDefaults:               true,
	RejectWhenRequestBodyNotSpecified: true,
}

func withoutPathParams(params openapi3.Parameters) openapi3.Parameters {
	var kept openapi3.Parameters
	for _, p := range params {
		if p.Value != nil && p.Value.In != openapi3.ParameterInPath {
			kept = append(kept, p)
		}
	}
	return kept
}

// loadInputRules gives every route the kin-openapi route of its operation.
func (r *Routes) loadInputRules(specJSON []byte) error {
	doc, err := openapi3.NewLoader().LoadFromData(specJSON)
	if err != nil {
		return fmt.Errorf("modelarts: reading the spec's schemas: %w", err)
	}
	// For a 3.1 document kin-openapi compiles a JSON Schema 2020-12 validator on every call and
	// throws it away (1.9 ms and 8,400 allocations for CreateProcessorTask's body, more than the
	// request itself). The request-side schemas hold only keywords its OpenAPI 3.0 validator
	// enforces alike (scripts/render-client.ts stops generation on any other), so that one runs.
	doc.OpenAPI = "3.0.3"
	for _, route := range r.List {
		item := doc.Paths.Value(route.Template)
		if item == nil || item.GetOperation(route.Method) == nil {
			return fmt.Errorf("modelarts: the spec's schemas have no %s %s", route.Method, route.Template)
		}
		pathItem, op := *item, *item.GetOperation(route.Method)
		pathItem.Parameters, op.Parameters = withoutPathParams(item.Parameters), withoutPathParams(op.Parameters)
		route.input = &routers.Route{Spec: doc, Path: route.Template, PathItem: &pathItem, Method: route.Method, Operation: &op}
		for _, p := range append(slices.Clone(pathItem.Parameters), op.Parameters...) {
			if p.Value.In != openapi3.ParameterInQuery {
				continue
			}
			route.queryNames = append(route.queryNames, p.Value.Name)
			if sm, err := p.Value.SerializationMethod(); err != nil || !sm.Explode || p.Value.Schema == nil || !p.Value.Schema.Value.Type.Is(openapi3.TypeArray) {
				route.singleValued = append(route.singleValued, p.Value.Name)
			}
		}
	}
	return nil
}

// checkInput returns nil when req's query and body (read already: req.Body is not read) meet
// the route's schemas, and a ValidationError naming the input otherwise. No message quotes
// one of secrets.
func (route *Route) checkInput(req *http.Request, body []byte, pathParams map[string]string, secrets []string) error {
	query := req.URL.Query()
	for name := range query {
		if !slices.Contains(route.queryNames, name) {
			return &ValidationError{redact("query."+name, secrets), fmt.Sprintf("is not a query parameter of %s (its query parameters: %s)", route.OperationID, strings.Join(route.queryNames, ", "))}
		}
	}
	for _, name := range route.singleValued {
		if n := len(query[name]); n > 1 {
			return &ValidationError{"query." + name, fmt.Sprintf("is given %d times; give it once", n)}
		}
	}
	probe := req.Clone(req.Context())
	probe.Body, probe.GetBody, probe.ContentLength = http.NoBody, nil, int64(len(body))
	if len(body) > 0 {
		probe.Body = io.NopCloser(bytes.NewReader(body))
	}
	err := openapi3filter.ValidateRequest(req.Context(), &openapi3filter.RequestValidationInput{
		Request: probe, PathParams: pathParams, QueryParams: query, Route: route.input, Options: inputOptions,
	})
	if err == nil {
		return nil
	}
	field, reason := inputError(err, body)
	return &ValidationError{redact(field, secrets), shorten(redact(reason, secrets), 200)}
}

func inputError(err error, body []byte) (field, reason string) {
	var re *openapi3filter.RequestError
	if !errors.As(err, &re) {
		return "request", err.Error()
	}
	field = "body"
	if re.Parameter != nil {
		field = re.Parameter.In + "." + re.Parameter.Name
	}
	var se *openapi3.SchemaError
	var pe *openapi3filter.ParseError
	switch {
	case errors.As(re.Err, &se):
		if re.Parameter == nil {
			field += bodyPath(body, se.JSONPointer())
		}
		lines := strings.Split(se.Reason, "\n")
		return field, lines[len(lines)-1]
	case errors.As(re.Err, &pe):
		// Its Error() quotes the value.
		for inner, ok := pe.Cause.(*openapi3filter.ParseError); ok && inner.Reason != ""; inner, ok = inner.Cause.(*openapi3filter.ParseError) {
			pe = inner
		}
		return field, "is " + pe.Reason
	case re.Err != nil:
		return field, re.Err.Error()
	}
	return field, re.Reason
}

// bodyPath writes a JSON pointer as .name and [0]: whether a token is an index depends on the
// value it is read from.
func bodyPath(body []byte, pointer []string) string {
	var node any
	_ = json.Unmarshal(body, &node)
	var b strings.Builder
	for _, token := range pointer {
		switch v := node.(type) {
		case []any:
			b.WriteString("[" + token + "]")
			node = nil
			if i, err := strconv.Atoi(token); err == nil && i >= 0 && i < len(v) {
				node = v[i]
			}
		case map[string]any:
			b.WriteString("." + token)
			node = v[token]
		default:
			b.WriteString("." + token)
		}
	}
	return b.String()
}

func shorten(s string, limit int) string {
	if r := []rune(s); len(r) > limit {
		return string(r[:limit]) + "..."
	}
	return s
}
