import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../../src/cli/config/load.js';
import { InputError } from '../../../src/core/errors.js';
import { DEFAULT_COSTS } from '../../../src/core/config-defaults.js';
import { tempDir } from '../../support/temp-dir.js';

function configFile(yaml: string): string {
  return join(tempDir({ 'c.yaml': yaml }), 'c.yaml');
}

describe('loadConfig', () => {
  it('gives the defaults with no file', () => {
    const c = loadConfig(undefined, {});
    expect(c.db).toBe('./fingertip.db');
    expect(c.timezone).toBe('Asia/Shanghai');
    expect(c.workhours).toEqual({ start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] });
    expect(c.costs).toEqual(DEFAULT_COSTS);
    expect(c.digest.cron).toBe('0 9 * * 1');
  });

  it("reads the contract's example, filling ${NAME} from the environment", () => {
    const file = configFile(`db: ./x.db
timezone: Asia/Shanghai
workhours: {start: "08:30", end: "17:30", days: [1, 2, 3, 4, 5, 6]}
digest:
  cron: "0 9 * * 1"
  supervisors: [{platform: slack, user: U0SUPER}]
adapters:
  slack: {token: "\${SLACK_BOT_TOKEN}", signingSecret: "\${SLACK_SIGNING_SECRET}", port: 3000}
  wechaty: {puppet: wechaty-puppet-wechat4u}
`);
    const c = loadConfig(file, { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(c.db).toBe(join(dirname(file), 'x.db'));
    expect(c.workhours.start).toBe('08:30');
    expect(c.digest.supervisors).toEqual([{ platform: 'slack', user: 'U0SUPER' }]);
    expect(c.adapters.slack).toEqual({ token: 'xoxb-1', signingSecret: 's3', port: 3000, apiUrl: 'http://127.0.0.1:9/api/' });
    expect(c.adapters.wechaty).toEqual({ puppet: 'wechaty-puppet-wechat4u' });
  });

  it('takes FINGERTIP_CONFIG and lets FINGERTIP_DB override db', () => {
    const file = configFile('db: ./a.db\n');
    expect(loadConfig(undefined, { FINGERTIP_CONFIG: file, FINGERTIP_DB: '/tmp/b.db' }).db).toBe('/tmp/b.db');
    expect(loadConfig(undefined, { FINGERTIP_CONFIG: file }).db).toBe(join(dirname(file), 'a.db'));
  });

  it('names the file and the key of a bad value', () => {
    expect(() => loadConfig(configFile('timezone: Mars/Olympus\n'), {})).toThrow(/c\.yaml: config key timezone: unknown time zone "Mars\/Olympus"/);
    expect(() => loadConfig(configFile('workhours: {start: "9am"}\n'), {})).toThrow(/config key workhours\.start: expected "HH:MM"/);
    expect(() => loadConfig(configFile('costs: {chores: 3}\n'), {})).toThrow(/config key costs\.chores: unknown category/);
    expect(() => loadConfig(configFile('colour: blue\n'), {})).toThrow(/config key colour: unknown key/);
    // A misspelt key inside a section would be ignored: the digest would go to no one.
    expect(() => loadConfig(configFile('digest: {supervisor: [{platform: slack, user: U1}]}\n'), {})).toThrow(
      /c\.yaml: config key digest\.supervisor: unknown key \(known: cron, detail, thresholds, supervisors\)$/,
    );
    expect(() => loadConfig(configFile('workhours: {strat: "08:00"}\n'), {})).toThrow(/config key workhours\.strat: unknown key/);
    expect(() => loadConfig(configFile('workhours: {start: "22:00", end: "06:00"}\n'), {})).toThrow(
      /config key workhours: start \(22:00\) must be before end \(06:00\); hours across midnight are not supported$/,
    );
    expect(loadConfig(configFile('workhours: {start: "14:00", end: "24:00"}\n'), {}).workhours).toMatchObject({ start: '14:00', end: '24:00' });
    expect(() => loadConfig(configFile('digest: {supervisors: [{platform: slack, usr: U1}]}\n'), {})).toThrow(
      /config key digest\.supervisors\[0\]\.usr: unknown key/,
    );
    expect(() => loadConfig(configFile('digest: {thresholds: {yellow: 5000, red: 100}}\n'), {})).toThrow(
      /config key digest\.thresholds: yellow \(5000\) must not be above red \(100\)$/,
    );
    expect(() => loadConfig(configFile('adapters: {slak: {token: x}}\n'), {})).toThrow(
      /c\.yaml: config key adapters\.slak: unknown adapter \(known: shell, slack/,
    );
    expect(() => loadConfig(configFile('digest: {cron: "not a cron"}\n'), {})).toThrow(
      /c\.yaml: config key digest\.cron: invalid cron expression "not a cron"$/,
    );
  });

  it('names an unset variable, invalid YAML with its line, and a missing file', () => {
    expect(() => loadConfig(configFile('db: ${NOPE}\n'), {})).toThrow(/c\.yaml: environment variable NOPE is not set/);
    expect(() => loadConfig(configFile('db: x\nworkhours: [\n'), {})).toThrow(/c\.yaml:\d+: invalid YAML/);
    expect(() => loadConfig('/nonexistent.yaml', {})).toThrow('/nonexistent.yaml: cannot read config (ENOENT)');
    // Aliases that would expand to a million nodes: refused as the file's bad YAML, not a crash.
    const bomb =
      'a: &a [x,x,x,x,x,x,x,x,x,x]\n' + ['b', 'c', 'd', 'e', 'f'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcde'[i]}`).join(',')}]`).join('\n');
    const bombFile = configFile(bomb);
    expect(() => loadConfig(bombFile, {})).toThrow(`${bombFile}: invalid YAML: Excessive alias count indicates a resource exhaustion attack`);
  });

  it('refuses a file saved as GBK, naming its line, instead of reading U+FFFD into a new database name', () => {
    const file = configFile('');
    // `db: ./数据.db` in GBK: read as UTF-8 it named a database file `����.db`.
    writeFileSync(file, Buffer.concat([Buffer.from('timezone: Asia/Shanghai\ndb: ./'), Buffer.from([0xca, 0xfd, 0xbe, 0xdd]), Buffer.from('.db\n')]));
    expect(() => loadConfig(file, {})).toThrow(new InputError(`${file}:2: not UTF-8 text (saved in another encoding, such as GBK: save it as UTF-8)`));
  });

  it('fills placeholders in values only, each value as the environment holds it', () => {
    const file = configFile('# token: ${UNSET_IN_A_COMMENT}\ntimezone: "${TZV}"\nadapters:\n  slack: {token: "${TOKEN}", signingSecret: "${SECRET}"}\n');
    const c = loadConfig(file, { TZV: 'Asia/Tokyo', TOKEN: 'xoxb-"quoted" # not a comment', SECRET: 'ab\\c"d' });
    expect(c.timezone).toBe('Asia/Tokyo');
    expect(c.adapters.slack).toMatchObject({ token: 'xoxb-"quoted" # not a comment', signingSecret: 'ab\\c"d' });
    expect(() => loadConfig(file, { TZV: 'Asia/Tokyo" # x', TOKEN: 't', SECRET: 's' })).toThrow(/config key timezone: unknown time zone "Asia\/Tokyo" # x"/);
  });

  it('reads a value that is one unquoted placeholder as YAML would read it there: a number, a boolean, in a flow mapping too', () => {
    const file = configFile('retentionDays: ${DAYS}\ncosts: {check-in: ${CHECKIN}}\ntimezone: "${TZ_NAME}"\n');
    const c = loadConfig(file, { DAYS: '30', CHECKIN: '3', TZ_NAME: 'UTC' });
    expect([c.retentionDays, c.costs['check-in'], c.timezone]).toEqual([30, 3, 'UTC']);
    // Only what is written exactly as a number is one: ids and secrets stay text, and are never parsed as YAML.
    const ids = loadConfig(
      configFile('digest: {supervisors: [{platform: slack, user: ${BOSS}}]}\nadapters:\n  slack: {token: ${TOKEN}, signingSecret: ${SECRET}}\n'),
      {
        BOSS: '0156201234567890123',
        TOKEN: '@Xk9#pw {abc',
        SECRET: '1e5',
      },
    );
    expect(ids.digest.supervisors).toEqual([{ platform: 'slack', user: '0156201234567890123' }]);
    expect(ids.adapters.slack).toMatchObject({ token: '@Xk9#pw {abc', signingSecret: '1e5' });
    // Quoted, a placeholder is a string whatever it holds.
    expect(() => loadConfig(configFile('retentionDays: "${DAYS}"\n'), { DAYS: '30' })).toThrow(/config key retentionDays: expected a whole number/);
  });

  it('overrides single costs', () => {
    const c = loadConfig(configFile('costs: {data-request: 20}\n'), {});
    expect(c.costs['data-request']).toBe(20);
    expect(c.costs['check-in']).toBe(DEFAULT_COSTS['check-in']);
  });

  it('bounds numbers, naming the key and the range', () => {
    const bad: [string, RegExp][] = [
      ['costs: {check-in: 1e300}\n', /config key costs\.check-in: expected a number of minutes from 0 to 1,440$/],
      ['costs: {check-in: .nan}\n', /config key costs\.check-in: expected a number of minutes/],
      ['retentionDays: 1e300\n', /config key retentionDays: expected a whole number of days from 1 to 36,500$/],
      ['retentionDays: 1.5\n', /config key retentionDays: expected a whole number of days/],
      ['digest: {thresholds: {red: .inf}}\n', /config key digest\.thresholds\.red: expected a number of person-minutes from 0 to 1,000,000,000$/],
      ['digest: {thresholds: {yellow: -1}}\n', /config key digest\.thresholds\.yellow: expected a number of person-minutes/],
    ];
    for (const [yaml, message] of bad) expect(() => loadConfig(configFile(yaml), {}), yaml).toThrow(message);
    const c = loadConfig(configFile('costs: {ack-demand: 0}\nretentionDays: 36500\ndigest: {thresholds: {red: 1000000000}}\n'), {});
    expect([c.costs['ack-demand'], c.retentionDays, c.digest.thresholds.red]).toEqual([0, 36_500, 1e9]);
  });

  it('keeps a postgres:// URL as given, refuses other schemes and bad pool settings without the password, and takes a file:// URL as its path', () => {
    const url = 'postgres://fingertip:secret@db.example/fingertip?pool=4';
    expect(loadConfig(configFile(`db: ${url}\n`), {}).db).toBe(url);
    expect(loadConfig(undefined, { FINGERTIP_DB: 'postgresql://db.example/x' }).db).toBe('postgresql://db.example/x');
    expect(() => loadConfig(configFile('db: postgres://fingertip:secret@db.example/fingertip?pool=many\n'), {})).toThrow(
      /^\S+c\.yaml: config key db: postgres:\/\/fingertip@db\.example\/fingertip: pool must be a whole number from 1 to 1000, got "many"$/,
    );
    // The driver would take the first three as a deadline already passed; under a second a sound server's answer outlasts it.
    for (const bad of ['0', 'abc', '1.5', '1', '999'])
      expect(() => loadConfig(undefined, { FINGERTIP_DB: `postgres://fingertip:secret@db.example/fingertip?query_timeout=${bad}` })).toThrow(
        new RegExp(`^FINGERTIP_DB: postgres://fingertip@db\\.example/fingertip: query_timeout must be a whole number from 1000 to 86400000, got "${bad}"$`),
      );
    for (const ok of ['1000', '30000'])
      expect(loadConfig(undefined, { FINGERTIP_DB: `postgres://db.example/x?query_timeout=${ok}` }).db).toBe(`postgres://db.example/x?query_timeout=${ok}`);
    expect(() => loadConfig(undefined, { FINGERTIP_DB: 'MySQL://root@127.0.0.1/x' })).toThrow(
      /^FINGERTIP_DB: a mysql:\/\/ URL: mysql is not supported; give a postgres:\/\/ URL or the path of a SQLite file$/,
    );
    expect(loadConfig(undefined, { FINGERTIP_DB: 'file:///var/lib/fingertip/bot.db' }).db).toBe('/var/lib/fingertip/bot.db');
    expect(loadConfig(configFile('db: file:///tmp/a%20b.db\n'), {}).db).toBe('/tmp/a b.db');
    expect(() => loadConfig(undefined, { FINGERTIP_DB: 'file://elsewhere/x.db' })).toThrow(/^FINGERTIP_DB: not a local file URL/);
    expect(loadConfig(undefined, { FINGERTIP_DB: 'data/postgres:x.db' }).db).toBe('data/postgres:x.db'); // a path, not a URL
  });
});
