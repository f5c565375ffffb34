/** RFC 6901 JSON pointers, written as `#/a/b` fragments or plain `/a/b`. */

export function escapeToken(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

export function unescapeToken(token: string): string {
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${typeof key === 'number' ? key : escapeToken(key)}`;
}

/** Splits `/a/b~1c` (an optional leading `#` is ignored) into tokens; percent-escapes are decoded. */
export function parsePointer(pointer: string): string[] {
  let p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (p === '' || p === '/') return p === '/' ? [''] : [];
  if (!p.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  if (p.includes('%')) {
    try {
      p = decodeURIComponent(p);
    } catch {
      /* keep as written */
    }
  }
  return p.slice(1).split('/').map(unescapeToken);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Follows a pointer through plain JSON values; undefined when a step is missing. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(cur)) {
      const i = Number(token);
      if (!Number.isInteger(i) || i < 0 || i >= cur.length) return undefined;
      cur = cur[i];
    } else if (cur !== null && typeof cur === 'object') {
      if (!hasOwn.call(cur, token)) return undefined;
      cur = (cur as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return cur;
}
