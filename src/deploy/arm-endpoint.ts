/**
 * Client options that point the Azure management SDKs (@azure/arm-securityinsight,
 * @azure/arm-operationalinsights) at an ARM endpoint: the public cloud, a sovereign cloud, or a
 * local emulator on plain http.
 *
 * Plain http is refused twice by the SDK stack: its bearer-token policy throws for non-https URLs,
 * and its HTTP client refuses insecure connections. For a loopback endpoint only, the options
 * carry their own pipeline whose authorization policy takes the bearer policy's name (so the SDK
 * clients keep it instead of adding theirs), sets the Authorization header from the credential and
 * allows the insecure connection, after checking that each request still goes to a loopback host.
 * Any other http endpoint is an error: the token would cross the network in clear text.
 */
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { createClientPipeline, type ServiceClientOptions } from '@azure/core-client';
import { bearerTokenAuthenticationPolicyName, type PipelinePolicy, type PipelineRetryOptions } from '@azure/core-rest-pipeline';
import { isIP } from 'node:net';

export type ArmRetryOptions = PipelineRetryOptions;

export interface ArmClientSettings {
  /** Retries of 408/429/5xx and connection errors; the SDK default is 3 retries with 1 s base delay. */
  readonly retryOptions?: ArmRetryOptions;
  /** Prepended to the User-Agent header (default "sentinel-cac"). */
  readonly userAgentPrefix?: string;
}

/** Options accepted by `new SecurityInsights(...)` and `new OperationalInsightsManagementClient(...)`. */
export type ArmClientOptions = ServiceClientOptions & {
  readonly endpoint: string;
  readonly credentialScopes: string[];
};

/** 127.0.0.0/8, ::1 and localhost: the hosts a token may be sent to without TLS. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  if (isIP(host) === 6) return host === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(host);
  return false;
}

function parseEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`Invalid ARM endpoint "${endpoint}": expected an absolute URL such as https://management.azure.com`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`Invalid ARM endpoint "${endpoint}": it must not carry credentials, a query or a fragment`);
  }
  return url;
}

/**
 * Caches the credential's token until two minutes before it expires, so a run of requests does
 * not ask the credential each time.
 */
function tokenCache(credential: TokenCredential, scopes: string[]): () => Promise<string> {
  let cached: AccessToken | null = null;
  return async () => {
    if (!cached || cached.expiresOnTimestamp - Date.now() < 120_000) {
      cached = await credential.getToken(scopes);
      if (!cached) throw new Error(`The credential returned no access token for ${scopes.join(' ')}`);
    }
    return cached.token;
  };
}

function loopbackAuthorizationPolicy(credential: TokenCredential, scopes: string[]): PipelinePolicy {
  const token = tokenCache(credential, scopes);
  return {
    // The SDK clients add their own https-only bearer policy unless the pipeline already has one by this name.
    name: bearerTokenAuthenticationPolicyName,
    async sendRequest(request, next) {
      const url = new URL(request.url);
      if (url.protocol === 'http:') {
        // A nextLink could point anywhere: never send the token off this machine in clear text.
        if (!isLoopbackHost(url.hostname)) {
          throw new Error(`Refusing to send an access token over plain http to ${url.host}: only loopback hosts may be used without TLS`);
        }
        request.allowInsecureConnection = true;
      }
      request.headers.set('authorization', `Bearer ${await token()}`);
      return next(request);
    },
  };
}

/**
 * Options for both management clients, e.g.
 * `new SecurityInsights(credential, subscriptionId, armClientOptions(endpoint, credential))`.
 * Call it once per client. https endpoints keep the SDK's own bearer policy, with the token scope
 * `${origin}/.default` so sovereign clouds get tokens for their own audience.
 */
export function armClientOptions(endpoint: string, credential: TokenCredential, settings: ArmClientSettings = {}): ArmClientOptions {
  const url = parseEndpoint(endpoint);
  const base = url.href.replace(/\/+$/, '');
  const credentialScopes = [`${url.origin}/.default`];
  const userAgentOptions = { userAgentPrefix: settings.userAgentPrefix ?? 'sentinel-cac' };
  if (url.protocol === 'https:') {
    return { endpoint: base, credentialScopes, retryOptions: settings.retryOptions, userAgentOptions };
  }
  if (url.protocol !== 'http:') {
    throw new Error(`Invalid ARM endpoint "${endpoint}": the scheme must be https (or http for a loopback emulator)`);
  }
  if (!isLoopbackHost(url.hostname)) {
    throw new Error(
      `Refusing plain-http ARM endpoint "${endpoint}": without TLS the access token would travel in clear text. ` +
        'Use https, or http only for a local emulator on 127.0.0.1, ::1 or localhost.',
    );
  }
  const pipeline = createClientPipeline({ retryOptions: settings.retryOptions, userAgentOptions });
  pipeline.addPolicy(loopbackAuthorizationPolicy(credential, credentialScopes), { phase: 'Sign' });
  return { endpoint: base, credentialScopes, retryOptions: settings.retryOptions, userAgentOptions, pipeline };
}

function jwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A credential that always returns the given access token (SENTINEL_CAC_ACCESS_TOKEN mode).
 * When the token is a JWT its expiry is honoured: an expired token fails with a clear error
 * instead of a 401 from Azure. The token itself never appears in an error message.
 */
export function staticTokenCredential(token: string): TokenCredential {
  const trimmed = token.trim();
  if (trimmed === '' || /\s/.test(trimmed)) {
    throw new Error('The access token is empty or contains whitespace: pass the bare token, e.g. from `az account get-access-token --query accessToken -o tsv`');
  }
  const expiry = jwtExpiry(trimmed);
  return {
    async getToken(): Promise<AccessToken> {
      if (expiry !== undefined && expiry <= Date.now()) {
        throw new Error(`The access token expired at ${new Date(expiry).toISOString()}; get a new one and run again`);
      }
      return { token: trimmed, expiresOnTimestamp: expiry ?? Date.now() + 60 * 60 * 1000 };
    },
  };
}
