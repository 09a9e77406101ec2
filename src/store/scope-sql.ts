import { jsonText, type Dialect } from './sql/dialect.js';
import type { Param } from './sql/sql.js';
import type { Scope } from './store.js';

/**
 * The WHERE terms of a scope's platform and groups on a table `t` with `platform` and `group_id` columns.
 * Given `dialect`, the ids are one JSON parameter: a digest run's groups can be more than either engine binds.
 */
export function groupsWhere(scope: Pick<Scope, 'platform' | 'groupIds'>, t: string, dialect?: Dialect): { terms: string[]; params: Param[] } {
  const terms: string[] = [];
  const params: Param[] = [];
  if (scope.platform !== undefined) {
    terms.push(`${t}.platform = ?`);
    params.push(scope.platform);
  }
  if (scope.groupIds !== undefined && dialect) {
    terms.push(`${t}.group_id IN (${dialect.textList('?')})`);
    params.push(jsonText(scope.groupIds));
  } else if (scope.groupIds !== undefined) {
    terms.push(`${t}.group_id IN (${scope.groupIds.map(() => '?').join(', ')})`);
    params.push(...scope.groupIds);
  }
  return { terms, params };
}

/** The WHERE terms of a scope on `messages m`, with their parameters. */
export function scopeWhere(scope: Scope): { sql: string; params: Param[] } {
  const groups = groupsWhere(scope, 'm');
  return { sql: ['m.ts >= ?', 'm.ts < ?', ...groups.terms].join(' AND '), params: [scope.from, scope.to, ...groups.params] };
}
