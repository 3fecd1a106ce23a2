// The Postman collection's pre-request script (scripts/postman.ts embeds it): runs in Postman's
// sandbox before every request and signs it with AK/SK when `accessKey` and `secretKey` are set,
// as Huawei's API gateway expects (SDK-HMAC-SHA256, the algorithm of src/signer.ts). With only
// `iamToken` set it does nothing and the collection's X-Auth-Token auth applies.
//
// The signature must cover the bytes the gateway receives, so each piece is taken as Postman
// will send it (variables resolved, disabled parameters left out) and then canonicalised as the
// gateway does: path and query percent-decoded, then RFC 3986 encoded.
// One function scope: Postman runs every script of a request in one sandbox, whose globals
// (CryptoJS among them) a top-level declaration would collide with.
(() => {
  const CryptoJS = require('crypto-js');
  // The sandbox has no WHATWG URL; this is the parser Postman itself sends with.
  const { Url } = require('postman-collection');

  const ALGORITHM = 'SDK-HMAC-SHA256';
  const value = (name) => pm.variables.get(name) || '';
  const accessKey = value('accessKey');
  const secretKey = value('secretKey');
  const securityToken = value('securityToken');

  // An RFC 3986 encoding: encodeURIComponent leaves !'()* as they are.
  const encode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  function decode(s, form) {
    const text = form ? s.replace(/\+/g, ' ') : s;
    try {
      return decodeURIComponent(text);
    } catch {
      return text; // a lone '%' is data, as the gateway reads it
    }
  }

  function canonicalUri(segments) {
    const path = segments.map((s) => encode(decode(s, false))).join('/');
    return '/' + path + (path.endsWith('/') ? '' : '/');
  }

  function canonicalQuery(params) {
    return params
      .map(([k, v]) => [decode(k, true), decode(v, true)])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
      .map(([k, v]) => encode(k) + '=' + encode(v))
      .join('&');
  }

  function sdkDate(now) {
    return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  }

  function sign() {
    const request = pm.request;
    const url = request.url;
    const resolve = (s) => pm.variables.replaceIn(s == null ? '' : String(s));
    // The base URL is one variable holding scheme, host and any path prefix: resolve the whole URL
    // to read them, then put the path variables' values in their segments.
    const target = new Url(resolve(url.toString()));
    const pathVariables = {};
    url.variables.each((v) => {
      pathVariables[v.key] = resolve(v.value);
    });
    const segments = (target.path || []).map((s) => (s.startsWith(':') && s.slice(1) in pathVariables ? pathVariables[s.slice(1)] : s));
    const query = [];
    url.query.each((q) => {
      if (!q.disabled && q.key !== null) query.push([resolve(q.key), resolve(q.value)]);
    });
    const body = request.body && request.body.mode === 'raw' ? resolve(request.body.raw) : '';

    const date = sdkDate(new Date());
    const headers = { host: target.getRemote(), 'x-sdk-date': date };
    request.headers.each((h) => {
      if (!h.disabled && h.key.toLowerCase() === 'content-type') headers['content-type'] = resolve(h.value).trim();
    });
    if (securityToken) headers['x-security-token'] = securityToken;
    const names = Object.keys(headers).sort();
    const canonical =
      [request.method.toUpperCase(), canonicalUri(segments), canonicalQuery(query), names.map((n) => n + ':' + headers[n] + '\n').join(''), names.join(';'), CryptoJS.SHA256(body).toString(CryptoJS.enc.Hex)].join('\n');
    const stringToSign = ALGORITHM + '\n' + date + '\n' + CryptoJS.SHA256(canonical).toString(CryptoJS.enc.Hex);
    const signature = CryptoJS.HmacSHA256(stringToSign, secretKey).toString(CryptoJS.enc.Hex);

    // Host is set by Postman when it sends; the other signed headers are set here.
    request.headers.upsert({ key: 'X-Sdk-Date', value: date });
    if (securityToken) request.headers.upsert({ key: 'X-Security-Token', value: securityToken });
    request.headers.upsert({ key: 'Authorization', value: `${ALGORITHM} Access=${accessKey}, SignedHeaders=${names.join(';')}, Signature=${signature}` });
    // The token auth would add an empty X-Auth-Token, which the gateway reads as a bad token.
    request.authorizeUsing('noauth');
  }

  if (accessKey || secretKey) {
    // Refused with no credential at all: Newman (and a collection run) still sends a request
    // whose script failed, and it must not go out with a credential picked by guess.
    const refuse = (message) => {
      pm.request.authorizeUsing('noauth');
      throw new Error(message);
    };
    if (!accessKey || !secretKey) refuse('Set both accessKey and secretKey to sign with AK/SK, or neither to use iamToken.');
    if (value('iamToken')) refuse('Set either iamToken or accessKey and secretKey, not both: which one a request uses would be a guess.');
    sign();
  }
})();
