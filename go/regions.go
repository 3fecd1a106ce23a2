package modelarts

// The region table and endpoint resolution, as in src/endpoints.ts. Regions are those Huawei's
// SDKs list for ModelArts (ap-southeast-1 is served under myhuaweicloud.cn) and Open Telekom
// Cloud's eu-de; generated/regions.json, written from the TypeScript table, holds the tests to
// the same endpoints. As in Huawei's
// SDKs, HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION> overrides a region's endpoint.

import (
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
)

// Regions are the region ids where Huawei's SDKs list ModelArts.
var Regions = []string{
	"cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9", "cn-north-11", "cn-north-12",
	"cn-east-3", "cn-east-4", "cn-south-1", "cn-southwest-2", "cn-southwest-3",
	"ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
	"af-south-1", "af-north-1", "la-south-2", "la-north-2", "tr-west-1", "me-east-1", "sa-brazil-1",
	// Open Telekom Cloud, whose API reference documents this API (see src/endpoints.ts).
	"eu-de",
}

var domainExceptions = map[string]string{"ap-southeast-1": "myhuaweicloud.cn", "eu-de": "otc.t-systems.com"}

// RegionOverrideVariable is the environment variable that overrides a region's endpoint.
func RegionOverrideVariable(region string) string {
	return "HUAWEICLOUD_SDK_REGION_MODELARTS_" + strings.ReplaceAll(strings.ToUpper(region), "-", "_")
}

// RegionEndpoint is a region's endpoint: the override from getenv if set, else the table.
func RegionEndpoint(region string, getenv func(string) string) (string, error) {
	if region == "" {
		return "", &ValidationError{"region", `must be a non-empty string, e.g. "cn-north-4"`}
	}
	if override := getenv(RegionOverrideVariable(region)); override != "" {
		return override, nil
	}
	if !slices.Contains(Regions, region) {
		return "", &ValidationError{"region", fmt.Sprintf("unknown region %q; known: %s (or set %s)",
			region, strings.Join(Regions, ", "), RegionOverrideVariable(region))}
	}
	domain := "myhuaweicloud.com"
	if d, ok := domainExceptions[region]; ok {
		domain = d
	}
	return "https://modelarts." + region + "." + domain, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CheckEndpoint checks an endpoint and returns it without a trailing slash. Credentials travel
// in headers, so plain http is refused unless the host is loopback or the caller opts in.
func CheckEndpoint(endpoint string, allowInsecureHTTP bool) (string, error) {
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", &ValidationError{"endpoint", fmt.Sprintf("must be an absolute https:// URL, got %q", endpoint)}
	}
	if u.Scheme == "http" && !allowInsecureHTTP && !isLoopback(u.Hostname()) {
		return "", &ValidationError{"endpoint", "plain http:// sends credentials in clear text; use https://, a loopback host, or AllowInsecureHTTP"}
	}
	if u.User != nil {
		return "", &ValidationError{"endpoint", "must not contain user information"}
	}
	if strings.ContainsAny(endpoint, "?#") {
		return "", &ValidationError{"endpoint", "must not contain a query or a fragment"}
	}
	return u.Scheme + "://" + u.Host + strings.TrimRight(u.EscapedPath(), "/"), nil
}
