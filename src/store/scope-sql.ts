import type { Param } from './sql/sql.js';
import type { Scope } from './store.js';

/** The WHERE terms of a scope on `messages m`, with their parameters. */
export function scopeWhere(scope: Scope): { sql: string; params: Param[] } {
  const terms = ['m.ts >= ?', 'm.ts < ?'];
  const params: Param[] = [scope.from, scope.to];
  if (scope.platform !== undefined) {
    terms.push('m.platform = ?');
    params.push(scope.platform);
  }
  if (scope.groupIds !== undefined) {
    terms.push(`m.group_id IN (${scope.groupIds.map(() => '?').join(', ')})`);
    params.push(...scope.groupIds);
  }
  return { sql: terms.join(' AND '), params };
}
