// The region table and endpoint resolution. Regions are those Huawei's SDKs list for
// ModelArts; ap-southeast-1 is the one served under myhuaweicloud.cn. Beside them, Open Telekom
// Cloud's eu-de, whose API reference documents this API: its host is in OTC's published endpoint
// list (`openstack endpoint list` table of opentelekomcloud-docs/image-management-service,
// doc/public-images/source/index.rst), which lists ModelArts in eu-de only (not eu-nl). As in
// Huawei's SDKs, HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION> overrides a region's endpoint.
import { ValidationError } from './errors.ts';

export const MODELARTS_REGIONS = [
  'cn-north-1', 'cn-north-2', 'cn-north-4', 'cn-north-9', 'cn-north-11', 'cn-north-12',
  'cn-east-3', 'cn-east-4', 'cn-south-1', 'cn-southwest-2', 'cn-southwest-3',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
  'af-south-1', 'af-north-1', 'la-south-2', 'la-north-2', 'tr-west-1', 'me-east-1', 'sa-brazil-1',
  // Open Telekom Cloud (see above).
  'eu-de',
] as const;

export type ModelArtsRegion = (typeof MODELARTS_REGIONS)[number];

const DOMAIN_EXCEPTIONS: Partial<Record<ModelArtsRegion, string>> = {
  'ap-southeast-1': 'myhuaweicloud.cn',
  'eu-de': 'otc.t-systems.com',
};

export function regionOverrideVariable(region: string): string {
  return `HUAWEICLOUD_SDK_REGION_MODELARTS_${region.toUpperCase().replace(/-/g, '_')}`;
}

export function isKnownRegion(region: string): region is ModelArtsRegion {
  return (MODELARTS_REGIONS as readonly string[]).includes(region);
}

/** The endpoint of a region: the environment override if set, else the table. */
export function regionEndpoint(region: string, env: Record<string, string | undefined> = process.env): string {
  // Checked first: the override's variable name is built from the region.
  if (typeof region !== 'string' || region === '') throw new ValidationError('region', 'must be a non-empty string, e.g. "cn-north-4"');
  const override = env[regionOverrideVariable(region)];
  if (override) return override;
  if (!isKnownRegion(region)) {
    throw new ValidationError(
      'region',
      `unknown region ${JSON.stringify(region)}; known: ${MODELARTS_REGIONS.join(', ')} (or set ${regionOverrideVariable(region)})`,
    );
  }
  return `https://modelarts.${region}.${DOMAIN_EXCEPTIONS[region] ?? 'myhuaweicloud.com'}`;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Checks an endpoint and returns it without a trailing slash. Credentials travel in headers,
 * so plain http is refused unless the host is loopback (a local mock) or the caller opts in.
 */
export function checkEndpoint(endpoint: string | URL, allowInsecureHttp = false): string {
  let url: URL;
  // new URL(x) stringifies anything, so `null` or an object would otherwise be parsed as text.
  if (typeof endpoint !== 'string' && !(endpoint instanceof URL)) {
    throw new ValidationError('endpoint', `must be a URL string, got ${endpoint === null ? 'null' : typeof endpoint}`);
  }
  try {
    url = new URL(endpoint);
  } catch {
    throw new ValidationError('endpoint', `not an absolute URL: ${JSON.stringify(endpoint)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValidationError('endpoint', `must be https:// (got ${url.protocol})`);
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopback(url.hostname)) {
    throw new ValidationError(
      'endpoint',
      `plain http:// sends credentials in clear text; use https://, a loopback host, or allowInsecureHttp: true`,
    );
  }
  if (url.username || url.password) throw new ValidationError('endpoint', 'must not contain user information');
  // An empty `?` or `#` leaves search and hash empty; the serialised URL still shows it.
  if (url.search || url.hash || /[?#]/.test(url.href)) throw new ValidationError('endpoint', 'must not contain a query or a fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
