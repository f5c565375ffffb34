/**
 * The directions in which a version uses each of its component schemas: request (parameters and
 * request bodies of operations, what callbacks answer), response (responses of operations) and
 * webhook (payloads the provider sends), following `$ref`s from the operations of the model.
 * Used to compare the component schemas a mapping file pairs in the directions they are read in.
 */
import type { NodeRef, Spec } from '../load/spec.js';
import type { ApiModel, OperationModel } from '../model/types.js';
import type { Direction } from '../types.js';
import { parsePointer } from '../util/json-pointer.js';

const COMPONENT = /^\/(?:components\/schemas|definitions)\/[^/]+$/;

export function schemaUses(spec: Spec, model: ApiModel): Map<string, Set<Direction>> {
  const out = new Map<string, Set<Direction>>();
  const seen: Record<Direction, Set<string>> = { request: new Set(), response: new Set(), webhook: new Set() };
  const walk = (start: NodeRef, dir: Direction): void => {
    const stack: NodeRef[] = [start];
    while (stack.length) {
      const n = stack.pop()!;
      const key = `${n.doc.id}#${n.pointer}`;
      if (seen[dir].has(key)) continue;
      seen[dir].add(key);
      if (n.doc === spec.root && COMPONENT.test(n.pointer)) {
        const name = parsePointer(n.pointer).pop()!;
        let s = out.get(name);
        if (!s) out.set(name, (s = new Set()));
        s.add(dir);
      }
      const v = n.value;
      if (Array.isArray(v)) v.forEach((x, i) => stack.push({ value: x, doc: n.doc, pointer: `${n.pointer}/${i}` }));
      else if (v && typeof v === 'object') {
        const ref = (v as Record<string, unknown>)['$ref'];
        if (typeof ref === 'string') {
          try {
            stack.push(spec.resolveRef(n.doc, ref, n.pointer));
          } catch {
            // an unresolvable reference leads nowhere
          }
        }
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' || (x === null || typeof x !== 'object')) continue;
          stack.push({ value: x, doc: n.doc, pointer: `${n.pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}` });
        }
      }
    }
  };
  const visit = (op: OperationModel, inbound: Direction, outbound: Direction): void => {
    for (const p of op.parameters.values()) walk(p.node, inbound);
    if (op.requestBody) walk(op.requestBody.node, inbound);
    for (const r of op.responses.values()) walk(r.node, outbound);
    for (const list of op.callbacks.values()) for (const cb of list) visit(cb, 'webhook', 'request');
  };
  for (const op of model.operations.values()) visit(op, 'request', 'response');
  for (const op of model.webhooks.values()) visit(op, 'webhook', 'request');
  return out;
}
