import type { Delta, Place } from '../../diff/delta.js';
import type { ViewBuilder } from '../../diff/schema-view.js';
import { getAtPointer } from '../../util/json-pointer.js';
import { defineTransition, type TransitionMatch } from '../define.js';

const OFFSET = /^(offset|skip|page|start|limit)$/i;
const CURSOR = /(cursor|after|before|starting_after|ending_before|page\[(after|before|size)\])/i;

/** Paging by a point in time: records before or after a timestamp. */
const TIME_BOUND = /^(before|after|since|until)$/i;

/** The schema view of the parameter a delta is about. */
function parameterSchema(at: Place | undefined, views: ViewBuilder) {
  if (!at) return undefined;
  const param = views.resolve({ doc: at.doc, pointer: at.pointer, value: getAtPointer(at.doc.value, at.pointer) }).node;
  const schema = (param.value as { schema?: unknown } | null)?.schema;
  if (!schema || typeof schema !== 'object') return undefined;
  return views.view({ doc: param.doc, pointer: `${param.pointer}/schema`, value: schema });
}

/** A query parameter bounding the records by a timestamp (a unix time number or a date string). */
function timeBound(d: Delta, views: ViewBuilder): boolean {
  if (!TIME_BOUND.test(String(d.args['name']))) return false;
  const v = parameterSchema(d.base, views);
  return !!v?.types && ([...v.types].every((t) => t === 'number' || t === 'integer') || (v.types.has('string') && /^date(-time)?$/.test(v.format ?? '')));
}

/** A query parameter holding an opaque cursor: a string that is neither a number nor a date. */
function opaqueCursor(d: Delta, views: ViewBuilder): boolean {
  const v = parameterSchema(d.rev, views);
  return !!v?.types && v.types.size === 1 && v.types.has('string') && !/^date(-time)?$/.test(v.format ?? '');
}

/**
 * Offset-based paging parameters replaced by cursor parameters on the same operation; also
 * timestamp bounds (`before`, `after` as unix times) replaced by opaque cursors of the same role
 * (`page[before]`, `page[after]`, holding record ids): the values clients sent no longer page.
 */
export default defineTransition({
  id: 'request-pagination-changed',
  summary: 'Offset or timestamp pagination was replaced by cursor-based pagination.',
  direction: 'request',
  area: 'parameter',
  claims: ['parameter.removed', 'parameter.added'],
  priority: 20,
  group: (deltas, ctx) => {
    const out: TransitionMatch[] = [];
    const byOp = new Map<string, Delta[]>();
    for (const d of deltas) {
      const k = d.operation?.display ?? '';
      byOp.set(k, [...(byOp.get(k) ?? []), d]);
    }
    for (const group of byOp.values()) {
      let paging = 'offset';
      let removed = group.filter((d) => d.kind === 'parameter.removed' && d.args['in'] === 'query' && OFFSET.test(String(d.args['name'])));
      let added = group.filter((d) => d.kind === 'parameter.added' && d.args['in'] === 'query' && CURSOR.test(String(d.args['name'])));
      if (!removed.some((d) => /offset|skip|start|page/i.test(String(d.args['name']))) || !added.length) {
        // Timestamp bounds each replaced by a cursor named after the same bound.
        const bounds = group.filter((d) => d.kind === 'parameter.removed' && d.args['in'] === 'query' && timeBound(d, ctx.baseViews));
        const cursors = bounds.map((b) =>
          group.find((d) => d.kind === 'parameter.added' && d.args['in'] === 'query' && String(d.args['name']) !== String(b.args['name']) && CURSOR.test(String(d.args['name'])) && String(d.args['name']).toLowerCase().includes(String(b.args['name']).toLowerCase()) && opaqueCursor(d, ctx.revViews)),
        );
        if (!bounds.length || cursors.some((c) => !c)) continue;
        removed = bounds;
        added = [...new Set(cursors as Delta[])];
        paging = 'timestamp';
      }
      const sizeParam = group.filter((d) => d.kind === 'parameter.added' && /page\[size\]|per_page|page_size/i.test(String(d.args['name'])));
      const claimed = [...removed, ...added, ...sizeParam.filter((d) => !added.includes(d))];
      out.push({
        claimed,
        at: { ...added[0]!, base: removed[0]!.base! },
        args: { paging, from: removed.map((d) => String(d.args['name'])).join(', '), to: [...new Set(claimed.filter((d) => d.kind === 'parameter.added').map((d) => String(d.args['name'])))].join(', ') },
      });
    }
    return out;
  },
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{paging} pagination ({from}) replaced by cursor pagination ({to})',
});
