import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SecurityInsights } from '@azure/arm-securityinsight';
import { bearerTokenAuthenticationPolicyName, createHttpHeaders, createPipelineRequest, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { armClientOptions, isLoopbackHost, staticTokenCredential } from '../../src/deploy/arm-endpoint';

const credential = staticTokenCredential('secret-token-value');

function jwt(payload: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(payload)}.sig`;
}

describe('armClientOptions', () => {
  test('plain http to a host that is not loopback is refused with a clear error', () => {
    for (const endpoint of ['http://management.azure.com', 'http://10.0.0.5:8080', 'http://[fe80::1]', 'http://127.example.com']) {
      expect(() => armClientOptions(endpoint, credential)).toThrow(/Refusing plain-http ARM endpoint .*only .*127\.0\.0\.1, ::1 or localhost/);
    }
  });

  test('loopback hosts are 127.0.0.0/8, ::1 and localhost', () => {
    expect(['127.0.0.1', '127.9.8.7', '[::1]', 'localhost', 'LOCALHOST'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
    expect(['128.0.0.1', '::2', 'localhost.example.com', '0.0.0.0'].map(isLoopbackHost)).toEqual([false, false, false, false]);
    expect(() => armClientOptions('http://[::1]:4000', credential)).not.toThrow();
  });

  test('https keeps the SDK bearer policy and scopes tokens to the endpoint origin (sovereign clouds)', () => {
    const options = armClientOptions('https://management.usgovcloudapi.net/', credential, { retryOptions: { maxRetries: 1 } });
    expect(options).toMatchObject({ endpoint: 'https://management.usgovcloudapi.net', credentialScopes: ['https://management.usgovcloudapi.net/.default'], retryOptions: { maxRetries: 1 } });
    expect(options.pipeline).toBeUndefined();
  });

  test('other schemes and malformed endpoints are errors', () => {
    expect(() => armClientOptions('ftp://127.0.0.1', credential)).toThrow(/scheme must be https/);
    expect(() => armClientOptions('management.azure.com', credential)).toThrow(/Invalid ARM endpoint/);
    expect(() => armClientOptions('https://user:pw@management.azure.com', credential)).toThrow(/must not carry credentials/);
  });

  test("on loopback http the SDK sends the credential's token as a Bearer header", async () => {
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: 'Scheduled', name: 'r', properties: {} }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const client = new SecurityInsights(credential, 'sub', armClientOptions(url, credential));
      await client.alertRules.get('rg', 'ws', 'r');
      expect(seen).toEqual(['Bearer secret-token-value']);
    } finally {
      server.close();
    }
  });

  test('the loopback policy refuses to carry the token over http to another host (e.g. a hostile nextLink)', async () => {
    const options = armClientOptions('http://127.0.0.1:1', credential);
    const policy = options.pipeline?.getOrderedPolicies().find((p: PipelinePolicy) => p.name === bearerTokenAuthenticationPolicyName);
    const next = jest.fn();
    const request = createPipelineRequest({ url: 'http://10.1.2.3/next?page=2', headers: createHttpHeaders() });
    await expect(policy?.sendRequest(request, next)).rejects.toThrow(/Refusing to send an access token over plain http to 10\.1\.2\.3/);
    expect(next).not.toHaveBeenCalled();
    expect(request.headers.get('authorization')).toBeUndefined();
  });
});

describe('staticTokenCredential', () => {
  test('returns the token, with the expiry of a JWT when it is one', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const token = jwt({ exp });
    await expect(staticTokenCredential(token).getToken([])).resolves.toEqual({ token, expiresOnTimestamp: exp * 1000 });
  });

  test('an expired JWT fails without revealing the token; an empty token is refused at once', async () => {
    const token = jwt({ exp: Math.floor(Date.now() / 1000) - 60 });
    const error = await staticTokenCredential(token)
      .getToken([])
      .catch((e: Error) => e);
    expect((error as Error).message).toMatch(/expired at/);
    expect((error as Error).message).not.toContain(token);
    expect(() => staticTokenCredential('  ')).toThrow(/empty/);
  });
});
