module modelarts-processor-tasks/go

go 1.26.0

require (
	github.com/getkin/kin-openapi v0.153.0
	modelarts-processor-tasks/generated/go v0.0.0
)

require (
	github.com/apapsch/go-jsonmerge/v2 v2.0.0 // indirect
	github.com/go-openapi/jsonpointer v0.22.5 // indirect
	github.com/go-openapi/swag/jsonname v0.25.5 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/oapi-codegen/runtime v1.9.0 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3 // indirect
	go.yaml.in/yaml/v4 v4.0.0 // indirect
	golang.org/x/text v0.14.0 // indirect
)

// The client generated from the spec, in this repository.
replace modelarts-processor-tasks/generated/go => ../generated/go
