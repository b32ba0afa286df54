/**
 * Microsoft.SecurityInsights/alertRules. Scheduled and NRT rules are what the project deploys;
 * any other kind the spec allows (Fusion, MicrosoftSecurityIncidentCreation, ...) is validated by
 * the spec and then stored as it came. `kind` is always in the response: the SDK deserialises
 * the polymorphic AlertRule by it.
 */
import { badRequest, methodNotAllowed, notFound } from '../cloud-error';
import { clone } from '../store/emulator-store';
import { checkSentinelEtag } from './conditional-write';
import { type HandlerContext, type HandlerResult, objectBody } from './handler-context';
import { listPage } from './paging';

export function handleAlertRules(ctx: HandlerContext): HandlerResult {
  const { route, store } = ctx;
  const rules = store.collection('alertRules', route.scope);
  if (route.name === undefined) {
    if (ctx.method !== 'GET') throw methodNotAllowed(ctx.method, ctx.route.armType);
    return { status: 200, body: listPage(ctx, [...rules.values()]) };
  }
  const existing = rules.get(route.name.toLowerCase());
  const what = `alert rule '${route.name}'`;
  switch (ctx.method) {
    case 'GET':
      if (!existing) throw notFound(`Alert rule '${route.name}'`);
      return { status: 200, body: clone(existing) };
    case 'PUT': {
      const body = objectBody(ctx);
      checkSentinelEtag(body, existing, what);
      if (existing && existing.kind !== body.kind) {
        throw badRequest(`The kind of ${what} cannot be changed from ${existing.kind} to ${body.kind}. Delete the rule and create it again.`);
      }
      const stored = store.write('alertRules', route.scope, route.name, { kind: body.kind, properties: body.properties ?? {} });
      return { status: existing ? 200 : 201, body: stored };
    }
    case 'DELETE':
      return { status: store.remove('alertRules', route.scope, route.name) ? 200 : 204 };
    default:
      throw methodNotAllowed(ctx.method, ctx.route.armType);
  }
}
