import type { Delta } from '../../diff/delta.js';
import type { ViewBuilder } from '../../diff/schema-view.js';
import type { OperationModel } from '../../model/types.js';
import { defineTransition, type TransitionMatch } from '../define.js';

/** The request body schema of an operation (its JSON media type, else its only one). */
function bodySchema(op: OperationModel | undefined) {
  const content = op?.requestBody?.content;
  if (!content?.size) return undefined;
  const media = [...content.values()].find((m) => /json/i.test(m.mediaType)) ?? (content.size === 1 ? [...content.values()][0] : undefined);
  return media?.schema;
}

/** A required field holding a plain string: what identifies something (`sender`, `recipient`). */
function requiredString(views: ViewBuilder, required: boolean, node: Parameters<ViewBuilder['view']>[0]): boolean {
  const v = views.view(node);
  return required && !!v.types && v.types.size === 1 && v.types.has('string') && !v.enum && v.properties.size === 0;
}

/**
 * The fields identifying a resource in the request body (`sender` and `recipient` naming a
 * conversation) replaced by the resource's id in a new path parameter (`/conversations/{conversationId}/end`).
 * Claimed only when the operation gained a required path parameter named like an id, and what left
 * the body is its required string fields at the top level (or the whole body, when that is all it
 * held). The added path parameter stays a change of its own.
 */
export default defineTransition({
  id: 'request-property-moved-to-path',
  summary: 'Request body fields were replaced by a path parameter.',
  description:
    'The required string fields that identified a resource in the request body were removed (or the body holding only them), and the operation gained a required path parameter naming the resource by id. Clients must obtain the id and put it in the path; the added path parameter is reported too.',
  direction: 'request',
  area: 'schema',
  claims: ['body.removed', 'schema.property.removed', 'parameter.added'],
  priority: 5,
  group: (deltas, ctx) => {
    const out: TransitionMatch[] = [];
    const byOp = new Map<OperationModel, Delta[]>();
    for (const d of deltas) {
      if (d.direction !== 'request' || !d.operation || (d.operations && d.operations.length > 1)) continue;
      byOp.set(d.operation, [...(byOp.get(d.operation) ?? []), d]);
    }
    for (const [op, group] of byOp) {
      const base = group[0]!.baseOperation;
      if (!base) continue;
      const params = group.filter(
        (d) =>
          d.kind === 'parameter.added' &&
          d.args['in'] === 'path' &&
          d.args['required'] === true &&
          /[a-z0-9](Id|_id|ID)$/.test(String(d.args['name'])) &&
          ![...base.parameters.values()].some((p) => p.in === 'path' && p.name === d.args['name']),
      );
      if (params.length !== 1) continue;
      const param = params[0]!;
      const schema = bodySchema(base);
      if (!schema) continue;
      const view = ctx.baseViews.view(schema);
      let fields: string[] = [];
      let claimed: Delta[] = [];
      const bodyGone = group.find((d) => d.kind === 'body.removed');
      if (bodyGone) {
        // The whole body went: it held only the identifying fields.
        const all = [...view.properties];
        if (all.length && all.every(([name, node]) => requiredString(ctx.baseViews, view.required.has(name), node))) {
          fields = all.map(([name]) => name);
          claimed = [bodyGone];
        }
      } else {
        const top = new Map([...view.properties].map(([name, node]) => [node.pointer, name]));
        const removed = group.filter(
          (d) => d.kind === 'schema.property.removed' && d.base && top.get(d.base.pointer) === String(d.args['property']) && d.data?.baseSchema && requiredString(ctx.baseViews, d.args['required'] === true, d.data.baseSchema),
        );
        fields = removed.map((d) => String(d.args['property']));
        claimed = removed;
      }
      if (!fields.length) continue;
      out.push({
        claimed,
        at: { ...param, operation: op, base: claimed[0]!.base! },
        args: { fields: fields.join(', '), parameter: String(param.args['name']) },
      });
    }
    return out;
  },
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'request body fields {fields} replaced by path parameter {parameter}',
});
