package modelarts

// Input safety from the spec: every request must be exactly one operation of the spec, and no
// path parameter may change the path (the query and the body are held to the spec in
// inputrules.go). The rules come from the spec embedded in the generated package: each
// operation's path template and its parameters' schemas. A path parameter must be non-empty,
// not "." or "..", free of / \ ? # %, white space and control characters, not equal to a fixed
// segment of any path ("items", "versions": such a value would reach another operation), and
// match its schema's pattern and length.
//
// The generated request builders resolve the path against the endpoint, which removes dot
// segments, so the check runs on the request about to be sent: a path whose parameter was "."
// or ".." no longer matches its operation (or matches nothing), and is refused.

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/routers"
	processortasks "modelarts-processor-tasks/generated/go"
)

// ParamRule is a path parameter's schema.
type ParamRule struct {
	Name      string
	Pattern   *regexp.Regexp
	MinLength int
	MaxLength int // -1 when unbounded
}

// Route is one operation of the spec.
type Route struct {
	Method       string
	Template     string
	OperationID  string
	segments     []any // string for a fixed segment, *ParamRule for a parameter
	MissingCodes map[string]bool
	input        *routers.Route // the operation's query and body rules (inputrules.go)
	queryNames   []string       // its query parameters
	singleValued []string       // those of them that take one value (not an exploded array)
}

// Routes are every operation of the spec, with the rules of their inputs.
type Routes struct {
	List        []*Route
	Params      map[string]*ParamRule
	literals    map[string]bool
	ByOperation map[string]*Route
}

var unsafeSegment = regexp.MustCompile(`[/\\?#%\s\x00-\x1f\x7f]`)

type specDoc map[string]any

func (s specDoc) resolve(node map[string]any) map[string]any {
	for {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node
		}
		var cur any = map[string]any(s)
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			m, _ := cur.(map[string]any)
			cur = m[part]
		}
		next, _ := cur.(map[string]any)
		if next == nil {
			return map[string]any{}
		}
		node = next
	}
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func (s specDoc) missingCodes(op map[string]any) map[string]bool {
	codes := map[string]bool{}
	resp := s.resolve(obj(obj(op["responses"])["400"]))
	for name, ex := range obj(obj(obj(resp["content"])["application/json"])["examples"]) {
		value := obj(s.resolve(obj(ex))["value"])
		if code, ok := value["error_code"].(string); ok && strings.HasSuffix(name, "NotFound") {
			codes[code] = true
		}
	}
	return codes
}

// NewRoutes reads the routes of an OpenAPI document (JSON).
func NewRoutes(specJSON []byte) (*Routes, error) {
	var s specDoc
	if err := json.Unmarshal(specJSON, &s); err != nil {
		return nil, fmt.Errorf("modelarts: reading the spec: %w", err)
	}
	r := &Routes{Params: map[string]*ParamRule{}, literals: map[string]bool{}, ByOperation: map[string]*Route{}}
	paths := obj(s["paths"])
	templates := make([]string, 0, len(paths))
	for t := range paths {
		templates = append(templates, t)
	}
	slices.Sort(templates)
	for _, template := range templates {
		item := obj(paths[template])
		for _, method := range []string{"get", "put", "post", "delete", "patch", "head", "options"} {
			op := obj(item[method])
			if op == nil {
				continue
			}
			byName := map[string]map[string]any{}
			for _, p := range append(list(item["parameters"]), list(op["parameters"])...) {
				if param := s.resolve(obj(p)); param["in"] == "path" {
					byName[param["name"].(string)] = param
				}
			}
			// oapi-codegen embeds operationIds with their first letter upper-cased; the spec's are lowerCamel.
			id := op["operationId"].(string)
			id = strings.ToLower(id[:1]) + id[1:]
			route := &Route{Method: strings.ToUpper(method), Template: template, OperationID: id, MissingCodes: s.missingCodes(op)}
			for _, seg := range strings.Split(strings.Trim(template, "/"), "/") {
				if !strings.HasPrefix(seg, "{") || !strings.HasSuffix(seg, "}") {
					route.segments = append(route.segments, seg)
					r.literals[seg] = true
					continue
				}
				name := seg[1 : len(seg)-1]
				schema := obj(byName[name]["schema"])
				rule := &ParamRule{Name: name, MinLength: 1, MaxLength: -1}
				if p, ok := schema["pattern"].(string); ok {
					rule.Pattern = regexp.MustCompile(p)
				}
				if v, ok := schema["minLength"].(float64); ok {
					rule.MinLength = int(v)
				}
				if v, ok := schema["maxLength"].(float64); ok {
					rule.MaxLength = int(v)
				}
				if _, seen := r.Params[name]; !seen {
					r.Params[name] = rule
				}
				route.segments = append(route.segments, rule)
			}
			r.List = append(r.List, route)
			r.ByOperation[route.OperationID] = route
		}
	}
	if err := r.loadInputRules(specJSON); err != nil {
		return nil, err
	}
	return r, nil
}

