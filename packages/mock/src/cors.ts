// CORS as stock Prism answers it by default: a preflight (OPTIONS with Access-Control-Request-Method) gets
// 204 with the origin, methods and headers allowed; every answer allows the request's origin (or any) and
// exposes the headers a browser client reads: the correlation id, the answer's key id and the mock's own.

/** Prism's methods for a preflight at a path the contract does not have. */
const anyMethods = 'GET,DELETE,HEAD,PATCH,POST,PUT,OPTIONS';

/** A request header's value as it may be reflected: printable ASCII, at most 1,000 characters. */
const reflected = (value: string | string[] | undefined): string | undefined => {
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === undefined || text === '' ? undefined : text.replace(/[^\x20-\x7e]/g, '').slice(0, 1000);
};

export interface Cors {
  /** The headers of an answer to a request with these headers. */
  answer(headers: Record<string, string | string[] | undefined>): Record<string, string>;
  /** Whether a request is a preflight: OPTIONS with Access-Control-Request-Method. */
  isPreflight(method: string | undefined, headers: Record<string, string | string[] | undefined>): boolean;
  /** The headers of the 204 answer to a preflight; `methods`: those the contract has at the path (none: any). */
  preflight(headers: Record<string, string | string[] | undefined>, methods: string[]): Record<string, string>;
}

/** CORS for answers exposing these headers (their names as the contract and the mock spell them). */
export function cors(exposed: readonly string[]): Cors {
  const expose = exposed.join(', ');
  const anyOrigin = Object.freeze({ 'access-control-allow-origin': '*', 'access-control-expose-headers': expose });
  const answer = (headers: Record<string, string | string[] | undefined>): Record<string, string> => {
    const origin = reflected(headers.origin);
    return origin
      ? {
          'access-control-allow-origin': origin,
          'access-control-allow-credentials': 'true',
          'access-control-expose-headers': expose,
          vary: 'Origin',
        }
      : anyOrigin;
  };
  return {
    answer,
    isPreflight: (method, headers) => method === 'OPTIONS' && headers['access-control-request-method'] !== undefined,
    preflight: (headers, methods) => ({
      ...answer(headers),
      'access-control-allow-methods': methods.length > 0 ? [...methods, 'OPTIONS'].join(',') : anyMethods,
      'access-control-allow-headers': reflected(headers['access-control-request-headers']) ?? '*',
      'access-control-max-age': '600',
    }),
  };
}
