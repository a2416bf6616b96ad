/**
 * The admin app's routes by path pattern, so a request that matches a path with another method
 * is answered 405 with the methods that path allows (Fastify itself answers 404).
 */
export class RouteTable {
  private readonly patterns: { regex: RegExp; methods: Set<string> }[] = [];
  private readonly byUrl = new Map<string, Set<string>>();

  add(method: string | string[], url: string): void {
    let methods = this.byUrl.get(url);
    if (!methods) {
      methods = new Set();
      this.byUrl.set(url, methods);
      this.patterns.push({ regex: patternRegex(url), methods });
    }
    for (const m of Array.isArray(method) ? method : [method]) methods.add(m.toUpperCase());
  }

  /** Methods some route allows on this concrete path, sorted; empty when no route has the path. */
  methodsFor(path: string): string[] {
    const out = new Set<string>();
    for (const p of this.patterns) if (p.regex.test(path)) for (const m of p.methods) out.add(m);
    return [...out].sort();
  }
}

/** `/api/tasks/:id/rounds` → /^\/api\/tasks\/[^/]+\/rounds$/ (wildcards match the rest of the path). */
function patternRegex(url: string): RegExp {
  const body = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}/?$`);
}