const generatedClient = "modelarts-processor-tasks/generated/go.(*Client)."

// intendedOperation is the operationId of the generated method that is sending the request.
// The generated request builders resolve the path against the endpoint, which removes dot
// segments (a task id of "." turns describe-task into list-tasks), so the path alone cannot
// show what the caller asked for; the generated method among the callers can.
func intendedOperation() string {
	pcs := make([]uintptr, 24)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	for {
		f, more := frames.Next()
		if name, ok := strings.CutPrefix(f.Function, generatedClient); ok {
			name = strings.TrimSuffix(name, "WithBody")
			return strings.ToLower(name[:1]) + name[1:]
		}
		if !more {
			return ""
		}
	}
}

// SpecRoutes are the routes of the spec embedded in the generated package.
func SpecRoutes() (*Routes, error) {
	raw, err := processortasks.PathToRawSpec("openapi.json")["openapi.json"]()
	if err != nil {
		return nil, err
	}
	return NewRoutes(raw)
}

// CheckParam returns nil when value is a safe value of path parameter name.
func (r *Routes) CheckParam(name, value string) error {
	return r.checkParam(name, value, r.Params[name])
}

func (r *Routes) checkParam(name, value string, rule *ParamRule) error {
	shown := value
	if len([]rune(shown)) > 40 {
		shown = string([]rune(shown)[:40]) + "..."
	}
	switch {
	case value == "" || value == "." || value == ".." || unsafeSegment.MatchString(value):
		return &ValidationError{name, fmt.Sprintf(`must not be empty, "." or "..", nor contain / \ ? # %% or white space; got %q`, shown)}
	case r.literals[value]:
		return &ValidationError{name, fmt.Sprintf("%q is a fixed segment of another path of the API", shown)}
	case rule == nil:
		return nil
	case len(value) < rule.MinLength || rule.MaxLength >= 0 && len(value) > rule.MaxLength || rule.Pattern != nil && !rule.Pattern.MatchString(value):
		pattern := "its schema"
		if rule.Pattern != nil {
			pattern = rule.Pattern.String()
		}
		return &ValidationError{name, fmt.Sprintf("must match %s; got %q", pattern, shown)}
	}
	return nil
}

// Match returns the route a request goes to and its path parameters, or a ValidationError
// when the path is not exactly one operation of the spec or, when operationID names the
// operation that built the request, not exactly that operation's route.
func (r *Routes) Match(method, escapedPath, operationID string) (*Route, map[string]string, error) {
	raw := strings.Split(strings.TrimPrefix(escapedPath, "/"), "/")
	parts := make([]string, len(raw))
	for i, p := range raw {
		decoded, err := url.PathUnescape(p)
		if err != nil {
			decoded = p
		}
		parts[i] = decoded
	}
	candidates := r.List
	intended := r.ByOperation[operationID]
	if intended != nil {
		candidates = []*Route{intended}
	}
	var firstErr error
routes:
	for _, route := range candidates {
		if route.Method != strings.ToUpper(method) || len(route.segments) != len(parts) {
			continue
		}
		values := map[string]string{}
		for i, seg := range route.segments {
			switch s := seg.(type) {
			case string:
				if s != parts[i] {
					continue routes
				}
			case *ParamRule:
				if err := r.checkParam(s.Name, parts[i], s); err != nil {
					if firstErr == nil {
						firstErr = err
					}
					continue routes
				}
				values[s.Name] = parts[i]
			}
		}
		return route, values, nil
	}
	if firstErr != nil {
		return nil, nil, firstErr
	}
	if intended != nil {
		// URL resolution removed a "." or ".." parameter: the path is no longer the operation's.
		return nil, nil, &ValidationError{"path", fmt.Sprintf(`%s %s is not the path of %s (%s): a path parameter must not be empty, "." or "..", nor contain "/"`,
			strings.ToUpper(method), escapedPath, intended.OperationID, intended.Template)}
	}
	return nil, nil, &ValidationError{"path", fmt.Sprintf(`%s %s is no operation of the spec; a path parameter must not be empty, "." or "..", nor contain "/"`, strings.ToUpper(method), escapedPath)}
}
